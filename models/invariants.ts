/**
 * Invariants every replication result must satisfy (issue 2): one place per person, population
 * accounting, capacity respected, no negative counts, bed days consistent with stays, and
 * Little's law when capacity is unconstrained.
 *
 * @module
 */

import type { ReplicationResult } from "./result.ts";

/** Options of {@linkcode checkInvariants}. */
export interface InvariantOptions {
  /**
   * Relative tolerance of the Little's-law check (L = λW) on unconstrained runs.
   * @default {0.05}
   */
  littleTolerance?: number;
}

/**
 * Checks a result and lists every violation (empty = all hold).
 *
 * - every person is in exactly one place: each day, home + care home + ED + acute beds +
 *   intermediate beds = the population from accounting (start + entries − deaths so far);
 * - start + entries − deaths = end;
 * - occupancy never above capacity (acute, intermediate, care homes, home-care hours), except
 *   acute beds draining after a scheduled capacity reduction (escalation beds closing);
 * - no negative counts anywhere;
 * - acute bed days from the occupancy integral equal the sum of stays (relative 1e-6);
 * - unconstrained runs: mean occupied beds ≈ stays started per day × mean stay (Little's law).
 *
 * @param result A replication result.
 * @param options Tolerances.
 * @returns Violations, one line each.
 *
 * @example A consistent result has no violations
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * import { simulateReplication } from "./simulate.ts";
 * const r = simulateReplication(parseScenario({ version: 1, years: 1, population: { size: 3000 } }), { seed: 3 });
 * assert.deepEqual(checkInvariants(r), []);
 * ```
 */
export function checkInvariants(
  result: ReplicationResult,
  options: InvariantOptions = {},
): string[] {
  const out: string[] = [];
  const d = result.daily;
  const a = result.accounting;
  const n = d.dayIndex.length;
  let placeErrors = 0;
  for (let i = 0; i < n; i++) {
    const places = d.atHome[i] + d.inCareHome[i] + d.edBoarders[i] + d.acuteOccupied[i] +
      d.intermediateOccupied[i] + (d.inSettings?.[i] ?? 0);
    if (places !== d.population[i] && placeErrors++ < 3) {
      out.push(
        `day ${d.dayIndex[i]}: people in places (${places}) ≠ population (${d.population[i]})`,
      );
    }
  }
  const p = result.population;
  if (p.start + p.entries - p.deaths !== p.end) {
    out.push(
      `population: start ${p.start} + entries ${p.entries} − deaths ${p.deaths} ≠ end ${p.end}`,
    );
  }
  if (n > 0 && d.population[n - 1] !== p.end) {
    out.push(`population: last day ${d.population[n - 1]} ≠ end ${p.end}`);
  }
  const over = (name: string, used: number[], cap: number[], draining: boolean) => {
    if (a.unconstrained) return;
    for (let i = 0; i < n; i++) {
      if (used[i] <= cap[i] + 1e-9) continue;
      if (draining && i > 0 && used[i] <= used[i - 1]) continue;
      out.push(`day ${d.dayIndex[i]}: ${name} ${used[i]} above capacity ${cap[i]}`);
      return;
    }
  };
  over("acute occupancy", d.acuteOccupied, d.acuteCapacity, true);
  over("intermediate occupancy", d.intermediateOccupied, d.intermediateCapacity, false);
  over("care-home occupancy", d.careHomeOccupied, d.careHomeCapacity, false);
  over("home-care hours", d.homeCareHoursInUse, d.homeCareCapacityHours, false);
  if (a.overCapacityEvents > 0) {
    out.push(`acute: ${a.overCapacityEvents} admissions above capacity`);
  }
  if (a.minPlaceCount < 0) out.push(`negative count: ${a.minPlaceCount}`);
  for (const [key, series] of Object.entries(d)) {
    if (!Array.isArray(series)) continue;
    const neg = series.findIndex((v) => v < 0);
    if (neg >= 0 && key !== "dayIndex") out.push(`daily.${key}[${neg}] negative: ${series[neg]}`);
  }
  for (const row of result.annual) {
    if (row.value < 0) out.push(`annual ${row.metric} year ${row.year}: negative ${row.value}`);
  }
  const rel = Math.abs(a.bedDaysFromOccupancy - a.bedDaysFromStays) /
    Math.max(1, a.bedDaysFromOccupancy);
  if (rel > 1e-6) {
    out.push(
      `bed days: occupancy integral ${a.bedDaysFromOccupancy.toFixed(2)} ≠ sum of stays ${
        a.bedDaysFromStays.toFixed(2)
      }`,
    );
  }
  if (a.unconstrained && a.staysStarted > 100) {
    const tol = options.littleTolerance ?? 0.05;
    const lw = (a.staysStarted / a.days) * a.meanStayDays;
    if (Math.abs(a.meanOccupied - lw) > tol * lw) {
      out.push(
        `Little's law: mean occupied ${a.meanOccupied.toFixed(2)} vs λW ${
          lw.toFixed(2)
        } (tolerance ${tol * 100}%)`,
      );
    }
  }
  return out;
}

/**
 * Throws if any invariant fails.
 *
 * @param result A replication result.
 * @param options Tolerances.
 * @throws {Error} Listing every violation.
 *
 * @example
 * ```ts
 * import { parseScenario } from "../scenarios/load.ts";
 * import { simulateReplication } from "./simulate.ts";
 * assertInvariants(simulateReplication(parseScenario({ version: 1, years: 1, population: { size: 2000 } }), { seed: 4 }));
 * ```
 */
export function assertInvariants(result: ReplicationResult, options: InvariantOptions = {}): void {
  const v = checkInvariants(result, options);
  if (v.length > 0) {
    throw new Error(
      `Cannot accept replication ${result.replication} of "${result.scenario}": ${v.length} invariant violation(s)\n  - ${
        v.join("\n  - ")
      }`,
    );
  }
}
