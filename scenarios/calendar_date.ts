/**
 * Calendar dates in scenarios: `YYYY-MM-DD` strings that name a real day (no 2025-02-31 or
 * 2025-13-01), between 1900 and 2199.
 *
 * @module
 */

import { z } from "zod";

/**
 * Whether a `YYYY-MM-DD` string names a real day between 1900-01-01 and 2199-12-31.
 *
 * @param text The string.
 * @returns `true` for a real date in range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isCalendarDate("2024-02-29"), true);
 * assert.equal(isCalendarDate("2025-02-29"), false);
 * assert.equal(isCalendarDate("2025-13-01"), false);
 * ```
 */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The schema of a calendar date field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(calendarDateSchema.safeParse("2025-04-31").success, false);
 * ```
 */
export const calendarDateSchema = z.string().refine(isCalendarDate, {
  message: "expected a real calendar date YYYY-MM-DD between 1900 and 2199",
});
