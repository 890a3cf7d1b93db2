/**
 * Warnings about a run whose system is gridlocked or whose queues grow without bound, so that
 * such results are not read as normal planning figures. Shown at the top of report.html, in the
 * terminal and in summary.json `warnings`. The rules and thresholds ({@linkcode WARNING_THRESHOLDS},
 * documented in report/README.md) look at each group's yearly means:
 *
 * - `warning` (the figures describe a gridlocked system):
 *   - `ed_boarding`: ED boarding hours per emergency admission above 24 in a year (a typical
 *     admitted patient waits more than a day in ED for a bed);
 *   - `delayed_transfers`: delayed-transfer bed days above 20% of acute bed days in a year
 *     (England's 2017–19 level was about 6%).
 * - `caution` (no slack left, or a queue growing fast):
 *   - `beds_full`: mean occupied acute beds at or above 98% of the scenario's beds in a year (the
 *     escalation and surge beds are in use most of the time);
 *   - `<metric>_growing`: ED boarding hours, delayed-transfer bed days or the mean wait for home
 *     care or a care home grow by more than 50% in each of the last two years (the last one if
 *     the run has two years) and end above a level that matters (4 boarding hours per admission,
 *     8% of bed days delayed, a 7-day mean wait).
 *
 * @module
 */

import { formatNumber } from "./html/svg.ts";
import type { RunMeta } from "./run_meta.ts";
import type { SummaryRow } from "./run_summarizer.ts";

/**
 * The documented thresholds of the warnings.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(WARNING_THRESHOLDS.boardingHoursPerAdmission, 24);
 * ```
 */
export const WARNING_THRESHOLDS = {
  /** `ed_boarding` warning: mean ED boarding hours per emergency admission in a year. */
  boardingHoursPerAdmission: 24,
  /** `beds_full` caution: mean occupied acute beds ÷ the scenario's beds in a year. */
  occupancyOfBeds: 0.98,
  /** `delayed_transfers` warning: delayed-transfer bed days ÷ acute bed days in a year. */
  delayedShareOfBedDays: 0.2,
  /** `*_growing` caution: year-on-year growth in each of the last two years. */
  growthPerYear: 0.5,
  /** Growth cautions apply only above: boarding hours per admission in the last year. */
  growingBoardingHoursPerAdmission: 4,
  /** …: delayed-transfer share of bed days in the last year. */
  growingDelayedShare: 0.08,
  /** …: mean wait in days for home care or a care home in the last year. */
  growingWaitDays: 7,
} as const;

/** One warning. */
export interface RunWarning {
  /** `warning`: gridlock, the figures are not planning figures; `caution`: no slack, or a queue grows fast. */
  level: "warning" | "caution";
  /** Stable code: ed_boarding, beds_full, delayed_transfers, or `<metric>_growing`. */
  code: string;
  /** The group's `scenario` column. */
  scenario: string;
  /** The group's label. */
  label: string;
  /** Model year the figure is from. */
  year: number;
  /** The figure the rule looked at. */
  value: number;
  /** The threshold it crossed. */
  threshold: number;
  /** One plain sentence. */
  message: string;
}

type Series = Map<number, number>;

/**
 * The warnings of a run (see the module doc), baseline first then each option.
 *
 * @param meta The run's metadata (groups; the scenario's beds).
 * @param rows Summary rows (yearly means of each group).
 * @returns The warnings, at most one per rule and group (the first year a warning rule holds).
 *
 * @example A gridlocked baseline
 * ```ts
 * import assert from "node:assert/strict";
 * const row = (metric: string, mean: number) => ({ scenario: "x", variant: "baseline" as const, metric, year: 1, unit: "", mean, sd: 0, ciLow: 0, ciHigh: 0, p05: 0, p50: 0, p95: 0, n: 2 });
 * const meta = { groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], scenario: { hospitals: [{ acuteBeds: 5 }] } } as never;
 * const w = runWarnings(meta, [row("emergency_admissions", 280), row("ed_boarding_hours", 78000)]);
 * assert.equal(w[0].code, "ed_boarding");
 * assert.equal(w[0].level, "warning");
 * ```
 */
