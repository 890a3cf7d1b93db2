/**
 * Calendar facts for model days: month (for seasonality and escalation) and weekday (for GP
 * opening and weekend discharges), from a start date. Model years are 365 days.
 *
 * @module
 */

/** Calendar lookups for a contiguous range of model days. */
export interface ModelCalendar {
  /** First dayIndex covered (≤ 0 when there is a warm-up). */
  firstDay: number;
  /** Month 0–11 for dayIndex − firstDay. */
  month: Uint8Array;
  /** Weekday 0 (Sunday) – 6 (Saturday) for dayIndex − firstDay. */
  weekday: Uint8Array;
}

/**
 * Builds the calendar for days firstDay … lastDay inclusive (dayIndex 0 = startDate).
 *
 * @param startDate ISO date YYYY-MM-DD of day 0.
 * @param options `firstDay` (≤ 0) and `lastDay`.
 * @returns The calendar arrays.
 * @throws {RangeError} If the date is invalid.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = buildCalendar("2025-04-01", { firstDay: 0, lastDay: 1 });
 * assert.equal(c.month[0], 3);
 * assert.equal(c.weekday[0], 2); // a Tuesday
 * ```
 */
export function buildCalendar(
  startDate: string,
  options: { firstDay: number; lastDay: number },
): ModelCalendar {
  const base = Date.parse(`${startDate}T00:00:00Z`);
  if (!Number.isFinite(base)) {
    throw new RangeError(`Cannot build a calendar: invalid start date, received ${startDate}`);
  }
  const n = options.lastDay - options.firstDay + 1;
  const month = new Uint8Array(n);
  const weekday = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const d = new Date(base + (options.firstDay + i) * 86_400_000);
    month[i] = d.getUTCMonth();
    weekday[i] = d.getUTCDay();
  }
  return { firstDay: options.firstDay, month, weekday };
}
