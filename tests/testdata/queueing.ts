/**
 * Analytic queueing results and small statistics helpers for the engine's validation tests.
 *
 * @module
 */

/**
 * Erlang B: the probability that an arrival finds all `servers` busy in a loss system with
 * offered load `offeredErlangs` (λ·E[S]); insensitive to the holding-time distribution.
 *
 * @param servers Number of servers (integer ≥ 0).
 * @param offeredErlangs Offered load a = λ·E[S] (> 0).
 * @returns The blocking probability.
 */
export function erlangB(servers: number, offeredErlangs: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (offeredErlangs * b) / (k + offeredErlangs * b);
  return b;
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue.
 *
 * @param servers Number of servers c.
 * @param offeredErlangs Offered load a = λ/μ (< c).
 * @returns The probability of waiting.
 */
export function erlangC(servers: number, offeredErlangs: number): number {
  const b = erlangB(servers, offeredErlangs);
  const rho = offeredErlangs / servers;
  return b / (1 - rho * (1 - b));
}

/**
 * Mean wait in queue of an M/M/c queue, W_q = C(c, a) / (cμ − λ).
 *
 * @param servers Number of servers c.
 * @param arrivalRate λ, per day.
 * @param meanServiceDays 1/μ, in days.
 * @returns W_q in days.
 */
export function mmcMeanWaitDays(
  servers: number,
  arrivalRate: number,
  meanServiceDays: number,
): number {
  const offered = arrivalRate * meanServiceDays;
  return erlangC(servers, offered) / (servers / meanServiceDays - arrivalRate);
}

/** Mean and standard error of the mean of independent replication estimates. */
export interface MeanSe {
  /** Sample mean. */
  mean: number;
  /** Standard error of the mean, sd / √n. */
  se: number;
}

/**
 * Mean and standard error of independent estimates (one per replication).
 *
 * @param values At least two estimates.
 * @returns Their mean and its standard error.
 */
export function meanAndSe(values: readonly number[]): MeanSe {
  const n = values.length;
  const mean = values.reduce((s, x) => s + x, 0) / n;
  const variance = values.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(variance / n) };
}

/**
 * Tolerance multiplier on the standard error of a mean over n ≥ 10 replications: a correct
 * engine misses by more than 5 SE with probability below 1e-3 (P(|t₉| > 5) ≈ 7e-4, smaller
 * for more replications); tests use fixed seeds, so a pass is reproducible.
 */
export const SE_MULTIPLIER = 5;
