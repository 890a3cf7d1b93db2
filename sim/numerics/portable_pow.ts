/**
 * xʸ with the same bits in every JavaScript engine: a port of FreeBSD msun (fdlibm) `e_pow.c`
 * in plain double arithmetic, with ECMAScript's special cases (`pow(1, NaN)` and
 * `pow(±1, ±Infinity)` are NaN). Nearly correctly rounded; exact for integer powers of integers
 * that fit in a double.
 *
 * Ported from FreeBSD lib/msun/src/e_pow.c, which carries this notice:
 *
 * ====================================================
 * Copyright (C) 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * @module
 */

import { clearLow, F64, fromWords, HI, LO, U32 } from "./_float_words.ts";

const BP = [1.0, 1.5];
const DP_H = [0.0, 5.84962487220764160156e-01]; // 0x3FE2B803 40000000
const DP_L = [0.0, 1.35003920212974897128e-08]; // 0x3E4CFDEB 43CFD006
const TWO53 = 9007199254740992.0; // 0x43400000 00000000
// Coefficients of (3/2)(ln x − 2s − 2s³/3)
const L1 = 5.99999999999994648725e-01; // 0x3FE33333 33333303
const L2 = 4.28571428578550184252e-01; // 0x3FDB6DB6 DB6FABFF
const L3 = 3.33333329818377432918e-01; // 0x3FD55555 518F264D
const L4 = 2.72728123808534006489e-01; // 0x3FD17460 A91D4101
const L5 = 2.30660745775561754067e-01; // 0x3FCD864A 93C9DB65
const L6 = 2.06975017800338417784e-01; // 0x3FCA7E28 4A454EEF
const P1 = 1.66666666666666019037e-01; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-03; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-05; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-06; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-08; // 0x3E663769 72BEA4D0
const LG2 = 6.93147180559945286227e-01; // 0x3FE62E42 FEFA39EF
const LG2_H = 6.93147182464599609375e-01; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-09; // 0xBE205C61 0CA86C39
const OVT = 8.0085662595372944372e-17; // −(1024 − log2(ovfl + .5 ulp))
const CP = 9.61796693925975554329e-01; // 0x3FEEC709 DC3A03FD = 2/(3 ln2)
const CP_H = 9.61796700954437255859e-01; // 0x3FEEC709 E0000000 = (float)cp
const CP_L = -7.02846165095275826516e-09; // 0xBE3E2FE0 145B01F5 = tail of cp_h
const IVLN2 = 1.44269504088896338700e+00; // 0x3FF71547 652B82FE = 1/ln2
const IVLN2_H = 1.44269502162933349609e+00; // 0x3FF71547 60000000 = 24-bit 1/ln2
const IVLN2_L = 1.92596299112661746887e-08; // 0x3E54AE0B F85DDF44 = 1/ln2 tail
const TWO_M54 = fromWords(0x3c900000, 0); // 2^-54

/**
 * xʸ, the same in every engine (fdlibm's `__ieee754_pow` with ECMAScript's special cases).
 *
 * @param x The base.
 * @param y The exponent.
 * @returns xʸ, with `Math.pow`'s special values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(pow(3, 4), 81);
 * assert.equal(pow(2, 0.5), Math.SQRT2);
 * assert.ok(Number.isNaN(pow(1, Infinity)));
 * ```
 */
