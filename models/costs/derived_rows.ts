/**
 * Appending the derived annual rows (costs, cohort size) to a replication's result, once its
 * care models' staff are known.
 *
 * @module
 */

import type { StaffGroup } from "../../scenarios/care_model_schema.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import type { DailySeries, ReplicationResult } from "../result.ts";
import type { PathwayResult } from "../pathways/pathway_model.ts";
import { DERIVED_METRICS, type DerivedInputs } from "./derived_metrics.ts";

/**
 * Appends one row per year for every derived metric (after the recorded rows), computed from the
 * year's recorded totals, the care models' added FTE and the scenario's costs.
 *
 * @param result A replication's result (changed in place).
 * @param scenario The resolved scenario.
 * @param careModelFte FTE the care models add, by year (1-based) and staff group; omit for the
 *   baseline.
 * @param pathways The replication's discharge-to-assess pathways (`simulatePathways`), if any.
 *
 * @example A baseline's ED cost
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * import { simulateReplication } from "../simulate.ts";
 * import { annualValue } from "../result.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * const r = simulateReplication(s, { seed: 1 });
 * appendDerivedRows(r, s);
 * assert.equal(annualValue(r, "cost_ed"), annualValue(r, "ed_attendances") * 114);
 * ```
 */
export function appendDerivedRows(
  result: ReplicationResult,
  scenario: Scenario,
  careModelFte?: (year: number) => Partial<Record<StaffGroup, number>>,
  pathways: readonly PathwayResult[] = [],
): void {
  const totals = new Map<string, number>();
  for (const row of result.annual) {
    totals.set(`${row.year}\u0000${row.metric}\u0000${row.segment ?? 0}`, row.value);
  }
  const personDays = new Map<string, number>();
  for (const r of result.personDays ?? []) {
    personDays.set(`${r.year}\u0000${r.segment}\u0000${r.residence}`, r.personDays);
  }
  for (let year = 1; year <= result.years; year++) {
    const from = (year - 1) * 365;
    let cohortPeople = 0;
    for (const c of result.interventions?.cohorts ?? []) {
      if (c.year === year && c.cohort !== "added capacity") cohortPeople += c.peopleMean;
    }
    const inputs: DerivedInputs = {
      value: (metric) => totals.get(`${year}\u0000${metric}\u00000`) ?? 0,
      segmentValue: (metric, segment) => totals.get(`${year}\u0000${metric}\u0000${segment}`) ?? 0,
      personDays: (segment, residence) =>
        personDays.get(`${year}\u0000${segment}\u0000${residence}`) ?? 0,
      dailyMean: (series: keyof DailySeries & "intermediateCapacity") => {
        const xs = result.daily[series].slice(from, from + 365);
        return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
      },
      careModelFte: careModelFte?.(year) ?? {},
      cohortPeople,
      costs: scenario.costs,
      pathways: { occupiedMean: 0, waitingInAcuteDays: 0, waitingAtHomeDays: 0, reneged: 0 },
    };
    for (const p of pathways) {
      const y = p.years[year - 1]!;
      inputs.pathways.occupiedMean += y.occupiedMean;
      inputs.pathways.reneged += y.reneged;
      if (p.waitAt === "acute") inputs.pathways.waitingInAcuteDays += y.waitingDays;
      else inputs.pathways.waitingAtHomeDays += y.waitingDays;
    }
    for (const m of DERIVED_METRICS) {
      result.annual.push({ year, metric: m.name, value: m.derive(inputs) });
      if (!m.deriveSegment) continue;
      for (const segment of [1, 2, 3, 4] as const) {
        result.annual.push({
          year,
          metric: m.name,
          segment,
          value: m.deriveSegment(inputs, segment),
        });
      }
    }
  }
}
