/**
 * Numerics shared by the engine, the model and the reports: the one quantile definition
 * ({@linkcode quantile}, linear interpolation, Hyndman–Fan type 7), the standard normal quantile, the
 * lognormal's natural-scale ↔ log-scale parameters, ln Γ, and {@linkcode PortableMath}: exp, log,
 * log1p, log10, pow and sin(πx) with the same bits in every JavaScript engine (ports of FreeBSD
 * msun), which library code computes results with instead of `Math`'s, and the error function
 * on it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(quantile([1, 2, 3, 4, 5], 0.95), 4.8);
 * assert.ok(Math.abs(normalQuantile(0.95) - 1.6448536269514722) < 1e-12);
 * ```
 *
 * @module
 */

export { quantile, quantileSorted } from "./quantile.ts";
export { normalQuantile } from "./normal.ts";
export { type LognormalParams, lognormalParams } from "./lognormal.ts";
export { logGamma } from "./log_gamma.ts";
export { PortableMath, type PortableMathFunctions } from "./portable_math.ts";
export { errorFunction } from "./error_function.ts";
