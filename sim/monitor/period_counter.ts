/**
 * Amounts counted at event times (arrivals, orders, hours waited), summed per period of
 * simulated time and, optionally, per category.
 *
 * @module
 */

import { checkPeriods, type Periods } from "./periods.ts";

/** Options for {@linkcode PeriodCounter}. */
export interface PeriodCounterOptions {
  /** How time is split into periods; amounts at times outside every period are not counted. */
  readonly periods: Periods;
  /**
   * Number of categories (e.g. groups of people) counted besides the total; an amount added
   * with a category index in [0, categories) counts in the total and in that category.
   *
   * @default {0}
   */
  readonly categories?: number;
}

/**
 * Sums amounts by the period their time falls in, in total and by category. Each observation
 * carries its own time, so no clock is needed and an event may be booked to an earlier time
 * (the end of the previous day, say). Sums are plain running sums in the order amounts were
 * added, so results are reproducible to the bit.
 *
 * @example Arrivals per year, in total and for two classes
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const arrivals = new PeriodCounter({
 *   periods: { startDays: 0, lengthDays: 365, count: 2 },
 *   categories: 2,
 * });
 * arrivals.add(10, 1, 0);
 * arrivals.add(400, 1, 1);
 * arrivals.add(500, 2); // total only
 * arrivals.add(800, 1); // after the last period: not counted
 * assert.equal(arrivals.get(0), 1);
 * assert.equal(arrivals.get(1), 3);
 * assert.equal(arrivals.get(1, 1), 1);
 * assert.equal(arrivals.total(), 4);
 * ```
 */
export class PeriodCounter {
  /** The periods (a frozen copy of the option). */
  readonly periods: Periods;
  /** Number of categories besides the total. */
  readonly categories: number;
  readonly #start: number;
  readonly #length: number;
  readonly #count: number;
  readonly #totals: Float64Array;
  readonly #byCategory: Float64Array;

  /**
   * Creates a counter with every sum at 0.
   *
   * @param options The periods and the number of categories.
   * @throws {TypeError} If `periods` is missing.
   * @throws {RangeError} If `periods` is invalid or `categories` is not a whole number ≥ 0.
   *
   * @example Weekly counts over a year
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const weekly = new PeriodCounter({ periods: { startDays: 0, lengthDays: 7, count: 52 } });
   * assert.equal(weekly.get(51), 0);
   * ```
   */
  constructor(options: PeriodCounterOptions) {
    const periods = checkPeriods("create a PeriodCounter", options?.periods);
    const categories = options.categories ?? 0;
    if (!Number.isSafeInteger(categories) || categories < 0) {
      throw new RangeError(
        `Cannot create a PeriodCounter: categories must be a whole number >= 0, received ${
          String(categories)
        }`,
      );
    }
    this.periods = periods;
    this.categories = categories;
    this.#start = periods.startDays;
    this.#length = periods.lengthDays;
    this.#count = periods.count;
    this.#totals = new Float64Array(periods.count);
    this.#byCategory = new Float64Array(periods.count * categories);
  }

  /**
   * Adds `amount` at time `timeDays` to the total of the period the time falls in and, when a
   * category is given, to that category's sum. Times outside every period are ignored.
   *
   * @param timeDays When the amount was observed, in days (absolute simulation time).
   * @param amount The amount (1 for an event; hours, days, …); must be finite.
   * @param category A category index in [0, categories), or none for the total only.
   * @returns Nothing.
   * @throws {RangeError} If `timeDays` is NaN, `amount` is not finite, or `category` is not an
   *   index in [0, categories).
   *
   * @example Count one event in category 0
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const c = new PeriodCounter({ periods: { startDays: 0, lengthDays: 1, count: 3 }, categories: 1 });
   * c.add(2.5, 1, 0);
   * assert.equal(c.get(2, 0), 1);
   * assert.throws(() => c.add(2.5, 1, 1), /category must be a whole number in \[0, 1\), received 1/);
   * ```
   */
  add(timeDays: number, amount: number, category?: number): void {
    const k = Math.floor((timeDays - this.#start) / this.#length);
    if (!Number.isFinite(amount) || k !== k) this.#refuse(timeDays, amount);
    if (category !== undefined && !(category >>> 0 === category && category < this.categories)) {
      this.#refuseCategory(category);
    }
    if (k < 0 || k >= this.#count) return;
    this.#totals[k]! += amount;
    if (category !== undefined) this.#byCategory[k * this.categories + category]! += amount;
  }

  /**
   * The sum of a period, in total or for one category.
   *
   * @param period Period index in [0, periods.count).
   * @param category A category index in [0, categories), or none for the total.
   * @returns The sum (0 if nothing was added).
   * @throws {RangeError} If `period` or `category` is out of range.
   *
   * @example Read the first period
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const c = new PeriodCounter({ periods: { startDays: 10, lengthDays: 10, count: 2 } });
   * c.add(10, 4);
   * assert.equal(c.get(0), 4);
   * ```
   */
  get(period: number, category?: number): number {
    if (!(period >>> 0 === period && period < this.#count)) this.#refusePeriod(period);
    if (category === undefined) return this.#totals[period]!;
    if (!(category >>> 0 === category && category < this.categories)) {
      this.#refuseCategory(category);
    }
    return this.#byCategory[period * this.categories + category]!;
  }

  /**
   * The sum over all periods (added period by period, from the first), in total or for one
   * category.
   *
   * @param category A category index in [0, categories), or none for the total.
   * @returns The sum.
   * @throws {RangeError} If `category` is out of range.
   *
   * @example Sum over two periods
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const c = new PeriodCounter({ periods: { startDays: 0, lengthDays: 1, count: 2 } });
   * c.add(0.5, 1);
   * c.add(1.5, 2);
   * assert.equal(c.total(), 3);
   * ```
   */
  total(category?: number): number {
    let sum = 0;
    for (let k = 0; k < this.#count; k++) sum += this.get(k, category);
    return sum;
  }

  /**
   * Forgets every amount added so far (e.g. moves made while setting up, before measuring).
   *
   * @returns Nothing.
   *
   * @example Start again from zero
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const c = new PeriodCounter({ periods: { startDays: 0, lengthDays: 1, count: 2 }, categories: 2 });
   * c.add(0, 5, 1);
   * c.reset();
   * assert.equal(c.total(), 0);
   * assert.equal(c.get(0, 1), 0);
   * ```
   */
  reset(): void {
    this.#totals.fill(0);
    this.#byCategory.fill(0);
  }

  #refuse(timeDays: number, amount: number): never {
    throw new RangeError(
      Number.isFinite(amount)
        ? `Cannot add to a PeriodCounter: timeDays must be a number, received ${String(timeDays)}`
        : `Cannot add to a PeriodCounter: amount must be a finite number, received ${
          String(amount)
        }`,
    );
  }

  #refuseCategory(category: number): never {
    throw new RangeError(
      `Cannot use a PeriodCounter category: category must be a whole number in [0, ${this.categories}), received ${
        String(category)
      }`,
    );
  }

  #refusePeriod(period: number): never {
    throw new RangeError(
      `Cannot read a PeriodCounter: period must be a whole number in [0, ${this.#count}), received ${
        String(period)
      }`,
    );
  }
}
