/**
 * Ramp-up of an intervention from go-live to full effect.
 *
 * @module
 */

/** Shape of the ramp-up: linear, a step at the end of the ramp, or a smooth s-curve. */
export type RampShape = "linear" | "step" | "s-curve";

/** Average days per month used to convert ramp-up months to days. */
export const DAYS_PER_MONTH = 365 / 12;

/**
 * The share of full effect on a day: 0 before go-live; then `linear` rises evenly over the
 * ramp-up, `step` jumps to 1 when the ramp-up ends, `s-curve` follows 3x² − 2x³ (slow start,
 * slow finish). With a zero ramp-up every shape is 1 from go-live.
 *
 * @param dayIndex Day (0 = scenario start).
 * @param options `startDay` (go-live day index), `rampUpMonths`, `shape`.
 * @returns The fraction in [0, 1].
 * @throws {RangeError} If rampUpMonths is negative or not finite.
 *
 * @example Linear, half way
 * ```ts
 * import assert from "node:assert/strict";
 * const half = 6 * DAYS_PER_MONTH;
 * assert.equal(rampFraction(half, { startDay: 0, rampUpMonths: 12, shape: "linear" }), 0.5);
 * assert.equal(rampFraction(half, { startDay: 0, rampUpMonths: 12, shape: "step" }), 0);
 * assert.equal(rampFraction(-1, { startDay: 0, rampUpMonths: 0, shape: "linear" }), 0);
 * ```
 */
export function rampFraction(
  dayIndex: number,
  options: { startDay: number; rampUpMonths: number; shape: RampShape },
): number {
  const { startDay, rampUpMonths, shape } = options;
  if (!(rampUpMonths >= 0) || !Number.isFinite(rampUpMonths)) {
    throw new RangeError(
      `Cannot compute a ramp-up: rampUpMonths must be a finite number ≥ 0, received ${rampUpMonths}`,
    );
  }
  if (dayIndex < startDay) return 0;
  const rampDays = rampUpMonths * DAYS_PER_MONTH;
  if (rampDays === 0) return 1;
  const x = Math.min(1, (dayIndex - startDay) / rampDays);
  switch (shape) {
    case "linear":
      return x;
    case "step":
      return x >= 1 ? 1 : 0;
    case "s-curve":
      return x * x * (3 - 2 * x);
  }
}

/**
 * Days from one ISO date (YYYY-MM-DD) to another.
 *
 * @param from Start date.
 * @param to End date.
 * @returns Whole days (negative when `to` is earlier).
 * @throws {RangeError} If a date is not a valid YYYY-MM-DD date.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(daysBetween("2025-04-01", "2026-04-01"), 365);
 * ```
 */
export function daysBetween(from: string, to: string): number {
  const parse = (s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : NaN;
    if (!m || Number.isNaN(t) || new Date(t).getUTCDate() !== +m[3]) {
      throw new RangeError(
        `Cannot read a date: expected YYYY-MM-DD, received ${JSON.stringify(s)}`,
      );
    }
    return t;
  };
  return Math.round((parse(to) - parse(from)) / 86_400_000);
}
