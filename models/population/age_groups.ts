/**
 * The four age groups the model reports deaths and residents by (0–64, 65–74, 75–84, 85+, as
 * the evidence publishes them), whatever the scenario's own bands: a band belongs to the group
 * its lowest age falls in.
 *
 * @module
 */

import type { Counted, Integrated } from "../recording/recorder.ts";

/** One reporting age group. */
export interface AgeGroup {
  /** Metric-name suffix, e.g. `85_plus`. */
  readonly id: string;
  /** Label, e.g. `85+`. */
  readonly label: string;
  /** The recorded count of its all-cause deaths. */
  readonly deaths: Counted;
  /** The recorded level of its people in the cells. */
  readonly people: Integrated;
}

/**
 * The four reporting age groups, in order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(AGE_GROUPS[3]!.deaths, "deaths_aged_85_plus");
 * ```
 */
export const AGE_GROUPS: readonly AgeGroup[] = [
  { id: "0_64", label: "0–64", deaths: "deaths_aged_0_64", people: "people_aged_0_64" },
  { id: "65_74", label: "65–74", deaths: "deaths_aged_65_74", people: "people_aged_65_74" },
  { id: "75_84", label: "75–84", deaths: "deaths_aged_75_84", people: "people_aged_75_84" },
  { id: "85_plus", label: "85+", deaths: "deaths_aged_85_plus", people: "people_aged_85_plus" },
];

/**
 * The groups' lowest ages, years.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(AGE_GROUP_MIN_AGES, [0, 65, 75, 85]);
 * ```
 */
export const AGE_GROUP_MIN_AGES = [0, 65, 75, 85] as const;

/**
 * The group (0–3) of a band with lowest age `minAgeYears`.
 *
 * @param minAgeYears The band's lowest age.
 * @returns 0 for 0–64, 1 for 65–74, 2 for 75–84, 3 for 85+.
 *
 * @example A custom band 80–84 reports with 75–84
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(ageGroupOf(80), 2);
 * assert.equal(ageGroupOf(90), 3);
 * ```
 */
export function ageGroupOf(minAgeYears: number): 0 | 1 | 2 | 3 {
  let g = 0;
  for (let i = 1; i < AGE_GROUP_MIN_AGES.length; i++) {
    if (minAgeYears >= AGE_GROUP_MIN_AGES[i]!) g = i;
  }
  return g as 0 | 1 | 2 | 3;
}
