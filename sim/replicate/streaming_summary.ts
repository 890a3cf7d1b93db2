/**
 * {@linkcode summarize} for values that arrive one replication at a time, in bounded memory.
 *
 * @module
 */

import { BoundedSample } from "./bounded_sample.ts";
import { tCritical } from "./_t_critical.ts";
import { summarize, type Summary, type SummaryOptions } from "./summary.ts";

/** Options for {@linkcode StreamingSummary}. */
export interface StreamingSummaryOptions {
  /**
   * Values kept for the percentiles (see {@linkcode BoundedSample}); up to this many
   * replications every figure is exact.
   *
   * @default {1000}
   */
  readonly sampleSize?: number;
}

/**
 * Summarises one value per replication as replications finish, holding at most `sampleSize`
 * values. Add values in ascending replication order. Exactness of {@linkcode summary}:
 *
 * - up to `sampleSize` values: identical, bit for bit, to {@linkcode summarize} of all values;
 * - beyond: `mean` is still bit-identical (the same compensated sum, kept as a running total);
 *   `sd` comes from Welford's running algorithm and differs from the two-pass value by rounding
 *   only (relative ≈ 1e-15 · √n), and the CI with it; `p05`, `p50`, `p95` are those of a
 *   uniform sample of `sampleSize` replications chosen by a hash of their index
 *   ({@linkcode BoundedSample}), within about √(p(1−p)/sampleSize) in rank of the exact ones.
 *
 * @example The same figures as summarize()
 * ```ts
 * import assert from "node:assert/strict";
 * import { summarize } from "./summary.ts";
 * const s = new StreamingSummary({ sampleSize: 10 });
 * [9, 10, 11, 10, 10].forEach((v, r) => s.add(v, r));
 * assert.deepEqual(s.summary(), summarize([9, 10, 11, 10, 10]));
 * ```
 */
export class StreamingSummary {
  readonly #sample: BoundedSample;
  // simple-statistics' sum: Kahan–Babuška (Neumaier) compensation, in order.
  #sum = 0;
  #correction = 0;
  // Welford's running mean and sum of squared deviations.
  #welfordMean = 0;
  #m2 = 0;
  #n = 0;
  #last = -1;

  /**
   * @param options Sample size.
   * @throws {RangeError} If `sampleSize` is not an integer ≥ 1.
   */
  constructor(options: StreamingSummaryOptions = {}) {
    this.#sample = new BoundedSample(options.sampleSize ?? 1000);
  }

  /** Values added. */
  get n(): number {
    return this.#n;
  }

  /**
   * Adds one replication's value.
   *
   * @param value A finite number.
   * @param replication The replication index, greater than the previous one added.
   * @throws {RangeError} If `value` is not finite or `replication` is not ascending.
   */
  add(value: number, replication: number): void {
    const action = "Cannot add to a streaming summary";
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new RangeError(
        `${action}: the value of replication ${replication} must be a finite number, received ${
          String(value)
        }`,
      );
    }
    if (!Number.isSafeInteger(replication) || replication <= this.#last) {
      throw new RangeError(
        `${action}: replications must be added in ascending order, received ${replication} after ${this.#last}`,
      );
    }
    this.#last = replication;
    if (this.#n === 0) {
      this.#sum = value;
    } else {
      const t = this.#sum + value;
      this.#correction += Math.abs(this.#sum) >= Math.abs(value)
        ? this.#sum - t + value
        : value - t + this.#sum;
      this.#sum = t;
    }
    this.#n++;
    const delta = value - this.#welfordMean;
    this.#welfordMean += delta / this.#n;
    this.#m2 += delta * (value - this.#welfordMean);
    this.#sample.add(value, replication);
  }

  /**
   * The summary of the values added (exactness as in the class description).
   *
   * @param options Confidence level.
   * @returns The summary.
   * @throws {RangeError} If no value was added or `level` is outside (0, 1).
   */
  summary(options: SummaryOptions = {}): Summary {
    if (this.#n === 0) {
      throw new RangeError(
        "Cannot summarize values: at least one value is required, received 0 values",
      );
    }
    const sampled = summarize(this.#sample.values(), options);
    if (this.#sample.complete) return sampled;
    const n = this.#n;
    const mean = (this.#sum + this.#correction) / n;
    const sd = Math.sqrt(this.#m2 / (n - 1));
    const level = options.level ?? 0.95;
    const halfWidth = tCritical(level, n - 1) * sd / Math.sqrt(n);
    return {
      n,
      mean,
      sd,
      ciLow: mean - halfWidth,
      ciHigh: mean + halfWidth,
      p05: sampled.p05,
      p50: sampled.p50,
      p95: sampled.p95,
    };
  }
}
