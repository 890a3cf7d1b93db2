/**
 * Recording a fixture: the source of a comparison (a run's summary rows and identity), read
 * from an output directory's summary.csv or taken from a run in memory, and turned into a fixture.
 *
 * @module
 */

import {
  COMPARISON_MODES,
  type ComparisonMode,
  type Fixture,
  FIXTURE_FORMAT_VERSION,
  FixtureError,
  type FixtureRow,
  type RunIdentity,
  sha256Hex,
} from "./fixture_format.ts";
import { parseCsv, toCsv } from "../report/csv.ts";
import { summarizeRun, summaryCells, summaryHeader } from "../report/summarize_run.ts";
import { join } from "node:path";
import type { ScenarioRun } from "../models/run_scenario.ts";
import { runMeta } from "../report/run_meta.ts";
import { resolveStatisticalSettings, type StatisticalSettings } from "./statistics.ts";

/** What a fixture is recorded from and compared with. */
export interface FixtureSource {
  /** The exact text of `summary.csv`. */
  summaryCsv: string;
  /** Its rows, parsed. */
  rows: FixtureRow[];
  /** Who made it (unknown fields null). */
  run: RunIdentity;
}

const COLUMNS = summaryHeader();

/**
 * Parses `summary.csv` text into rows. Numbers are read with `Number()` (the CSV holds
 * JavaScript's own number text, so values round-trip exactly); "NaN" reads as NaN.
 *
 * @param text The file's text.
 * @param options `label` names the file in errors (default "summary.csv").
 * @returns The rows, in file order.
 * @throws {FixtureError} If the header is not the summary.csv header or a cell is not a number
 *   where one is expected (up to 10 problems listed).
 *
 * @example One row
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = parseSummaryCsv(
 *   "scenario,variant,metric,year,unit,mean,sd,ci_low,ci_high,p05,p50,p95,n\n" +
 *     "x,baseline,bed_days,all,bed_days,1.5,0.1,1.4,1.6,1.3,1.5,1.7,20\n",
 * );
 * assert.equal(rows[0].year, "all");
 * assert.equal(rows[0].ciLow, 1.4);
 * ```
 */
export function parseSummaryCsv(text: string, options: { label?: string } = {}): FixtureRow[] {
  const label = options.label ?? "summary.csv";
  const header = text.slice(0, text.indexOf("\n") >>> 0).replace(/\r$/, "");
  if (header !== COLUMNS.join(",")) {
    throw new FixtureError(
      `Cannot read ${label}: expected the header ${COLUMNS.join(",")}, received ${
        JSON.stringify(header.slice(0, 120))
      }`,
    );
  }
  let records: Record<string, string>[];
  try {
    records = parseCsv(text);
  } catch (e) {
    throw new FixtureError(`Cannot read ${label}: ${(e as Error).message}`);
  }
  const problems: string[] = [];
  const num = (rec: Record<string, string>, col: string, line: number): number => {
    const cell = rec[col];
    const v = cell === "NaN" ? NaN : cell === "" ? NaN : Number(cell);
    if (Number.isNaN(v) && cell !== "NaN") {
      problems.push(`line ${line} ${col}: expected a number, found ${JSON.stringify(cell)}`);
    }
    return v;
  };
  const rows = records.map((rec, i): FixtureRow => {
    const line = i + 2;
    const yearText = rec.year;
    const year = yearText === "all" ? "all" : Number(yearText);
    if (year !== "all" && !Number.isInteger(year)) {
      problems.push(
        `line ${line} year: expected an integer or "all", found ${JSON.stringify(yearText)}`,
      );
    }
    return {
      scenario: rec.scenario,
      variant: rec.variant,
      metric: rec.metric,
      year,
      unit: rec.unit,
      mean: num(rec, "mean", line),
      sd: num(rec, "sd", line),
      ciLow: num(rec, "ci_low", line),
      ciHigh: num(rec, "ci_high", line),
      p05: num(rec, "p05", line),
      p50: num(rec, "p50", line),
      p95: num(rec, "p95", line),
      n: num(rec, "n", line),
    };
  });
  if (problems.length > 0) {
    const shown = problems.slice(0, 10);
    if (problems.length > 10) shown.push(`… and ${problems.length - 10} more`);
    throw new FixtureError(`Cannot read ${label}`, shown);
  }
  return rows;
}

function field<T>(
  json: Record<string, unknown>,
  key: string,
  ok: (v: unknown) => boolean,
): T | null {
  const v = json[key];
  return ok(v) ? v as T : null;
}

/**
 * Reads the outputs `deno task sim` wrote to a directory: `summary.csv` (required) and the
 * identity in `summary.json` (optional: `caresim`, `scenarioName`, `scenarioHash`, `seed`,
 * `replications`; unknown fields are null).
 *
 * @param dir The output directory.
 * @returns The outputs.
 * @throws {FixtureError} If the directory or `summary.csv` is missing, or a file is unreadable
 *   or malformed.
 *
 * @example A missing directory is a FixtureError
 * ```ts
 * import assert from "node:assert/strict";
 * import { FixtureError } from "./fixture_format.ts";
 * await assert.rejects(readFixtureSource("no/such/dir"), FixtureError);
 * ```
 */
