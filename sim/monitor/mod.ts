/**
 * Monitors: a {@linkcode Tally} of observations, a {@linkcode TimeWeighted} level (optionally
 * split into {@linkcode Periods} such as model years), a {@linkcode PeriodCounter} of amounts
 * summed per period and category, and a {@linkcode TimeSeries} sampled at fixed intervals. The
 * engine's `Resource` and `Container` keep their time-weighted statistics in `TimeWeighted`.
 *
 * @example Tally and time-weighted level together
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const clock = { now: 0 };
 * const waits = new Tally();
 * const level = new TimeWeighted(clock, { initial: 1 });
 * waits.add(2);
 * clock.now = 2;
 * level.update(3);
 * clock.now = 4;
 * assert.equal(waits.mean, 2);
 * assert.equal(level.mean(), 2);
 * ```
 *
 * @module
 */

export type { Clock, ScheduledHandle, Scheduler } from "./clock.ts";
export { Tally, type TallyOptions } from "./tally.ts";
export { TimeWeighted, type TimeWeightedOptions } from "./time_weighted.ts";
export type { Periods } from "./periods.ts";
export { PeriodCounter, type PeriodCounterOptions } from "./period_counter.ts";
export { TimeSeries, type TimeSeriesOptions } from "./time_series.ts";
