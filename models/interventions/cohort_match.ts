/**
 * Which cohort cells (age band × segment × residence) an intervention's cohort covers, and
 * what share of each: 1 for a cell the filters match, 0 otherwise, and a fraction for the
 * marginal cell of a top-x% risk cohort (re-ranked on the current counts during a run).
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import { cohortParams, initialCounts } from "../population/cohort.ts";
import type { CellKey } from "../modifiers.ts";
import type { CohortSpec } from "./intervention.ts";

/**
 * The risk score of each cell: expected emergency admissions per person-year (the model's
 * baseline rate for the cell: band rate × segment hazard ratio, or the care-home resident rate).
 *
 * @param scenario A resolved scenario.
 * @returns Scores by cell index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const r = cellRiskScores(parseScenario({ version: 1, population: { size: 1000 } }));
 * assert.ok(r[3 * 8 + 3 * 2] > r[3 * 8]); // 85+, segment 4 vs segment 1 (at home)
 * ```
 */
export function cellRiskScores(scenario: Scenario): Float64Array {
  const p = cohortParams(scenario);
  const ratios = scenario.population.segmentRateRatios.hospitalisation;
  const out = new Float64Array(p.cells.length);
  for (const cell of p.cells) {
    const band = p.bands[cell.bandIndex];
    out[cell.index] = cell.residence === "home"
      ? band.emergencyAdmissionRatePerPersonYear * ratios[cell.segment - 1] /
        p.meanRatio(cell.bandIndex, ratios)
      : scenario.careHomes.emergencyAdmissionRatePerResidentYear;
  }
  return out;
}

/** True when a cell passes a cohort's filters (ignoring `topRiskPercent`). */
function matches(cell: CellKey, cohort: CohortSpec): boolean {
  if (cohort.ageBands && !cohort.ageBands.includes(cell.bandId)) return false;
  if (cohort.minAgeYears !== undefined && cell.minAgeYears < cohort.minAgeYears) return false;
  if (cohort.segments && !cohort.segments.includes(cell.segment)) return false;
  if (cohort.residence && !cohort.residence.includes(cell.residence)) return false;
  return true;
}

/**
 * The share of each cell in a cohort. With `topRiskPercent` = x, the cells passing the other
 * filters are ranked by {@linkcode cellRiskScores} (highest first) and taken until they hold
 * x% of the scenario's initial population; the marginal cell is included in part. During a run
 * the selection is re-ranked on the current counts every day (see {@linkcode RiskRanking}).
 *
 * @param scenario A resolved scenario.
 * @param cohort The cohort.
 * @returns Shares in [0, 1] by cell index.
 *
 * @example Care-home residents
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 1000 } });
 * const shares = cohortShares(s, { residence: ["careHome"] });
 * assert.equal(shares[1], 1); // band 0, segment 1, care home
 * assert.equal(shares[0], 0);
 * ```
 */
export function cohortShares(scenario: Scenario, cohort: CohortSpec): Float64Array {
  const p = cohortParams(scenario);
  const out = new Float64Array(p.cells.length);
  for (const cell of p.cells) out[cell.index] = matches(cell, cohort) ? 1 : 0;
  const x = cohort.topRiskPercent;
  if (x === undefined) return out;
  new RiskRanking(scenario, cohort).fill(initialCounts(scenario), out);
  return out;
}

/**
 * Risk stratification of a top-x% cohort: the cells passing the cohort's other filters in
 * order of {@linkcode cellRiskScores} (highest first, then cell index), filled greedily from
 * given counts until they hold x% of everyone.
 */
export class RiskRanking {
  readonly #order: number[];
  readonly #percent: number;

  /**
   * @param scenario A resolved scenario.
   * @param cohort A cohort with `topRiskPercent`.
   * @throws {RangeError} If the cohort has no `topRiskPercent`.
   */
  constructor(scenario: Scenario, cohort: CohortSpec) {
    if (cohort.topRiskPercent === undefined) {
      throw new RangeError("Cannot rank a cohort by risk: it has no topRiskPercent");
    }
    const p = cohortParams(scenario);
    const risk = cellRiskScores(scenario);
    this.#percent = cohort.topRiskPercent;
    this.#order = p.cells.filter((c) => matches(c, cohort)).map((c) => c.index)
      .sort((a, b) => risk[b] - risk[a] || a - b);
  }

  /**
   * Writes each cell's share of the cohort for the given counts: the highest-risk cells in
   * full until x% of the total, the marginal cell in part, the rest 0.
   *
   * @param counts People by cell index.
   * @param out Shares by cell index (overwritten).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { parseScenario } from "../../scenarios/load.ts";
   * import { initialCounts } from "../population/cohort.ts";
   * const s = parseScenario({ version: 1, population: { size: 100000 } });
   * const counts = initialCounts(s);
   * const shares = new Float64Array(counts.length);
   * new RiskRanking(s, { topRiskPercent: 3 }).fill(counts, shares);
   * assert.ok(Math.abs(counts.reduce((a, n, c) => a + n * shares[c], 0) - 3000) < 1e-6);
   * ```
   */
  fill(counts: ArrayLike<number>, out: Float64Array): void {
    let total = 0;
    for (let c = 0; c < counts.length; c++) total += counts[c]!;
    let room = total * this.#percent / 100;
    out.fill(0);
    for (const c of this.#order) {
      if (room <= 0) break;
      if (counts[c]! <= 0) continue;
      const take = Math.min(counts[c]!, room);
      out[c] = take / counts[c]!;
      room -= take;
    }
  }
}

/**
 * People in a cohort in the scenario's initial population (Σ cell count × share).
 *
 * @param scenario A resolved scenario.
 * @param shares Shares from {@linkcode cohortShares}.
 * @returns People.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 100000 } });
 * const n = initialCohortPeople(s, cohortShares(s, { topRiskPercent: 3 }));
 * assert.ok(Math.abs(n - 3000) < 1e-6);
 * ```
 */
export function initialCohortPeople(scenario: Scenario, shares: Float64Array): number {
  const counts = initialCounts(scenario);
  let n = 0;
  for (let c = 0; c < counts.length; c++) n += counts[c] * shares[c];
  return n;
}
