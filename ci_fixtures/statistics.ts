/**
 * The statistics behind the statistical comparison: Welch's t-test per row, the critical
 * difference it can detect, corrections for multiple comparisons, and the settings (alpha,
 * correction, relative floor) with their defaults.
 *
 * @module
 */

import { studentTCdf, studentTQuantile } from "../sim/mod.ts";

/** A family-wise error correction. */
export type Correction = "holm" | "bonferroni" | "none";

/** The correction names accepted by {@linkcode adjustPValues}. */
export const CORRECTIONS: readonly Correction[] = ["holm", "bonferroni", "none"];

/** The result of {@linkcode adjustPValues}. */
export interface AdjustedPValues {
  /** Adjusted p-values, in input order (reject test i when `adjusted[i] < alpha`). */
  adjusted: number[];
  /**
   * Per-test divisor of `alpha` at the test's step: m − rank for Holm (rank 0 = smallest p),
   * m for Bonferroni, 1 for none. `alpha / divisor[i]` is the level test i is held to.
   */
  divisor: number[];
}

/**
 * Adjusts p-values for multiple comparisons.
 *
 * Holm: sort ascending; the k-th smallest (k = 0…m−1) is multiplied by m − k and the running
 * maximum is taken, capped at 1. Ties keep input order, so the result never depends on
 * anything but the p-values and their order.
 *
 * @param pValues Raw p-values in [0, 1].
 * @param correction "holm", "bonferroni" or "none".
 * @returns Adjusted p-values and the per-test alpha divisors, in input order.
 * @throws {RangeError} If a p-value is outside [0, 1] or the correction is unknown.
 *
 * @example Holm on three tests
 * ```ts
 * import assert from "node:assert/strict";
 * const r = adjustPValues([0.01, 0.04, 0.03], "holm");
 * assert.deepEqual(r.adjusted.map((p) => +p.toFixed(4)), [0.03, 0.06, 0.06]);
 * assert.deepEqual(r.divisor, [3, 1, 2]);
 * ```
 */
export function adjustPValues(pValues: readonly number[], correction: Correction): AdjustedPValues {
  if (!CORRECTIONS.includes(correction)) {
    throw new RangeError(
      `Cannot adjust p-values: correction must be one of ${CORRECTIONS.join(", ")}, received ${
        String(correction)
      }`,
    );
  }
  pValues.forEach((p, i) => {
    if (!(p >= 0 && p <= 1)) {
      throw new RangeError(
        `Cannot adjust p-values: p-values must be in [0, 1], received ${p} at index ${i}`,
      );
    }
  });
  const m = pValues.length;
  if (correction === "none") return { adjusted: [...pValues], divisor: pValues.map(() => 1) };
  if (correction === "bonferroni") {
    return { adjusted: pValues.map((p) => Math.min(1, p * m)), divisor: pValues.map(() => m) };
  }
  const order = pValues.map((_, i) => i).sort((i, j) => pValues[i] - pValues[j] || i - j);
  const adjusted = new Array<number>(m);
  const divisor = new Array<number>(m);
  let running = 0;
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * pValues[i]));
    adjusted[i] = running;
    divisor[i] = m - k;
  });
  return { adjusted, divisor };
}

/** A sample summarised by its mean, standard deviation (n − 1 denominator) and size. */
export interface SampleSummary {
  /** Sample mean. */
  mean: number;
  /** Sample standard deviation; ignored (taken as 0) when `n` is 1. */
  sd: number;
  /** Sample size, an integer ≥ 1. */
  n: number;
}

/** The result of {@linkcode welchTest}. */
export interface WelchResult {
  /** `b.mean − a.mean`. */
  difference: number;
  /** Standard error of the difference. */
  standardError: number;
  /** The t statistic (±Infinity when the standard error is 0 and the means differ). */
  t: number;
  /** Welch–Satterthwaite degrees of freedom (Infinity when the standard error is 0). */
  df: number;
  /** Two-sided p-value (1 when the means are equal and there is no spread, 0 when they differ). */
  pValue: number;
}

function check(s: SampleSummary, which: string): void {
  if (!Number.isFinite(s.mean)) {
    throw new RangeError(
      `Cannot run Welch's t test: ${which}.mean must be finite, received ${s.mean}`,
    );
  }
  if (!Number.isInteger(s.n) || s.n < 1) {
    throw new RangeError(
      `Cannot run Welch's t test: ${which}.n must be an integer ≥ 1, received ${s.n}`,
    );
  }
  if (s.n > 1 && !(s.sd >= 0 && Number.isFinite(s.sd))) {
    throw new RangeError(`Cannot run Welch's t test: ${which}.sd must be ≥ 0, received ${s.sd}`);
  }
}

