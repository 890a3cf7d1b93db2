/**
 * How people reach a care home, by cell: discharged from hospital (directly, or after
 * intermediate care) or referred from home. The demography solves the admissions each cell at
 * home must make for the residents' number and segment mix to hold
 * ({@linkcode GridRates.careHomeAdmissionRate}). The hospital brings a band's share of them —
 * its discharge mix sets how many — and the frailer a patient's segment, the likelier a
 * discharge to a care home is: each cell's care-home discharge share is weighted so that the
 * hospital brings the same share of every segment's solved admissions. Referrals from home
 * make up the rest, cell by cell. At ages where the demography has no care-home residents
 * (under 65 at the defaults) nobody is discharged to a care home: that share goes home.
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { GridRates } from "../demography/dynamics.ts";
import { cellIndex, CELLS_PER_BAND, HOME } from "./cells.ts";
import { admissionsPerFirstAdmission } from "./time_away.ts";

/** Per cell: how the hospital routes people into care homes, and referrals from home. */
export interface CareHomeRoutes {
  /**
   * Multiplier of the care-home share of discharges — from hospital and from intermediate care —
   * for people of the cell (1 for care-home cells; the share "home" gives up the difference).
   */
  dischargeWeight: Float64Array;
  /** Referrals from home to a care home per person-year at home (0 for care-home cells). */
  referralRatePerYear: Float64Array;
}

/** What {@linkcode careHomeRoutes} needs besides the scenario. */
export interface CareHomeRouteInputs {
  /** The solved population by cell (people away in hospital included). */
  counts: Float64Array;
  /** The solved rates (care-home admissions per person-year at home). */
  rates: GridRates;
  /** Share of each cell's people away in an acute bed. */
  away: Float64Array;
  /** Deaths in hospital per person-year at home, by cell. */
  hospitalDeathRate: Float64Array;
  /** Mean of a segment rate-ratio vector under each band's mix at home. */
  meanRatio: (band: number, ratios: readonly number[]) => number;
}

/**
 * The care-home routes of every cell (see the module doc). Per band, the hospital's expected
 * discharges into care homes (survivors of emergency admissions and their 30-day readmissions ×
 * the share going to a care home, directly or after intermediate care) are a share k of the
 * band's solved admissions; each segment's discharge share is weighted so that it brings k of
 * that segment's solved admissions. A weight that would need more discharges to care homes than
 * go home is capped, and referrals make up the difference.
 *
 * @param scenario A resolved scenario.
 * @param inputs The solved demography and the cells' time away and deaths in hospital.
 * @returns Discharge weights and referral rates by cell.
 * @throws {ScenarioError} If a band's discharges into care homes exceed its solved admissions.
 *
 * @example Every referral rate is a rate, and the weights keep the band's total discharges
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * import { cohortParams } from "./cohort.ts";
 * const p = cohortParams(parseScenario({ version: 1, population: { size: 1000 } }));
 * assert.ok(p.careHomeRoutes.referralRatePerYear.every((x) => x >= 0));
 * assert.ok(p.careHomeRoutes.dischargeWeight.every((x) => x >= 0));
 * ```
 */
export function careHomeRoutes(scenario: Scenario, inputs: CareHomeRouteInputs): CareHomeRoutes {
  const bands = scenario.population.ageBands;
  const hosp = scenario.population.segmentRateRatios.hospitalisation;
  const ic = scenario.community.intermediateCare.dischargeMix;
  const n = bands.length * CELLS_PER_BAND;
  const dischargeWeight = new Float64Array(n).fill(1);
  const referralRatePerYear = new Float64Array(n);
  const problems: string[] = [];
  bands.forEach((band, b) => {
    const mix = band.dischargeMix;
    const living = 1 - mix.death;
    const route = (mix.careHome + mix.intermediateCare * ic.careHome) / living;
    const readmitted = admissionsPerFirstAdmission(scenario, band);
    // The most a weight can move: every discharge home (after hospital, and after intermediate
    // care) going to a care home instead.
    const caps = [
      mix.careHome > 0 ? 1 + mix.home / mix.careHome : Infinity,
      mix.intermediateCare * ic.careHome > 0 ? 1 + ic.home / ic.careHome : Infinity,
    ];
    const maxWeight = Math.min(...caps);
    const atHome = new Float64Array(4);
    const solved = new Float64Array(4);
    const fromHospital = new Float64Array(4);
    let solvedTotal = 0;
    let hospitalTotal = 0;
    for (let s = 0; s < 4; s++) {
      const c = cellIndex(b, s, HOME);
      atHome[s] = inputs.counts[c]! * (1 - inputs.away[c]!);
      solved[s] = inputs.counts[c]! * inputs.rates.careHomeAdmissionRate[c]!;
      const admitted = band.emergencyAdmissionRatePerPersonYear * hosp[s]! /
        inputs.meanRatio(b, hosp);
      const survivors = Math.max(0, admitted * readmitted - inputs.hospitalDeathRate[c]!);
      fromHospital[s] = atHome[s] * survivors * route;
      solvedTotal += solved[s];
      hospitalTotal += fromHospital[s];
    }
    if (solvedTotal === 0) {
      // No residents at these ages in the demography: discharges to a care home go home.
      for (let s = 0; s < 4; s++) dischargeWeight[cellIndex(b, s, HOME)] = 0;
      return;
    }
    const k = hospitalTotal / solvedTotal;
    if (k > 1) {
      problems.push(
        `population.ageBands[${b}].dischargeMix.careHome: expected discharges into care homes (${
          (k * 100).toFixed(0)
        }% of the band's ${
          solvedTotal.toFixed(0)
        } care-home admissions a year) at most all of them, found ${mix.careHome}; lower it`,
      );
      return;
    }
    for (let s = 0; s < 4; s++) {
      const c = cellIndex(b, s, HOME);
      const weight = fromHospital[s] > 0 ? Math.min(maxWeight, k * solved[s] / fromHospital[s]) : 1;
      dischargeWeight[c] = weight;
      const rest = Math.max(0, solved[s] - weight * fromHospital[s]);
      referralRatePerYear[c] = atHome[s] > 0 ? rest / atHome[s] : 0;
    }
  });
  if (problems.length > 0) {
    throw new ScenarioError("Cannot hold care-home residents steady", problems);
  }
  return { dischargeWeight, referralRatePerYear };
}
