/**
 * Model years against financial years (1 April – 31 March, as the NHS and local authorities
 * budget). Model year y holds days 365 × (y − 1) … 365 × y − 1 counted from the scenario's
 * `startDate`, so model years drift from financial years by a day per 29 February and do not
 * line up at all when the start date is not 1 April. Two views of the same calendar:
 * {@linkcode financialYear} labels a model year with the financial year holding its middle day
 * (the `financial_year` column of the CSV files), and {@linkcode financialYears} lists the
 * financial years a run covers with the model days in each, from which figures by financial year
 * are built in proportion to the days they share (see {@linkcode periodValue}).
 *
 * @module
 */

/** Days in a model year. */
const MODEL_YEAR_DAYS = 365;

const DAY_MS = 86_400_000;

/** The start date's UTC time, or a RangeError naming what was asked. */
function startTime(startDate: string, action: string): number {
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  if (!Number.isFinite(t0)) {
    throw new RangeError(`Cannot ${action}: startDate must be YYYY-MM-DD, received ${startDate}`);
  }
  return t0;
}

/** The first calendar year of the financial year holding a UTC time. */
function fyStartOf(time: number): number {
  const d = new Date(time);
  return d.getUTCMonth() >= 3 ? d.getUTCFullYear() : d.getUTCFullYear() - 1;
}

/** A financial year's label, `YYYY/YY`, from its first calendar year. */
function fyLabel(first: number): string {
  return `${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}

/**
 * The financial year (April–March) holding the middle of a model year, as `YYYY/YY`: the label
 * stays right although 365-day model years start one day earlier after each 29 February.
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
  const t0 = startTime(startDate, "name the financial year");
  const middleDay = MODEL_YEAR_DAYS * (year - 1) + Math.floor(MODEL_YEAR_DAYS / 2);
  return fyLabel(fyStartOf(t0 + middleDay * DAY_MS));
}

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
  const t0 = startTime(startDate, "list the financial years");
  const out: FinancialYear[] = [];
  let current: FinancialYear | undefined;
  let startYear = NaN;
  for (let day = 0; day < years * MODEL_YEAR_DAYS; day++) {
    const fy = fyStartOf(t0 + day * DAY_MS);
    if (fy !== startYear) {
      startYear = fy;
      const from = `${fy}-04-01`;
      const to = `${fy + 1}-03-31`;
      current = {
        label: fyLabel(fy),
        from,
        to,
        daysInYear: Math.round(
          (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
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
