/**
 * Summaries of a run across replications: the rows of summary.csv (mean, sd, 95% CI,
 * percentiles) for each group, metric and year, and the paired "avoided" figures.
 *
 * @module
 */

import type { ScenarioRun } from "./_scenario_run.ts";
import { roundForCsv } from "./csv.ts";
import { figuresOfTables } from "./run_figures.ts";
import {
  RunSummarizer,
  type RunSummarizerOptions,
  type RunSummary,
  type SummaryRow,
} from "./run_summarizer.ts";

export type { SummaryRow };
import { type RunTables, runTables } from "./tables.ts";

/**
 * Summarises tidy run tables (see {@linkcode summarizeRun}).
 *
 * @param tables The run's tables (from a run or read back from CSV).
 * @returns Summary rows in the fixed order: baseline, then per option its scenario rows and its
 *   avoided rows; within each, metric order of report/metrics.ts, years ascending then "all".
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const annual = [0, 1].flatMap((replication) => [1, 2].map((year) => ({
 *   scenario: "x", variant: "baseline" as const, replication, year, metric: "bed_days", value: 10 * year + replication,
 * })));
 * const rows = summarizeTables({ groups: [{ scenario: "x", variant: "baseline", label: "Baseline" }], annual, daily: [], workforce: [] });
 * const all = rows.find((r) => r.metric === "bed_days" && r.year === "all")!;
 * assert.equal(all.mean, 31);
 * assert.equal(all.n, 2);
 * ```
 */
export function summarizeTables(tables: RunTables): SummaryRow[] {
  return summarizeAll(tables).rows;
}

/**
 * Summarises tidy run tables held in memory, exactly (every replication kept for the
 * percentiles): the summary rows, fan charts and staff groups.
 *
 * @param tables The run's tables.
 * @param options The run's start date and model years, to gather the answer by financial year.
 * @returns The run's summary.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const workforce = [{ scenario: "x", variant: "baseline" as const, replication: 0, year: 1, staffGroup: "gp", fte: 3 }];
 * assert.deepEqual(summarizeAll({ groups, annual: [], daily: [], workforce }).staffGroups, ["gp"]);
 * ```
 */
export function summarizeAll(
  tables: RunTables,
  options: Pick<RunSummarizerOptions, "calendar"> = {},
): RunSummary {
  const figures = figuresOfTables(tables);
  const summarizer = new RunSummarizer(tables.groups, {
    sampleSize: Math.max(1, figures.length),
    settingMetrics: tables.settingMetrics,
    calendar: options.calendar,
  });
  for (const f of figures) summarizer.add(f);
  return summarizer.result();
}

/**
 * Summarises a run: for the baseline and each option, every metric by year and over the whole
 * horizon (`year = "all"`: sums for counts, means for levels), plus "avoided" rows (baseline −
 * scenario, paired by replication so common random numbers narrow the interval).
 *
 * @param run A scenario run (whole or one shard).
 * @returns The rows of summary.csv, in a fixed order.
 *
 * @example A run without replications has no rows
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(summarizeRun({ scenario: { name: "x" }, options: [], results: [] } as never), []);
 * ```
 */
export function summarizeRun(run: ScenarioRun): SummaryRow[] {
  return summarizeTables(runTables(run));
}

const SUMMARY_HEADER = [
  "scenario",
  "variant",
  "metric",
  "year",
  "unit",
  "mean",
  "sd",
  "ci_low",
  "ci_high",
  "p05",
  "p50",
  "p95",
  "n",
] as const;

/**
 * The columns of summary.csv, in order.
 *
 * @returns The header.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(summaryHeader()[7], "ci_low");
 * ```
 */
export function summaryHeader(): string[] {
  return [...SUMMARY_HEADER];
}

/**
 * One summary row as CSV cells, in {@linkcode summaryHeader} order, the statistics rounded to
 * four decimal places (`CSV_DECIMALS`; summary.json keeps them unrounded).
 *
 * @param row A summary row.
 * @returns Its cells.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = summaryCells({ scenario: "x", variant: "baseline", metric: "bed_days", year: "all", unit: "bed_days", mean: 1.23456789, sd: 0, ciLow: 1, ciHigh: 1, p05: 1, p50: 1, p95: 1, n: 2 });
 * assert.deepEqual(cells.slice(0, 6), ["x", "baseline", "bed_days", "all", "bed_days", 1.2346]);
 * ```
 */
export function summaryCells(row: SummaryRow): (string | number)[] {
  return [
    row.scenario,
    row.variant,
    row.metric,
    row.year,
    row.unit,
    roundForCsv(row.mean),
    roundForCsv(row.sd),
    roundForCsv(row.ciLow),
    roundForCsv(row.ciHigh),
    roundForCsv(row.p05),
    roundForCsv(row.p50),
    roundForCsv(row.p95),
    row.n,
  ];
}
