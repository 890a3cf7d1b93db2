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
    });
  }
  return defs;
}
