/**
 * Count draws by inversion with exactly one uniform each, so that (a) every draw consumes a
 * fixed number of random numbers, keeping named streams aligned between a scenario and its
 * paired baseline (common random numbers), and (b) for a fixed uniform the count never
 * increases when the rate decreases (monotone coupling).
 *
 * Small means use exact sequential inversion of the CDF; means ≥ 40 use the normal
 * approximation with a continuity correction (error < 1% of a standard deviation there).
 *
 * @module
 */

import { normalQuantile, PortableMath } from "../sim/mod.ts";

const EXACT_LIMIT = 40;

/**
 * A Poisson count from one uniform by inversion.
 *
 * @param u Uniform in [0, 1).
 * @param mean Poisson mean (≥ 0; 0 gives 0).
 * @returns The count.
 *
 * @example Monotone in the mean for a fixed uniform
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(poissonInverse(0.7, 2) <= poissonInverse(0.7, 3));
 * assert.equal(poissonInverse(0.5, 0), 0);
 * ```
 */
export function poissonInverse(u: number, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean >= EXACT_LIMIT) {
    return Math.max(0, Math.floor(mean + Math.sqrt(mean) * normalQuantile(u) + 0.5));
  }
  let p = PortableMath.exp(-mean);
  let cdf = p;
  let k = 0;
  while (u >= cdf && k < 400) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * A binomial count from one uniform by inversion.
 *
 * @param u Uniform in [0, 1).
 * @param n Trials (non-negative integer).
 * @param p Success probability (clipped to [0, 1]).
 * @returns The count, in [0, n].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(binomialInverse(0.3, 10, 0), 0);
 * assert.equal(binomialInverse(0.3, 10, 1), 10);
 * assert.ok(binomialInverse(0.6, 1000, 0.01) <= binomialInverse(0.6, 1000, 0.02));
 * ```
 */
export function binomialInverse(u: number, n: number, p: number): number {
  if (n <= 0 || !(p > 0)) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - binomialInverse(1 - u - 1e-16 > 0 ? 1 - u - 1e-16 : 0, n, 1 - p);
  const mean = n * p;
  if (mean >= EXACT_LIMIT) {
    const sd = Math.sqrt(mean * (1 - p));
    return Math.min(n, Math.max(0, Math.floor(mean + sd * normalQuantile(u) + 0.5)));
  }
  const q = 1 - p;
  const ratio = p / q;
  let pk = PortableMath.exp(n * PortableMath.log1p(-p));
  let cdf = pk;
  let k = 0;
  while (u >= cdf && k < n) {
    pk *= ((n - k) / (k + 1)) * ratio;
    k++;
    cdf += pk;
    if (pk < 1e-300 && k > mean) break;
  }
  return k;
}
