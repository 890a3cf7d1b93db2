/**
 * The answer's figures in plain words for the report and the terminal: "fewer"/"more" instead
 * of signs, and each figure with its 95% confidence interval and its 90% range of outcomes.
 *
 * @module
 */

import type { AnswerStat, RunAnswer } from "./answer.ts";
import { formatNumber } from "./html/svg.ts";

/** The typographic minus sign (U+2212): a line never breaks between it and its number. */
export const MINUS = "\u2212";

/**
 * A figure for planners: whole numbers from 100 (thousands separated), one decimal from 10, two
 * below, without trailing zeros after the point; a negative number starts with the typographic
 * minus (U+2212), so a browser never breaks the line inside it; "–" for NaN.
 *
 * @param value A number.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(amount(274), "274");
 * assert.equal(amount(-20.66), "\u221220.7");
 * assert.equal(amount(12345.6), "12,346");
 * ```
 */
export function amount(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const v = Math.abs(value) >= 100 ? Math.round(value) : value;
  return formatNumber(v).replace(/\.0+$/, "").replace(/^-/, MINUS);
}

/** What the two signs of a figure mean in words, and how its magnitude is written. */
export interface Direction {
  /** Word after a positive value ("fewer"). */
  positive: string;
  /** Word after a negative value ("more"). */
  negative: string;
  /**
   * How a magnitude is written; `largest` is the larger magnitude of an interval, so both ends
   * share a scale ("£0.50m to £3.88m"). @default amount
   */
  format?: (value: number, largest?: number) => string;
}

/** Avoided figures (baseline − option): positive = fewer. */
export const FEWER: Direction = { positive: "fewer", negative: "more" };

/**
 * A signed amount in words: positive → "N fewer", negative → "N more" (or the words given).
 *
 * @param value The amount (e.g. admissions avoided: baseline − option).
 * @param words What a positive and a negative value mean.
 * @returns e.g. "413 fewer", "20.7 more", "no change".
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(signedWords(413.2), "413 fewer");
 * assert.equal(signedWords(-20.66), "20.7 more");
 * assert.equal(signedWords(0.001), "no change");
 * assert.equal(signedWords(-1500, { positive: "saved", negative: "spent" }), "1,500 spent");
 * ```
 */
export function signedWords(value: number, words: Direction = FEWER): string {
  if (!Number.isFinite(value)) return "–";
  if (roundsToZero(value)) return "no change";
  return `${(words.format ?? amount)(Math.abs(value))} ${
    value > 0 ? words.positive : words.negative
  }`;
}

function roundsToZero(value: number): boolean {
  return amount(Math.abs(value)) === "0";
}

/**
 * An interval in words, compactly and always in the same order — from the low end to the high
 * end along the stated direction, the unit word once: "61.1 to 333 fewer", "100 to 300 more",
 * "62 more to 845 fewer", "£1.2m saved to £0.4m more". An end that rounds to 0 is 0.
 *
 * @param lo Lower end (e.g. baseline − option, so negative = more).
 * @param hi Upper end.
 * @param words What positive and negative values mean, and how magnitudes are written.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(spanWords(61.1, 332.7), "61.1 to 333 fewer");
 * assert.equal(spanWords(-300, -100), "100 to 300 more");
 * assert.equal(spanWords(-0.51, -0.47), "0.47 to 0.51 more");
 * assert.equal(spanWords(-62, 845), "62 more to 845 fewer");
 * assert.equal(spanWords(-0.001, 0.08), "0 to 0.08 fewer");
 * assert.equal(spanWords(0, 0), "no change");
 * assert.equal(spanWords(-1.2e6, 4e5, MONEY), "£1.20m saved to £0.40m more");
 * ```
 */
export function spanWords(lo: number, hi: number, words: Direction = FEWER): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "–";
  const a = roundsToZero(lo) ? 0 : Math.min(lo, hi);
  const b = roundsToZero(hi) ? 0 : Math.max(lo, hi);
  if (a === 0 && b === 0) return "no change";
  const largest = Math.max(Math.abs(a), Math.abs(b));
  const f = (v: number) => (words.format ?? amount)(v, largest);
  if (a >= 0) return `${f(a)} to ${f(b)} ${words.positive}`;
  if (b <= 0) return `${f(-b)} to ${f(-a)} ${words.negative}`;
  return `${f(-a)} ${words.negative} to ${f(b)} ${words.positive}`;
}

/**
 * A difference against a reference in words, with "as many … as" when there is none:
 * "27 more beds than today", "3 fewer than the 40 in post", "as many occupied beds as the
 * baseline's".
 *
 * @param difference Value − reference (positive = more).
 * @param than The reference ("today", "the baseline's").
 * @param noun Optional noun after the number ("occupied beds").
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(againstWords(27, "today"), "27 more than today");
 * assert.equal(againstWords(-2.55, "the baseline's", "occupied beds"), "2.55 fewer occupied beds than the baseline's");
 * assert.equal(againstWords(0.001, "the baseline's", "occupied beds"), "as many occupied beds as the baseline's");
 * ```
 */
