/**
 * The metrics of `summary.csv`, derived from the model's metric registry
 * (models/metric_registry.ts): name, unit, kind, how years combine into `year = "all"`, the name
 * of the paired "avoided" figure, and the description report/METRICS.md shows.
 *
 * @module
 */

import {
  HEADLINE_METRICS as HEADLINE,
  type MetricKind,
  METRICS,
  type MetricSpec,
  type YearAggregate,
} from "../models/metric_registry.ts";
import type { SettingMetric } from "../models/settings/setting.ts";

export type { MetricKind, YearAggregate };

/**
 * Headline metrics, in display order (terminal table and report), from the registry.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(HEADLINE_METRICS[0], "emergency_admissions");
 * ```
 */
export const HEADLINE_METRICS: readonly string[] = HEADLINE;

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
  /** What it measures. */
  kind: MetricKind;
  /** One sentence for readers. */
  description: string;
  /** Short human label (registry `label`, else the name in words). */
  label: string;
}

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
 * The summarised metrics: the model's annual metrics (headline first), then those of any
 * plugged-in settings, then `fte_<group>` for each staff group given.
 *
 * @param staffGroups Staff group ids, in order.
 * @param settingMetrics Metrics of plugged-in settings (from the run's results).
 * @returns The definitions, in summary.csv order.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const defs = metricDefinitions(["gp"]);
 * assert.equal(defs[0].metric, "emergency_admissions");
 * assert.equal(defs.at(-1)?.metric, "fte_gp");
 * assert.equal(defs.at(-1)?.avoided, "fte_gp_avoided");
 * ```
 */
export function metricDefinitions(
  staffGroups: readonly string[],
  settingMetrics: readonly SettingMetric[] = [],
): MetricDefinition[] {
  const specs: readonly MetricSpec[] = METRICS;
  const ordered = [
    ...HEADLINE.map((name) => specs.find((m) => m.name === name)!),
    ...specs.filter((m) => m.headline === undefined),
  ];
  const defs: MetricDefinition[] = [...ordered, ...settingMetrics].map((m) => ({
    metric: m.name,
    unit: m.unit,
    allYears: m.aggregation,
    avoided: avoidedName(m.name),
    kind: m.kind,
    description: m.description,
    label: (m as MetricSpec).label ?? words(m.name),
  }));
  for (const group of staffGroups) {
    const metric = `fte_${group}`;
    defs.push({
      metric,
      unit: "fte",
      allYears: "mean",
      avoided: avoidedName(metric),
      kind: "level",
      description: `Whole-time-equivalent ${group} staff needed.`,
      label: `${staffGroupLabel(group)}, FTE needed`,
    });
  }
  return defs;
}

/**
 * A snake_case name in words, capitalised: "care_home_wait_days_mean" → "Care home wait days mean".
 *
 * @param name A snake_case name.
 * @returns The words.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(words("cost_acute"), "Cost acute");
 * ```
 */
export function words(name: string): string {
  const w = name.replaceAll("_", " ");
  return w.charAt(0).toUpperCase() + w.slice(1);
}

/**
 * A metric's human label: the registry's label, `<staff group> FTE needed` for `fte_<group>`,
 * else the name in words.
 *
 * @param metric Metric name.
 * @returns The label.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(metricLabel("bed_days"), "Acute bed days");
 * assert.equal(metricLabel("fte_gp"), "GPs, FTE needed");
 * ```
 */
export function metricLabel(metric: string): string {
  if (metric.startsWith("fte_")) return `${staffGroupLabel(metric.slice(4))}, FTE needed`;
  const spec: MetricSpec | undefined = METRICS.find((m) => m.name === metric);
  return spec?.label ?? words(metric);
}

const STAFF_LABELS: Record<string, string> = {
  gp: "GPs",
  practice_nurse: "Practice nurses",
  district_nurse: "District nurses",
  care_coordinator: "Care coordinators",
  crisis_response: "Crisis response staff",
  ward_nurse: "Ward nurses",
  healthcare_assistant: "Healthcare assistants",
  home_care_worker: "Home-care workers",
  care_home_staff: "Care-home staff",
  social_worker: "Social workers",
};

/**
 * A staff group's human label.
 *
 * @param staffGroup Staff group id.
 * @returns The label ("GPs"), or the id in words.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(staffGroupLabel("gp"), "GPs");
 * assert.equal(staffGroupLabel("pharmacist_x"), "Pharmacist x");
 * ```
 */
export function staffGroupLabel(staffGroup: string): string {
  return STAFF_LABELS[staffGroup] ?? words(staffGroup);
}
