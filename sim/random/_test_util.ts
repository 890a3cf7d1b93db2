/**
 * Statistical helpers for this folder's tests (private; not re-exported).
 *
 * @module
 */

import assert from "node:assert/strict";

/** Sample moments of `xs`. */
export interface Moments {
  /** Number of values. */
  n: number;
  /** Sample mean. */
  mean: number;
  /** Sample variance (n − 1 denominator). */
  variance: number;
  /** Fourth central moment (n denominator). */
  m4: number;
}

/**
 * Sample mean, variance and fourth central moment.
 *
 * @param xs Values (at least 2).
 * @returns The moments.
 */
export function moments(xs: ArrayLike<number>): Moments {
  const n = xs.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += xs[i];
  const mean = sum / n;
  let s2 = 0;
  let s4 = 0;
  for (let i = 0; i < n; i++) {
    const d = xs[i] - mean;
    const d2 = d * d;
    s2 += d2;
    s4 += d2 * d2;
  }
  return { n, mean, variance: s2 / (n - 1), m4: s4 / n };
}

/**
 * Asserts the sample mean is within 5 standard errors of `mean` (SE from the analytic
 * variance) and, when given, the sample variance within 5 SE of `variance` (SE from the
 * sample fourth moment).
 *
 * @param label Names the case in failure messages.
 * @param xs Draws.
 * @param expected Analytic mean and optionally variance.
 */
export function assertMoments(
  label: string,
  xs: ArrayLike<number>,
  expected: { mean: number; variance: number; checkVariance?: boolean },
): void {
  const m = moments(xs);
  const seMean = Math.sqrt(expected.variance / m.n);
  assert.ok(
    Math.abs(m.mean - expected.mean) < 5 * seMean + 1e-12,
    `${label}: mean ${m.mean} vs ${expected.mean} (5 SE = ${5 * seMean})`,
  );
  if (expected.checkVariance === false) return;
  const seVar = Math.sqrt(Math.max(m.m4 - m.variance * m.variance, 0) / m.n);
  assert.ok(
    Math.abs(m.variance - expected.variance) < 5 * seVar + 1e-12,
    `${label}: variance ${m.variance} vs ${expected.variance} (5 SE = ${5 * seVar})`,
  );
}

/**
 * Upper critical value of chi-square with `df` degrees of freedom at about p = 1e-6
 * (Wilson–Hilferty), so a correct sampler essentially never fails but a wrong one does.
 *
 * @param df Degrees of freedom.
 * @returns The critical value.
 */
export function chiSquareCritical(df: number): number {
  const z = 4.75;
  const h = 2 / (9 * df);
  return df * Math.pow(1 - h + z * Math.sqrt(h), 3);
}

/**
 * Chi-square goodness-of-fit of integer draws against a probability mass function; cells
 * with expected count < 5 are pooled into the neighbouring cells (both tails pooled).
 *
 * @param label Names the case in failure messages.
 * @param draws Integer draws.
 * @param pmf Probability of each integer k (0..maxK); the rest is pooled into the top cell.
 * @param maxK Largest integer with its own cell.
 */
export function assertChiSquare(
  label: string,
  draws: ArrayLike<number>,
  pmf: (k: number) => number,
  maxK: number,
): void {
  const n = draws.length;
  const observed = new Float64Array(maxK + 2);
  for (let i = 0; i < n; i++) {
    const k = draws[i];
    observed[k > maxK ? maxK + 1 : k]++;
  }
  const expected = new Float64Array(maxK + 2);
  let cum = 0;
  for (let k = 0; k <= maxK; k++) {
    expected[k] = n * pmf(k);
    cum += pmf(k);
  }
  expected[maxK + 1] = n * Math.max(0, 1 - cum);
  // Pool cells left to right until each has expected >= 5.
  const cells: Array<[number, number]> = [];
  let o = 0;
  let e = 0;
  for (let k = 0; k < expected.length; k++) {
    o += observed[k];
    e += expected[k];
    if (e >= 5) {
      cells.push([o, e]);
      o = 0;
      e = 0;
    }
  }
  if (e > 0 || o > 0) {
    const last = cells[cells.length - 1];
    last[0] += o;
    last[1] += e;
  }
  let chi2 = 0;
  for (const [oc, ec] of cells) chi2 += ((oc - ec) * (oc - ec)) / ec;
  const df = cells.length - 1;
  assert.ok(df >= 2, `${label}: too few cells (${cells.length})`);
  const crit = chiSquareCritical(df);
  assert.ok(
    chi2 < crit,
    `${label}: chi-square ${chi2.toFixed(1)} >= ${crit.toFixed(1)} (df ${df})`,
  );
}

/**
 * Pearson correlation of two equal-length samples.
 *
 * @param xs First sample.
 * @param ys Second sample.
 * @returns r in [-1, 1].
 */
export function pearson(xs: ArrayLike<number>, ys: ArrayLike<number>): number {
  const n = xs.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i];
    my += ys[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i] - mx;
    const dy = ys[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Fills a Float64Array with `n` results of `draw`.
 *
 * @param n Count.
 * @param draw Producer.
 * @returns The draws.
 */
export function draws(n: number, draw: () => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Poisson pmf by recursion (independent of the code under test). */
export function poissonPmf(mean: number): (k: number) => number {
  const table: number[] = [Math.exp(-mean)];
  return (k) => {
    while (table.length <= k) table.push((table[table.length - 1] * mean) / table.length);
    return table[k];
  };
}

/** Binomial pmf by recursion (independent of the code under test). */
export function binomialPmf(n: number, p: number): (k: number) => number {
  const table: number[] = [Math.exp(n * Math.log1p(-p))];
  return (k) => {
    if (k > n) return 0;
    while (table.length <= k) {
      const j = table.length;
      table.push((table[j - 1] * (n - j + 1) * p) / (j * (1 - p)));
    }
    return table[k];
  };
}
