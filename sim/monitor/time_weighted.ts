/**
 * Time-weighted statistics of a piecewise-constant level (occupancy, queue length, stock).
 *
 * @module
 */

import type { Clock } from "./clock.ts";

/** Options for {@linkcode TimeWeighted}. */
export interface TimeWeightedOptions {
  /**
   * Level at the start of the averaging window.
   *
   * @default {0}
   */
  readonly initial?: number;
}

/**
 * Tracks a level that changes at event times and reports its time-weighted mean, minimum,
 * maximum and integral (area under the step function, e.g. occupied unit-days) from the start
 * (creation or last {@linkcode TimeWeighted.reset}) up to `clock.now`.
 *
 * With a window of zero length (no time has passed since the start) `mean()` is `NaN`.
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
 */
export class TimeWeighted {
  #clock: Clock;
  #startDays: number;
  #lastDays: number;
  #current: number;
  #area = 0;
  #min: number;
  #max: number;

  /**
   * Starts tracking at `clock.now` with the given initial level.
   *
   * @param clock Anything with a `now` in days (e.g. the `Simulation`).
   * @param options Initial level.
   * @throws {TypeError} If `clock.now` is not a number.
   * @throws {RangeError} If `initial` is not finite.
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
    checkFinite("update a TimeWeighted", "value", value);
    this.#advance("update a TimeWeighted");
    this.#current = value;
    if (value < this.#min) this.#min = value;
    if (value > this.#max) this.#max = value;
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

  /**
   * Restarts the averaging window at `clock.now`, keeping the current level (use at the end of
   * a warm-up period). Min and max restart from the current level.
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
    this.#checkTime(action, now);
    this.#area += this.#current * (now - this.#lastDays);
    this.#lastDays = now;
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
