/**
 * Parameter vs stochastic variance of an output, from a nested design: P parameter samples,
 * each run for R stochastic replications with the parameter draw held fixed (one-way
 * random-effects ANOVA).
 *
 * @module
 */

/** The variance components of one output. */
export interface VarianceShares {
  /** Parameter samples P. */
  parameterSamples: number;
  /** Replications per parameter sample R. */
  replicationsPerSample: number;
  /** Grand mean. */
  mean: number;
  /** Between-sample variance component σ²_param = max(0, (MSB − MSW) / R). */
  parameterVariance: number;
  /** Within-sample (stochastic) variance σ²_stoch = MSW. */
  stochasticVariance: number;
  /** σ²_param / (σ²_param + σ²_stoch) (0 when both are 0). */
  parameterShare: number;
  /** 1 − parameterShare (0 when both are 0). */
  stochasticShare: number;
}

/**
 * Splits the variance of an output into a parameter and a stochastic component by one-way
 * random-effects ANOVA: MSB = R·Σ(ȳᵢ − ȳ)²/(P − 1), MSW = ΣΣ(yᵢⱼ − ȳᵢ)²/(P(R − 1)),
 * σ²_stoch = MSW, σ²_param = max(0, (MSB − MSW)/R).
 *
 * @param groups One array per parameter sample, each holding its R replication values.
 * @returns The components and shares.
 * @throws {RangeError} If there are fewer than 2 groups, groups differ in size, a group has
 *   fewer than 2 values, or a value is not finite.
 *
 * @example Pure parameter variance
 * ```ts
 * import assert from "node:assert/strict";
 * const v = varianceDecomposition([[1, 1], [3, 3]]);
 * assert.equal(v.parameterShare, 1);
 * assert.equal(v.parameterVariance, 2);
 * ```
 */
export function varianceDecomposition(groups: readonly (readonly number[])[]): VarianceShares {
  const action = "Cannot decompose variance";
  const P = groups.length;
  if (P < 2) throw new RangeError(`${action}: need ≥ 2 parameter samples, received ${P}`);
  const R = groups[0].length;
  if (R < 2) throw new RangeError(`${action}: need ≥ 2 replications per sample, received ${R}`);
  for (const g of groups) {
    if (g.length !== R) {
      throw new RangeError(`${action}: every sample needs ${R} values, received ${g.length}`);
    }
    for (const x of g) {
      if (!Number.isFinite(x)) {
        throw new RangeError(`${action}: values must be finite, received ${x}`);
      }
    }
  }
  const means = groups.map((g) => g.reduce((a, b) => a + b, 0) / R);
  const grand = means.reduce((a, b) => a + b, 0) / P;
  let ssb = 0;
  let ssw = 0;
  groups.forEach((g, i) => {
    ssb += R * (means[i] - grand) ** 2;
    for (const x of g) ssw += (x - means[i]) ** 2;
  });
  const msb = ssb / (P - 1);
  const msw = ssw / (P * (R - 1));
  const parameterVariance = Math.max(0, (msb - msw) / R);
  const total = parameterVariance + msw;
  const parameterShare = total > 0 ? parameterVariance / total : 0;
  return {
    parameterSamples: P,
    replicationsPerSample: R,
    mean: grand,
    parameterVariance,
    stochasticVariance: msw,
    parameterShare,
    stochasticShare: total > 0 ? 1 - parameterShare : 0,
  };
}

/**
 * Groups per-replication values by parameter sample (for {@linkcode varianceDecomposition}).
 *
 * @param rows `{ parameterSample, value }` per replication (e.g. from a `ScenarioRun`).
 * @returns Value arrays, one per parameter sample, in ascending sample order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = groupByParameterSample([{ parameterSample: 1, value: 5 }, { parameterSample: 0, value: 2 }]);
 * assert.deepEqual(g, [[2], [5]]);
 * ```
 */
export function groupByParameterSample(
  rows: readonly { parameterSample: number; value: number }[],
): number[][] {
  const map = new Map<number, number[]>();
  for (const r of rows) {
    const g = map.get(r.parameterSample);
    if (g) g.push(r.value);
    else map.set(r.parameterSample, [r.value]);
  }
  return [...map.keys()].sort((a, b) => a - b).map((k) => map.get(k)!);
}
