/**
 * Per-intervention accounts of one replication: admissions averted and credited to each
 * intervention tag and cohort (by year × segment), where they went instead, and the cohort's
 * people-days. Created in order of first use, which is the order they are reported in.
 *
 * @module
 */

import { PeriodCounter, type Periods } from "../../sim/mod.ts";
import type { DisplacementTarget } from "../modifiers.ts";

/** Where an averted admission can be displaced to, in attribution order. */
export const DISPLACEMENT_TARGETS: readonly DisplacementTarget[] = [
  "crisisResponse",
  "stepUpBed",
  "urgentTreatmentCentre",
  "gp",
];

/** The cohort label of tags that add capacity rather than change rates. */
const ADDED_CAPACITY = "added capacity";

/** Accumulators of one intervention tag and cohort. */
export interface TagStats {
  /** Intervention tag. */
  tag: string;
  /** Cohort label. */
  cohort: string;
  /** Admissions averted and credited to the tag, by year × segment (category = segment − 1). */
  averted: PeriodCounter;
  /** Averted admissions by displacement destination ("none" included), by year. */
  displaced: Record<DisplacementTarget | "none", PeriodCounter>;
  /** Σ over days of people in the cohort, by year; added at the measured day (0 = startDate). */
  cohortPeopleDays: PeriodCounter;
  /** Σ over days of people in the cohort × ramp-up fraction, by year (as above). */
  enrolledPeopleDays: PeriodCounter;
}

/** The accounts of every intervention tag in a replication. */
export class TagAccounts {
  /** Accounts, in order of first use. */
  readonly list: TagStats[] = [];
  /**
   * Person-days of everyone by year, segment and residence (for cohort views such as the
   * commissioner's): index (year × 4 + segment − 1) × 2 + (0 home, 1 care home); people in a
   * hospital bed are not in a cell and not counted.
   */
  readonly personDays: Float64Array;
  readonly #index = new Map<string, TagStats>();
  /** Model years in simulation time. */
  readonly #years: Periods;
  /** Model years in measured days (day 0 = startDate). */
  readonly #dayYears: Periods;

  /**
   * @param startTime Simulation time of day 0.
   * @param years Measured years.
   */
  constructor(startTime: number, years: number) {
    this.#years = { startDays: startTime, lengthDays: 365, count: years };
    this.#dayYears = { startDays: 0, lengthDays: 365, count: years };
    this.personDays = new Float64Array(years * 8);
  }

  /**
   * The account of a tag and cohort, created on first use.
   *
   * @param tag Intervention tag.
   * @param cohort Cohort label.
   * @returns The account.
   */
  for(tag: string, cohort: string): TagStats {
    const key = `${tag}\u0000${cohort}`;
    let st = this.#index.get(key);
    if (st === undefined) {
      const periods = this.#years;
      const displaced = {} as Record<DisplacementTarget | "none", PeriodCounter>;
      for (const d of [...DISPLACEMENT_TARGETS, "none" as const]) {
        displaced[d] = new PeriodCounter({ periods });
      }
      st = {
        tag,
        cohort,
        averted: new PeriodCounter({ periods, categories: 4 }),
        displaced,
        cohortPeopleDays: new PeriodCounter({ periods: this.#dayYears }),
        enrolledPeopleDays: new PeriodCounter({ periods: this.#dayYears }),
      };
      this.#index.set(key, st);
      this.list.push(st);
    }
    return st;
  }

  /**
   * The account of a tag that adds capacity (cohort "added capacity"), or undefined.
   *
   * @param tag Intervention tag, if any.
   * @returns The account.
   */
  addedCapacity(tag: string | undefined): TagStats | undefined {
    return tag ? this.for(tag, ADDED_CAPACITY) : undefined;
  }
}
