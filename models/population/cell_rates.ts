/**
 * Per-cell base rates of the whole-system model: daily probabilities of an emergency
 * admission, an ED-only attendance, GP demand and district-nursing visits, the lognormal
 * length-of-stay parameters and the cumulative discharge mix.
 *
 * @module
 */

import { lognormalParams } from "../../sim/mod.ts";
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
  /** Cumulative discharge mix, 6 per cell in {@linkcode DESTINATIONS} order. */
  mixCum: Float64Array;
}

/** Builds the per-cell base rates of a scenario. */
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
  const mixCum = new Float64Array(nCells * 6);
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
    let cum = 0;
    DESTINATIONS.forEach((d, i) => {
      cum += band.dischargeMix[d];
      mixCum[c * 6 + i] = cum;
    });
  }
  return { pAdmit, pEdOnly, pGp, pDn, losMu, losSigma, mixCum };
}
