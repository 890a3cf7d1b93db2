/**
 * exp, ln, ln(1 + x) and log10 with the same bits in every JavaScript engine: ports of FreeBSD
 * msun (fdlibm) `e_exp.c`, `e_log.c`, `s_log1p.c` and `e_log10.c` with `k_log.h`, in plain
 * double arithmetic (+, −, ×, ÷ are correctly rounded by every engine) and word access through a
 * typed array. Each is within 1 ulp of the true value; exp(1) is `Math.E`.
 *
 * Ported from FreeBSD lib/msun/src, which carries this notice:
 *
 * ====================================================
 * Copyright (C) 1993, 2004 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * @module
 */

import { clearLow, F64, fromWords, HI, LO, U32 } from "./_float_words.ts";

const LN2_HI = 6.93147180369123816490e-01; // 0x3fe62e42 fee00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3dea39ef 35793c76
const TWO54 = 1.80143985094819840000e+16; // 0x43500000 00000000

const O_THRESHOLD = 7.09782712893383973096e+02; // 0x40862E42 FEFA39EF
const U_THRESHOLD = -7.45133219101941108420e+02; // 0xc0874910 D52D3051
const INVLN2 = 1.44269504088896338700e+00; // 0x3ff71547 652b82fe
const P1 = 1.66666666666666019037e-01; // 0x3FC55555 5555553E
const P2 = -2.77777777770155933842e-03; // 0xBF66C16C 16BEBD93
const P3 = 6.61375632143793436117e-05; // 0x3F11566A AF25DE2C
const P4 = -1.65339022054652515390e-06; // 0xBEBBBD41 C5D26BF1
const P5 = 4.13813679705723846039e-08; // 0x3E663769 72BEA4D0
const TWO_M1000 = fromWords(0x01700000, 0); // 2^-1000
const TWO_1023 = fromWords(0x7fe00000, 0); // 2^1023

const LG1 = 6.666666666666735130e-01; // 3FE55555 55555593
const LG2 = 3.999999999940941908e-01; // 3FD99999 9997FA04
const LG3 = 2.857142874366239149e-01; // 3FD24924 94229359
const LG4 = 2.222219843214978396e-01; // 3FCC71C5 1D8E78AF
const LG5 = 1.818357216161805012e-01; // 3FC74664 96CB03DE
const LG6 = 1.531383769920937332e-01; // 3FC39A09 D078C69F
const LG7 = 1.479819860511658591e-01; // 3FC2F112 DF3E5244

const IVLN10_HI = 4.34294481878168880939e-01; // 0x3fdbcb7b 15200000
const IVLN10_LO = 2.50829467116452752298e-11; // 0x3dbb9438 ca9aadd5
const LOG10_2_HI = 3.01029995663611771306e-01; // 0x3FD34413 509F6000
const LOG10_2_LO = 3.69423907715893078616e-13; // 0x3D59FEF3 11F12B36

/**
 * eˣ, the same in every engine (fdlibm's `__ieee754_exp`; error < 1 ulp).
 *
 * @param x Any number.
 * @returns eˣ; `exp(-Infinity)` is 0, `exp(NaN)` is NaN.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(exp(0), 1);
 * assert.equal(exp(1), Math.E);
 * ```
 */
export function exp(x: number): number {
  F64[0] = x;
  let hx = U32[HI]!;
  const xsb = hx >>> 31;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) { // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | U32[LO]!) !== 0) return x + x; // NaN
      return xsb === 0 ? x : 0; // exp(±∞) = ∞, 0
    }
    if (x > O_THRESHOLD) return Infinity;
    if (x < U_THRESHOLD) return 0;
  }
  if (x === 1) return Math.E; // as openlibm and V8 do: the nearest double, where the method is 1 ulp off
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) { // |x| > 0.5 ln2
    if (hx < 0x3ff0a2b2) { // and |x| < 1.5 ln2
      if (xsb === 0) {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      } else {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      }
    } else {
      k = (INVLN2 * x + (xsb === 0 ? 0.5 : -0.5)) | 0;
      hi = x - k * LN2_HI; // k * LN2_HI is exact here
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) { // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - ((lo - (x * c) / (2 - c)) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * fromWords((0x3ff + k) << 20, 0);
  }
  return y * fromWords((0x3ff + k + 1000) << 20, 0) * TWO_M1000;
}

