/**
 * A series sampled at fixed intervals of simulated time (e.g. daily occupancy).
 *
 * @module
 */

import type { ScheduledHandle, Scheduler } from "./clock.ts";

/** Options for {@linkcode TimeSeries}. */
export interface TimeSeriesOptions {
  /** Days between samples; must be > 0. */
  readonly intervalDays: number;
  /** Called at each sample time; its return value is recorded. */
  readonly sample: () => number;
  /**
   * Absolute time of the first sample; must be ≥ `scheduler.now`.
   *
   * @default {scheduler.now}
   */
  readonly startDays?: number;
  /**
   * Absolute time after which no sample is taken (inclusive bound). Without it the series keeps
   * one event pending forever, so run the simulation with `until` or call
   * {@linkcode TimeSeries.stop}.
   *
   * @default {Infinity}
   */
  readonly endDays?: number;
  /**
   * Priority of the sampling events (lower runs first among events at the same time).
   *
   * @default {0}
   */
  readonly priority?: number;
}

const INITIAL_CAPACITY = 64;

/**
 * Samples `sample()` at `startDays + k · intervalDays` (k = 0, 1, …) by scheduling itself on the
 * scheduler. Sample times are computed from k, so they do not drift.
 *
 * @example Sample a level every day
 * ```ts
 * import assert from "node:assert/strict";
 *
 * // A minimal scheduler that runs one pending callback at a time.
 * let now = 0;
 * let pending: { at: number; fn: () => void } | undefined;
 * const scheduler = {
 *   get now() { return now; },
 *   schedule(delayDays: number, fn: () => void) {
 *     pending = { at: now + delayDays, fn };
 *     return { cancel() { pending = undefined; } };
 *   },
 * };
 * const series = new TimeSeries(scheduler, { intervalDays: 1, sample: () => now * 10 });
 * while (pending && pending.at <= 3) {
 *   const p: { at: number; fn: () => void } = pending;
 *   now = p.at;
 *   p.fn();
 * }
 * assert.deepEqual(Array.from(series.times), [0, 1, 2, 3]);
 * assert.deepEqual(Array.from(series.values), [0, 10, 20, 30]);
 * series.stop();
 * ```
 */
export class TimeSeries {
  #scheduler: Scheduler;
  #sample: () => number;
  #intervalDays: number;
  #startDays: number;
  #endDays: number;
  #priority: number;
  #k = 0;
  #handle: ScheduledHandle | undefined;
  #times = new Float64Array(INITIAL_CAPACITY);
  #values = new Float64Array(INITIAL_CAPACITY);
  #length = 0;

  /**
   * Creates the series and schedules its first sample.
   *
   * @param scheduler Anything with `now` and `schedule` (e.g. the `Simulation`).
   * @param options Interval, sampler and optional start, end and priority.
   * @throws {TypeError} If `sample` is not a function or `scheduler` lacks `schedule`.
   * @throws {RangeError} If `intervalDays` ≤ 0 or not finite, `startDays` is before now,
   *   or `endDays` is before `startDays`.
   *
   * @example Reject a zero interval
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const scheduler = { now: 0, schedule: () => ({ cancel() {} }) };
   * assert.throws(
   *   () => new TimeSeries(scheduler, { intervalDays: 0, sample: () => 1 }),
   *   /intervalDays must be > 0/,
   * );
   * ```
   */
  constructor(scheduler: Scheduler, options: TimeSeriesOptions) {
    const action = "Cannot create a TimeSeries";
    if (
      scheduler === null || typeof scheduler !== "object" ||
      typeof scheduler.schedule !== "function" || typeof scheduler.now !== "number"
    ) {
      throw new TypeError(
        `${action}: scheduler must have a numeric now and a schedule() method, received ${
          String(scheduler)
        }`,
      );
    }
    const { intervalDays, sample } = options;
    if (typeof sample !== "function") {
      throw new TypeError(`${action}: sample must be a function, received ${typeof sample}`);
    }
    if (!(Number.isFinite(intervalDays) && intervalDays > 0)) {
      throw new RangeError(
        `${action}: intervalDays must be > 0 and finite, received ${String(intervalDays)}`,
      );
    }
    const startDays = options.startDays ?? scheduler.now;
    if (!(Number.isFinite(startDays) && startDays >= scheduler.now)) {
      throw new RangeError(
        `${action}: startDays must be finite and >= now (${scheduler.now}), received ${
          String(startDays)
        }`,
      );
    }
    const endDays = options.endDays ?? Number.POSITIVE_INFINITY;
    if (!(endDays >= startDays)) {
      throw new RangeError(
        `${action}: endDays must be >= startDays (${startDays}), received ${String(endDays)}`,
      );
    }
    const priority = options.priority ?? 0;
    if (!Number.isFinite(priority)) {
      throw new RangeError(`${action}: priority must be finite, received ${String(priority)}`);
    }
    this.#scheduler = scheduler;
    this.#sample = sample;
    this.#intervalDays = intervalDays;
    this.#startDays = startDays;
    this.#endDays = endDays;
    this.#priority = priority;
    this.#scheduleNext();
  }

