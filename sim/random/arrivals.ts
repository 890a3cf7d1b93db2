/**
 * Non-homogeneous Poisson arrivals by thinning (Lewis & Shedler 1979), and piecewise-constant
 * periodic rate profiles.
 *
 * @module
 */

import type { RandomStream } from "./stream.ts";
import { requireAtLeast, requireFinite, requireNumber, requireObject } from "./_validate.ts";

/** A time-varying arrival rate with a known upper bound. */
export interface RateProfile {
  /** Arrival rate per day at time `tDays`; must stay within [0, maxRatePerDay]. */
  ratePerDay: (tDays: number) => number;
  /** An upper bound of `ratePerDay` over all times (the thinning envelope). */
  maxRatePerDay: number;
}

/** Options of {@linkcode nextArrivalTime}. */
export interface NextArrivalOptions extends RateProfile {
  /**
   * No arrival at or beyond this time: return Infinity instead.
   * @default Infinity
   */
  horizonDays?: number;
  /**
   * Give up (RangeError) after this many consecutive rejected candidates when there is no
   * horizon — the sign of a rate that is 0 forever, which would otherwise hang.
   * @default 10_000_000
   */
  maxCandidates?: number;
}

const ACTION = "generate an arrival";

/**
 * The time of the next arrival after `nowDays` of a non-homogeneous Poisson process with rate
 * `ratePerDay(t)`, by thinning: candidates from a homogeneous process at `maxRatePerDay`,
 * each kept with probability ratePerDay(t) / maxRatePerDay. Exact for any rate function
 * bounded by the envelope, so periods of zero rate neither hang nor skew later periods.
 *
 * @param stream The random stream to draw from (two uniforms per candidate).
 * @param nowDays The current time in days, finite.
 * @param options The rate function, its bound, and optionally a horizon.
 * @returns The next arrival time (> nowDays), or Infinity if none occurs before
 * `horizonDays` or the bound is 0.
 * @throws {RangeError} If nowDays or maxRatePerDay is invalid, or ratePerDay(t) returns a
 * value that is negative, not finite, or above maxRatePerDay (never clamped), or no arrival
 * is accepted within `maxCandidates` candidates without a horizon.
 *
 * @example Arrivals only in the second half of each day
 * ```ts
 * import assert from "node:assert/strict";
 * import { createStream } from "./stream.ts";
 * const stream = createStream(1, 0, "arrivals");
 * const t = nextArrivalTime(stream, 0, {
 *   ratePerDay: (t) => (t % 1 < 0.5 ? 0 : 10),
 *   maxRatePerDay: 10,
 * });
 * assert.ok(t % 1 >= 0.5);
 * ```
 */
export function nextArrivalTime(
  stream: RandomStream,
  nowDays: number,
  options: NextArrivalOptions,
): number {
  requireFinite(ACTION, "nowDays", nowDays);
  requireObject(ACTION, "the options", options);
  const { ratePerDay, maxRatePerDay } = options;
  const horizonDays = options.horizonDays ?? Infinity;
  const maxCandidates = options.maxCandidates ?? 10_000_000;
  if (typeof ratePerDay !== "function") {
    throw new TypeError(
      `Cannot ${ACTION}: ratePerDay must be a function of time, received ${typeof ratePerDay}`,
    );
  }
  requireAtLeast(ACTION, "maxRatePerDay", maxRatePerDay, 0);
  requireNumber(ACTION, "horizonDays", horizonDays);
  requireAtLeast(ACTION, "maxCandidates", maxCandidates, 1);
  if (maxRatePerDay === 0 || horizonDays <= nowDays) return Infinity;
  const meanGapDays = 1 / maxRatePerDay;
  let t = nowDays;
  for (let candidates = 1;; candidates++) {
    t += stream.exponential(meanGapDays);
    if (t >= horizonDays) return Infinity;
    const rate = ratePerDay(t);
    if (!(rate >= 0 && rate <= maxRatePerDay)) {
      throw new RangeError(
        `Cannot ${ACTION}: ratePerDay(t) must be in [0, maxRatePerDay = ${maxRatePerDay}], received ${rate} at t = ${t} days`,
      );
    }
    if (stream.random() * maxRatePerDay < rate) return t;
    if (candidates >= maxCandidates && horizonDays === Infinity) {
      throw new RangeError(
        `Cannot ${ACTION}: no arrival accepted in ${maxCandidates} candidates after t = ${nowDays} days (is the rate 0 forever? pass horizonDays), received maxCandidates ${maxCandidates}`,
      );
    }
  }
}

/** Options of {@linkcode periodicRate}. */
export interface PeriodicRateOptions {
  /** Length of one period in days, e.g. 1 (daily) or 7 (weekly). */
  periodDays: number;
  /** Rates per day for equal slices of the period, e.g. 24 hourly values for a day. */
  ratesPerDay: readonly number[];
}

/** A periodic piecewise-constant rate profile. */
export interface PeriodicRate extends RateProfile {
  /** The time-average rate per day over one period. */
  meanRatePerDay: number;
}

/**
 * A piecewise-constant rate that repeats every `periodDays`: slice i of n covers
 * [i, i + 1) · periodDays / n within each period.
 *
 * @param options The period and one rate per slice (finite, >= 0).
 * @returns `{ ratePerDay, maxRatePerDay, meanRatePerDay }`, ready for
 * {@linkcode nextArrivalTime}.
 * @throws {TypeError} If ratesPerDay is not an array.
 * @throws {RangeError} If periodDays <= 0, ratesPerDay is empty, or a rate is negative or
 * not finite.
 *
 * @example Busy afternoons
 * ```ts
 * import assert from "node:assert/strict";
 * const profile = periodicRate({ periodDays: 1, ratesPerDay: [0, 48] });
 * assert.equal(profile.ratePerDay(0.25), 0);
 * assert.equal(profile.ratePerDay(1.75), 48);
 * assert.equal(profile.maxRatePerDay, 48);
 * assert.equal(profile.meanRatePerDay, 24);
 * ```
 */
export function periodicRate(options: PeriodicRateOptions): PeriodicRate {
  const action = "create a periodic rate";
  requireObject(action, "the options", options);
  const { periodDays, ratesPerDay } = options;
  requireAtLeast(action, "periodDays", periodDays, 0, true);
  if (!Array.isArray(ratesPerDay)) {
    throw new TypeError(
      `Cannot ${action}: ratesPerDay must be an array, received ${typeof ratesPerDay}`,
    );
  }
  if (ratesPerDay.length === 0) {
    throw new RangeError(`Cannot ${action}: ratesPerDay must not be empty, received []`);
  }
  const rates = new Float64Array(ratesPerDay.length);
  let max = 0;
  let sum = 0;
  ratesPerDay.forEach((r, i) => {
    requireAtLeast(action, `ratesPerDay[${i}]`, r, 0);
    rates[i] = r;
    max = Math.max(max, r);
    sum += r;
  });
  const n = rates.length;
  const slicesPerDay = n / periodDays;
  return {
    ratePerDay(tDays: number): number {
      let phase = tDays % periodDays;
      if (phase < 0) phase += periodDays;
      const i = Math.floor(phase * slicesPerDay);
      return rates[i < n ? i : n - 1]; // i == n only through rounding at the period's end
    },
    maxRatePerDay: max,
    meanRatePerDay: sum / n,
  };
}
