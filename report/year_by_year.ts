/**
 * The headline figures year by year, not only as averages over the horizon: for the baseline,
 * mean occupied acute beds, emergency admissions, ED boarding hours, delayed-transfer bed days,
 * deaths and FTE needed by staff group in each model year; for each option, what it changes in
 * each of them against the baseline (baseline − option, paired by replication). Taken from the
 * rows of summary.csv, so each year's figure is the mean across replications of annual.csv's (or
 * workforce.csv's) values for that year. Shown by report.html and the terminal.
 *
 * @module
 */

import { financialYear } from "./financial_years.ts";
import { avoidedName, metricLabel } from "./metrics.ts";
import type { RunMeta } from "./run_meta.ts";
import type { SummaryRow } from "./run_summarizer.ts";

/** The metrics shown year by year, in order (FTE by staff group follows). */
export const YEAR_METRICS = [
  "acute_occupied_beds_mean",
  "emergency_admissions",
  "ed_boarding_hours",
  "delayed_transfer_bed_days",
  "deaths",
] as const;

/** One figure's row: its values by model year. */
export interface YearRow {
  /** The metric (for options: the metric whose change is shown). */
  metric: string;
  /** Human label. */
  label: string;
  /** Unit (metric registry). */
  unit: string;
  /** The summary row of each year (index 0 = the first year shown); undefined when absent. */
  values: (SummaryRow | undefined)[];
}

/** The baseline or one option, year by year. */
export interface YearArm {
  /** Human label. */
  label: string;
  /** The `scenario` column of summary.csv. */
  scenario: string;
  /** `baseline` (levels) or `avoided` (baseline − option). */
  variant: "baseline" | "avoided";
  /** Its rows. */
  rows: YearRow[];
}

/** The year-by-year figures of a run. */
export interface YearByYear {
  /** The model years shown, with the financial year holding each one's middle. */
  years: { year: number; financialYear: string }[];
  /** The baseline, then each option (in run order). */
  arms: YearArm[];
}

/**
 * The run's headline figures year by year (see the module doc).
 *
 * @param meta The run's metadata (groups, start date).
 * @param rows The rows of summary.csv.
 * @param options Which model years to show (default every year).
 * @returns The years and, per arm, one row per metric present.
 *
 * @example Year 1 of a one-year baseline
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], scenario: { startDate: "2025-04-01", years: 1 } } as never;
 * const row = { scenario: "x", variant: "baseline" as const, metric: "emergency_admissions", year: 1, unit: "admissions", mean: 90, sd: 1, ciLow: 89, ciHigh: 91, p05: 89, p50: 90, p95: 91, n: 3 };
 * const y = yearByYear(meta, [row]);
 * assert.equal(y.years[0].financialYear, "2025/26");
 * assert.equal(y.arms[0].rows[0].values[0]?.mean, 90);
 * ```
 */
export function yearByYear(
  meta: Pick<RunMeta, "groups" | "scenario">,
  rows: readonly SummaryRow[],
  options: { years?: readonly number[] } = {},
): YearByYear {
  const { startDate, years: horizon } = meta.scenario;
  const years = options.years ?? Array.from({ length: horizon }, (_, i) => i + 1);
  const index = new Map<string, SummaryRow>();
  for (const r of rows) index.set(`${r.scenario}|${r.variant}|${r.metric}|${r.year}`, r);
  const staff = [
    ...new Set(
      rows.filter((r) => r.variant === "baseline" && r.metric.startsWith("fte_")).map((r) =>
        r.metric
      ),
    ),
  ];
  const metrics = [...YEAR_METRICS, ...staff];
  const arm = (label: string, scenario: string, variant: YearArm["variant"]): YearArm => ({
    label,
    scenario,
    variant,
    rows: metrics.flatMap((metric) => {
      const name = variant === "avoided" ? avoidedName(metric) : metric;
      const values = years.map((y) => index.get(`${scenario}|${variant}|${name}|${y}`));
      const first = values.find((v) => v !== undefined);
      return first ? [{ metric, label: metricLabel(metric), unit: first.unit, values }] : [];
    }),
  });
  const [baseline, ...opts] = meta.groups;
  return {
    years: years.map((year) => ({ year, financialYear: financialYear(startDate, year) })),
    arms: [
      arm(baseline.label, baseline.scenario, "baseline"),
      ...opts.map((g) => arm(g.label, g.scenario, "avoided")),
    ],
  };
}
