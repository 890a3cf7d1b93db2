/**
 * All-cause mortality by age, segment and residence, and where deaths happen. The all-cause
 * rate of an age is fixed by the evidence; care-home residents' deaths are part of it, and the
 * rest falls on people at home, split by segment with the frailty mortality ratios. Deaths in
 * hospital are a share of these deaths, never extra ones.
 *
 * @module
 */

import type { SegmentTuple } from "./cells.ts";

/**
 * Per-segment death rates whose stock-weighted mean is the given rate.
 *
 * @param deaths Deaths per year to share out.
 * @param options `people` per segment and `rateRatios` per segment (vs segment 1).
 * @returns Death rate per person-year by segment (all 0 when nobody is there).
 *
 * @example Rates proportional to the ratios, deaths preserved
 * ```ts
 * import assert from "node:assert/strict";
 * const r = segmentDeathRates(30, { people: [10, 10, 0, 0], rateRatios: [1, 2, 3, 4] });
 * assert.deepEqual(r, [1, 2, 3, 4]);
 * ```
 */
export function segmentDeathRates(
  deaths: number,
  options: { people: ArrayLike<number>; rateRatios: SegmentTuple },
): [number, number, number, number] {
  let weighted = 0;
  for (let s = 0; s < 4; s++) weighted += options.people[s] * options.rateRatios[s];
  if (weighted === 0) return [0, 0, 0, 0];
  const base = deaths / weighted;
  return options.rateRatios.map((r) => base * r) as [number, number, number, number];
}

/** Where deaths happen, as shares of all-cause deaths (they sum with home and hospice to 1). */
export interface PlaceOfDeathInputs {
  /** Share of all deaths that happen in hospital. */
  hospitalShareOfDeaths: number;
  /** Share of care-home residents' deaths that happen in the care home (the rest in hospital). */
  residentsDyingInCareHomeShare: number;
}

/** Share of each residence's deaths that happen in hospital. */
export interface HospitalDeathShares {
  /** Share of the deaths of people living at home that happen in hospital. */
  home: number;
  /** Share of care-home residents' deaths that happen in hospital. */
  careHome: number;
}

/**
 * Splits the hospital share of all deaths between people at home and care-home residents.
 * Residents' deaths outside the home are taken as hospital deaths; the remaining hospital
 * deaths fall on people living at home.
 *
 * @param deaths Deaths per year by residence.
 * @param options Place-of-death shares.
 * @returns The share of each residence's deaths that happen in hospital.
 * @throws {RangeError} If residents' hospital deaths alone exceed the hospital share of all
 *   deaths, or the result is not a share.
 *
 * @example 46.9% of deaths in hospital, 70% of residents die in the home
 * ```ts
 * import assert from "node:assert/strict";
 * const s = hospitalDeathShares({ home: 750, careHome: 250 }, { hospitalShareOfDeaths: 0.469, residentsDyingInCareHomeShare: 0.7 });
 * assert.ok(Math.abs(s.home - (469 - 75) / 750) < 1e-12);
 * assert.ok(Math.abs(s.careHome - 0.3) < 1e-12);
 * ```
 */
export function hospitalDeathShares(
  deaths: { home: number; careHome: number },
  options: PlaceOfDeathInputs,
): HospitalDeathShares {
  const total = deaths.home + deaths.careHome;
  const careHome = 1 - options.residentsDyingInCareHomeShare;
  const home = deaths.home > 0
    ? (options.hospitalShareOfDeaths * total - careHome * deaths.careHome) / deaths.home
    : 0;
  if (!(home >= 0 && home <= 1 && careHome >= 0 && careHome <= 1)) {
    throw new RangeError(
      `Cannot split deaths in hospital: hospitalShareOfDeaths ${options.hospitalShareOfDeaths} with residentsDyingInCareHomeShare ${options.residentsDyingInCareHomeShare} leaves a hospital share of ${home} for people at home; expected shares in [0, 1]`,
    );
  }
  return { home, careHome };
}

/**
 * The probability that an emergency admission ends in death, so that a cell's deaths in
 * hospital per person-year equal its share of the all-cause deaths when every admission —
 * first admissions and the 30-day readmissions that follow discharges home — carries the same
 * probability. With `x` = hospital deaths ÷ first admissions and `k` = readmission probability ×
 * share of the living discharged where a readmission can follow, each first admission brings
 * 1 ÷ (1 − k(1 − p)) admissions in all, and p ÷ (1 − k(1 − p)) = x gives
 * p = x(1 − k) ÷ (1 − xk). Without readmissions it is x.
 *
 * @param hospitalDeathsPerYear The cell's deaths in hospital per person-year.
 * @param options `admissionsPerYear`: first (not readmission) emergency admissions per
 *   person-year; `readmissionProbability`: of a 30-day readmission after a discharge home;
 *   `readmittedShareOfLiving`: share of the living discharges after which a readmission can
 *   follow (home, reablement, a home-care package; not care-home residents).
 * @returns The probability of death per admission (0 when there are no admissions).
 * @throws {RangeError} If the deaths exceed the first admissions.
 *
 * @example Admissions including readmissions carry exactly the deaths in hospital
 * ```ts
 * import assert from "node:assert/strict";
 * const p = deathProbabilityPerAdmission(0.02, { admissionsPerYear: 0.4, readmissionProbability: 0.07, readmittedShareOfLiving: 0.8 });
 * const k = 0.07 * 0.8;
 * const allAdmissions = 0.4 / (1 - k * (1 - p));
 * assert.ok(Math.abs(allAdmissions * p - 0.02) < 1e-15);
 * ```
 */
export function deathProbabilityPerAdmission(
  hospitalDeathsPerYear: number,
  options: {
    admissionsPerYear: number;
    readmissionProbability: number;
    readmittedShareOfLiving: number;
  },
): number {
  if (!(options.admissionsPerYear > 0)) {
    if (hospitalDeathsPerYear > 0) {
      throw new RangeError(
        `Cannot place ${hospitalDeathsPerYear} deaths in hospital per person-year with no admissions`,
      );
    }
    return 0;
  }
  const x = hospitalDeathsPerYear / options.admissionsPerYear;
  if (x > 1) {
    throw new RangeError(
      `Cannot place ${hospitalDeathsPerYear} deaths in hospital per person-year on ${options.admissionsPerYear} admissions`,
    );
  }
  const k = options.readmissionProbability * options.readmittedShareOfLiving;
  return x * (1 - k) / (1 - x * k);
}
