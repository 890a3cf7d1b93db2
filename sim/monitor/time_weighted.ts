/**
 * Time-weighted statistics of a piecewise-constant level (occupancy, queue length, stock), over
 * the whole window and, optionally, split exactly at the boundaries of periods (model years).
 *
 * @module
 */

import type { Clock } from "./clock.ts";
import { checkPeriods, type Periods } from "./periods.ts";

/** Options for {@linkcode TimeWeighted}. */
export interface TimeWeightedOptions {
  /**
   * Level at the start of the averaging window.
   *
   * @default {0}
   */
  readonly initial?: number;
  /**
   * Also keep the integral of each period (e.g. each model year after a warm-up); read it with
   * {@linkcode TimeWeighted.periodIntegral}. Periods are absolute in time, so
   * {@linkcode TimeWeighted.reset} leaves them alone.
   */
  readonly periods?: Periods;
}

/**
 * Tracks a level that changes at event times and reports its time-weighted mean, minimum,
 * maximum and integral (area under the step function, e.g. occupied unit-days) from the start
 * (creation or last {@linkcode TimeWeighted.reset}) up to `clock.now`. With `periods`, it also
 * splits the integral at period boundaries: a level held across a boundary counts in each
 * period for exactly the time it was held there.
 *
 * Reading never changes what is accumulated, so looking at a monitor mid-run leaves later
 * results bit for bit as they were. With a window of zero length (no time has passed since the
 * start) `mean()` is `NaN`.
 *
 * @example Mean occupancy of a step function
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const clock = { now: 0 };
 * const level = new TimeWeighted(clock, { initial: 2 });
 * clock.now = 3;
 * level.update(5); // 2 for 3 days
 * clock.now = 4;   // 5 for 1 day
 * assert.equal(level.integral, 11);
 * assert.equal(level.mean(), 11 / 4);
 * assert.equal(level.max, 5);
 * ```
 *
 * @example Unit-days in use per year, split at the year boundary
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const clock = { now: 0 };
 * const inUse = new TimeWeighted(clock, { periods: { startDays: 10, lengthDays: 365, count: 2 } });
 * inUse.add(1); // one unit from day 0 (the warm-up before day 10 is in no period)
 * clock.now = 370;
 * inUse.add(1); // two units from day 370
 * clock.now = 800;
 * assert.equal(inUse.periodIntegral(0), 370); // days 10–370 at 1, 370–375 at 2: 360 + 2 × 5
 * assert.equal(inUse.periodIntegral(1), 730); // days 375–740 at 2
 * ```
 */
export class TimeWeighted {
  #clock: Clock;
  #startDays: number;
  #lastDays: number;
  #current: number;
  #area = 0;
  #min: number;
  #max: number;
  // periods (all unused without them)
  readonly #periods: Periods | null;
  readonly #periodArea: Float64Array;
  #period = 0;
  #periodEnd = Infinity;

  /**
   * Starts tracking at `clock.now` with the given initial level.
   *
   * @param clock Anything with a `now` in days (e.g. the `Simulation`).
   * @param options Initial level and periods.
   * @throws {TypeError} If `clock.now` is not a number.
   * @throws {RangeError} If `initial` is not finite, or `periods` is invalid.
   *
   * @example Start at a level of 10
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const level = new TimeWeighted({ now: 0 }, { initial: 10 });
   * assert.equal(level.current, 10);
   * ```
   */
  constructor(clock: Clock, options: TimeWeightedOptions = {}) {
    if (clock === null || typeof clock !== "object" || typeof clock.now !== "number") {
      throw new TypeError(
        `Cannot create a TimeWeighted: clock must have a numeric now, received ${
          String(clock === null || typeof clock !== "object" ? clock : clock.now)
        }`,
      );
    }
    const initial = options.initial ?? 0;
    checkFinite("create a TimeWeighted", "initial", initial);
    this.#clock = clock;
    this.#startDays = clock.now;
    this.#lastDays = clock.now;
    this.#current = initial;
    this.#min = initial;
    this.#max = initial;
    this.#periods = options.periods === undefined
      ? null
      : checkPeriods("create a TimeWeighted", options.periods);
    this.#periodArea = new Float64Array(this.#periods?.count ?? 0);
    if (this.#periods !== null) {
      this.#periodEnd = this.#periods.startDays + this.#periods.lengthDays;
    }
  }