export function againstWords(difference: number, than: string, noun = ""): string {
  const n = noun ? ` ${noun}` : "";
  if (!Number.isFinite(difference)) return "–";
  if (roundsToZero(difference)) return `as many${n} as ${than}`;
  return `${amount(Math.abs(difference))} ${difference > 0 ? "more" : "fewer"}${n} than ${than}`;
}

/**
 * A figure's intervals in words: "95% CI a to b; 90% of replications c to d" with each end in
 * `signedWords` (or plain numbers when `words` is omitted).
 *
 * @param s The figure.
 * @param words Words for signed figures, or undefined for plain numbers.
 * @returns The intervals' text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const s = { mean: 413, ciLow: 274, ciHigh: 552, p05: -62, p50: 400, p95: 845, n: 20 };
 * assert.equal(intervalWords(s, { positive: "fewer", negative: "more" }), "95% CI 274 to 552 fewer; 90% of replications 62 more to 845 fewer");
 * assert.equal(intervalWords(s), "95% CI 274 to 552; 90% of replications \u221262 to 845");
 * ```
 */
export function intervalWords(s: AnswerStat, words?: Direction): string {
  const f = (lo: number, hi: number) =>
    words ? spanWords(lo, hi, words) : `${amount(lo)} to ${amount(hi)}`;
  const ci = Number.isFinite(s.ciLow) ? `95% CI ${f(s.ciLow, s.ciHigh)}; ` : "";
  return `${ci}90% of replications ${f(s.p05, s.p95)}`;
}

/**
 * An amount of money: "£1.23m", "£45,600" (a negative amount starts with the typographic minus);
 * in millions when it, or the `largest` amount it is shown with, is a million or more.
 *
 * @param value Pounds.
 * @param largest The largest magnitude shown beside it (an interval's other end).
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(money(1234567), "£1.23m");
 * assert.equal(money(-45600), "\u2212£45,600");
 * assert.equal(money(504116, 3.88e6), "£0.50m");
 * ```
 */
export function money(value: number, largest = 0): string {
  if (!Number.isFinite(value)) return "–";
  const sign = value < 0 ? MINUS : "";
  const a = Math.abs(value);
  return Math.max(a, Math.abs(largest)) >= 1e6
    ? `${sign}£${(a / 1e6).toFixed(2)}m`
    : `${sign}£${amount(a)}`;
}

/**
 * An amount in a unit of the metric registry: money for `gbp`, else the number and the unit in
 * words ("9.5 bed days").
 *
 * @param value The amount.
 * @param unit The unit (snake_case, as in the metric registry).
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(unitAmount(100, "bed_days"), "100 bed days");
 * assert.equal(unitAmount(1, "beds"), "1 bed");
 * assert.equal(unitAmount(1e5, "gbp"), "£100,000");
 * ```
 */
export function unitAmount(value: number, unit: string): string {
  if (unit === "gbp") return money(value);
  const text = amount(value);
  const words = unitWords(unit);
  return `${text} ${text === "1" ? words.replace(/s$/, "") : words}`;
}

/**
 * A unit of the metric registry in words: "bed_days" → "bed days", "fte" → "FTE", "gbp" → "£".
 *
 * @param unit The unit (snake_case).
 * @returns The words.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(unitWords("hours_per_week"), "hours per week");
 * assert.equal(unitWords("fte"), "FTE");
 * ```
 */
export function unitWords(unit: string): string {
  if (unit === "fte") return "FTE";
  if (unit === "gbp") return "£";
  return unit.replaceAll("_", " ");
}

/**
 * The absolute precisions a run's headline figures are judged by, in words: "±10 admissions,
 * ±100 bed days, ±1 bed or ±£100,000".
 *
 * @param answer The run's answer.
 * @returns The text ("" when no figure has an absolute precision).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const answer = { absolutePrecision: { admissions: 10, beds: 1 }, precision: [{ unit: "admissions" }, { unit: "beds" }] } as never;
 * assert.equal(absoluteWords(answer), "±10 admissions or ±1 bed");
 * ```
 */
export function absoluteWords(answer: Pick<RunAnswer, "absolutePrecision" | "precision">): string {
  const units = [...new Set(answer.precision.map((p) => p.unit))]
    .filter((u) => answer.absolutePrecision[u] !== undefined);
  const parts = units.map((u) => `±${unitAmount(answer.absolutePrecision[u], u)}`);
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} or ${parts.at(-1)}`;
}

/** Net cost (option − baseline): positive = more spent, negative = saved; written as money. */
export const MONEY: Direction = { positive: "more", negative: "saved", format: money };

/** The sentences that say what the two intervals mean. */
export const INTERVAL_MEANINGS = {
  ci:
    "The 95% confidence interval (CI) says how precisely the replications pin down the mean: it narrows as replications are added.",
  range:
    "The 90% range of outcomes is where the middle 90% of replications fall (5th to 95th percentile): the spread of what could happen in one real year, which more replications do not narrow.",
} as const;
