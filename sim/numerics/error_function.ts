/**
 * The error function erf(x) by the Chebyshev fit of Numerical Recipes' `erfcc` (fractional error
 * below 1.2e-7 everywhere), as simple-statistics' `errorFunction` computes it, but with
 * {@linkcode PortableMath}'s exp so that it gives the same bits in every JavaScript engine.
 *
 * @module
 */

import { exp } from "./portable_exp_log.ts";

/**
 * erf(x) = 2/√π ∫₀ˣ e^(−t²) dt, to about 1.2e-7.
 *
 * @param x Any number.
 * @returns erf(x), in [−1, 1].
 *
 * @example erf(1) ≈ 0.8427
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(errorFunction(1) - 0.8427007929497149) < 2e-7);
 * assert.equal(errorFunction(-1), -errorFunction(1));
 * ```
 */
export function errorFunction(x: number): number {
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const tau = t *
    exp(
      -x * x +
        ((((((((0.17087277 * t - 0.82215223) * t + 1.48851587) * t - 1.13520398) * t +
                            0.27886807) * t - 0.18628806) * t + 0.09678418) * t + 0.37409196) * t +
            1.00002368) * t -
        1.26551223,
    );
  return x >= 0 ? 1 - tau : tau - 1;
}
