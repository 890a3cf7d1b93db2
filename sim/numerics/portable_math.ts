/**
 * The elementary functions the engine and the model compute results with, with the same bits
 * in every JavaScript engine. `Math.exp`, `Math.log`, `Math.pow` and the trigonometric functions
 * are not correctly rounded and differ in the last bit between engines and between versions of
 * one engine (Deno's, Node's and Chromium's V8 builds disagree on a few per cent of arguments),
 * so a result computed with them depends on the runtime. These are ports of FreeBSD msun
 * (fdlibm) in plain double arithmetic, which every engine rounds the same way (IEEE 754), so a
 * replication gives byte-identical results in Deno, Node and the browser.
 *
 * @module
 */

import { exp, log, log10, log1p } from "./portable_exp_log.ts";
import { pow } from "./portable_pow.ts";
import { sinPi } from "./portable_sin_pi.ts";

/** The portable elementary functions, named as on `Math`. */
export interface PortableMathFunctions {
  /** eˣ (fdlibm `exp`; error < 1 ulp). */
  readonly exp: (x: number) => number;
  /** ln x (fdlibm `log`; error < 1 ulp). */
  readonly log: (x: number) => number;
  /** ln(1 + x), accurate near x = 0 (fdlibm `log1p`; error < 1 ulp). */
  readonly log1p: (x: number) => number;
  /** log₁₀ x, exact at powers of ten (msun `log10`; error < 1 ulp). */
  readonly log10: (x: number) => number;
  /** xʸ with `Math.pow`'s special values (fdlibm `pow`; exact for integer powers of integers). */
  readonly pow: (x: number, y: number) => number;
  /** sin(πx), exactly 0 at integers (msun `sinpi`). */
  readonly sinPi: (x: number) => number;
}

/**
 * Drop-in replacements for `Math.exp`, `Math.log`, `Math.log1p`, `Math.log10` and `Math.pow`
 * (and sin(πx)) that give the same bits in Deno, Node and every browser. Library code computes
 * results with these, never with `Math`'s (a test checks).
 *
 * @example Same special values as Math, same bits everywhere
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(PortableMath.exp(0), 1);
 * assert.equal(PortableMath.log(Math.E), 1);
 * assert.equal(PortableMath.pow(10, -2), 0.01);
 * assert.ok(Math.abs(PortableMath.log1p(1e-10) - 9.9999999995e-11) < 1e-25);
 * assert.equal(PortableMath.sinPi(1 / 6), 0.5);
 * ```
 */
export const PortableMath: PortableMathFunctions = Object.freeze({
  exp,
  log,
  log1p,
  log10,
  pow,
  sinPi,
});
