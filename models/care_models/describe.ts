/**
 * What each care model of a scenario is, in plain data for summary.json and the report: for
 * every option and care model, its parts with cohort, go-live and ramp-up, effects (the
 * distribution, its mean and the range it can draw), added capacity, displacement, staffing
 * rules with the yearly cost of each staff group, and the source of each number.
 *
 * @module
 */

import { distributionFromSpec, type DistributionSpec } from "../../sim/mod.ts";
import { drawRange } from "../../scenarios/distribution_range.ts";
import type { StaffGroup } from "../../scenarios/care_model_schema.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { cohortLabel, isChange, type StaffNeed } from "../interventions/intervention.ts";
import { entryTag, interventionsFromEntry } from "./registry.ts";

/** A distribution as written, with its mean and the range it can draw. */
export interface DescribedDistribution {
  /** As written in the scenario or preset. */
  spec: DistributionSpec;
  /** Mean. */
  mean: number;
  /** Smallest value it can draw (−Infinity written as null in JSON). */
  low: number;
  /** Largest value it can draw. */
  high: number;
}

/** One effect: a ratio or an absolute change, as a distribution. */
export interface DescribedEffect extends DescribedDistribution {
  /** "ratio" (1 = no change; a probability for dischargeToAssess) or "change". */
  kind: "ratio" | "change";
}

/** One part of a care model. */
export interface DescribedPart {
  /** Part id ("main", "d2a", …). */
  part: string;
  /** Label. */
  label: string;
  /** Cohort label and filters. */
  cohort: { label: string; filters: Record<string, unknown> };
  /** Go-live date (the scenario's start when absent). */
  startDate: string;
  /** Months to full effect. */
  rampUpMonths: number;
  /** Ramp-up shape. */
  rampShape: string;
  /** Effects by name. */
  effects: Record<string, DescribedEffect>;
  /** Effects by need segment, by name. */
  segmentEffects: Record<string, Record<string, DescribedEffect>>;
  /** Capacity added at full effect, per 100,000 people. */
  capacity: Record<string, DescribedDistribution>;
  /** Where averted admissions go instead (shares). */
  displacement: Record<string, number>;
  /** Staffing rules by staff group, with the yearly cost of one FTE (£, the scenario's costs). */
  staff: Record<string, StaffNeed & { costPerFtePerYear: number }>;
  /** Source of each number, keyed like the fields. */
  sources: Record<string, string>;
}

/** One care model of one option. */
export interface DescribedCareModel {
  /** Option id ("scenario" for the top-level careModels). */
  option: string;
  /** Tag in results. */
  careModel: string;
  /** Shipped model id or "custom". */
  model: string;
  /** Preset. */
  preset: string;
  /** Parts in attribution order. */
  parts: DescribedPart[];
}

function distribution(spec: DistributionSpec): DescribedDistribution {
  const d = distributionFromSpec(spec);
  const [low, high] = drawRange(d);
  return { spec, mean: d.mean, low, high };
}

function effects(e: Record<string, unknown>): Record<string, DescribedEffect> {
  const out: Record<string, DescribedEffect> = {};
  for (const [name, spec] of Object.entries(e)) {
    if (spec === undefined) continue;
    out[name] = isChange(spec)
      ? { kind: "change", ...distribution(spec.change) }
      : { kind: "ratio", ...distribution(spec as DistributionSpec) };
  }
  return out;
}

/**
 * Describes every care model of a scenario's options.
 *
 * @param scenario A resolved scenario.
 * @returns One entry per option and care model, in option order.
 *
 * @example PACS has two parts
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 1000 }, careModels: [{ model: "pacs" }] });
 * const [pacs] = describeCareModels(s);
 * assert.deepEqual(pacs.parts.map((p) => p.part), ["main", "triage", "d2a"]);
 * assert.equal(pacs.parts[0].effects.edAttendance.high, 1.54);
 * ```
 */
export function describeCareModels(scenario: Scenario): DescribedCareModel[] {
  const lists = [
    ...(scenario.careModels.length > 0 ? [{ id: "scenario", entries: scenario.careModels }] : []),
    ...scenario.options.map((o) => ({ id: o.id, entries: o.careModels })),
  ];
  return lists.flatMap(({ id, entries }) =>
    entries.map((entry) => ({
      option: id,
      careModel: entryTag(entry),
      model: entry.model,
      preset: entry.preset,
      parts: interventionsFromEntry(entry).map((iv): DescribedPart => ({
        part: iv.part ?? "main",
        label: iv.label,
        cohort: { label: cohortLabel(iv.cohort), filters: { ...iv.cohort } },
        startDate: iv.startDate ?? scenario.startDate,
        rampUpMonths: iv.rampUpMonths,
        rampShape: iv.rampShape,
        effects: effects(iv.effects),
        segmentEffects: Object.fromEntries(
          Object.entries(iv.segmentEffects ?? {}).map(([seg, e]) => [seg, effects(e ?? {})]),
        ),
        capacity: Object.fromEntries(
          Object.entries(iv.capacity).map(([k, spec]) => [k, distribution(spec!)]),
        ),
        displacement: { ...iv.displacement } as Record<string, number>,
        staff: Object.fromEntries(
          Object.entries(iv.staff).map(([g, need]) => [g, {
            ...need,
            costPerFtePerYear: scenario.costs.ftePerYear[g as StaffGroup],
          }]),
        ),
        sources: { ...iv.sources },
      })),
    }))
  );
}
