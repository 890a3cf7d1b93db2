/**
 * Financial years (1 April – 31 March, as the NHS and local authorities budget) of a run, and
 * which model days fall in each: model year y holds days 365 × (y − 1) … 365 × y − 1 counted from
 * the start date, so model years drift from financial years by a day per 29 February and do not
 * line up at all when the start date is not 1 April. Figures by financial year are built from
 * the model years' figures in proportion to the days they share (see {@linkcode periodValue}).
 *
 * @module
 */

import { addDays } from "./tables.ts";

/** Days in a model year. */
const MODEL_YEAR_DAYS = 365;

/** One financial year, as far as a run covers it. */
export interface FinancialYear {
  /** Label, e.g. "2025/26". */
  label: string;
  /** First calendar date of the financial year (1 April). */
  from: string;
  /** Last calendar date of the financial year (31 March). */
  to: string;
  /** Calendar days in the financial year (365 or 366). */
  daysInYear: number;
  /** Model days of the run that fall in it. */
  modelDays: number;
  /** Model years sharing days with it, and how many days each shares. */
  overlaps: { year: number; days: number }[];
}

function fyStart(date: string): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * The financial years a run covers, in order, each with the model days that fall in it.
 *
 * @param startDate The run's start date, `YYYY-MM-DD`.
 * @param years Model years (365 days each).
 * @returns One entry per financial year touched (the first and last may be partial).
 * @throws {RangeError} If `startDate` is not a valid date.
 *
 * @example A run from 1 April: the fourth financial year holds 29 February 2028
 * ```ts
 * import assert from "node:assert/strict";
 * const fys = financialYears("2025-04-01", 5);
 * assert.deepEqual(fys.map((f) => f.label), ["2025/26", "2026/27", "2027/28", "2028/29", "2029/30"]);
 * assert.equal(fys[2].daysInYear, 366);
 * assert.equal(fys[4].modelDays, 364);
 * ```
 */
export function financialYears(startDate: string, years: number): FinancialYear[] {
  const out: FinancialYear[] = [];
  let current: FinancialYear | undefined;
  let startYear = NaN;
  for (let day = 0; day < years * MODEL_YEAR_DAYS; day++) {
    const date = addDays(startDate, day);
    const fy = fyStart(date);
    if (fy !== startYear) {
      startYear = fy;
      const from = `${fy}-04-01`;
      const to = `${fy + 1}-03-31`;
      current = {
        label: `${fy}/${String((fy + 1) % 100).padStart(2, "0")}`,
        from,
        to,
        daysInYear: Math.round(
          (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) /
            86_400_000,
        ) + 1,
        modelDays: 0,
        overlaps: [],
      };
      out.push(current);
    }
    const year = Math.floor(day / MODEL_YEAR_DAYS) + 1;
    current!.modelDays++;
    const last = current!.overlaps.at(-1);
    if (last?.year === year) last.days++;
    else current!.overlaps.push({ year, days: 1 });
  }
  return out;
}

/**
 * A figure for a financial year from model years' figures: counts and durations (`sum`) are
 * shared out in proportion to the days each model year gives the financial year (a model year's
 * count × its shared days ÷ 365); levels (`mean`) are the day-weighted mean of the model years'
 * levels.
 *
 * @param fy The financial year.
 * @param byYear The model years' values (index 0 = model year 1).
 * @param aggregate `sum` for counts, `mean` for levels.
 * @returns The financial year's value.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const fy = { label: "x", from: "", to: "", daysInYear: 365, modelDays: 365, overlaps: [{ year: 1, days: 73 }, { year: 2, days: 292 }] };
 * assert.equal(periodValue(fy, [365, 730], "sum"), 73 + 584);
 * assert.equal(periodValue(fy, [10, 20], "mean"), (73 * 10 + 292 * 20) / 365);
 * ```
 */
export function periodValue(
  fy: FinancialYear,
  byYear: readonly number[],
  aggregate: "sum" | "mean",
): number {
  let total = 0;
  let days = 0;
  for (const { year, days: d } of fy.overlaps) {
    const v = byYear[year - 1];
    if (v === undefined) continue;
    total += v * (aggregate === "sum" ? d / MODEL_YEAR_DAYS : d);
    days += d;
  }
  if (aggregate === "sum") return total;
  return days > 0 ? total / days : NaN;
}
