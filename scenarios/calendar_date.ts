/**
 * Calendar dates in scenarios: `YYYY-MM-DD` strings that name a real day (no 2025-02-31 or
 * 2025-13-01; 29 February only in leap years), between 1900 and 2199. The JSON Schema carries
 * `format: date` and the exact pattern, so editors flag a bad date as it is typed.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";

/** The years a scenario can start in. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2199;

/**
 * The schema of a calendar date field.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(calendarDateSchema.safeParse("2024-02-29").success, true);
 * assert.equal(calendarDateSchema.safeParse("2025-02-29").success, false);
 * assert.equal(calendarDateSchema.safeParse("2025-04-31").success, false);
 * ```
 */
export const calendarDateSchema = z.iso.date({
  message: "expected a real calendar date YYYY-MM-DD",
})
  .refine((text) => {
    const year = Number(text.slice(0, 4));
    return year >= FIRST_YEAR && year <= LAST_YEAR;
  }, { message: `expected a date between ${FIRST_YEAR} and ${LAST_YEAR}` });
