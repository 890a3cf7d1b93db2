/**
 * Private numerical helpers for the random layer (not re-exported).
 *
 * @module
 */

const LOG_GAMMA_COEFFS = [
  8.333333333333333e-02,
  -2.777777777777778e-03,
  7.936507936507937e-04,
  -5.952380952380952e-04,
  8.417508417508418e-04,
  -1.917526917526918e-03,
  6.410256410256410e-03,
  -2.955065359477124e-02,
  1.796443723688307e-01,
  -1.39243221690590e+00,
];
const LOG_2PI = 1.8378770664093453;

/**
 * Natural log of the gamma function for x > 0 (Stirling series with upward shift, as in
 * numpy's `random_loggam`; absolute error about 1e-15).
 *
 * @param x Argument, > 0.
 * @returns log Γ(x).
 */
export function logGamma(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x < 7 ? Math.floor(7 - x) : 0;
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let gl0 = LOG_GAMMA_COEFFS[9];
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOG_GAMMA_COEFFS[k];
  let gl = gl0 / x0 + 0.5 * LOG_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    gl -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}

/**
 * Complementary error function (Numerical Recipes `erfcc`, relative error < 1.2e-7).
 *
 * @param x Any real number.
 * @returns erfc(x).
 */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r = t * Math.exp(
    -z * z - 1.26551223 +
      t * (1.00002368 +
          t * (0.37409196 +
              t * (0.09678418 +
                  t * (-0.18628806 +
                      t * (0.27886807 +
                          t *
                            (-1.13520398 +
                              t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
  );
  return x >= 0 ? r : 2 - r;
}

/**
 * Upper tail of the standard normal distribution, Q(x) = 1 − Φ(x).
 *
 * @param x Any real number (±Infinity allowed).
 * @returns P(Z > x).
 */
export function normalUpperTail(x: number): number {
  if (x === Infinity) return 0;
  if (x === -Infinity) return 1;
  return 0.5 * erfc(x / Math.SQRT2);
}

/**
 * Standard normal density.
 *
 * @param x Any real number (±Infinity gives 0).
 * @returns φ(x).
 */
export function normalDensity(x: number): number {
  if (!Number.isFinite(x)) return 0;
  return Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
}
