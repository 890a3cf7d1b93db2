/**
 * Turning figures published by age band into smooth curves by single year of age. Evidence gives
 * frailty prevalence, care-home shares and rates for a few wide bands; a step at each band edge
 * would force a year of implausible transitions at ages 65, 75 and 85. The curve here passes
 * through one knot per band (at the band's population-weighted mean age), is flat beyond the
 * first and last knots, and its knot values are solved so that every band's population-weighted
 * average equals its published figure exactly. Between knots it is linear, log-linear
 * (exponential in age, always positive, Gompertz-like) for rates, or logit-linear for shares,
 * which stay in (0, 1). Beyond the end knots it is flat, or (log and logit scales) keeps the
 * trend of the nearest two knots, so a death rate or a share keeps rising within an open 85+
 * band instead of levelling off at the band's mean age.
 *
 * @module
 */

import { PortableMath } from "../../sim/mod.ts";

/** A figure published for an age band. */
export interface BandValue {
  /** Lowest age in the band, years (bands run to the next band's minimum; the last is open). */
  minAgeYears: number;
  /** The band's value (a share or a rate). */
  value: number;
}

/**
 * A single-year-of-age curve whose population-weighted band averages equal the band values.
 *
 * @param bands Bands in ascending `minAgeYears`, the first starting at 0.
 * @param weights People by single year of age (index = age; the last age is open-ended).
 * @param options `scale`: `"linear"` (default), `"log"` (band values above 0) or `"logit"`
 *   (band values strictly between 0 and 1); `beyondEndKnots`: `"flat"` (default) or `"trend"`
 *   (log and logit scales only).
 * @returns The value at each single year of age.
 * @throws {RangeError} If the bands are not ascending from 0, a band has no people, a band
 *   lies beyond the last age, or a log-scale value is not above 0.
 *
 * @example Two bands: averages are kept, the curve is continuous
 * ```ts
 * import assert from "node:assert/strict";
 * const weights = new Float64Array(10).fill(1);
 * const curve = bandProfile([{ minAgeYears: 0, value: 0.1 }, { minAgeYears: 5, value: 0.3 }], weights);
 * const mean = (a: number, b: number) => curve.slice(a, b).reduce((s, x) => s + x, 0) / (b - a);
 * assert.ok(Math.abs(mean(0, 5) - 0.1) < 1e-12 && Math.abs(mean(5, 10) - 0.3) < 1e-12);
 * ```
 */
export function bandProfile(
  bands: readonly BandValue[],
  weights: Float64Array,
  options: { scale?: "linear" | "log" | "logit"; beyondEndKnots?: "flat" | "trend" } = {},
): Float64Array {
  const ages = weights.length;
  if (bands.length === 0 || bands[0].minAgeYears !== 0) {
    throw new RangeError(
      `Cannot build an age profile: the first band must start at age 0, received ${
        JSON.stringify(bands.map((b) => b.minAgeYears))
      }`,
    );
  }
  const edges = [...bands.map((b) => b.minAgeYears), ages];
  for (let k = 0; k < bands.length; k++) {
    if (!(edges[k + 1] > edges[k])) {
      throw new RangeError(
        `Cannot build an age profile: band minimum ages must ascend below ${ages}, received ${
          JSON.stringify(bands.map((b) => b.minAgeYears))
        }`,
      );
    }
  }
  const knots = bands.map((_, k) => {
    let people = 0;
    let ageSum = 0;
    for (let a = edges[k]; a < edges[k + 1]; a++) {
      people += weights[a];
      ageSum += weights[a] * (a + 0.5);
    }
    if (!(people > 0)) {
      throw new RangeError(
        `Cannot build an age profile: the band from age ${edges[k]} has no people in the weights`,
      );
    }
    return ageSum / people;
  });
  // basis[k][a]: the piecewise-linear hat function of knot k at age a.
  const basis = knots.map((_, k) => {
    const column = new Float64Array(ages);
    for (let a = 0; a < ages; a++) column[a] = hat(knots, k, a + 0.5);
    return column;
  });
  const n = bands.length;
  const matrix = bands.map((_, b) => {
    const row = new Array<number>(n).fill(0);
    let people = 0;
    for (let a = edges[b]; a < edges[b + 1]; a++) people += weights[a];
    for (let k = 0; k < n; k++) {
      let sum = 0;
      for (let a = edges[b]; a < edges[b + 1]; a++) sum += weights[a] * basis[k][a];
      row[k] = sum / people;
    }
    return row;
  });
  if (options.scale === "log" || options.scale === "logit") {
    return transformedProfile(bands, {
      weights,
      edges,
      knots,
      scale: options.scale,
      trend: options.beyondEndKnots === "trend",
    });
  }
  const knotValues = solveLinear(matrix, bands.map((b) => b.value));
  const curve = new Float64Array(ages);
  for (let k = 0; k < n; k++) {
    for (let a = 0; a < ages; a++) curve[a] += knotValues[k] * basis[k][a];
  }
  return curve;
}