  /** Sample times (days) collected since creation or the last reset, as a copy. */
  get times(): Float64Array {
    return this.#times.slice(0, this.#length);
  }

  /** Sampled values collected since creation or the last reset, as a copy. */
  get values(): Float64Array {
    return this.#values.slice(0, this.#length);
  }

  /** Number of samples collected since creation or the last reset. */
  get length(): number {
    return this.#length;
  }

  /** Whether sampling has ended (by {@linkcode TimeSeries.stop} or passing `endDays`). */
  get stopped(): boolean {
    return this.#handle === undefined;
  }

  /**
   * Forgets the samples collected so far (e.g. at the end of a warm-up); sampling continues on
   * the same time grid.
   *
   * @returns Nothing.
   *
   * @example Clear samples
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const scheduler = { now: 0, schedule: () => ({ cancel() {} }) };
   * const series = new TimeSeries(scheduler, { intervalDays: 1, sample: () => 1 });
   * series.reset();
   * assert.equal(series.length, 0);
   * ```
   */
  reset(): void {
    this.#length = 0;
    this.#times = new Float64Array(INITIAL_CAPACITY);
    this.#values = new Float64Array(INITIAL_CAPACITY);
  }

  /**
   * Cancels the pending sample; collected samples are kept. Calling it again does nothing.
   *
   * @returns Nothing.
   *
   * @example Stop sampling
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const scheduler = { now: 0, schedule: () => ({ cancel() {} }) };
   * const series = new TimeSeries(scheduler, { intervalDays: 1, sample: () => 1 });
   * series.stop();
   * assert.equal(series.stopped, true);
   * ```
   */
  stop(): void {
    this.#handle?.cancel();
    this.#handle = undefined;
  }

  #scheduleNext(): void {
    const atDays = this.#startDays + this.#k * this.#intervalDays;
    if (atDays > this.#endDays) {
      this.#handle = undefined;
      return;
    }
    const delayDays = atDays - this.#scheduler.now;
    this.#handle = this.#scheduler.schedule(delayDays, () => this.#fire(), {
      priority: this.#priority,
    });
  }

  #fire(): void {
    const value = this.#sample();
    if (typeof value !== "number") {
      throw new TypeError(
        `Cannot record a TimeSeries sample: sample() must return a number, received ${typeof value}`,
      );
    }
    if (this.#length === this.#times.length) {
      const times = new Float64Array(this.#length * 2);
      times.set(this.#times);
      this.#times = times;
      const values = new Float64Array(this.#length * 2);
      values.set(this.#values);
      this.#values = values;
    }
    this.#times[this.#length] = this.#scheduler.now;
    this.#values[this.#length] = value;
    this.#length++;
    this.#k++;
    this.#scheduleNext();
  }
}
