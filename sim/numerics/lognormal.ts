/**
 * The lognormal distribution as planners give it (mean and sd on the natural scale) and as it
 * is drawn (μ and σ of the underlying normal): σ² = ln(1 + sd²/mean²), μ = ln(mean) − σ²/2.
 *
 * @module
 */

import { log, log1p } from "./portable_exp_log.ts";

/** Parameters of the normal distribution of ln X. */
export interface LognormalParams {
  /** Mean of ln X. */
  mu: number;
  /** Standard deviation of ln X. */
  sigma: number;
}

/**
 * μ and σ of a lognormal with the given natural-scale mean and sd.
 *
 * @param options `mean` (> 0) and `sd` (≥ 0) of X.
 * @returns `{ mu, sigma }` of ln X.
 *
 * @example The median is mean / √(1 + cv²)
 * ```ts
 * import assert from "node:assert/strict";
 * const { mu, sigma } = lognormalParams({ mean: 10, sd: 10 });
 * assert.ok(Math.abs(Math.exp(mu) - 10 / Math.SQRT2) < 1e-12);
 * assert.ok(Math.abs(Math.exp(mu + sigma * sigma / 2) - 10) < 1e-12);
 * ```
 */
export function lognormalParams(options: { mean: number; sd: number }): LognormalParams {
  const cv = options.sd / options.mean;
  const sigma2 = log1p(cv * cv);
  return { mu: log(options.mean) - 0.5 * sigma2, sigma: Math.sqrt(sigma2) };
}
