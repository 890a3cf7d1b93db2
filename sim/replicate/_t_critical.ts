/**
 * The two-sided critical value of a t-based confidence interval, remembered per (level, degrees
 * of freedom): a run's summaries ask for the same few values thousands of times (every cell has
 * the same n), and each is a root search over the incomplete beta function. Private to
 * sim/replicate.
 *
 * @module
 */

import { studentTQuantile } from "./student_t.ts";

/** Distinct (level, df) pairs kept; a run uses one or two, so the bound is never reached. */
const LIMIT = 64;
const remembered = new Map<string, number>();

/**
 * t(1 − (1 − level)/2, df), the multiplier of sd / √n in a `level` confidence interval.
 *
 * @param level Confidence level in (0, 1) (checked by the caller).
 * @param df Degrees of freedom, > 0.
 * @returns The critical value, identical to `studentTQuantile(1 - (1 - level) / 2, df)`.
 */
export function tCritical(level: number, df: number): number {
  const key = `${level}:${df}`;
  let value = remembered.get(key);
  if (value === undefined) {
    value = studentTQuantile(1 - (1 - level) / 2, df);
    if (remembered.size >= LIMIT) remembered.clear();
    remembered.set(key, value);
  }
  return value;
}
