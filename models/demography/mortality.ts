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
