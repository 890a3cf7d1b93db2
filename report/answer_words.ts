/**
 * The answer's figures in plain words for the report and the terminal: "fewer"/"more" instead
 * of signs, and each figure with its 95% confidence interval and its 90% range of outcomes.
 *
 * @module
 */

import type { AnswerStat } from "./answer.ts";
import { formatNumber } from "./html/svg.ts";

/**
 * A figure for planners: whole numbers from 100 (thousands separated), one decimal from 10, two
 * below, without trailing zeros after the point; "–" for NaN.
 *
 * @param value A number.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(amount(274), "274");
 * assert.equal(amount(-20.66), "-20.7");
 * assert.equal(amount(12345.6), "12,346");
 * ```
 */
export function amount(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const v = Math.abs(value) >= 100 ? Math.round(value) : value;
  return formatNumber(v).replace(/\.0+$/, "");
}

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
export function signedWords(
  value: number,
  words: { positive: string; negative: string } = { positive: "fewer", negative: "more" },
): string {
  if (!Number.isFinite(value)) return "–";
  const shown = amount(Math.abs(value));
  if (/^0(\.0+)?$/.test(shown)) return "no change";
  return `${shown} ${value > 0 ? words.positive : words.negative}`;
}

/**
 * An interval in words, compactly: "61 to 333 fewer", "62 more to 845 fewer".
 *
 * @param lo Lower end (e.g. baseline − option, so negative = more).
 * @param hi Upper end.
 * @param words What positive and negative values mean.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(spanWords(61.1, 332.7), "61.1 to 333 fewer");
 * assert.equal(spanWords(-300, -100), "100 to 300 more");
 * assert.equal(spanWords(-62, 845), "62 more to 845 fewer");
 * assert.equal(spanWords(0, 0), "no change");
 * ```
 */
export function spanWords(
  lo: number,
  hi: number,
  words: { positive: string; negative: string } = { positive: "fewer", negative: "more" },
): string {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return "–";
  if (amount(Math.abs(lo)) === "0" && amount(Math.abs(hi)) === "0") return "no change";
  if (lo >= 0) return `${amount(lo)} to ${amount(hi)} ${words.positive}`;
  if (hi <= 0) return `${amount(-hi)} to ${amount(-lo)} ${words.negative}`;
  return `${amount(-lo)} ${words.negative} to ${amount(hi)} ${words.positive}`;
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
 * assert.equal(intervalWords(s), "95% CI 274 to 552; 90% of replications -62 to 845");
 * ```
 */
export function intervalWords(
  s: AnswerStat,
  words?: { positive: string; negative: string },
): string {
  const f = (lo: number, hi: number) =>
    words ? spanWords(lo, hi, words) : `${amount(lo)} to ${amount(hi)}`;
  const ci = Number.isFinite(s.ciLow) ? `95% CI ${f(s.ciLow, s.ciHigh)}; ` : "";
  return `${ci}90% of replications ${f(s.p05, s.p95)}`;
}

/**
 * An amount of money: "£1.23m", "£45,600" (sign kept).
 *
 * @param value Pounds.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(money(1234567), "£1.23m");
 * assert.equal(money(-45600), "-£45,600");
 * ```
 */
export function money(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const sign = value < 0 ? "-" : "";
  const a = Math.abs(value);
  return a >= 1e6 ? `${sign}£${(a / 1e6).toFixed(2)}m` : `${sign}£${amount(a)}`;
}

/** The sentences that say what the two intervals mean. */
export const INTERVAL_MEANINGS = {
  ci:
    "The 95% confidence interval (CI) says how precisely the replications pin down the mean: it narrows as replications are added.",
  range:
    "The 90% range of outcomes is where the middle 90% of replications fall (5th to 95th percentile): the spread of what could happen in one real year, which more replications do not narrow.",
} as const;
