/**
 * Summaries of a run across replications: the rows of summary.csv (mean, sd, 95% CI,
 * percentiles) for each group, metric and year, and the paired "avoided" figures.
 *
 * @module
 */

import { pairedDifference, summarize } from "../sim/mod.ts";
import type { ScenarioRun } from "./_scenario_run.ts";
import { metricDefinitions } from "./metrics.ts";
import { type RunGroup, type RunTables, runTables } from "./tables.ts";

/** One row of summary.csv. */
export interface SummaryRow {
  /** Scenario name, or `<name>/<optionId>` when the run has several options. */
  scenario: string;
  /** baseline, scenario, or avoided (baseline − scenario, paired by replication). */
  variant: "baseline" | "scenario" | "avoided";
  /** Stable snake_case metric name (report/METRICS.md). */
  metric: string;
  /** Model year, or "all" for the whole horizon. */
  year: number | "all";
  /** Unit. */
  unit: string;
  /** Mean across replications. */
  mean: number;
  /** Sample standard deviation (NaN with one replication). */
  sd: number;
  /** Lower end of the 95% t-interval of the mean. */
  ciLow: number;
  /** Upper end of the 95% t-interval of the mean. */
  ciHigh: number;
  /** 5th percentile across replications. */
  p05: number;
  /** Median. */
  p50: number;
  /** 95th percentile. */
  p95: number;
  /** Replications. */
  n: number;
}

/** Values keyed by metric, then year ("all" included), then replication (ascending). */
type GroupValues = Map<string, Map<number | "all", Map<number, number>>>;

function put(values: GroupValues, metric: string, year: number, rep: number, value: number) {
  let byYear = values.get(metric);
  if (!byYear) values.set(metric, byYear = new Map());
  let byRep = byYear.get(year);
  if (!byRep) byYear.set(year, byRep = new Map());
  byRep.set(rep, value);
}

function key(g: { scenario: string; variant: string }) {
  return `${g.variant}\u0000${g.scenario}`;
}

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
  const staffGroups: string[] = [];
  for (const w of tables.workforce) {
    if (!staffGroups.includes(w.staffGroup)) staffGroups.push(w.staffGroup);
  }
  const defs = metricDefinitions(staffGroups, tables.settingMetrics);
  const byGroup = new Map<string, GroupValues>();
  const valuesOf = (g: { scenario: string; variant: string }) => {
    let v = byGroup.get(key(g));
    if (!v) byGroup.set(key(g), v = new Map());
    return v;
  };
  let years = 0;
  for (const r of tables.annual) {
    if (r.segment !== undefined) continue;
    put(valuesOf(r), r.metric, r.year, r.replication, r.value);
    years = Math.max(years, r.year);
  }
  for (const w of tables.workforce) {
    put(valuesOf(w), `fte_${w.staffGroup}`, w.year, w.replication, w.fte);
    years = Math.max(years, w.year);
  }
  // Whole-horizon values per replication.
  for (const values of byGroup.values()) {
    for (const def of defs) {
      const byYear = values.get(def.metric);
      if (!byYear) continue;
      const reps = new Map<number, number[]>();
      for (let y = 1; y <= years; y++) {
        for (const [rep, v] of byYear.get(y) ?? []) {
          if (!reps.has(rep)) reps.set(rep, []);
          reps.get(rep)!.push(v);
        }
      }
      const all = new Map<number, number>();
      for (const [rep, vs] of reps) {
        const sum = vs.reduce((a, b) => a + b, 0);
        all.set(rep, def.allYears === "sum" ? sum : sum / vs.length);
      }
      byYear.set("all", all);
    }
  }
  const yearList: (number | "all")[] = [...Array.from({ length: years }, (_, i) => i + 1), "all"];
  const sorted = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);
  const rows: SummaryRow[] = [];
  const emit = (
    group: RunGroup,
    variant: SummaryRow["variant"],
    metric: string,
    unit: string,
    year: number | "all",
    s: ReturnType<typeof summarize>,
  ) =>
    rows.push({
      scenario: group.scenario,
      variant,
      metric,
      year,
      unit,
      mean: s.mean,
      sd: s.sd,
      ciLow: s.ciLow,
      ciHigh: s.ciHigh,
      p05: s.p05,
      p50: s.p50,
      p95: s.p95,
      n: s.n,
    });
  const baselineGroup = tables.groups.find((g) => g.variant === "baseline");
  const baseline = baselineGroup ? byGroup.get(key(baselineGroup)) : undefined;
  for (const group of tables.groups) {
    const values = byGroup.get(key(group));
    if (!values) continue;
    for (const def of defs) {
      for (const year of yearList) {
        const reps = values.get(def.metric)?.get(year);
        if (reps && reps.size > 0) {
          emit(
            group,
            group.variant,
            def.metric,
            def.unit,
            year,
            summarize(sorted(reps).map((e) => e[1])),
          );
        }
      }
    }
    if (group.variant !== "scenario" || !baseline) continue;
    for (const def of defs) {
      for (const year of yearList) {
        const reps = values.get(def.metric)?.get(year);
        const base = baseline.get(def.metric)?.get(year);
        if (!reps || !base) continue;
        const pairs = sorted(reps).filter(([rep]) => base.has(rep));
        if (pairs.length === 0) continue;
        const d = pairedDifference(pairs.map(([rep]) => base.get(rep)!), pairs.map((e) => e[1]));
        emit(group, "avoided", def.avoided, def.unit, year, d);
      }
    }
  }
  return rows;
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
 * One summary row as CSV cells, in {@linkcode summaryHeader} order.
 *
 * @param row A summary row.
 * @returns Its cells.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const cells = summaryCells({ scenario: "x", variant: "baseline", metric: "bed_days", year: "all", unit: "bed_days", mean: 1, sd: 0, ciLow: 1, ciHigh: 1, p05: 1, p50: 1, p95: 1, n: 2 });
 * assert.deepEqual(cells.slice(0, 4), ["x", "baseline", "bed_days", "all"]);
 * ```
 */
export function summaryCells(row: SummaryRow): (string | number)[] {
  return [
    row.scenario,
    row.variant,
    row.metric,
    row.year,
    row.unit,
    row.mean,
    row.sd,
    row.ciLow,
    row.ciHigh,
    row.p05,
    row.p50,
    row.p95,
    row.n,
  ];
}
