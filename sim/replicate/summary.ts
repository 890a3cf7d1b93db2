/**
 * Summaries of a metric across replications: mean, sd, t-based confidence interval and
 * percentiles, plus the paired difference used for common-random-number comparisons.
 *
 * @module
 */

import { mean, sampleStandardDeviation } from "npm:simple-statistics@7.8.8";
import { quantileSorted } from "../numerics/quantile.ts";
import { tCritical } from "./_t_critical.ts";

/** A metric summarised across replications. */
export interface Summary {
  /** Number of values. */
  readonly n: number;
  /** Arithmetic mean (compensated summation in input order, so it is deterministic). */
  readonly mean: number;
  /** Sample standard deviation (divisor n − 1); `NaN` when n = 1. */
  readonly sd: number;
  /** Lower end of the t-based confidence interval for the mean; `NaN` when n = 1. */
  readonly ciLow: number;
  /** Upper end of the t-based confidence interval for the mean; `NaN` when n = 1. */
  readonly ciHigh: number;
  /** 5th percentile (caresim's one quantile definition, type 7: see `quantileSorted`). */
  readonly p05: number;
  /** Median. */
  readonly p50: number;
  /** 95th percentile. */
  readonly p95: number;
}

/** Options for {@linkcode summarize} and {@linkcode pairedDifference}. */
export interface SummaryOptions {
  /**
   * Confidence level of the interval, in (0, 1).
   *
   * @default {0.95}
   */
  readonly level?: number;
}

/**
 * Summarises values (one per replication): mean ± t(1 − (1 − level)/2, n − 1) · sd / √n, and
 * the 5th, 50th and 95th percentiles. With a single value the sd and the interval are `NaN`
 * (undefined, not zero); the mean and percentiles are that value.
 *
 * @param values One value per replication, all finite.
 * @param options Confidence level.
 * @returns The summary.
 * @throws {RangeError} If `values` is empty, holds a non-finite value, or `level` is outside
 *   (0, 1).
 * @throws {TypeError} If `values` is not an array.
 *
 * @example A 95% interval
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const s = summarize([9, 10, 11, 10, 10]);
 * assert.equal(s.mean, 10);
 * assert.equal(s.n, 5);
 * // sd = √0.5; half-width = 2.776 · √0.5 / √5
 * assert.equal(s.ciHigh.toFixed(3), "10.878");
 * ```
 */
export function summarize(values: readonly number[], options: SummaryOptions = {}): Summary {
  const action = "Cannot summarize values";
  if (!Array.isArray(values)) {
    throw new TypeError(`${action}: values must be an array of numbers, received ${typeof values}`);
  }
  const level = options.level ?? 0.95;
  if (typeof level !== "number" || !(level > 0 && level < 1)) {
    throw new RangeError(`${action}: level must be in (0, 1), received ${String(level)}`);
  }
  const n = values.length;
  if (n === 0) {
    throw new RangeError(`${action}: at least one value is required, received 0 values`);
  }
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(
        `${action}: values[${i}] must be a finite number, received ${String(v)}`,
      );
    }
  }
  const x = values as number[]; // simple-statistics reads but never mutates its input
  const m = mean(x);
  const sorted = Float64Array.from(x).sort();
  const [p05, p50, p95] = [0.05, 0.5, 0.95].map((p) => quantileSorted(sorted, p)) as [
    number,
    number,
    number,
  ];
  if (n === 1) {
    return { n, mean: m, sd: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN, p05, p50, p95 };
  }
  const sd = sampleStandardDeviation(x);
  const halfWidth = tCritical(level, n - 1) * sd / Math.sqrt(n);
  return { n, mean: m, sd, ciLow: m - halfWidth, ciHigh: m + halfWidth, p05, p50, p95 };
}

/**
 * Summarises the paired differences `a[i] − b[i]` (e.g. a scenario against its baseline run
 * with the same seeds, so common random numbers narrow the interval).
 *
 * @param a Values of the first arm, one per replication.
 * @param b Values of the second arm, same replications in the same order.
 * @param options Confidence level.
 * @returns The summary of the differences.
 * @throws {RangeError} If the lengths differ, or as {@linkcode summarize}.
 * @throws {TypeError} If `a` or `b` is not an array.
 *
 * @example Scenario minus baseline
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const d = pairedDifference([12, 15, 11], [10, 13, 9]);
 * assert.equal(d.mean, 2);
 * assert.equal(d.sd, 0);
 * assert.equal(d.ciLow, 2);
 * ```
 */
export function pairedDifference(
  a: readonly number[],
  b: readonly number[],
  options: SummaryOptions = {},
): Summary {
  const action = "Cannot compute a paired difference";
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new TypeError(
      `${action}: a and b must be arrays of numbers, received ${typeof a} and ${typeof b}`,
    );
  }
  if (a.length !== b.length) {
    throw new RangeError(
      `${action}: a and b must have the same length, received ${a.length} and ${b.length}`,
    );
  }
  const differences = new Array<number>(a.length);
  for (let i = 0; i < a.length; i++) differences[i] = a[i] - b[i];
  return summarize(differences, options);
}
