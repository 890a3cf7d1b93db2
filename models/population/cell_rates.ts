/**
 * Per-cell base rates of the whole-system model: daily probabilities of an emergency
 * admission, an ED-only attendance, GP demand and district-nursing visits, the lognormal
 * length-of-stay parameters and the discharge mix. Deaths in hospital are a share of each
 * cell's all-cause deaths, not extra: an admission ends in death with probability (the cell's
 * hospital death rate ÷ its admission rate), and the band's `dischargeMix` shares the rest
 * among the living destinations (its `death` share is not used).
 *
 * @module
 */

import { lognormalParams } from "../../sim/mod.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import type { Destination } from "../modifiers.ts";
import { bandOf, isHome, segmentIndexOf } from "./cells.ts";
import type { CohortParams } from "./cohort.ts";

/** Discharge destinations, in discharge-mix order. */
export const DESTINATIONS: Destination[] = [
  "home",
  "reablement",
  "homeCarePackage",
  "intermediateCare",
  "careHome",
  "death",
];

/** Per-cell base rates (cells indexed as in {@linkcode CohortParams}). */
export interface CellRates {
  /** Emergency admissions per person-day. */
  pAdmit: Float64Array;
  /** ED attendances not admitted per person-day. */
  pEdOnly: Float64Array;
  /** GP consultations demanded per person-day. */
  pGp: Float64Array;
  /** District-nursing visits per person-day. */
  pDn: Float64Array;
  /** Log-scale mean of the acute length of stay. */
  losMu: Float64Array;
  /** Log-scale sd of the acute length of stay (all cells). */
  losSigma: number;
  /** Discharge mix, 6 per cell in {@linkcode DESTINATIONS} order. */
  mix: Float64Array;
  /** Cumulative discharge mix, 6 per cell in {@linkcode DESTINATIONS} order. */
  mixCum: Float64Array;
}

/**
 * Builds the per-cell base rates of a scenario.
 *
 * @param scenario A resolved scenario.
 * @param params Its cohort parameters.
 * @returns The rates.
 * @throws {ScenarioError} If a cell's deaths in hospital exceed its emergency admissions.
 */
export function cellRates(scenario: Scenario, params: CohortParams): CellRates {
  const nCells = params.cells.length;
  const bands = scenario.population.ageBands;
  const ratios = scenario.population.segmentRateRatios;
  const acute = scenario.acute;
  const pAdmit = new Float64Array(nCells);
  const pEdOnly = new Float64Array(nCells);
  const pGp = new Float64Array(nCells);
  const pDn = new Float64Array(nCells);
  const losMu = new Float64Array(nCells);
  const mix = new Float64Array(nCells * 6);
  const mixCum = new Float64Array(nCells * 6);
  const problems: string[] = [];
  const cv = acute.lengthOfStayCv;
  const losSigma = lognormalParams({ mean: 1, sd: cv }).sigma;
  for (let c = 0; c < nCells; c++) {
    const b = bandOf(c);
    const s = segmentIndexOf(c);
    const band = bands[b];
    const hosp = ratios.hospitalisation[s] / params.meanRatio(b, ratios.hospitalisation);
    const edR = ratios.edAttendance[s] / params.meanRatio(b, ratios.edAttendance);
    if (isHome(c)) {
      pAdmit[c] = band.emergencyAdmissionRatePerPersonYear * hosp / 365;
      pEdOnly[c] = (band.edAttendanceRatePerPersonYear -
        band.emergencyAdmissionRatePerPersonYear * acute.edRouteShare) * edR / 365;
    } else {
      const ch = scenario.careHomes;
      pAdmit[c] = ch.emergencyAdmissionRatePerResidentYear / 365;
      pEdOnly[c] = Math.max(
        0,
        ch.edAttendanceRatePerResidentYear -
          ch.emergencyAdmissionRatePerResidentYear * acute.edRouteShare,
      ) / 365;
    }
    pGp[c] = band.gpConsultationRatePerPersonYear * ratios.gpDemand[s] /
      params.meanRatio(b, ratios.gpDemand) / 365;
    pDn[c] = scenario.community.districtNursingVisitsPerPersonYear[s] / 365;
    const mean = band.lengthOfStayMeanDays * ratios.lengthOfStay[s];
    losMu[c] = lognormalParams({ mean, sd: mean * cv }).mu;
    const admitted = pAdmit[c] * 365;
    const pDie = admitted > 0 ? params.hospitalDeathRatePerYear[c] / admitted : 0;
    if (pDie > 1 || (admitted === 0 && params.hospitalDeathRatePerYear[c] > 0)) {
      const field = isHome(c)
        ? `population.ageBands[${b}].emergencyAdmissionRatePerPersonYear`
        : "careHomes.emergencyAdmissionRatePerResidentYear";
      problems.push(
        `${field}: expected enough admissions to carry the ${
          (params.hospitalDeathRatePerYear[c] * 1000).toFixed(1)
        } deaths in hospital per 1,000 person-years of segment ${s + 1}, found ${
          (admitted * 1000).toFixed(1)
        } admissions; raise it`,
      );
    }
    const living = 1 - band.dischargeMix.death;
    let cum = 0;
    DESTINATIONS.forEach((d, i) => {
      const share = d === "death" ? pDie : band.dischargeMix[d] / living * (1 - pDie);
      mix[c * 6 + i] = share;
      cum += share;
      mixCum[c * 6 + i] = cum;
    });
  }
  if (problems.length > 0) {
    throw new ScenarioError("Cannot place deaths in hospital", [...new Set(problems)]);
  }
  return { pAdmit, pEdOnly, pGp, pDn, losMu, losSigma, mix, mixCum };
}
