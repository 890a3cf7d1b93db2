/**
 * Upper bounds of scenario values, each with the reason a user sees when a value is above it.
 * They keep every scenario the schema accepts runnable in bounded time and memory.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";

/** A bound and why it is there. */
export interface Limit {
  /** The largest value accepted. */
  max: number;
  /** Why, as shown after the expected range. */
  reason: string;
}

/**
 * The bounds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(LIMITS.replications.max, 10_000);
 * ```
 */
export const LIMITS = {
  replications: {
    max: 10_000,
    reason: "more replications barely narrow a 95% CI (its width falls as 1/√n) and take hours",
  },
  ratePerPersonYear: {
    max: 100,
    reason:
      "no group of people averages more than 100 contacts of one kind a year; a larger value is a typing error and would make the run unbounded",
  },
  rateRatio: {
    max: 20,
    reason: "a rate ratio above 20 is beyond any evidence and multiplies the run's work",
  },
  per100k: {
    max: 100_000,
    reason: "capacity per 100,000 people above 100,000 is more than one for every person",
  },
  per1000: {
    max: 1000,
    reason: "more than one per person",
  },
  durationDays: {
    max: 3650,
    reason: "a mean duration above 10 years is longer than any care episode",
  },
  hoursPerWeek: {
    max: 168,
    reason: "a week has 168 hours",
  },
  appointmentsPerWeek: {
    max: 1_000_000,
    reason: "more than a million a week is beyond any practice or network",
  },
  acuteBeds: {
    max: 100_000,
    reason: "the largest hospitals have about 2,000 beds; 100,000 is beyond any site",
  },
  people: {
    max: 50_000_000,
    reason: "a count of people cannot exceed the largest population the format accepts",
  },
  sites: {
    max: 100,
    reason: "more than 100 acute sites is more than any region modelled as one system",
  },
  options: {
    max: 30,
    reason: "each option is one more simulation of every replication",
  },
  ratePerDay: {
    max: 100,
    reason: "a rate above 100 a day means it happens at once",
  },
  hoursPerWeekPer100k: {
    max: 16_800_000,
    reason: "168 hours a week for every one of 100,000 people",
  },
  nestingDepth: {
    max: 64,
    reason: "a scenario is nested at most 8 levels; deeper input is not a scenario",
  },
} as const satisfies Record<string, Limit>;

/**
 * A number ≥ 0 (> 0 with `positive`) at most `limit.max`, whose error then gives the reason.
 *
 * @param limit The upper bound and its reason.
 * @param options `positive`: exclude 0; `int`: whole numbers only.
 * @returns The schema.
 *
 * @example The reason is the error message
 * ```ts
 * import assert from "node:assert/strict";
 * const r = bounded(LIMITS.sites).safeParse(101);
 * assert.equal(r.error?.issues[0].message, LIMITS.sites.reason);
 * ```
 */
export function bounded(limit: Limit, options: { positive?: boolean; int?: boolean } = {}) {
  let s = options.int ? z.number().int() : z.number();
  s = options.positive ? s.positive() : s.min(0);
  return s.max(limit.max, { message: limit.reason });
}
