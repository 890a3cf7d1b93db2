/**
 * Per-cell base rates of the whole-system model: daily probabilities of an emergency
 * admission, an ED-only attendance, GP demand and district-nursing visits, the length of stay
 * (a zero-day share, else 1 + lognormal days, fitted per band) and the discharge mix. Deaths in hospital are a share of each
 * cell's all-cause deaths, not extra: an admission ends in death with the probability that
 * makes the cell's admissions, 30-day readmissions included, carry its hospital death rate
 * (`deathProbabilityPerAdmission`), and the band's `dischargeMix` shares the rest among the
 * living destinations (its `death` share is not used).
 *
 * @module
 */

import type { AgeBand } from "../../scenarios/default_age_bands.ts";
import { defaultLengthOfStayFit } from "../demography/default_length_of_stay.ts";
import { fitLengthOfStay, type LengthOfStayFit } from "../demography/length_of_stay.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import type { Destination } from "../modifiers.ts";
import { bandOf, isHome, segmentIndexOf } from "./cells.ts";
import type { CohortParams } from "./cohort.ts";
import { populationDemography } from "./demography_rates.ts";
import { PortableMath } from "../../sim/mod.ts";
import { deathProbabilityPerAdmission } from "../demography/mortality.ts";

/** Discharge destinations, in discharge-mix order. */
export const DESTINATIONS: Destination[] = [
  "home",
  "reablement",
  "homeCarePackage",
  "intermediateCare",
  "careHome",
  "death",
];

const DEATH = DESTINATIONS.indexOf("death");

/**
 * Whether an emergency admission from cell `c` whose destination uniform is `u` ends in death in
 * hospital under the base discharge mix: an admission that is averted still ends a life its
 * draws end (deaths are all-cause), outside hospital.
 *
 * @param rates The cell rates.
 * @param c Cell index.
 * @param u The candidate's destination uniform.
 * @returns True if the draws place a death in hospital.
 *
 * @example The death share is the last interval of the mix
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * import { cohortParams } from "./cohort.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 } });
 * const rates = cellRates(scenario, cohortParams(scenario));
 * assert.equal(diesInHospital(rates, 31, 0.999999), true);
 * assert.equal(diesInHospital(rates, 31, 0), false);
 * ```
 */
export function diesInHospital(rates: CellRates, c: number, u: number): boolean {
  const from = DEATH > 0 ? rates.mixCum[c * DESTINATIONS.length + DEATH - 1]! : 0;
  return u >= from && u < rates.mixCum[c * DESTINATIONS.length + DEATH]!;
}

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
  /** Share of admissions discharged the same day (length of stay 0). */
  losZeroDayShare: Float64Array;
  /** Log-scale mean of an overnight stay's days beyond the first. */
  losMu: Float64Array;
  /** Log-scale sd of an overnight stay's days beyond the first (all cells). */
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
  const los = lengthOfStayFit(scenario, params);
  const losZeroDayShare = new Float64Array(nCells);
  const losSigma = los.overnightSigma;
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
    const mixture = los.bands[band.id]!;
    losZeroDayShare[c] = mixture.zeroDayShare;
    losMu[c] = mixture.overnightMu + PortableMath.log(ratios.lengthOfStay[s] / los.meanRatio[b]!);
    const admitted = pAdmit[c] * 365;
    const deaths = params.hospitalDeathRatePerYear[c];
    if (deaths > admitted) {
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
    const mixOf = band.dischargeMix;
    const livingShare = 1 - mixOf.death;
    const pDie = deaths > admitted ? 1 : deathProbabilityPerAdmission(deaths, {
      admissionsPerYear: admitted,
      readmissionProbability: acute.readmission30DayProbability,
      // Residents are not readmitted; at home a readmission can follow these discharges.
      readmittedShareOfLiving: isHome(c)
        ? (mixOf.home + mixOf.reablement + mixOf.homeCarePackage) / livingShare
        : 0,
    });
    // The care-home share is weighted by segment (care_home_routes.ts); "home" gives up the
    // difference.
    const weight = params.careHomeRoutes.dischargeWeight[c]!;
    const shifted = (weight - 1) * mixOf.careHome;
    const living = (d: Exclude<Destination, "death">) =>
      d === "careHome" ? mixOf.careHome + shifted : d === "home" ? mixOf.home - shifted : mixOf[d];
    let cum = 0;
    DESTINATIONS.forEach((d, i) => {
      const share = d === "death" ? pDie : living(d) / livingShare * (1 - pDie);
      mix[c * 6 + i] = share;
      cum += share;
      mixCum[c * 6 + i] = cum;
    });
  }
  if (problems.length > 0) {
    throw new ScenarioError("Cannot place deaths in hospital", [...new Set(problems)]);
  }
  return { pAdmit, pEdOnly, pGp, pDn, losZeroDayShare, losMu, losSigma, mix, mixCum };
}

