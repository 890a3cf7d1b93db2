/**
 * A split of simulated time into equal consecutive periods (model years, weeks, shifts), shared
 * by the monitors that report per period.
 *
 * @module
 */

/**
 * `count` consecutive periods of `lengthDays` from `startDays`: period k covers
 * [startDays + k · lengthDays, startDays + (k + 1) · lengthDays). Time before the first period
 * (a warm-up) and after the last is outside every period.
 *
 * @example Five model years after a 100-day warm-up
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const years: Periods = { startDays: 100, lengthDays: 365, count: 5 };
 * assert.equal(years.startDays + years.count * years.lengthDays, 1925); // end of the last year
 * ```
 */
export interface Periods {
  /** Start of the first period, in days (absolute simulation time, ≥ 0 or any finite number). */
  readonly startDays: number;
  /** Length of each period in days; > 0 and finite. */
  readonly lengthDays: number;
  /** Number of periods; a whole number ≥ 1. */
  readonly count: number;
}

/**
 * Checks a {@linkcode Periods} value and returns a frozen copy.
 *
 * @param action What the caller was doing, for the message ("create a PeriodCounter").
 * @param periods The periods to check.
 * @returns A frozen copy of `periods`.
 * @throws {TypeError} If `periods` is not an object.
 * @throws {RangeError} If `startDays` is not finite, `lengthDays` is not > 0 and finite, or
 *   `count` is not a whole number ≥ 1.
 *
 * @example A valid split and an invalid one
 * ```ts
 * import assert from "node:assert/strict";
 *
 * assert.equal(checkPeriods("split", { startDays: 0, lengthDays: 7, count: 52 }).count, 52);
 * assert.throws(
 *   () => checkPeriods("split", { startDays: 0, lengthDays: 0, count: 1 }),
 *   /periods.lengthDays must be > 0 and finite, received 0/,
 * );
 * ```
 */
export function checkPeriods(action: string, periods: Periods): Periods {
  if (periods === null || typeof periods !== "object") {
    throw new TypeError(
      `Cannot ${action}: periods must be { startDays, lengthDays, count }, received ${
        String(periods)
      }`,
    );
  }
  const { startDays, lengthDays, count } = periods;
  if (typeof startDays !== "number" || !Number.isFinite(startDays)) {
    throw new RangeError(
      `Cannot ${action}: periods.startDays must be a finite number, received ${String(startDays)}`,
    );
  }
  if (typeof lengthDays !== "number" || !(lengthDays > 0 && Number.isFinite(lengthDays))) {
    throw new RangeError(
      `Cannot ${action}: periods.lengthDays must be > 0 and finite, received ${String(lengthDays)}`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(
      `Cannot ${action}: periods.count must be a whole number >= 1, received ${String(count)}`,
    );
  }
  return Object.freeze({ startDays, lengthDays, count });
}
