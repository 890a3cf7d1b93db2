/**
 * ln Γ(x), the logarithm of the gamma function (Lanczos approximation, g = 7, n = 9; relative
 * error about 1e-15).
 *
 * @module
 */

import { log } from "./portable_exp_log.ts";
import { sinPi } from "./portable_sin_pi.ts";

const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993,
  676.5203681218851,
  -1259.1392167224028,
  771.32342877765313,
  -176.61502916214059,
  12.507343278686905,
  -0.13857109526572012,
  9.9843695780195716e-6,
  1.5056327351493116e-7,
];

/**
 * ln Γ(x) for x > 0.
 *
 * @param x A positive number.
 * @returns ln Γ(x).
 *
 * @example ln Γ(5) = ln 24
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-12);
 * ```
 */
export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection: Γ(x) Γ(1 − x) = π / sin(πx)
    return log(Math.PI / sinPi(x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = LANCZOS[0]!;
  for (let i = 1; i < LANCZOS.length; i++) sum += LANCZOS[i]! / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return 0.5 * log(2 * Math.PI) + (z + 0.5) * log(t) - t + log(sum);
}
