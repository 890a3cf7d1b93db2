/**
 * A precomputed discrete (empirical) distribution for repeated sampling.
 *
 * @module
 */

import type { RandomStream } from "./stream.ts";
import { requireFinite, requireObject, show } from "./_validate.ts";

/** Values and their relative weights (weights need not sum to 1). */
export interface EmpiricalSpec<T> {
  /** The possible outcomes; at least one. */
  values: readonly T[];
  /** One non-negative finite weight per value; they must not all be 0. */
  weights: readonly number[];
}

/**
 * Checks an {@linkcode EmpiricalSpec} and returns the total weight.
 *
 * @param action What was attempted ("sample empirical").
 * @param spec The values and weights.
 * @returns The sum of the weights (> 0).
 * @throws {TypeError} If values/weights are not arrays or a weight is not a number.
 * @throws {RangeError} If lengths differ, there are no values, a weight is negative or not
 * finite, or all weights are 0.
 *
 * @example Total weight
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(checkEmpirical("sample", { values: [1, 2], weights: [1, 3] }), 4);
 * ```
 */
export function checkEmpirical<T>(action: string, spec: EmpiricalSpec<T>): number {
  requireObject(action, "the argument", spec);
  const { values, weights } = spec;
  if (!Array.isArray(values)) {
    throw new TypeError(`Cannot ${action}: values must be an array, received ${show(values)}`);
  }
  if (!Array.isArray(weights)) {
    throw new TypeError(`Cannot ${action}: weights must be an array, received ${show(weights)}`);
  }
  if (values.length === 0) {
    throw new RangeError(`Cannot ${action}: values must not be empty, received []`);
  }
  if (weights.length !== values.length) {
    throw new RangeError(
      `Cannot ${action}: weights must have one entry per value (${values.length}), received ${weights.length}`,
    );
  }
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    requireFinite(action, `weights[${i}]`, w);
    if (w < 0) {
      throw new RangeError(`Cannot ${action}: weights[${i}] must be >= 0, received ${w}`);
    }
    total += w;
  }
  if (!(total > 0) || !Number.isFinite(total)) {
    throw new RangeError(
      `Cannot ${action}: weights must have a positive finite sum, received ${total}`,
    );
  }
  return total;
}

/**
 * A discrete distribution over arbitrary values, built once (cumulative weights) and sampled
 * by inversion with binary search: O(log n) per draw, one uniform per draw, monotone in the
 * uniform (good for common random numbers). Draws equal `stream.empirical(spec)` for the same
 * stream state.
 *
 * @typeParam T Type of the values.
 *
 * @example Sample a weighted choice
 * ```ts
 * import assert from "node:assert/strict";
 * import { createStream } from "./stream.ts";
 * const table = new EmpiricalTable({ values: ["a", "b"], weights: [1, 3] });
 * const stream = createStream(1, 0, "route");
 * assert.ok(["a", "b"].includes(table.sample(stream)));
 * ```
 */
export class EmpiricalTable<T> {
  #values: readonly T[];
  #cumulative: Float64Array;
  #total: number;

  /**
   * Builds the table.
   *
   * @param spec Values and weights (weights need not sum to 1; copied).
   * @throws {TypeError} If values/weights are not arrays.
   * @throws {RangeError} If lengths differ, a weight is negative or not finite, or all are 0.
   *
   * @example Build a table
   * ```ts
   * import assert from "node:assert/strict";
   * const table = new EmpiricalTable({ values: [10, 20], weights: [1, 1] });
   * assert.equal(table.size, 2);
   * ```
   */
  constructor(spec: EmpiricalSpec<T>) {
    this.#total = checkEmpirical("build an empirical table", spec);
    this.#values = Object.freeze([...spec.values]);
    this.#cumulative = new Float64Array(spec.weights.length);
    let sum = 0;
    for (let i = 0; i < spec.weights.length; i++) {
      sum += spec.weights[i];
      this.#cumulative[i] = sum;
    }
  }

  /**
   * Number of values.
   *
   * @returns The count of values.
   *
   * @example Size
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(new EmpiricalTable({ values: [1], weights: [2] }).size, 1);
   * ```
   */
  get size(): number {
    return this.#values.length;
  }

  /**
   * The probability of each value (weights normalised to sum to 1).
   *
   * @returns A new array of probabilities, one per value.
   *
   * @example Probabilities
   * ```ts
   * import assert from "node:assert/strict";
   * const t = new EmpiricalTable({ values: [1, 2], weights: [1, 3] });
   * assert.deepEqual(t.probabilities(), [0.25, 0.75]);
   * ```
   */
  probabilities(): number[] {
    const out: number[] = [];
    let prev = 0;
    for (const c of this.#cumulative) {
      out.push((c - prev) / this.#total);
      prev = c;
    }
    return out;
  }

  /**
   * The values (frozen copy).
   *
   * @returns The values in their original order.
   *
   * @example Values
   * ```ts
   * import assert from "node:assert/strict";
   * assert.deepEqual(new EmpiricalTable({ values: [1, 2], weights: [1, 1] }).values, [1, 2]);
   * ```
   */
  get values(): readonly T[] {
    return this.#values;
  }

  /**
   * Draws one value using one uniform from `stream`.
   *
   * @param stream The random stream to draw from.
   * @returns One of the values, with probability proportional to its weight.
   *
   * @example Draw
   * ```ts
   * import assert from "node:assert/strict";
   * import { createStream } from "./stream.ts";
   * const t = new EmpiricalTable({ values: [7], weights: [1] });
   * assert.equal(t.sample(createStream(0, 0, "x")), 7);
   * ```
   */
  sample(stream: RandomStream): T {
    return this.#values[this.indexFor(stream.random())];
  }

  /**
   * Index chosen by a uniform `u` in [0, 1): the first index whose cumulative weight exceeds
   * `u` times the total.
   *
   * @param u A uniform number in [0, 1).
   * @returns The chosen index.
   *
   * @example Inversion
   * ```ts
   * import assert from "node:assert/strict";
   * const t = new EmpiricalTable({ values: ["a", "b"], weights: [1, 3] });
   * assert.equal(t.indexFor(0.2), 0);
   * assert.equal(t.indexFor(0.3), 1);
   * ```
   */
  indexFor(u: number): number {
    const target = u * this.#total;
    const cum = this.#cumulative;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cum[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
