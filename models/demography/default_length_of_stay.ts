/**
 * The default length-of-stay targets by band, from docs/evidence.md, and their fit. Published:
 * mean emergency stay all ages (7.9 days) and 85+ (10.8 days), read as means of overnight stays
 * (counting zero-day stays in them would put emergency bed days above all G&A bed use); the
 * share of bed days used by people 65+ (62%); the all-ages zero-day share (a third); the 75+
 * short-stay share; and the 65+ share over 21 days (5%). Derived: the 65–84 overnight bed days
 * are what 65+ leaves after 85+, split between 65–74 and 75–84 in the ratio of their
 * all-method means; under-65 takes the rest of the all-ages figures.
 *
 * @module
 */

import { DEFAULT_AGE_BANDS } from "../../scenarios/default_age_bands.ts";
import { DEMOGRAPHY_EVIDENCE, type SourcedValue } from "./default_demography.ts";
import {
  fitLengthOfStay,
  type LengthOfStayFit,
  type LengthOfStayTarget,
} from "./length_of_stay.ts";

const ev = <T>(value: T, assumption = false): SourcedValue<T> => ({
  value,
  source: "docs/evidence.md#h4-length-of-stay",
  assumption,
});

/**
 * Every length-of-stay figure behind the default targets.
 *
 * @example The 85+ mean is the Health Foundation's 2019 figure
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(LENGTH_OF_STAY_EVIDENCE.meanDays85Plus.value, 10.8);
 * ```
 */
export const LENGTH_OF_STAY_EVIDENCE = {
  /** Mean emergency length of stay, all ages, England 2019 (read as overnight stays ⚠). */
  meanDaysAllAges: ev(7.9),
  /** Mean emergency length of stay, 85+, England 2019 (read as overnight stays ⚠). */
  meanDays85Plus: ev(10.8),
  /** Share of hospital bed days used by people 65+ (England 2014/15). */
  bedDayShare65Plus: ev(0.62),
  /** Mean length of stay, ordinary admissions (all methods) by 10-year band, 2017-18. */
  allMethodMeanDays: ev({ "60-69": 4.9, "70-79": 6.1, "80-89": 8.1, "90+": 9.4 }, true),
  /** Share of emergency admissions that are zero-day stays, all ages ("around a third"). */
  zeroDayShareAllAges: ev(1 / 3),
  /** Short-stay share of admissions of people 75+ (Yorkshire & Humber EDs, 2011–14). */
  zeroDayShare75Plus: ev(0.283, true),
  /** Zero-day share at 65–74 (assumption: between the all-ages and 75+ figures). */
  zeroDayShare65to74: ev(0.3, true),
  /** Share of people 65+ admitted who stay over 21 days. */
  over21DaysShare65Plus: ev(0.05),
  /** Held-out check: share of emergency admissions over 14 days, all ages, 2019 (≈9%). */
  over14DaysShareAllAges: ev(0.09, true),
  /** Held-out check: share of hospital bed days used by people 85+ (England 2012-13). */
  bedDayShare85Plus: ev(0.18),
} as const;

const L = LENGTH_OF_STAY_EVIDENCE;

/**
 * The default targets for 0–64, 65–74, 75–84 and 85+, weighted by each band's emergency
 * admissions (the model's default band rates × England's mid-2019 population).
 *
 * @returns One target per default band (means include zero-day stays).
 *
 * @example Overnight stays average 7.9 days, and people 65+ use 62% of the bed days
 * ```ts
 * import assert from "node:assert/strict";
 * const t = defaultLengthOfStayTargets();
 * const overnight = t.reduce((s, b) => s + b.admissionsPerYear * (1 - b.zeroDayShare), 0);
 * const bedDays = t.map((b) => b.admissionsPerYear * b.meanDays);
 * const total = bedDays.reduce((a, b) => a + b, 0);
 * assert.ok(Math.abs(total / overnight - 7.9) < 1e-9);
 * assert.ok(Math.abs((total - bedDays[0]) / total - 0.62) < 1e-9);
 * ```
 */
export function defaultLengthOfStayTargets(): LengthOfStayTarget[] {
  const admissions = DEFAULT_AGE_BANDS.map((b, i) =>
    b.emergencyAdmissionRatePerPersonYear * DEMOGRAPHY_EVIDENCE.populationByBand.value[i]
  );
  const total = admissions.reduce((a, b) => a + b, 0);
  const zeroOlder = [
    L.zeroDayShare65to74.value,
    L.zeroDayShare75Plus.value,
    L.zeroDayShare75Plus.value,
  ];
  const zeroUnder65 = (L.zeroDayShareAllAges.value * total -
    zeroOlder.reduce((s, z, i) => s + z * admissions[i + 1], 0)) / admissions[0];
  const zero = [zeroUnder65, ...zeroOlder];
  const overnight = admissions.map((n, i) => n * (1 - zero[i]));
  const bedDays = L.meanDaysAllAges.value * overnight.reduce((a, b) => a + b, 0);
  const over65 = L.bedDayShare65Plus.value * bedDays;
  const over85 = L.meanDays85Plus.value * overnight[3];
  const m = L.allMethodMeanDays.value;
  const ratio = [(m["60-69"] + m["70-79"]) / 2, (m["70-79"] + m["80-89"]) / 2];
  const scale = (over65 - over85) / (overnight[1] * ratio[0] + overnight[2] * ratio[1]);
  const overnightMeans = [
    (bedDays - over65) / overnight[0],
    scale * ratio[0],
    scale * ratio[1],
    L.meanDays85Plus.value,
  ];
  return DEFAULT_AGE_BANDS.map((b, i) => ({
    id: b.id,
    admissionsPerYear: admissions[i],
    meanDays: overnightMeans[i] * (1 - zero[i]),
    zeroDayShare: zero[i],
  }));
}

/**
 * The default mixture per band: means by band and the 65+ share over 21 days reproduced.
 *
 * @returns The fit.
 *
 * @example 5% of admissions 65+ stay over 21 days
 * ```ts
 * import assert from "node:assert/strict";
 * const fit = defaultLengthOfStayFit();
 * assert.ok(fit.overnightSigma > 0.5 && fit.overnightSigma < 2);
 * ```
 */
export function defaultLengthOfStayFit(): LengthOfStayFit {
  return fitLengthOfStay(defaultLengthOfStayTargets(), {
    longStay: {
      overDays: 21,
      share: L.over21DaysShare65Plus.value,
      bandIds: ["65-74", "75-84", "85+"],
    },
  });
}
