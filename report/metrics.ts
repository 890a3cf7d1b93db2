/**
 * The metrics of `summary.csv`: name, unit, how years combine into `year = "all"`, and the
 * name of the paired "avoided" figure. Documented for readers in report/METRICS.md.
 *
 * @module
 */

import { ANNUAL_METRICS, type AnnualMetric } from "../models/result.ts";

/** How annual values combine into the whole-horizon figure (`year = "all"`). */
export type YearAggregate = "sum" | "mean";

/** One summarised metric. */
export interface MetricDefinition {
  /** Stable snake_case name. */
  metric: string;
  /** Unit, snake_case. */
  unit: string;
  /** `sum` for counts and totals, `mean` for levels (beds, places, FTE, mean waits). */
  allYears: YearAggregate;
  /** Name of the baseline − scenario figure (variant "avoided"). */
  avoided: string;
}

const UNITS: Partial<Record<AnnualMetric, [string, YearAggregate]>> = {
  inter_site_transfers: ["transfers", "sum"],
  utc_attendances: ["attendances", "sum"],
  acute_surge_bed_days: ["bed_days", "sum"],
  acute_surge_openings: ["openings", "sum"],
  intermediate_care_alternatives: ["patients", "sum"],
  emergency_admissions: ["admissions", "sum"],
  emergency_admissions_averted: ["admissions", "sum"],
  ed_attendances: ["attendances", "sum"],
  gp_consultations: ["consultations", "sum"],
  gp_unmet_demand: ["consultations", "sum"],
  gp_days_to_appointment_mean: ["days", "mean"],
  bed_days: ["bed_days", "sum"],
  delayed_transfer_bed_days: ["bed_days", "sum"],
  readmissions_30d: ["readmissions", "sum"],
  care_home_admissions: ["admissions", "sum"],
  care_home_admissions_from_hospital: ["admissions", "sum"],
  deaths_in_hospital: ["deaths", "sum"],
  deaths_elsewhere: ["deaths", "sum"],
  ed_boarding_hours: ["hours", "sum"],
  acute_occupied_beds_mean: ["beds", "mean"],
  acute_occupied_beds_p95: ["beds", "mean"],
  acute_days_over_92pct: ["days", "sum"],
  care_home_occupied_mean: ["places", "mean"],
  home_care_hours_mean: ["hours_per_week", "mean"],
  intermediate_occupied_mean: ["beds", "mean"],
  crisis_response_visits: ["visits", "sum"],
  step_up_admissions: ["admissions", "sum"],
  district_nursing_visits: ["visits", "sum"],
  reablement_starts: ["episodes", "sum"],
  home_care_package_starts: ["packages", "sum"],
  intermediate_care_starts: ["admissions", "sum"],
  home_care_wait_days_mean: ["days", "mean"],
  care_home_wait_days_mean: ["days", "mean"],
};

/**
 * Headline metrics, in display order (terminal table and report).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(HEADLINE_METRICS[0], "emergency_admissions");
 * ```
 */
export const HEADLINE_METRICS: readonly string[] = [
  "emergency_admissions",
  "bed_days",
  "acute_occupied_beds_mean",
  "acute_occupied_beds_p95",
  "acute_days_over_92pct",
  "ed_boarding_hours",
  "delayed_transfer_bed_days",
  "care_home_occupied_mean",
  "home_care_hours_mean",
];

/**
 * The name of a metric's "avoided" (baseline − scenario) figure: `admissions_avoided` for
 * emergency admissions, `<metric>_avoided` otherwise.
 *
 * @param metric Metric name.
 * @returns The avoided metric's name.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(avoidedName("emergency_admissions"), "admissions_avoided");
 * assert.equal(avoidedName("bed_days"), "bed_days_avoided");
 * ```
 */
export function avoidedName(metric: string): string {
  return metric === "emergency_admissions" ? "admissions_avoided" : `${metric}_avoided`;
}

/**
 * The summarised metrics: the model's annual metrics (headline first), then `fte_<group>` for
 * each staff group given.
 *
 * @param staffGroups Staff group ids, in order.
 * @returns The definitions, in summary.csv order.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const defs = metricDefinitions(["gp"]);
 * assert.equal(defs[0].metric, "emergency_admissions");
 * assert.deepEqual(defs.at(-1), { metric: "fte_gp", unit: "fte", allYears: "mean", avoided: "fte_gp_avoided" });
 * ```
 */
export function metricDefinitions(staffGroups: readonly string[]): MetricDefinition[] {
  const names = [
    ...HEADLINE_METRICS,
    ...ANNUAL_METRICS.filter((m) => !HEADLINE_METRICS.includes(m)),
  ] as AnnualMetric[];
  const defs: MetricDefinition[] = names.map((metric) => {
    // A metric the model adds later defaults to a count (documented in METRICS.md).
    const [unit, allYears] = UNITS[metric] ??
      (metric.endsWith("_mean") ? ["value", "mean"] as const : ["count", "sum"] as const);
    return { metric, unit, allYears, avoided: avoidedName(metric) };
  });
  for (const group of staffGroups) {
    const metric = `fte_${group}`;
    defs.push({ metric, unit: "fte", allYears: "mean", avoided: avoidedName(metric) });
  }
  return defs;
}