export function runWarnings(meta: RunMeta, rows: readonly SummaryRow[]): RunWarning[] {
  const T = WARNING_THRESHOLDS;
  const beds = meta.scenario.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
  const out: RunWarning[] = [];
  for (const g of meta.groups) {
    const series = (metric: string): Series => {
      const s: Series = new Map();
      for (const r of rows) {
        if (
          r.scenario === g.scenario && r.variant === g.variant && r.metric === metric &&
          r.year !== "all"
        ) s.set(r.year, r.mean);
      }
      return s;
    };
    const admissions = series("emergency_admissions");
    const boarding = series("ed_boarding_hours");
    const bedDays = series("bed_days");
    const delayed = series("delayed_transfer_bed_days");
    const occupied = series("acute_occupied_beds_mean");
    const perAdmission = ratio(boarding, admissions);
    const delayedShare = ratio(delayed, bedDays);
    const warn = (
      code: string,
      level: RunWarning["level"],
      year: number,
      value: number,
      threshold: number,
      message: string,
    ) =>
      out.push({
        level,
        code,
        scenario: g.scenario,
        label: g.label,
        year,
        value,
        threshold,
        message,
      });
    const first = (s: Series, over: number) =>
      [...s].sort((a, b) => a[0] - b[0]).find(([, v]) => v > over);
    const b = first(perAdmission, T.boardingHoursPerAdmission);
    if (b) {
      warn(
        "ed_boarding",
        "warning",
        b[0],
        b[1],
        T.boardingHoursPerAdmission,
        `${g.label}: in year ${b[0]} admitted patients wait on average ${
          fmt(b[1])
        } hours in ED for a bed (more than ${T.boardingHoursPerAdmission}): the hospital is gridlocked, so these are not planning figures; add beds or downstream capacity, or lower demand.`,
      );
    }
    const o = beds > 0
      ? first(new Map([...occupied].map(([y, v]) => [y, v / beds])), T.occupancyOfBeds - 1e-12)
      : undefined;
    if (o) {
      warn(
        "beds_full",
        "caution",
        o[0],
        o[1],
        T.occupancyOfBeds,
        `${g.label}: in year ${o[0]} the ${beds} acute beds are ${
          fmt(o[1] * 100)
        }% full on average (${
          T.occupancyOfBeds * 100
        }% or more): there is no slack left, so queues for beds grow.`,
      );
    }
    const d = first(delayedShare, T.delayedShareOfBedDays);
    if (d) {
      warn(
        "delayed_transfers",
        "warning",
        d[0],
        d[1],
        T.delayedShareOfBedDays,
        `${g.label}: in year ${d[0]} ${
          fmt(d[1] * 100)
        }% of acute bed days are delayed transfers (more than ${
          T.delayedShareOfBedDays * 100
        }%; England's 2017–19 level was about 6%): downstream capacity is far short.`,
      );
    }
    const growing = (
      metric: string,
      what: string,
      s: Series,
      level: Series,
      floor: number,
      floorText: string,
    ) => {
      const ys = [...s.keys()].sort((a, b) => a - b);
      if (ys.length < 2) return;
      const steps = ys.slice(-Math.min(3, ys.length));
      const rates = steps.slice(1).map((y, i) => s.get(y)! / s.get(steps[i])! - 1);
      const last = steps.at(-1)!;
      const lvl = level.get(last) ?? NaN;
      if (rates.every((r) => r > T.growthPerYear) && lvl > floor) {
        const min = Math.min(...rates);
        warn(
          `${metric}_growing`,
          "caution",
          last,
          min,
          T.growthPerYear,
          `${g.label}: ${what} grew by more than ${T.growthPerYear * 100}% a year in ${
            rates.length === 1 ? "the last year" : `each of the last ${rates.length} years`
          } (at least ${fmt(min * 100)}%) and in year ${last} stands at ${
            fmt(lvl)
          } ${floorText}: the queue is growing, so later years' figures depend on how long it goes on.`,
        );
      }
    };
    growing(
      "ed_boarding_hours",
      "ED boarding",
      boarding,
      perAdmission,
      T.growingBoardingHoursPerAdmission,
      "hours per admission",
    );
    growing(
      "delayed_transfer_bed_days",
      "delayed transfers",
      delayed,
      new Map([...delayedShare].map(([y, v]) => [y, v * 100])),
      T.growingDelayedShare * 100,
      "% of bed days",
    );
    for (
      const [metric, what] of [["home_care_wait_days_mean", "the wait for home care"], [
        "care_home_wait_days_mean",
        "the wait for a care home",
      ]] as const
    ) {
      const s = series(metric);
      growing(metric, what, s, s, T.growingWaitDays, "days on average");
    }
  }
  return out;
}

function ratio(a: Series, b: Series): Series {
  const out: Series = new Map();
  for (const [y, v] of a) {
    const d = b.get(y);
    if (d !== undefined && d > 0) out.set(y, v / d);
  }
  return out;
}

function fmt(v: number): string {
  return formatNumber(v);
}