/**
 * Welch's two-sample t test of equal means without assuming equal variances.
 *
 * @param a The first sample (the fixture).
 * @param b The second sample (the current run).
 * @returns Difference, standard error, t, degrees of freedom and two-sided p-value.
 * @throws {RangeError} If a mean is not finite, an `n` is not an integer ≥ 1, or an sd is negative.
 *
 * @example A textbook case
 * ```ts
 * import assert from "node:assert/strict";
 * const r = welchTest({ mean: 10, sd: 2, n: 20 }, { mean: 11.5, sd: 3, n: 25 });
 * assert.equal(r.difference, 1.5);
 * assert.ok(Math.abs(r.t - 2.0) < 0.01);
 * assert.ok(r.pValue > 0.04 && r.pValue < 0.06);
 * ```
 */
export function welchTest(a: SampleSummary, b: SampleSummary): WelchResult {
  check(a, "a");
  check(b, "b");
  const va = a.n > 1 ? a.sd * a.sd / a.n : 0;
  const vb = b.n > 1 ? b.sd * b.sd / b.n : 0;
  const difference = b.mean - a.mean;
  const se2 = va + vb;
  if (se2 === 0) {
    return {
      difference,
      standardError: 0,
      t: difference === 0 ? 0 : difference > 0 ? Infinity : -Infinity,
      df: Infinity,
      pValue: difference === 0 ? 1 : 0,
    };
  }
  const standardError = Math.sqrt(se2);
  let denominator = 0;
  if (va > 0) denominator += va * va / (a.n - 1);
  if (vb > 0) denominator += vb * vb / (b.n - 1);
  const df = se2 * se2 / denominator;
  const t = difference / standardError;
  const pValue = Math.min(1, 2 * studentTCdf(-Math.abs(t), df));
  return { difference, standardError, t, df, pValue };
}

/**
 * The smallest absolute difference a two-sided test at level `alpha` rejects, given a standard
 * error and degrees of freedom.
 *
 * @param standardError Standard error of the difference (≥ 0).
 * @param options `df` (degrees of freedom, > 0, may be Infinity) and `alpha` (in (0, 1)).
 * @returns `t(1 − alpha/2, df) × standardError`.
 * @throws {RangeError} If `alpha` is not in (0, 1) or `df` is not > 0.
 *
 * @example The normal 95% critical value
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(criticalDifference(1, { df: Infinity, alpha: 0.05 }).toFixed(2), "1.96");
 * ```
 */
export function criticalDifference(
  standardError: number,
  options: { df: number; alpha: number },
): number {
  if (!(options.alpha > 0 && options.alpha < 1)) {
    throw new RangeError(
      `Cannot compute a critical difference: alpha must be in (0, 1), received ${options.alpha}`,
    );
  }
  if (standardError === 0) return 0;
  return studentTQuantile(1 - options.alpha / 2, options.df) * standardError;
}

/** How a statistical comparison decides that a metric moved. */
export interface StatisticalSettings {
  /**
   * Family-wise false-alarm level for the whole comparison (all metrics × years × variants).
   * @default {0.01}
   */
  alpha: number;
  /**
   * Multiple-comparison correction across the rows.
   * @default {"holm"}
   */
  correction: Correction;
  /**
   * Relative-tolerance floor: a difference no larger than this share of the fixture mean never
   * fails, however small the spread (e.g. 0.01 = 1%).
   * @default {0.01}
   */
  relativeTolerance: number;
  /**
   * Absolute-tolerance floor in the metric's unit, for means at or near zero.
   * @default {0}
   */
  absoluteTolerance: number;
}

/**
 * The default statistical settings, chosen by measurement (`bench/ci_power.ts`, README "CI").
 *
 * - `alpha` 0.01 with Holm's correction. Holm keeps the family-wise false-alarm rate at or below
 *   `alpha` under any correlation between rows *if* each p-value is valid; but with 20
 *   replications and ~800 rows, Holm's smallest per-row levels (alpha / 800) sit far out in the
 *   tails, where Welch's t is anti-conservative for caresim's heavy-tailed rows (95th-percentile
 *   occupancy, days over 92%, admissions averted under sampled effect sizes). Measured on the
 *   default scenario: nominal 0.05 gave 8 false alarms in 100 reseeded reruns; 0.01 gave none,
 *   while still catching a 1% rise in emergency admission rates in 27 of 30 reruns and 2% in all.
 * - `relativeTolerance` 0.01: a 1% floor sits at the edge of what the default replications can
 *   detect and well below the 3% change CI must catch, so it costs almost no power where it
 *   matters; it stops alarms on near-deterministic rows (tiny sd, where a rounding-level change
 *   would be "significant").
 * - `absoluteTolerance` 0: no metric-independent unit exists; set it per project if needed.
 *
 * @example Holm is the default correction
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(DEFAULT_STATISTICAL_SETTINGS.correction, "holm");
 * ```
 */