/**
 * ln x, the same in every engine (fdlibm's `__ieee754_log`; error < 1 ulp).
 *
 * @param x Any number.
 * @returns ln x; −∞ at ±0, NaN below 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(log(1), 0);
 * assert.equal(log(Math.E), 1);
 * ```
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  const x1 = split(x);
  const k = splitK;
  const hx = splitHighWord;
  const f = x1 - 1;
  if ((0x000fffff & (2 + hx)) < 3) { // -2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.33333333333333333 * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - k * LN2_LO) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const r = t2 + t1;
  if (((hx - 0x6147a) | (0x6b851 - hx)) > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - ((s * (f - r) - k * LN2_LO) - f);
}

/**
 * ln(1 + x), accurate for small x and the same in every engine (fdlibm's `log1p`; error < 1 ulp).
 *
 * @param x Any number.
 * @returns ln(1 + x); −∞ at −1, NaN below −1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(log1p(1e-20), 1e-20);
 * assert.equal(log1p(Math.E - 1), 1);
 * ```
 */
export function log1p(x: number): number {
  F64[0] = x;
  const hx = U32[HI]! | 0;
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let hu = 0;
  let c = 0;
  if (hx < 0x3fda827a) { // 1 + x < √2
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x ≤ −1
    if (ax < 0x3e200000) { // |x| < 2^-29
      return ax < 0x3c900000 ? x : x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) { // √2/2 ≤ 1 + x < √2
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x;
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      F64[0] = u;
      hu = U32[HI]! | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    F64[0] = u;
    hu &= 0x000fffff;
    if (hu < 0x6a09e) { // u < √2
      U32[HI] = hu | 0x3ff00000; // normalise u
    } else {
      k += 1;
      U32[HI] = hu | 0x3fe00000; // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = F64[0]! - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) { // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.66666666666666666 * f);
    return k === 0 ? f - r : k * LN2_HI - ((r - (k * LN2_LO + c)) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - ((hfsq - (s * (hfsq + r) + (k * LN2_LO + c))) - f);
}

/**
 * log₁₀ x, the same in every engine (FreeBSD msun's `log10`; error < 1 ulp, exact at powers
 * of ten).
 *
 * @param x Any number.
 * @returns log₁₀ x; −∞ at ±0, NaN below 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(log10(1000), 3);
 * assert.equal(log10(1e-300), -300);
 * ```
 */
export function log10(x: number): number {
  if (!(x > 0)) return x === 0 ? -Infinity : NaN;
  if (x === Infinity) return x;
  if (x === 1) return 0;
  const x1 = split(x);
  const y = splitK;
  const f = x1 - 1;
  const hfsq = 0.5 * f * f;
  const r = kernelLog1p(f);
  const hi = clearLow(f - hfsq);
  const lo = (f - hi) - hfsq + r;
  let valHi = hi * IVLN10_HI;
  const y2 = y * LOG10_2_HI;
  let valLo = y * LOG10_2_LO + (lo + hi) * IVLN10_LO + lo * IVLN10_HI;
  const w = y2 + valHi;
  valLo += (y2 - w) + valHi;
  valHi = w;
  return valLo + valHi;
}

/** The k of the last {@linkcode split}. */
let splitK = 0;
/** The top 20 fraction bits of x's high word in the last {@linkcode split}. */
let splitHighWord = 0;

/**
 * Splits a positive finite x as 2^k · m with m in [√2/2, √2) (fdlibm's argument reduction for
 * the logarithms): returns m and leaves k in `splitK` and x's top fraction bits in
 * `splitHighWord`.
 */
function split(x: number): number {
  F64[0] = x;
  let hx = U32[HI]! | 0;
  let k = 0;
  if (hx < 0x00100000) { // subnormal: scale up
    k = -54;
    F64[0] = x * TWO54;
    hx = U32[HI]! | 0;
  }
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  const i = (hx + 0x95f64) & 0x100000;
  U32[HI] = hx | (i ^ 0x3ff00000); // normalise x or x/2
  splitK = k + (i >> 20);
  splitHighWord = hx;
  return F64[0]!;
}

/** ln(1 + f) − f + f²/2 for 1 + f in [√2/2, √2] (msun's `k_log1p`). */
function kernelLog1p(f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  return s * (0.5 * f * f + (t2 + t1));
}