export function pow(x: number, y: number): number {
  if (y !== y) return NaN; // ECMAScript: x ** NaN is NaN, even for x = 1
  F64[0] = x;
  const hx = U32[HI]! | 0;
  const lx = U32[LO]!;
  F64[0] = y;
  const hy = U32[HI]! | 0;
  const ly = U32[LO]!;
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x ** ±0 = 1, even for NaN
  if (x !== x) return NaN;
  if (iy === 0x7ff00000 && ly === 0 && ix === 0x3ff00000 && lx === 0) return NaN; // (±1) ** ±∞
  if (hx === 0x3ff00000 && lx === 0) return 1;

  // yIsInt: 0 if y is not an integer, 1 if an odd one, 2 if an even one (needed when x < 0)
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) yIsInt = 2;
    else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if (((j << (52 - e)) >>> 0) === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) { // special values of y
    if (iy === 0x7ff00000) { // y is ±∞
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // (|x| > 1) ** ±∞ = ∞, 0
      return hy < 0 ? -y : 0; // (|x| < 1) ** ∓∞ = ∞, 0
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y is ±1
    if (hy === 0x40000000) return x * x; // y is 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y is 0.5, x ≥ +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) { // ±0, ±∞, ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0) z = NaN; // (−1) ** non-integer
      else if (yIsInt === 1) z = -z; // (x < 0) ** odd = −(|x| ** odd)
    }
    return z;
  }

  const neg = (hx >>> 31) - 1; // 0 when x < 0, −1 otherwise
  if ((neg | yIsInt) === 0) return NaN; // (x < 0) ** non-integer
  const s = (neg | (yIsInt - 1)) === 0 ? -1 : 1; // sign of the result: (−x) ** odd

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) { // |y| > 2^31
    if (iy > 0x43f00000) { // |y| > 2^64: must over- or underflow
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    // over- or underflow if x is not close to one
    if (ix < 0x3fefffff) return hy < 0 ? s * Infinity : s * 0;
    if (ix > 0x3ff00000) return hy > 0 ? s * Infinity : s * 0;
    // |1 − x| ≤ 2^-20: ln x by x − x²/2 + x³/3 − x⁴/4
    const t = ax - 1;
    const w = (t * t) * (0.5 - t * (0.3333333333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = clearLow(u + v);
    t2 = v - (t1 - u);
  } else {
    let n = 0;
    if (ix < 0x00100000) { // subnormal x
      ax *= TWO53;
      n -= 53;
      F64[0] = ax;
      ix = U32[HI]! | 0;
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // normalise
    let k: number;
    if (j <= 0x3988e) k = 0; // |x| < √(3/2)
    else if (j < 0xbb67a) k = 1; // |x| < √3
    else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    F64[0] = ax;
    U32[HI] = ix;
    ax = F64[0]!;

    // ss = s_h + s_l = (x − 1)/(x + 1) or (x − 1.5)/(x + 1.5)
    let u = ax - BP[k]!;
    let v = 1 / (ax + BP[k]!);
    const ss = u * v;
    const sH = clearLow(ss);
    // t_h = ax + bp[k], high part
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0);
    let tL = ax - (tH - BP[k]!);
    const sL = v * ((u - sH * tH) - sH * tL);
    // ln(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (L1 + s2 * (L2 + s2 * (L3 + s2 * (L4 + s2 * (L5 + s2 * L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = clearLow(3 + s2 + r);
    tL = r - ((tH - 3) - s2);
    // u + v = ss (1 + …)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3 ln2) (ss + …)
    const pH = clearLow(u + v);
    const pL = v - (pH - u);
    const zH = CP_H * pH; // cp_h + cp_l = 2/(3 ln2)
    const zL = CP_L * pH + pL * CP + DP_L[k]!;
    // log2(ax) = (ss + …) 2/(3 ln2) = n + dp_h + z_h + z_l
    const t = n;
    t1 = clearLow(((zH + zL) + DP_H[k]!) + t);
    t2 = zL - (((t1 - t) - DP_H[k]!) - zH);
  }

  // y = y1 + y2; (y1 + y2)(t1 + t2)
  const y1 = clearLow(y);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  F64[0] = z;
  let j = U32[HI]! | 0;
  const i = U32[LO]!;
  if (j >= 0x40900000) { // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return s * Infinity; // z > 1024
    if (pL + OVT > z - pH) return s * Infinity;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) { // z ≤ −1075
    if ((((j - 0xc090cc00) | 0) | i) !== 0) return s * 0; // z < −1075
    if (pL <= z - pH) return s * 0;
  }

  // 2^(p_h + p_l)
  const absJ = j & 0x7fffffff;
  let e = (absJ >> 20) - 0x3ff;
  let n = 0;
  if (absJ > 0x3fe00000) { // |z| > 0.5: n = [z + 0.5]
    n = (j + (0x00100000 >> (e + 1))) | 0;
    e = ((n & 0x7fffffff) >> 20) - 0x3ff; // new e for n
    const t = fromWords(n & ~(0x000fffff >> e), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - e);
    if (j < 0) n = -n;
    pH -= t;
  }
  const t = clearLow(pL + pH);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2 + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  const tt = z * z;
  const tp = z - tt * (P1 + tt * (P2 + tt * (P3 + tt * (P4 + tt * P5))));
  const r = (z * tp) / (tp - 2) - (w + z * w);
  z = 1 - (r - z);
  F64[0] = z;
  j = (U32[HI]! | 0) + (n << 20);
  if (j >> 20 <= 0) z = scaleDown(z, n); // subnormal result
  else {
    U32[HI] = j;
    z = F64[0]!;
  }
  return s * z;
}

/** z × 2ⁿ with one rounding, for a normal z and a result below the normal range (scalbn). */
function scaleDown(z: number, n: number): number {
  F64[0] = z;
  const hz = U32[HI]!;
  const k = ((hz >>> 20) & 0x7ff) + n;
  if (k <= -54) return 0;
  U32[HI] = (hz & 0x800fffff) | ((k + 54) << 20);
  return F64[0]! * TWO_M54;
}