/**
 * The length-of-stay mixture of each band: its zero-day share and mean, and one overnight shape
 * fitted so that `acute.over21DaysShare65Plus` of the admissions of people 65+ stay over 21
 * days (with no band 65+, the default bands' fitted shape); plus, per band, the admissions-weighted mean of the
 * segment LOS ratios, which scale the overnight part so the band's mean holds.
 */
function lengthOfStayFit(
  scenario: Scenario,
  params: CohortParams,
): LengthOfStayFit & { meanRatio: Float64Array } {
  const bands = scenario.population.ageBands;
  const ratios = scenario.population.segmentRateRatios;
  const counts = populationDemography(scenario).counts;
  const admissions = new Float64Array(bands.length);
  const weighted = new Float64Array(bands.length);
  for (let c = 0; c < counts.length; c++) {
    if (!isHome(c)) continue;
    const b = bandOf(c);
    const s = segmentIndexOf(c);
    const n = counts[c]! * ratios.hospitalisation[s]! / params.meanRatio(b, ratios.hospitalisation);
    admissions[b]! += n * bands[b]!.emergencyAdmissionRatePerPersonYear;
    weighted[b]! += n * bands[b]!.emergencyAdmissionRatePerPersonYear * ratios.lengthOfStay[s]!;
  }
  const older = bands.filter((b) => b.minAgeYears >= 65).map((b) => b.id);
  const meanRatio = weighted.map((w, b) => (admissions[b]! > 0 ? w / admissions[b]! : 1));
  if (older.length === 0) return { ...fixedShapeFit(bands), meanRatio };
  try {
    const fit = fitLengthOfStay(
      bands.map((b, i) => ({
        id: b.id,
        admissionsPerYear: admissions[i]! || 1,
        meanDays: b.lengthOfStayMeanDays,
        zeroDayShare: b.zeroDayShare,
      })),
      {
        longStay: {
          overDays: 21,
          share: scenario.acute.over21DaysShare65Plus,
          bandIds: older.length > 0 ? older : bands.map((b) => b.id),
        },
      },
    );
    return { ...fit, meanRatio };
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new ScenarioError("Cannot fit lengths of stay", [
      `population.ageBands[].lengthOfStayMeanDays, zeroDayShare or acute.over21DaysShare65Plus: ${e.message}`,
    ]);
  }
}

/** Each band's mean and zero-day share with the default bands' overnight shape. */
function fixedShapeFit(bands: readonly AgeBand[]): LengthOfStayFit {
  const sigma = defaultLengthOfStayFit().overnightSigma;
  const out: LengthOfStayFit = { overnightSigma: sigma, bands: {} };
  const problems: string[] = [];
  bands.forEach((b, i) => {
    const overnight = b.lengthOfStayMeanDays / (1 - b.zeroDayShare) - 1;
    if (!(overnight > 0)) {
      problems.push(
        `population.ageBands[${i}].lengthOfStayMeanDays: expected more than 1 − zeroDayShare (${
          1 - b.zeroDayShare
        }) so overnight stays last over a day, found ${b.lengthOfStayMeanDays}`,
      );
      return;
    }
    out.bands[b.id] = {
      zeroDayShare: b.zeroDayShare,
      overnightMu: PortableMath.log(overnight) - sigma * sigma / 2,
      overnightSigma: sigma,
    };
  });
  if (problems.length > 0) throw new ScenarioError("Cannot fit lengths of stay", problems);
  return out;
}
