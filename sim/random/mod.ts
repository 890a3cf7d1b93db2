/**
 * Random numbers for the engine: named seeded streams, distribution value objects, and
 * non-homogeneous Poisson arrivals by thinning.
 *
 * @example A stream, a distribution and a time-varying arrival process
 * ```ts
 * import assert from "node:assert/strict";
 * const stream = createStream(1, 0, "arrivals");
 * const los = distributionFromSpec({ lognormal: { mean: 7, sd: 8 } });
 * assert.ok(los.sample(stream) > 0);
 * const profile = periodicRate({ periodDays: 1, ratesPerDay: [5, 20] });
 * assert.ok(nextArrivalTime(stream, 0, profile) > 0);
 * ```
 *
 * @module
 */

export { createStream, RandomStream, streamKey } from "./stream.ts";
export { type EmpiricalSpec, EmpiricalTable } from "./empirical_table.ts";
export {
  beta,
  binomial,
  type Distribution,
  DISTRIBUTION_KINDS,
  distributionFromSpec,
  type DistributionKind,
  type DistributionSpec,
  empirical,
  exponential,
  fixed,
  gamma,
  lognormal,
  normal,
  poisson,
  triangular,
  truncatedNormal,
  uniform,
  weibull,
} from "./distribution.ts";
export {
  type NextArrivalOptions,
  nextArrivalTime,
  type PeriodicRate,
  periodicRate,
  type PeriodicRateOptions,
  type RateProfile,
} from "./arrivals.ts";
