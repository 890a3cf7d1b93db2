/**
 * The one quantile definition of caresim: linear interpolation between order statistics
 * (Hyndman & Fan 1996, type 7 — the default of R's `quantile` and NumPy's `percentile`). For
 * n sorted values x₀ ≤ … ≤ xₙ₋₁ and p in [0, 1]: h = (n − 1)·p, and the quantile is
 * x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). Every p05, p50 and p95 caresim reports — summaries across
 * replications, the annual `acute_occupied_beds_p95`, the report's fan charts,
 * `Tally.quantile` — uses it.
 *
 * @module
 */

/**
 * The p-quantile of values already sorted ascending (type 7, see the module doc).
 *
 * @param sorted Values in ascending order (a plain or typed array).
 * @param p Probability in [0, 1].
 * @returns The quantile.
 * @throws {RangeError} If `sorted` is empty or `p` is outside [0, 1].
 *
 * @example The 95th percentile of 1…20
 * ```ts
 * import assert from "node:assert/strict";
 * const xs = Array.from({ length: 20 }, (_, i) => i + 1);
 * assert.equal(quantileSorted(xs, 0.95), 19.05);
 * assert.equal(quantileSorted(xs, 0.5), 10.5);
 * ```
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) {
    throw new RangeError("Cannot compute a quantile: no values, received an empty array");
  }
  if (!(p >= 0 && p <= 1)) {
    throw new RangeError(`Cannot compute a quantile: p must be in [0, 1], received ${p}`);
  }
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const x = sorted[lo]!;
  return lo + 1 < n ? x + (sorted[lo + 1]! - x) * (h - lo) : x;
}

/**
 * The p-quantile of values in any order (type 7); the input is not changed.
 *
 * @param values Values.
 * @param p Probability in [0, 1].
 * @returns The quantile.
 * @throws {RangeError} If `values` is empty or `p` is outside [0, 1].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(quantile([3, 1, 2], 0.5), 2);
 * ```
 */
export function quantile(values: ArrayLike<number>, p: number): number {
  return quantileSorted(Float64Array.from(values).sort(), p);
}
