/**
 * All output files of a run, as texts: summary.csv, annual.csv, annual_by_segment.csv,
 * daily.csv, workforce.csv, summary.json and report.html. Built the same way from a fresh run and
 * from merged shards, so the two are byte-identical.
 *
 * @module
 */

import { describeCareModels } from "../models/care_models/describe.ts";
import { buildAnswer, type RunAnswer } from "./answer.ts";
import { toCsv } from "./csv.ts";
import { reportHtml } from "./html/report_html.ts";
import type { RunMeta } from "./run_meta.ts";
import type { RunSummary } from "./run_summarizer.ts";
import { type RunWarning, runWarnings } from "./run_warnings.ts";
import { summarizeAll, summaryCells, summaryHeader, type SummaryRow } from "./summarize_run.ts";
import { type RunTables, tablesToCsv } from "./tables.ts";

/** The output files of a run, and its summary rows. */
export interface RunOutputs {
  /** File name → text. */
  files: Record<string, string>;
  /** The summary rows (as in summary.csv). */
  summary: SummaryRow[];
}

/**
 * summary.json: the run's metadata, what each care model is (parts, cohort, ramp-up, effects,
 * capacity, staff and their costs, sources: `describeCareModels`) and the summary rows (NaN and
 * infinite values written as null), two-space indented.
 *
 * @param meta The run's metadata.
 * @param rows Summary rows.
 * @param extra The answer (`answer`, see report/answer.ts) and `warnings` (report/run_warnings.ts).
 * @returns The JSON text, ending with a newline.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const text = summaryJson({ caresimVersion: "1", scenarioName: "x" } as never, []);
 * assert.equal(JSON.parse(text).caresim, "1");
 * ```
 */
export function summaryJson(
  meta: RunMeta,
  rows: SummaryRow[],
  extra: { answer?: RunAnswer; warnings?: RunWarning[] } = {},
): string {
  return outputJson({
    ...runIdentity(meta),
    scenario: meta.scenario,
    ...(extra.warnings ? { warnings: extra.warnings } : {}),
    ...(extra.answer ? { answer: extra.answer } : {}),
    summary: rows,
  });
}

/**
 * The run's identity as summary.json opens with it (caresim version, scenario name and hash,
 * seed, replications, indices, shard, options, groups), for every summary.json caresim writes.
 *
 * @param meta The run's metadata.
 * @returns The fields, in summary.json's order.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { caresimVersion: "1", scenarioName: "x", seed: 3 } as never;
 * assert.deepEqual(Object.keys(runIdentity(meta)).slice(0, 4), ["caresim", "scenarioName", "scenarioHash", "seed"]);
 * ```
 */
export function runIdentity(meta: RunMeta): Record<string, unknown> {
  return {
    caresim: meta.caresimVersion,
    scenarioName: meta.scenarioName,
    scenarioHash: meta.scenarioHash,
    seed: meta.seed,
    replications: meta.replications,
    indices: meta.indices,
    shard: meta.shard,
    options: meta.options,
    careModels: meta.scenario?.careModels ? describeCareModels(meta.scenario) : [],
    groups: meta.groups,
  };
}

/**
 * A JSON output file's text: two-space indented, NaN and infinities written as null, ending with
 * a newline.
 *
 * @param doc The document.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(outputJson({ sd: NaN }), '{\n  "sd": null\n}\n');
 * ```
 */
export function outputJson(doc: unknown): string {
  return JSON.stringify(
    doc,
    (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v),
    2,
  ) + "\n";
}

/**
 * Reads the metadata back from summary.json.
 *
 * @param text summary.json text.
 * @returns The metadata.
 * @throws {TypeError} If the text is not a caresim summary.json.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { caresimVersion: "1", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 2, indices: [0], options: [], groups: [], scenario: {} } as never;
 * assert.deepEqual(parseSummaryJson(summaryJson(meta, [])), meta);
 * ```
 */
export function parseSummaryJson(text: string): RunMeta {
  let doc: Record<string, unknown>;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    throw new TypeError(`Cannot read summary.json: ${(error as Error).message}`);
  }
  const fields = [
    "caresim",
    "scenarioHash",
    "seed",
    "replications",
    "indices",
    "groups",
    "scenario",
  ];
  const missing = fields.filter((f) => doc?.[f] === undefined);
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot read summary.json: it is not a caresim summary, missing ${missing.join(", ")}`,
    );
  }
  return {
    caresimVersion: doc.caresim as string,
    scenarioName: doc.scenarioName as string,
    scenarioHash: doc.scenarioHash as string,
    seed: doc.seed as number,
    replications: doc.replications as number,
    indices: doc.indices as number[],
    ...(doc.shard ? { shard: doc.shard as RunMeta["shard"] } : {}),
    options: (doc.options ?? []) as RunMeta["options"],
    groups: doc.groups as RunMeta["groups"],
    scenario: doc.scenario as RunMeta["scenario"],
  };
}

/**
 * Builds every output file of a run from its metadata and tables.
 *
 * @param meta The run's metadata.
 * @param tables The per-replication tables.
 * @returns The files and summary rows.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups, scenario };
 * const out = buildOutputs(meta, { groups, annual: [], daily: [], workforce: [] });
 * assert.deepEqual(Object.keys(out.files).sort(), ["annual.csv", "annual_by_segment.csv", "daily.csv", "report.html", "summary.csv", "summary.json", "workforce.csv"]);
 * ```
 */
export function buildOutputs(meta: RunMeta, tables: RunTables): RunOutputs {
  const { startDate, years } = meta.scenario;
  const summary = summarizeAll(tables, { calendar: { startDate, years } });
  const files: Record<string, string> = {
    ...summaryFiles(meta, summary),
    ...tablesToCsv(tables),
  };
  return { files, summary: summary.rows };
}

/**
 * The files built from a run's summary: summary.csv, summary.json and report.html.
 *
 * @param meta The run's metadata.
 * @param summary The run's summary (from a `RunSummarizer` or `summarizeAll`).
 * @returns File name → text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups, scenario };
 * const files = summaryFiles(meta, { rows: [], fans: [[]], staffGroups: [] });
 * assert.deepEqual(Object.keys(files), ["summary.csv", "summary.json", "report.html"]);
 * ```
 */
export function summaryFiles(meta: RunMeta, summary: RunSummary): Record<string, string> {
  const answer = summary.answer ? buildAnswer(meta, summary.answer) : undefined;
  const warnings = runWarnings(meta, summary.rows);
  return {
    "summary.csv": toCsv(summaryHeader(), summary.rows.map(summaryCells)),
    "summary.json": summaryJson(meta, summary.rows, { answer, warnings }),
    "report.html": reportHtml(meta, summary, { answer, warnings }),
  };
}
