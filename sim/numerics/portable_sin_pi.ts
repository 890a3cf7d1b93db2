/**
 * sin(πx) with the same bits in every JavaScript engine: a port of FreeBSD msun's `sinpi`
 * (`s_sinpi.c`, `k_sinpi.h`, `k_cospi.h`) on fdlibm's `__kernel_sin` and `__kernel_cos`, in plain
 * double arithmetic. Reducing x exactly before multiplying by π makes it accurate for every x
 * (sin(πn) is exactly 0), where `Math.sin(Math.PI * x)` loses the rounding of πx.
 *
 * Ported from FreeBSD lib/msun/src. k_sin.c and k_cos.c carry this notice:
 *
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * s_sinpi.c, k_sinpi.h and k_cospi.h carry this one:
 *
 * Copyright (c) 2017 Steven G. Kargl
 * All rights reserved.
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions
 * are met:
 * 1. Redistributions of source code must retain the above copyright
 *    notice unmodified, this list of conditions, and the following
 *    disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright
 *    notice, this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 *
 * THIS SOFTWARE IS PROVIDED BY THE AUTHOR ``AS IS'' AND ANY EXPRESS OR
 * IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES
 * OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE DISCLAIMED.
 * IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY DIRECT, INDIRECT,
 * INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT
 * NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR SERVICES; LOSS OF USE,
 * DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY
 * THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT
 * (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE OF
 * THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 *
 * @module
 */

import { clearLow, fromWords } from "./_float_words.ts";

const PI_HI = fromWords(0x400921fb, 0x58000000); // 3.1415926814079285
const PI_LO = fromWords(0xbe5dde97, 0x3dcb3b3a); // −2.7818135228334233e-8
const TWO_53 = 9007199254740992; // 2^53
const TWO_M53 = 1 / TWO_53;

const S1 = -1.66666666666666324348e-01; // 0xBFC55555 55555549
const S2 = 8.33333333332248946124e-03; // 0x3F811111 1110F8A6
const S3 = -1.98412698298579493134e-04; // 0xBF2A01A0 19C161D5
const S4 = 2.75573137070700676789e-06; // 0x3EC71DE3 57B1FE7D
const S5 = -2.50507602534068634195e-08; // 0xBE5AE5E6 8A2B9CEB
const S6 = 1.58969099521155010221e-10; // 0x3DE5D93A 5ACFD57C
const C1 = 4.16666666666666019037e-02; // 0x3FA55555 5555554C
const C2 = -1.38888888888741095749e-03; // 0xBF56C16C 16C15177
const C3 = 2.48015872894767294178e-05; // 0x3EFA01A0 19CB1590
const C4 = -2.75573143513906633035e-07; // 0xBE927E4F 809C52AD
const C5 = 2.08757232129817482790e-09; // 0x3E21EE9E BDB4B1C4
const C6 = -1.13596475577881948265e-11; // 0xBDA8FAE9 BE8838D4

/**
 * sin(πx), the same in every engine (FreeBSD msun's `sinpi`).
 *
 * @param x Any number.
 * @returns sin(πx): ±0 at integers, NaN at ±∞ and NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(sinPi(0.5), 1);
 * assert.equal(sinPi(-1.5), 1);
 * assert.equal(sinPi(3), 0);
 * ```
 */
export function sinPi(x: number): number {
  const ax = Math.abs(x);
  let s: number;
  if (ax < 1) {
    if (ax < 0.25) {
      if (ax < 1.862645149230957e-9) { // 2^-29
        if (x === 0) return x;
        // π x in extra precision, scaled by 2^53 so that subnormal x keep their bits
        const hi = clearLow(x) * TWO_53;
        const lo = x * TWO_53 - hi;
        return ((PI_LO + PI_HI) * lo + PI_LO * hi + PI_HI * hi) * TWO_M53;
      }
      s = kernelSinPi(ax);
    } else s = reduced(ax);
    return x < 0 ? -s : s;
  }
  if (ax < 4503599627370496) { // 2^52
    const whole = Math.floor(ax);
    const r = ax - whole; // exact
    if (r === 0) s = 0;
    else {
      s = r < 0.25 ? kernelSinPi(r) : reduced(r);
      if (whole % 2 === 1) s = -s;
    }
    return x < 0 ? -s : s;
  }
  if (ax !== ax || ax === Infinity) return NaN;
  return x < 0 ? -0 : 0; // every |x| ≥ 2^52 is an integer
}

/** sin(πr) for r in [0.25, 1). */
function reduced(r: number): number {
  if (r < 0.5) return kernelCosPi(0.5 - r);
  if (r < 0.75) return kernelCosPi(r - 0.5);
  return kernelSinPi(1 - r);
}

/** The tail of the last {@linkcode timesPi}. */
let piTail = 0;

/** πx as a head (returned) and a tail (left in `piTail`), for x in [0, 0.25] (msun's kernels). */
function timesPi(x: number): number {
  const hi = Math.fround(x);
  const lo = (x - hi) * (PI_LO + PI_HI) + hi * PI_LO;
  const head = hi * PI_HI;
  const w = head + lo;
  piTail = (head - w) + lo;
  return w;
}

/** sin(πx) for x in [0, 0.25] (msun's `__kernel_sinpi`). */
function kernelSinPi(x: number): number {
  const w = timesPi(x);
  return kernelSin(w, piTail);
}

/** cos(πx) for x in [0, 0.25] (msun's `__kernel_cospi`). */
function kernelCosPi(x: number): number {
  const w = timesPi(x);
  return kernelCos(w, piTail);
}

/** sin(x + y) for |x| ≤ π/4 and y the tail of x (fdlibm's `__kernel_sin` with iy = 1). */
function kernelSin(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = S2 + z * (S3 + z * S4) + z * w * (S5 + z * S6);
  const v = z * x;
  return x - ((z * (0.5 * y - v * r) - y) - v * S1);
}

/** cos(x + y) for |x| ≤ π/4 and y the tail of x (fdlibm's `__kernel_cos`). */
function kernelCos(x: number, y: number): number {
  const z = x * x;
  const w = z * z;
  const r = z * (C1 + z * (C2 + z * C3)) + w * w * (C4 + z * (C5 + z * C6));
  const hz = 0.5 * z;
  const v = 1 - hz;
  return v + (((1 - v) - hz) + (z * r - x * y));
}