export const DEFAULT_STATISTICAL_SETTINGS: Readonly<StatisticalSettings> = Object.freeze({
  alpha: 0.01,
  correction: "holm",
  relativeTolerance: 0.01,
  absoluteTolerance: 0,
});

/**
 * Fills omitted settings from a base (default: {@linkcode DEFAULT_STATISTICAL_SETTINGS}) and
 * validates the result.
 *
 * @param settings Settings to apply (any subset).
 * @param base Settings to start from.
 * @returns Complete, validated settings.
 * @throws {RangeError} If alpha is not in (0, 1), a tolerance is negative or not finite, or the
 *   correction is unknown.
 *
 * @example Override one setting, validate all
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(resolveStatisticalSettings({ alpha: 0.01 }).alpha, 0.01);
 * assert.throws(() => resolveStatisticalSettings({ alpha: 2 }), RangeError);
 * ```
 */
export function resolveStatisticalSettings(
  settings: Partial<StatisticalSettings> = {},
  base: Readonly<StatisticalSettings> = DEFAULT_STATISTICAL_SETTINGS,
): StatisticalSettings {
  const out: StatisticalSettings = {
    alpha: settings.alpha ?? base.alpha,
    correction: settings.correction ?? base.correction,
    relativeTolerance: settings.relativeTolerance ?? base.relativeTolerance,
    absoluteTolerance: settings.absoluteTolerance ?? base.absoluteTolerance,
  };
  if (!(out.alpha > 0 && out.alpha < 1)) {
    throw new RangeError(
      `Cannot use statistical settings: alpha must be in (0, 1), received ${out.alpha}`,
    );
  }
  if (!CORRECTIONS.includes(out.correction)) {
    throw new RangeError(
      `Cannot use statistical settings: correction must be one of ${
        CORRECTIONS.join(", ")
      }, received ${String(out.correction)}`,
    );
  }
  for (const key of ["relativeTolerance", "absoluteTolerance"] as const) {
    if (!(out[key] >= 0 && Number.isFinite(out[key]))) {
      throw new RangeError(
        `Cannot use statistical settings: ${key} must be a finite number ≥ 0, received ${out[key]}`,
      );
    }
  }
  return out;
}

/** What {@linkcode minimumDetectableChange} needs of a fixture row. */
export interface RowSpread {
  /** Mean across replications. */
  mean: number;
  /** Sample sd across replications. */
  sd: number;
  /** Replications. */
  n: number;
}

/**
 * The smallest relative change in a row's mean that the statistical comparison detects with
 * the given power, when a rerun has the fixture's replications and spread: the change d with
 * d = (t(1 − α/(2m), df) + t(power, df)) × sd × √(2/n), df = 2(n − 1), where α/m is the
 * strictest per-row level of a Holm or Bonferroni correction over m compared rows (α without a
 * correction); never below the relative tolerance floor.
 *
 * @param row The row's mean, sd and replications.
 * @param options `settings` of the comparison, `rows` compared (m) and `power` (default 0.8).
 * @returns The change as a fraction of the mean (0.05 = 5%); Infinity for a zero mean with spread.
 *
 * @example 20 replications, cv 1%, 200 rows compared, alpha 0.05 with Holm
 * ```ts
 * import assert from "node:assert/strict";
 * const settings = { alpha: 0.05, correction: "holm" as const, relativeTolerance: 0.01, absoluteTolerance: 0 };
 * const mdc = minimumDetectableChange({ mean: 1000, sd: 10, n: 20 }, { settings, rows: 200 });
 * assert.ok(mdc > 0.015 && mdc < 0.017);
 * ```
 */
export function minimumDetectableChange(
  row: RowSpread,
  options: { settings: StatisticalSettings; rows: number; power?: number },
): number {
  const { settings } = options;
  const power = options.power ?? 0.8;
  const m = settings.correction === "none" ? 1 : Math.max(1, options.rows);
  const df = 2 * (row.n - 1);
  const se = row.sd * Math.sqrt(2 / row.n);
  const t = studentTQuantile(1 - settings.alpha / (2 * m), df) + studentTQuantile(power, df);
  const floor = Math.max(
    settings.relativeTolerance * Math.abs(row.mean),
    settings.absoluteTolerance,
  );
  const change = Math.max(t * se, floor);
  if (row.mean === 0) return change === 0 ? 0 : Infinity;
  return change / Math.abs(row.mean);
}
