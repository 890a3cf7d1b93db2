/**
 * The model's recording part: annual counts (by year and segment), time integrals of levels
 * split at year boundaries, the end-of-day daily series and the stay accounting the invariant
 * checks read. Passive: the other parts report to it; it never reaches into them.
 *
 * @module
 */

import type { Segment } from "../population/cells.ts";
import { YearCounts, YearIntegral } from "./year_accumulator.ts";

/** Counted events, accumulated by model year (and segment where given). */
export const COUNTED = [
  "emergency_admissions",
  "emergency_admissions_averted",
  "ed_attendances",
  "gp_consultations",
  "gp_unmet_demand",
  "gp_wait_days_total",
  "readmissions_30d",
  "care_home_admissions",
  "care_home_admissions_from_hospital",
  "deaths_in_hospital",
  "deaths_elsewhere",
  "ed_boarding_hours",
  "acute_days_over_92pct",
  "crisis_response_visits",
  "step_up_admissions",
  "district_nursing_visits",
  "reablement_starts",
  "home_care_package_starts",
  "intermediate_care_starts",
  "inter_site_transfers",
  "utc_attendances",
  "home_care_wait_days_total",
  "care_home_wait_days_total",
  "intermediate_care_alternatives",
  "acute_surge_openings",
] as const;

/** A counted event's name. */
export type Counted = typeof COUNTED[number];

/** Levels integrated over time (level × days), by model year. */
export const INTEGRATED = [
  "bed_days",
  "dtoc",
  "intermediate",
  "home_care_hours",
  "acute_surge_beds",
] as const;

/** An integrated level's name. */
export type Integrated = typeof INTEGRATED[number];

/** The daily series recorded at the end of each measured day, in column order. */
export const DAILY_SERIES = [
  "dayIndex",
  "acuteOccupied",
  "acuteCapacity",
  "edBoarders",
  "delayedTransfers",
  "intermediateOccupied",
  "intermediateCapacity",
  "careHomeOccupied",
  "careHomeCapacity",
  "homeCareHoursInUse",
  "homeCareCapacityHours",
  "population",
  "atHome",
  "inCareHome",
] as const;

/** A daily series' name. */
export type DailyName = typeof DAILY_SERIES[number];

/** One end-of-day snapshot (every daily series but `dayIndex`). */
export type DaySnapshot = Record<Exclude<DailyName, "dayIndex">, number>;

/** Stay accounting for the invariant checks. */
export interface StayAccount {
  /** Acute bed days summed over stays, within the measured window. */
  bedDaysFromStays: number;
  /** Acute stays that began in the measured window. */
  started: number;
  /** Σ length of stays that began and ended in the window. */
  completedSum: number;
  /** Stays that began and ended in the window. */
  completed: number;
  /** Smallest count seen in any place. */
  minPlaceCount: number;
  /** Occupancy above capacity at an event. */
  overCapacityEvents: number;
}

/** The recording part of one replication (see the module doc). */
export class Recorder {
  /** Annual counts by name. */
  readonly counts: Record<Counted, YearCounts>;
  /** Time integrals by name. */
  readonly levels: Record<Integrated, YearIntegral>;
  /** Bed days by segment (index 0 = segment 1). */
  readonly bedDaysBySegment: YearIntegral[];
  /** Delayed-transfer bed days by segment (index 0 = segment 1). */
  readonly dtocBySegment: YearIntegral[];
  /** Daily series. */
  readonly daily: Record<DailyName, number[]>;
  /** Daily occupied beds per hospital. */
  readonly dailyByHospital: number[][];
  /** End-of-day acute occupancy per model year (samples for percentiles). */
  readonly dailyOccupancy: number[][];
  /** People in plugged-in settings, by day (only when there are any). */
  readonly inSettings: number[] | undefined;
  /** Stay accounting. */
  readonly stays: StayAccount = {
    bedDaysFromStays: 0,
    started: 0,
    completedSum: 0,
    completed: 0,
    minPlaceCount: 0,
    overCapacityEvents: 0,
  };
  /**
   * Emergency admissions by model year and cohort cell (`admissionsByCell[year][cell]`, the cell
   * the person was admitted from), for figures by age band, segment and residence.
   */
  readonly admissionsByCell: number[][];
  /**
   * People in each cohort cell summed over the year's end-of-day snapshots
   * (`personDaysByCell[year][cell]`; people away in a bed are out of the cells): the
   * denominators of rates by age band, segment and residence.
   */
  readonly personDaysByCell: number[][];
  readonly #years: number;
  readonly #start: number;