export async function readFixtureSource(dir: string): Promise<FixtureSource> {
  const action = `Cannot read run outputs in ${dir}`;
  let info: Deno.FileInfo;
  try {
    info = await Deno.stat(dir);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) throw new FixtureError(`${action}: directory not found`);
    throw new FixtureError(`${action}: ${(e as Error).message}`);
  }
  if (!info.isDirectory) throw new FixtureError(`${action}: not a directory`);
  let summaryCsv: string;
  try {
    summaryCsv = await Deno.readTextFile(join(dir, "summary.csv"));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) {
      throw new FixtureError(
        `${action}: summary.csv not found (write it with \`deno task sim SCENARIO --out ${dir}\`)`,
      );
    }
    throw new FixtureError(`${action}: ${(e as Error).message}`);
  }
  const rows = parseSummaryCsv(summaryCsv, { label: join(dir, "summary.csv") });
  let json: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(await Deno.readTextFile(join(dir, "summary.json")));
    if (parsed !== null && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed;
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) {
      throw new FixtureError(`${action}: summary.json is unreadable (${(e as Error).message})`);
    }
  }
  const isString = (v: unknown) => typeof v === "string";
  const isInt = (v: unknown) => Number.isInteger(v);
  return {
    summaryCsv,
    rows,
    run: {
      scenarioName: field<string>(json, "scenarioName", isString),
      scenarioHash: field<string>(
        json,
        "scenarioHash",
        (v) => isString(v) && /^sha256:[0-9a-f]{64}$/.test(v as string),
      ),
      seed: field<number>(json, "seed", isInt),
      replications: field<number>(json, "replications", isInt),
      caresimVersion: field<string>(json, "caresim", isString) ??
        field<string>(json, "caresimVersion", isString),
    },
  };
}

/**
 * The outputs of an in-process run: `summary.csv` exactly as `deno task sim` writes it, and the
 * identity summary.json records.
 *
 * @param run A scenario run (from `runScenario`).
 * @returns The outputs.
 *
 * @example A tiny run, in-process
 * ```ts
 * import assert from "node:assert/strict";
 * import { runScenario } from "../models/run_scenario.ts";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, name: "tiny", years: 1, population: { size: 2000 } });
 * const outputs = await fixtureSourceFromRun(await runScenario(scenario, { replications: 2, seed: 1, workers: 1 }));
 * assert.equal(outputs.run.scenarioName, "tiny");
 * assert.ok(outputs.summaryCsv.startsWith("scenario,variant,metric,year"));
 * ```
 */
export async function fixtureSourceFromRun(run: ScenarioRun): Promise<FixtureSource> {
  const summary = summarizeRun(run);
  const summaryCsv = toCsv(summaryHeader(), summary.map(summaryCells));
  const meta = await runMeta(run);
  return {
    summaryCsv,
    rows: parseSummaryCsv(summaryCsv),
    run: {
      scenarioName: meta.scenarioName,
      scenarioHash: meta.scenarioHash,
      seed: meta.seed,
      replications: meta.replications,
      caresimVersion: meta.caresimVersion,
    },
  };
}

/** Options of {@linkcode recordFixture}. */
export interface RecordFixtureOptions {
  /**
   * The mode the fixture is checked in by default.
   * @default {"statistical"}
   */
  mode?: ComparisonMode;
  /** Statistical settings stored with the fixture (omitted fields: the defaults). */
  statistical?: Partial<StatisticalSettings>;
}

/**
 * Records a fixture from a run's outputs: identity, mode and settings, the SHA-256 of
 * `summary.csv` and every summary row. Recording the same outputs twice gives equal fixtures
 * (nothing depends on the clock).
 *
 * @param outputs The run's outputs (see `fixtureSourceFromRun`, `readFixtureSource`).
 * @param options Mode and statistical settings.
 * @returns The fixture (write it with `writeFixture`).
 * @throws {RangeError} If the mode or a setting is invalid.
 *
 * @example Record an exact-mode fixture
 * ```ts
 * import assert from "node:assert/strict";
 * const f = await recordFixture({
 *   summaryCsv: "scenario,variant,metric,year,unit,mean,sd,ci_low,ci_high,p05,p50,p95,n\n",
 *   rows: [],
 *   run: { scenarioName: "x", scenarioHash: null, seed: 1, replications: 2, caresimVersion: "0.1.0" },
 * }, { mode: "exact" });
 * assert.equal(f.mode, "exact");
 * assert.equal(f.summaryCsv.sha256.length, 64);
 * ```
 */
export async function recordFixture(
  outputs: FixtureSource,
  options: RecordFixtureOptions = {},
): Promise<Fixture> {
  const mode = options.mode ?? "statistical";
  if (!COMPARISON_MODES.includes(mode)) {
    throw new RangeError(
      `Cannot record a fixture: mode must be one of ${COMPARISON_MODES.join(", ")}, received ${
        String(mode)
      }`,
    );
  }
  return {
    format: "caresim-fixture",
    formatVersion: FIXTURE_FORMAT_VERSION,
    mode,
    statistical: resolveStatisticalSettings(options.statistical),
    run: { ...outputs.run },
    summaryCsv: {
      sha256: await sha256Hex(outputs.summaryCsv),
      bytes: new TextEncoder().encode(outputs.summaryCsv).length,
    },
    rows: outputs.rows.map((r) => ({ ...r })),
  };
}
