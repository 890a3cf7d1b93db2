/**
 * The staff a care-model part needs in a year, from its staffing rules (`staff`): FTE for every
 * so many people enrolled, occupied places of the capacity it adds, visits a year of the
 * crisis-response capacity it adds, or people in the population.
 *
 * @module
 */

import type { StaffBasis, StaffGroup } from "../../scenarios/care_model_schema.ts";
import type { StaffNeed } from "./intervention.ts";

/** What a part's staff needs scale with in one year (means over the year). */
export type StaffBases = Record<StaffBasis, number>;

/**
 * The FTE one staffing rule needs: `fte` × amount of its basis ÷ `every` (default 1), plus
 * the shorthand `ftePer1000Cohort` (per 1,000 enrolled) and `ftePer100kPopulation` (per
 * 100,000 population, the population basis already carrying the ramp-up).
 *
 * @param need The rule.
 * @param bases The year's amounts: `enrolled` (cohort × ramp-up), `occupiedPlace`, `visit`
 *   (visits a year) and `population` (people × ramp-up).
 * @returns FTE.
 *
 * @example One nurse per 10 occupied places
 * ```ts
 * import assert from "node:assert/strict";
 * const bases = { enrolled: 0, occupiedPlace: 25, visit: 0, population: 0 };
 * assert.equal(staffFte({ per: "occupiedPlace", fte: 1, every: 10 }, bases), 2.5);
 * ```
 */
export function staffFte(need: StaffNeed, bases: StaffBases): number {
  let fte = (need.ftePer1000Cohort ?? 0) * bases.enrolled / 1000 +
    (need.ftePer100kPopulation ?? 0) * bases.population / 1e5;
  if (need.per !== undefined) fte += (need.fte ?? 0) * bases[need.per] / (need.every ?? 1);
  return fte;
}

/**
 * Adds every rule of a part to the FTE by staff group.
 *
 * @param fte FTE by staff group (added to).
 * @param staff The part's rules.
 * @param bases The year's amounts (see {@linkcode staffFte}).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const fte = { district_nurse: 1 } as Record<"district_nurse", number>;
 * addStaffFte(fte, { district_nurse: { per: "population", fte: 6, every: 100000 } }, {
 *   enrolled: 0, occupiedPlace: 0, visit: 0, population: 50000,
 * });
 * assert.equal(fte.district_nurse, 4);
 * ```
 */
export function addStaffFte(
  fte: Partial<Record<StaffGroup, number>>,
  staff: Partial<Record<StaffGroup, StaffNeed>>,
  bases: StaffBases,
): void {
  for (const [group, need] of Object.entries(staff)) {
    if (!need) continue;
    const g = group as StaffGroup;
    fte[g] = (fte[g] ?? 0) + staffFte(need, bases);
  }
}