  /**
   * @param startTime Simulation time of day 0 (end of warm-up).
   * @param options `years` measured and number of `hospitals`.
   */
  constructor(
    startTime: number,
    options: { years: number; hospitals: number; settings?: boolean },
  ) {
    const Y = options.years;
    this.#years = Y;
    this.#start = startTime;
    this.admissionsByCell = Array.from({ length: Y }, () => []);
    this.personDaysByCell = Array.from({ length: Y }, () => []);
    this.counts = Object.fromEntries(
      COUNTED.map((m) => [m, new YearCounts(startTime, Y)]),
    ) as Record<Counted, YearCounts>;
    this.levels = Object.fromEntries(
      INTEGRATED.map((m) => [m, new YearIntegral(startTime, Y)]),
    ) as Record<Integrated, YearIntegral>;
    this.bedDaysBySegment = [1, 2, 3, 4].map(() => new YearIntegral(startTime, Y));
    this.dtocBySegment = [1, 2, 3, 4].map(() => new YearIntegral(startTime, Y));
    this.daily = Object.fromEntries(DAILY_SERIES.map((k) => [k, []])) as unknown as Record<
      DailyName,
      number[]
    >;
    this.dailyByHospital = Array.from({ length: options.hospitals }, () => []);
    this.dailyOccupancy = Array.from({ length: Y }, () => []);
    this.inSettings = options.settings ? [] : undefined;
  }

  /**
   * Changes the occupied acute beds by `delta` at `t` (total and the segment's).
   *
   * @param t Simulation time.
   * @param segment Need segment of the patient.
   * @param delta +1 or −1.
   */
  bedChange(t: number, segment: Segment, delta: number): void {
    this.levels.bed_days.add(t, delta);
    this.bedDaysBySegment[segment - 1]!.add(t, delta);
  }

  /**
   * Changes the delayed transfers in acute beds by `delta` at `t`.
   *
   * @param t Simulation time.
   * @param segment Need segment of the patient.
   * @param delta +1 or −1.
   */
  delayChange(t: number, segment: Segment, delta: number): void {
    this.levels.dtoc.add(t, delta);
    this.dtocBySegment[segment - 1]!.add(t, delta);
  }

  /**
   * Records the end-of-day snapshot of measured day `dayIndex`.
   *
   * @param dayIndex Measured day (0 = startDate).
   * @param values The day's values.
   * @param byHospital Occupied acute beds per site.
   * @param inSettings People in plugged-in settings.
   */
  snapshot(
    dayIndex: number,
    values: DaySnapshot,
    byHospital: readonly number[],
    inSettings = 0,
  ): void {
    this.inSettings?.push(inSettings);
    const d = this.daily;
    d.dayIndex.push(dayIndex);
    for (const k of DAILY_SERIES) if (k !== "dayIndex") d[k].push(values[k]);
    byHospital.forEach((n, i) => this.dailyByHospital[i]!.push(n));
    const y = Math.floor(dayIndex / 365);
    if (y < this.#years) this.dailyOccupancy[y]!.push(values.acuteOccupied);
  }

  /**
   * Counts an emergency admission from cohort cell `cell` at `t` (ignored outside the measured
   * years).
   *
   * @param t Simulation time.
   * @param cell Cohort cell the person was admitted from.
   */
  admittedFrom(t: number, cell: number): void {
    const y = Math.floor((t - this.#start) / 365);
    if (t < this.#start || y >= this.#years) return;
    const row = this.admissionsByCell[y]!;
    row[cell] = (row[cell] ?? 0) + 1;
  }

  /**
   * Adds the end-of-day people by cell of measured day `dayIndex` to its year's person-days.
   *
   * @param dayIndex Measured day (0 = startDate).
   * @param people People by cohort cell now.
   */
  cellDays(dayIndex: number, people: Float64Array): void {
    const row = this.personDaysByCell[Math.floor(dayIndex / 365)];
    if (!row) return;
    for (let c = 0; c < people.length; c++) row[c] = (row[c] ?? 0) + people[c]!;
  }

  /**
   * Notes a place count, keeping the smallest seen (the invariant: never negative).
   *
   * @param n A count of people in some place.
   */
  notePlaceCount(n: number): void {
    if (n < this.stays.minPlaceCount) this.stays.minPlaceCount = n;
  }

  /**
   * Closes every integral at `end`.
   *
   * @param end Simulation time of the end of the run.
   */
  finish(end: number): void {
    for (const l of Object.values(this.levels)) l.advance(end);
    for (const l of this.bedDaysBySegment) l.advance(end);
    for (const l of this.dtocBySegment) l.advance(end);
  }
}
