/**
 * A tally of observations (waits, lengths of stay, costs): count, sum, mean, sample variance,
 * min, max and, when values are kept, quantiles.
 *
 * @module
 */

import { quantileSorted } from "../numerics/quantile.ts";

/** Options for {@linkcode Tally}. */
export interface TallyOptions {
  /**
   * Keep every observed value (in a growable `Float64Array`) so that {@linkcode Tally.quantile}
   * works. Turn off for very long runs where only moments are needed.
   *
   * @default {true}
   */
  readonly keepValues?: boolean;
}

const INITIAL_CAPACITY = 64;

/**
 * Collects observations one at a time. Mean and variance use Welford's online algorithm, so they
 * stay accurate for values far from zero (e.g. around 1e9).
 *
 * Empty tallies never throw from the moment getters: with no observations `mean`, `min` and
 * `max` are `NaN` (and `sum` is 0); with fewer than two observations `variance` and `sd` are
 * `NaN` (the sample variance, divisor n − 1, is undefined). Only {@linkcode Tally.quantile}
 * throws, because it cannot answer without values.
 *
 * @example Summarise a few observations
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const waits = new Tally();
 * for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) waits.add(x);
 * assert.equal(waits.count, 8);
 * assert.equal(waits.mean, 5);
 * assert.equal(waits.variance, 32 / 7);
 * assert.equal(waits.quantile(0.5), 4.5);
 * assert.equal(waits.max, 9);
 * ```
 */
export class Tally {
  #keepValues: boolean;
  #values: Float64Array;
  #sorted: Float64Array | undefined;
  #count = 0;
  #sum = 0;
  #mean = 0;
  #m2 = 0;
  #min = Number.NaN;
  #max = Number.NaN;

  /**
   * Creates an empty tally.
   *
   * @param options Whether to keep values for quantiles.
   * @throws {TypeError} If `keepValues` is given and is not a boolean.
   *
   * @example Moments only
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const t = new Tally({ keepValues: false });
   * t.add(1);
   * t.add(3);
   * assert.equal(t.mean, 2);
   * assert.throws(() => t.quantile(0.5), /keepValues/);
   * ```
   */
  constructor(options: TallyOptions = {}) {
    const keepValues = options.keepValues ?? true;
    if (typeof keepValues !== "boolean") {
      throw new TypeError(
        `Cannot create a Tally: keepValues must be a boolean, received ${String(keepValues)}`,
      );
    }
    this.#keepValues = keepValues;
    this.#values = new Float64Array(keepValues ? INITIAL_CAPACITY : 0);
  }

  /**
   * Records one observation.
   *
   * @param x The observed value; must be finite.
   * @returns Nothing.
   * @throws {RangeError} If `x` is not a finite number.
   *
   * @example Add an observation
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const t = new Tally();
   * t.add(1.5);
   * assert.equal(t.sum, 1.5);
   * assert.throws(() => t.add(Number.NaN), RangeError);
   * ```
   */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      throw new RangeError(
        `Cannot add to a Tally: value must be a finite number, received ${String(x)}`,
      );
    }
    const n = ++this.#count;
    this.#sum += x;
    const delta = x - this.#mean;
    this.#mean += delta / n;
    this.#m2 += delta * (x - this.#mean);
    if (n === 1) {
      this.#min = x;
      this.#max = x;
    } else {
      if (x < this.#min) this.#min = x;
      if (x > this.#max) this.#max = x;
    }
    if (this.#keepValues) {
      if (n > this.#values.length) {
        const grown = new Float64Array(this.#values.length * 2);
        grown.set(this.#values);
        this.#values = grown;
      }
      this.#values[n - 1] = x;
      this.#sorted = undefined;
    }
  }

  /** Number of observations since creation or the last {@linkcode Tally.reset}. */
  get count(): number {
    return this.#count;
  }

  /** Sum of the observations (0 when empty). */
  get sum(): number {
    return this.#sum;
  }

  /** Arithmetic mean; `NaN` when empty. */
  get mean(): number {
    return this.#count === 0 ? Number.NaN : this.#mean;
  }

  /** Sample variance (divisor n − 1, Welford); `NaN` with fewer than two observations. */
  get variance(): number {
    return this.#count < 2 ? Number.NaN : this.#m2 / (this.#count - 1);
  }

  /** Sample standard deviation; `NaN` with fewer than two observations. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }

  /** Smallest observation; `NaN` when empty. */
  get min(): number {
    return this.#min;
  }

  /** Largest observation; `NaN` when empty. */
  get max(): number {
    return this.#max;
  }

  /** Whether values are kept (see {@linkcode TallyOptions.keepValues}). */
  get keepsValues(): boolean {
    return this.#keepValues;
  }

  /**
   * A copy of the kept observations in the order they were added.
   *
   * @returns The values.
   * @throws {Error} If the tally was created with `keepValues: false`.
   *
   * @example Read the values back
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const t = new Tally();
   * t.add(3);
   * t.add(1);
   * assert.deepEqual(Array.from(t.values()), [3, 1]);
   * ```
   */
  values(): Float64Array {
    this.#requireValues("read the values");
    return this.#values.slice(0, this.#count);
  }

  /**
   * The p-quantile of the kept observations, by caresim's one definition (linear
   * interpolation between order statistics, type 7: see `quantileSorted`).
   *
   * @param p Probability in [0, 1].
   * @returns The quantile.
   * @throws {Error} If values are not kept, or the tally is empty.
   * @throws {RangeError} If `p` is outside [0, 1].
   *
   * @example Median and 95th percentile
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const t = new Tally();
   * for (let i = 1; i <= 100; i++) t.add(i);
   * assert.equal(t.quantile(0.5), 50.5);
   * assert.equal(t.quantile(0.95), 95.05);
   * ```
   */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(
        `Cannot compute a Tally quantile: p must be in [0, 1], received ${String(p)}`,
      );
    }
    this.#requireValues("compute a Tally quantile");
    if (this.#count === 0) {
      throw new Error("Cannot compute a Tally quantile: the tally is empty, received 0 values");
    }
    this.#sorted ??= this.#values.slice(0, this.#count).sort();
    return quantileSorted(this.#sorted, p);
  }

  /**
   * Forgets all observations (e.g. at the end of a warm-up period); options are kept.
   *
   * @returns Nothing.
   *
   * @example Discard warm-up observations
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const t = new Tally();
   * t.add(100);
   * t.reset();
   * t.add(1);
   * assert.equal(t.count, 1);
   * assert.equal(t.max, 1);
   * ```
   */
  reset(): void {
    this.#count = 0;
    this.#sum = 0;
    this.#mean = 0;
    this.#m2 = 0;
    this.#min = Number.NaN;
    this.#max = Number.NaN;
    this.#sorted = undefined;
    if (this.#keepValues) this.#values = new Float64Array(INITIAL_CAPACITY);
  }

  #requireValues(action: string): void {
    if (!this.#keepValues) {
      throw new Error(
        `Cannot ${action}: values are not kept by this Tally, received keepValues: false`,
      );
    }
  }
}