/** Log- or logit-linear between knots: knot values found by fixed-point iteration. */
function transformedProfile(
  bands: readonly BandValue[],
  grid: {
    weights: Float64Array;
    edges: number[];
    knots: number[];
    scale: "log" | "logit";
    trend: boolean;
  },
): Float64Array {
  const { weights, edges, knots, scale, trend } = grid;
  const logit = scale === "logit";
  const forward = logit ? (x: number) => PortableMath.log(x / (1 - x)) : PortableMath.log;
  const back = logit ? (y: number) => 1 / (1 + PortableMath.exp(-y)) : PortableMath.exp;
  for (const b of bands) {
    if (!(b.value > 0) || (logit && !(b.value < 1))) {
      throw new RangeError(
        `Cannot build a ${scale}-scale age profile: the band from age ${b.minAgeYears} has value ${b.value}; expected a value ${
          logit ? "strictly between 0 and 1" : "above 0"
        }`,
      );
    }
  }
  const ages = weights.length;
  const y = bands.map((b) => forward(b.value));
  const curve = new Float64Array(ages);
  const last = knots.length - 1;
  for (let iteration = 0; iteration < 10_000; iteration++) {
    for (let a = 0; a < ages; a++) {
      const x = a + 0.5;
      let k = 0;
      while (k < last - 1 && x > knots[k + 1]) k++;
      let value: number;
      if (last === 0) value = y[0];
      else if (!trend && x <= knots[0]) value = y[0];
      else if (!trend && x >= knots[last]) value = y[last];
      else value = y[k] + (y[k + 1] - y[k]) * (x - knots[k]) / (knots[k + 1] - knots[k]);
      curve[a] = back(value);
    }
    let worst = 0;
    bands.forEach((band, b) => {
      let people = 0;
      let sum = 0;
      for (let a = edges[b]; a < edges[b + 1]; a++) {
        people += weights[a];
        sum += weights[a] * curve[a];
      }
      const step = forward(band.value) - forward(sum / people);
      worst = Math.max(worst, Math.abs(step));
      y[b] += step;
    });
    if (worst < 1e-13) return curve;
  }
  throw new RangeError(
    `Cannot build a ${scale}-scale age profile: the knot values did not converge for band values ${
      JSON.stringify(bands.map((b) => b.value))
    }`,
  );
}

/** The piecewise-linear hat function of knot k at x (flat beyond the end knots). */
function hat(knots: readonly number[], k: number, x: number): number {
  const last = knots.length - 1;
  if (k === 0 && x <= knots[0]) return 1;
  if (k === last && x >= knots[last]) return 1;
  if (k > 0 && x > knots[k - 1] && x <= knots[k]) {
    return (x - knots[k - 1]) / (knots[k] - knots[k - 1]);
  }
  if (k < last && x > knots[k] && x < knots[k + 1]) {
    return (knots[k + 1] - x) / (knots[k + 1] - knots[k]);
  }
  return 0;
}

/** Gaussian elimination with partial pivoting for a small dense system. */
function solveLinear(matrix: number[][], rhs: number[]): number[] {
  const n = rhs.length;
  const m = matrix.map((row, i) => [...row, rhs[i]]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
