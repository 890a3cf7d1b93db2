/**
 * The share of each cell's people who are away from it at any time — in an acute bed after an
 * emergency admission — which the daily deaths of the cells do not reach. Deaths are all-cause
 * for all of a cell's people, so the rates applied to those left in the cell are raised by
 * 1 ÷ (1 − share): the deaths outside hospital and the deaths in hospital that admissions carry
 * are then each their share of the deaths of all the cell's people, counted once.
 *
 * @module
 */

import type { AgeBand } from "../../scenarios/default_age_bands.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { CARE_HOME, cellIndex, CELLS_PER_BAND, HOME } from "./cells.ts";

/**
 * Share of each cell's people in an acute bed at any time: admissions per person-year a (30-day
 * readmissions included, `1 ÷ (1 − readmission probability × share discharged home)` per first
 * admission) times the mean stay L in years, as a share of a·L + 1 (time at home).
 *
 * @param scenario A resolved scenario.
 * @param meanRatio Mean of a segment rate-ratio vector under each band's mix at home.
 * @returns Share away by cell (cohort cell layout).
 *
 * @example A band of 0.42 admissions a year and 10-day stays is about 1.2% away
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 10 } });
 * const away = awayShareByCell(s, () => 1);
 * assert.ok(away.every((x) => x >= 0 && x < 0.1));
 * ```
 */
export function awayShareByCell(
  scenario: Scenario,
  meanRatio: (band: number, ratios: readonly number[]) => number,
): Float64Array {
  const bands = scenario.population.ageBands;
  const ratios = scenario.population.segmentRateRatios;
  const out = new Float64Array(bands.length * CELLS_PER_BAND);
  const hospLos = ratios.hospitalisation.map((h, s) => h * ratios.lengthOfStay[s]!);
  bands.forEach((band, b) => {
    const readmitted = admissionsPerFirstAdmission(scenario, band);
    // Length of stay ratios are normalised over the band's admissions, as in the cell rates.
    const losMean = meanRatio(b, hospLos) / meanRatio(b, ratios.hospitalisation);
    for (let s = 0; s < 4; s++) {
      for (const r of [HOME, CARE_HOME]) {
        const admissions = r === HOME
          ? band.emergencyAdmissionRatePerPersonYear * ratios.hospitalisation[s]! /
            meanRatio(b, ratios.hospitalisation) * readmitted
          : scenario.careHomes.emergencyAdmissionRatePerResidentYear;
        const stayYears = band.lengthOfStayMeanDays *
          (r === HOME ? ratios.lengthOfStay[s]! / losMean : 1) / 365;
        const away = admissions * stayYears;
        out[cellIndex(b, s, r)] = away / (1 + away);
      }
    }
  });
  return out;
}

/**
 * Emergency admissions per first admission of a band's people at home, 30-day readmissions
 * included: 1 ÷ (1 − readmission probability × the share of living discharges that can be
 * readmitted: home, reablement and home-care packages).
 *
 * @param scenario A resolved scenario.
 * @param band One of its age bands.
 * @returns The factor (≥ 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 10 } });
 * assert.ok(admissionsPerFirstAdmission(s, s.population.ageBands[3]!) > 1);
 * ```
 */
export function admissionsPerFirstAdmission(scenario: Scenario, band: AgeBand): number {
  const mix = band.dischargeMix;
  const home = (mix.home + mix.reablement + mix.homeCarePackage) / (1 - mix.death);
  return 1 / (1 - scenario.acute.readmission30DayProbability * home);
}