  /**
   * Records that the level changes to `value` at `clock.now`.
   *
   * @param value The new level; must be finite.
   * @returns Nothing.
   * @throws {RangeError} If `value` is not finite, or the clock ran back.
   *
   * @example Change the level
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const level = new TimeWeighted(clock);
   * clock.now = 1;
   * level.update(4);
   * assert.equal(level.current, 4);
   * ```
   */
  update(value: number): void {
    // the hot path of every Resource and Container: one clock read, no work at an unchanged time
    const now = this.#clock.now;
    const last = this.#lastDays;
    if (!(now >= last && Number.isFinite(value))) this.#refuseUpdate(value, now);
    if (now > last) {
      if (this.#periods !== null) this.#split(last, now);
      this.#area += this.#current * (now - last);
      this.#lastDays = now;
    }
    this.#current = value;
    if (value < this.#min) this.#min = value;
    else if (value > this.#max) this.#max = value;
  }

  /**
   * Changes the level by `delta` at `clock.now` (an arrival +1, a departure −1); the same as
   * `update(current + delta)`.
   *
   * @param delta The change; must be finite.
   * @returns Nothing.
   * @throws {RangeError} If `delta` is not finite, or the clock ran back.
   *
   * @example Arrivals and a departure
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const inSystem = new TimeWeighted(clock);
   * inSystem.add(1);
   * inSystem.add(1);
   * clock.now = 2;
   * inSystem.add(-1);
   * assert.equal(inSystem.current, 1);
   * assert.equal(inSystem.integral, 4);
   * ```
   */
  add(delta: number): void {
    if (!Number.isFinite(delta)) checkFinite("change a TimeWeighted", "delta", delta);
    this.update(this.#current + delta);
  }

  /**
   * Time-weighted mean from the start of the window up to `clock.now`.
   *
   * @returns The mean level, or `NaN` if no time has passed since the start.
   * @throws {RangeError} If the clock ran back.
   *
   * @example Mean of a level held at 3
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const level = new TimeWeighted(clock, { initial: 3 });
   * assert.ok(Number.isNaN(level.mean()));
   * clock.now = 7;
   * assert.equal(level.mean(), 3);
   * ```
   */
  mean(): number {
    const durationDays = this.durationDays;
    return durationDays > 0 ? this.integral / durationDays : Number.NaN;
  }

  /** Area under the level since the start of the window, up to `clock.now` (level × days). */
  get integral(): number {
    const now = this.#clock.now;
    this.#checkTime("read a TimeWeighted", now);
    return this.#area + this.#current * (now - this.#lastDays);
  }

  /** Length of the averaging window so far, in days. */
  get durationDays(): number {
    return this.#clock.now - this.#startDays;
  }

  /** The level now. */
  get current(): number {
    return this.#current;
  }

  /** Smallest level held during the window (including the level at its start). */
  get min(): number {
    return this.#min;
  }

  /** Largest level held during the window (including the level at its start). */
  get max(): number {
    return this.#max;
  }

  /** The periods given at creation, or `undefined`. */
  get periods(): Periods | undefined {
    return this.#periods ?? undefined;
  }

  /**
   * Area under the level within period `k`, up to `clock.now` (0 for a period not yet begun).
   * Exactly what the period will hold once closed: reading changes nothing.
   *
   * @param k Period index in [0, periods.count).
   * @returns The integral (level × days).
   * @throws {Error} If the monitor was created without `periods`.
   * @throws {RangeError} If `k` is out of range, or the clock ran back.
   *
   * @example A level of 2 over the second of three 10-day periods, half elapsed
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const level = new TimeWeighted(clock, {
   *   initial: 2,
   *   periods: { startDays: 0, lengthDays: 10, count: 3 },
   * });
   * clock.now = 15;
   * assert.equal(level.periodIntegral(0), 20);
   * assert.equal(level.periodIntegral(1), 10);
   * assert.equal(level.periodIntegral(2), 0);
   * ```
   */
  periodIntegral(k: number): number {
    const periods = this.#periods;
    if (periods === null) {
      throw new Error(
        "Cannot read a TimeWeighted period: create it with { periods } to split it, received none",
      );
    }
    if (!(k >>> 0 === k && k < periods.count)) {
      throw new RangeError(
        `Cannot read a TimeWeighted period: k must be a whole number in [0, ${periods.count}), received ${
          String(k)
        }`,
      );
    }
    const now = this.#clock.now;
    this.#checkTime("read a TimeWeighted period", now);
    const area = this.#periodArea[k]!;
    if (k < this.#period) return area;
    // The part not yet accumulated: the same single term #split would add for this period.
    const first = periods.startDays;
    let from: number;
    let end: number;
    if (k === this.#period) {
      from = this.#lastDays > first ? this.#lastDays : first;
      end = this.#periodEnd;
    } else {
      from = first + k * periods.lengthDays;
      end = first + (k + 1) * periods.lengthDays;
    }
    const to = now < end ? now : end;
    return to > from ? area + this.#current * (to - from) : area;
  }

  /**
   * Time-weighted mean over the elapsed part of period `k`: its integral over the time of the
   * period up to `clock.now`.
   *
   * @param k Period index in [0, periods.count).
   * @returns The mean level, or `NaN` if the period has not begun.
   * @throws {Error} If the monitor was created without `periods`.
   * @throws {RangeError} If `k` is out of range, or the clock ran back.
   *
   * @example Mean of each 10-day period
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const level = new TimeWeighted(clock, { periods: { startDays: 0, lengthDays: 10, count: 2 } });
   * clock.now = 5;
   * level.update(4); // 0 for 5 days, then 4
   * clock.now = 20;
   * assert.equal(level.periodMean(0), 2);
   * assert.equal(level.periodMean(1), 4);
   * ```
   */
  periodMean(k: number): number {
    const integral = this.periodIntegral(k);
    const { startDays, lengthDays } = this.#periods!;
    const from = startDays + k * lengthDays;
    const to = Math.min(this.#clock.now, startDays + (k + 1) * lengthDays);
    return to > from ? integral / (to - from) : Number.NaN;
  }

  /**
   * Restarts the averaging window at `clock.now`, keeping the current level (use at the end of
   * a warm-up period). Min and max restart from the current level. Period integrals are kept.
   *
   * @returns Nothing.
   * @throws {RangeError} If the clock ran back.
   *
   * @example Drop the warm-up
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const clock = { now: 0 };
   * const level = new TimeWeighted(clock, { initial: 100 });
   * clock.now = 10;
   * level.update(1);
   * level.reset();
   * clock.now = 20;
   * assert.equal(level.mean(), 1);
   * assert.equal(level.max, 1);
   * ```
   */
  reset(): void {
    this.#advance("reset a TimeWeighted");
    this.#area = 0;
    this.#startDays = this.#lastDays;
    this.#min = this.#current;
    this.#max = this.#current;
  }

  #advance(action: string): void {
    const now = this.#clock.now;
    const last = this.#lastDays;
    if (!(now >= last)) this.#checkTime(action, now);
    if (this.#periods !== null && now > last) this.#split(last, now);
    this.#area += this.#current * (now - last);
    this.#lastDays = now;
  }

  /** Adds the level over [from, to) to the periods it spans, split at their boundaries. */
  #split(from: number, to: number): void {
    const { startDays, lengthDays, count } = this.#periods!;
    let t = from > startDays ? from : startDays;
    while (t < to && this.#period < count) {
      const end = this.#periodEnd;
      const stop = to < end ? to : end;
      this.#periodArea[this.#period]! += this.#current * (stop - t);
      t = stop;
      if (stop === end) this.#periodEnd = startDays + (++this.#period + 1) * lengthDays;
    }
  }

  #refuseUpdate(value: number, now: number): never {
    this.#checkTime("update a TimeWeighted", now);
    throw new RangeError(
      `Cannot update a TimeWeighted: value must be a finite number, received ${String(value)}`,
    );
  }

  #checkTime(action: string, now: number): void {
    if (!(now >= this.#lastDays)) {
      throw new RangeError(
        `Cannot ${action}: time must not run back (last change at ${this.#lastDays} days), received now = ${
          String(now)
        }`,
      );
    }
  }
}

function checkFinite(action: string, name: string, value: number): void {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new RangeError(
      `Cannot ${action}: ${name} must be a finite number, received ${String(value)}`,
    );
  }
}
