/**
 * Student's t distribution: cumulative probability and quantile, for t-based confidence
 * intervals.
 *
 * @module
 */

import { logGamma } from "../numerics/log_gamma.ts";
import { normalQuantile } from "../numerics/normal.ts";
import { exp, log, log1p } from "../numerics/portable_exp_log.ts";
import { incompleteBeta, incompleteGammaQ } from "./_special.ts";

/** Above this many degrees of freedom the Cornish–Fisher expansion is exact to ~1e-14. */
const CORNISH_FISHER_MIN_DF = 1000;

function checkDf(action: string, df: number): void {
  if (typeof df !== "number" || !(df > 0)) {
    throw new RangeError(
      `Cannot ${action}: degrees of freedom must be > 0 (Infinity allowed), received ${String(df)}`,
    );
  }
}

/** P(T > t) for t ≥ 0: ½ I_x(ν/2, ½) with x = ν/(ν + t²). Accurate when small. */
function upperTail(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
}

/** P(0 < T ≤ t) for t ≥ 0: ½ I_y(½, ν/2) with y = t²/(ν + t²). Accurate when small. */
function central(t: number, df: number): number {
  const t2 = t * t;
  return 0.5 * incompleteBeta(t2 / (df + t2), df / (df + t2), 0.5, df / 2);
}

function density(t: number, df: number): number {
  return exp(
    logGamma((df + 1) / 2) - logGamma(df / 2) - 0.5 * log(df * Math.PI) -
      ((df + 1) / 2) * log1p((t * t) / df),
  );
}

/**
 * Cumulative probability P(T ≤ t) of Student's t with `df` degrees of freedom (normal when
 * `df` is `Infinity`), through the regularized incomplete beta function.
 *
 * @param t The point.
 * @param df Degrees of freedom, > 0 (need not be whole).
 * @returns P(T ≤ t).
 * @throws {RangeError} If `df` is not > 0 or `t` is NaN.
 *
 * @example The median is 0
 * ```ts
 * import assert from "node:assert/strict";
 *
 * assert.equal(studentTCdf(0, 5), 0.5);
 * assert.ok(Math.abs(studentTCdf(12.706204736174707, 1) - 0.975) < 1e-12);
 * ```
 */
export function studentTCdf(t: number, df: number): number {
  checkDf("compute a Student t probability", df);
  if (Number.isNaN(t)) {
    throw new RangeError(
      "Cannot compute a Student t probability: t must be a number, received NaN",
    );
  }
  if (df === Number.POSITIVE_INFINITY) {
    return normalCdf(t);
  }
  const a = Math.abs(t);
  const tail = upperTail(a, df);
  if (tail < 0.25) return t >= 0 ? 1 - tail : tail;
  const middle = central(a, df); // precise near the median
  return t >= 0 ? 0.5 + middle : 0.5 - middle;
}

/** Standard normal CDF: Φ(z) = ½ Q(½, z²/2) for z < 0, by symmetry above. */
function normalCdf(z: number): number {
  const tail = 0.5 * incompleteGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? 1 - tail : tail;
}

/** Cornish–Fisher expansion of the t quantile in 1/df (Abramowitz & Stegun 26.7.5). */
function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z2 + 1) * z / 4;
  const g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
  const g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
  const g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * The p-quantile of Student's t with `df` degrees of freedom: the t with P(T ≤ t) = p. Exact to
 * about 1e-12: a safeguarded Newton iteration on the incomplete-beta tail for df ≤ 1000, the
 * Cornish–Fisher expansion above, and Wichura's AS 241 normal quantile for `df = Infinity`.
 *
 * @param p Probability in [0, 1]; 0 and 1 give −∞ and +∞.
 * @param df Degrees of freedom, > 0 (need not be whole; `Infinity` gives the normal).
 * @returns The quantile.
 * @throws {RangeError} If `p` is outside [0, 1] or `df` is not > 0.
 *
 * @example Critical values for a 95% interval
 * ```ts
 * import assert from "node:assert/strict";
 *
 * assert.equal(studentTQuantile(0.975, 4).toFixed(3), "2.776");
 * assert.equal(studentTQuantile(0.975, 9).toFixed(3), "2.262");
 * assert.equal(studentTQuantile(0.975, Infinity).toFixed(2), "1.96");
 * ```
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf("compute a Student t quantile", df);
  if (typeof p !== "number" || !(p >= 0 && p <= 1)) {
    throw new RangeError(
      `Cannot compute a Student t quantile: p must be in [0, 1], received ${String(p)}`,
    );
  }
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  if (p === 0.5) return 0;
  const upper = p > 0.5;
  const q = upper ? 1 - p : p; // tail probability, < 0.5
  const z = -normalQuantile(q); // > 0
  let t: number;
  if (df === Number.POSITIVE_INFINITY) {
    t = z;
  } else if (df > CORNISH_FISHER_MIN_DF) {
    t = cornishFisher(z, df);
  } else {
    t = solveUpperTail(q, df, z);
  }
  return upper ? t : -t;
}

/**
 * The t > 0 with P(T > t) = q, by Newton steps kept inside a bracket (bisection fallback).
 * Near the median (q > ¼) it solves P(0 < T ≤ t) = ½ − q instead, which keeps small t precise.
 */
function solveUpperTail(q: number, df: number, z: number): number {
  const nearMedian = q > 0.25;
  const target = nearMedian ? 0.5 - q : q;
  // excess(t) > 0 while t is below the answer
  const excess = nearMedian
    ? (t: number) => target - central(t, df)
    : (t: number) => upperTail(t, df) - target;
  let lo = 0;
  let hi = Math.max(1, 2 * cornishFisher(z, Math.max(df, 1)));
  while (excess(hi) > 0) {
    lo = hi;
    hi *= 2;
  }
  let t = Math.min(Math.max(cornishFisher(z, df), lo), hi);
  if (!(t > lo && t < hi)) t = (lo + hi) / 2;
  for (let i = 0; i < 200; i++) {
    const f = excess(t);
    if (f === 0) return t;
    if (f > 0) lo = t;
    else hi = t;
    let next = t + f / density(t, df);
    if (!(next > lo && next < hi)) next = (lo + hi) / 2;
    if (Math.abs(next - t) <= 1e-15 * t) return next;
    t = next;
  }
  return t;
}
