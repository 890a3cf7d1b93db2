/**
 * Model years against financial years. A model year is 365 days from the scenario's
 * `startDate`; the NHS financial year runs 1 April – 31 March. Each model year is labelled with
 * the financial year holding its middle day, so the label stays right although 365-day years
 * start one day earlier after each 29 February.
 *
 * @module
 */

/** Days in a model year. */
const MODEL_YEAR_DAYS = 365;

/**
 * The financial year (April–March) holding the middle of a model year, as `YYYY/YY`.
 *
 * @param startDate The scenario's start date (`YYYY-MM-DD`, day 0 of model year 1).
 * @param year The model year, 1-based.
 * @returns The financial year, e.g. `2025/26`.
 * @throws {RangeError} If `startDate` is not a date or `year` is not a whole number ≥ 1.
 *
 * @example From 1 April 2025, model year 4 is still 2028/29 (it starts on 31 March 2028)
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(financialYear("2025-04-01", 1), "2025/26");
 * assert.equal(financialYear("2025-04-01", 4), "2028/29");
 * assert.equal(financialYear("2025-01-01", 1), "2025/26");
 * assert.equal(financialYear("2099-06-01", 1), "2099/00");
 * ```
 */
export function financialYear(startDate: string, year: number): string {
  if (!Number.isInteger(year) || year < 1) {
    throw new RangeError(
      `Cannot name the financial year: year must be a whole number from 1, received ${year}`,
    );
  }
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  if (!Number.isFinite(t0)) {
    throw new RangeError(
      `Cannot name the financial year: startDate must be YYYY-MM-DD, received ${startDate}`,
    );
  }
  const middleDay = MODEL_YEAR_DAYS * (year - 1) + Math.floor(MODEL_YEAR_DAYS / 2);
  const middle = new Date(t0 + middleDay * 86_400_000);
  const calendarYear = middle.getUTCFullYear();
  const first = middle.getUTCMonth() >= 3 ? calendarYear : calendarYear - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}
