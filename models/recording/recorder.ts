/**
 * The model's recording part, built on the engine's monitors: annual counts (a
 * `PeriodCounter` per counted event, one period per model year, one category per need
 * segment), time integrals of levels split at year boundaries (a `TimeWeighted` with the model
 * years as its periods), end-of-day acute occupancy per year (a `Tally` per year, for the p95),
 * the end-of-day daily series and the stay accounting the invariant checks read. Passive: the
 * other parts report to it; it never reaches into them.
 *
 * Reporting to it:
 * - a counted event: `record.counts.<name>.add(now, amount, segment - 1)` (the category is the
 *   segment's index, 0–3; leave it out for the total only);
 * - a level change at the current time: `record.levels.<name>.add(delta)` (the monitor reads the
 *   time from the simulation's clock);
 * - a new counted event or level: one name in `COUNTED` or `INTEGRATED` below.
 *
 * @module
 */

import { type Clock, PeriodCounter, type Periods, Tally, TimeWeighted } from "../../sim/mod.ts";
import type { Segment } from "../population/cells.ts";

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
  "home_care_packages_ended_by_death",
  "home_care_packages_ended_by_care_home",
  "home_care_waits_ended",
  "care_home_waits_ended",
  "ed_attendances_after_gp_unmet",
  "deaths",
  "deaths_in_care_home",
  "deaths_aged_0_64",
  "deaths_aged_65_74",
  "deaths_aged_75_84",
  "deaths_aged_85_plus",
  "emergency_admissions_care_home_residents",
  "emergency_admissions_aged_65_plus",
  "acute_stays_ended",
  "acute_stays_zero_day",
  "acute_stays_ended_aged_65_plus",
  "acute_stays_over_21_days_aged_65_plus",
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
  "dtoc_arrangement",
  "dtoc_care_home",
  "dtoc_home_care",
  "dtoc_reablement",
  "dtoc_intermediate_care",
  "people_aged_0_64",
  "people_aged_65_74",
  "people_aged_75_84",
  "people_aged_85_plus",
  "residents_aged_65_plus",
  "residents_aged_85_plus",
] as const;

/** An integrated level's name. */
export type Integrated = typeof INTEGRATED[number];

/** Integrated levels also kept by the need segment of the person they belong to. */
export type SegmentLevel = "intermediate" | "home_care_hours";

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

/** Need segments, the categories of the annual counts (category = segment − 1). */
const SEGMENTS = 4;

/** The recording part of one replication (see the module doc). */
export class Recorder {
  /** The measured model years: 365-day periods from the end of the warm-up. */
  readonly years: Periods;
  /** Annual counts by name, in total and by segment (category = segment − 1). */
  readonly counts: Record<Counted, PeriodCounter>;
  /** Levels by name; `periodIntegral(y)` is the level × days of model year `y`. */
  readonly levels: Record<Integrated, TimeWeighted>;
  /** Occupied acute beds by segment (index 0 = segment 1). */
  readonly bedDaysBySegment: TimeWeighted[];
  /** Delayed transfers in acute beds by segment (index 0 = segment 1). */
  readonly dtocBySegment: TimeWeighted[];
  /**
   * Occupied intermediate-care beds and home-care hours in use by the segment of the person
   * when their stay or package began (index 0 = segment 1); see `segmentLevelChange`.
   */
  readonly segmentLevels: Record<SegmentLevel, TimeWeighted[]>;
  /** Daily series. */
  readonly daily: Record<DailyName, number[]>;
  /** Daily occupied beds per hospital. */
  readonly dailyByHospital: number[][];
  /** End-of-day acute occupancy per model year (samples for percentiles). */
  readonly dailyOccupancy: Tally[];
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

  /**
   * @param clock The simulation (levels change at its `now`).
   * @param options `startDays` (end of the warm-up, day 0 of year 0), `years` measured, number
   *   of `hospitals`, and whether plugged-in `settings` are counted.
   */
  constructor(
    clock: Clock,
    options: { startDays: number; years: number; hospitals: number; settings?: boolean },
  ) {
    const Y = options.years;
    const years: Periods = { startDays: options.startDays, lengthDays: 365, count: Y };
    this.years = years;
    this.admissionsByCell = Array.from({ length: Y }, () => []);
    this.personDaysByCell = Array.from({ length: Y }, () => []);
    this.counts = Object.fromEntries(
      COUNTED.map((m) => [m, new PeriodCounter({ periods: years, categories: SEGMENTS })]),
    ) as Record<Counted, PeriodCounter>;
    const level = () => new TimeWeighted(clock, { periods: years });
    this.levels = Object.fromEntries(INTEGRATED.map((m) => [m, level()])) as Record<
      Integrated,
      TimeWeighted
    >;
    this.bedDaysBySegment = Array.from({ length: SEGMENTS }, level);
    this.dtocBySegment = Array.from({ length: SEGMENTS }, level);
    this.segmentLevels = {
      intermediate: Array.from({ length: SEGMENTS }, level),
      home_care_hours: Array.from({ length: SEGMENTS }, level),
    };
    this.daily = Object.fromEntries(DAILY_SERIES.map((k) => [k, []])) as unknown as Record<
      DailyName,
      number[]
    >;
    this.dailyByHospital = Array.from({ length: options.hospitals }, () => []);
    this.dailyOccupancy = Array.from({ length: Y }, () => new Tally());
    this.inSettings = options.settings ? [] : undefined;
  }

  /**
   * Changes the occupied acute beds by `delta` now (total and the segment's).
   *
   * @param segment Need segment of the patient.
   * @param delta +1 or −1.
   */
  bedChange(segment: Segment, delta: number): void {
    this.levels.bed_days.add(delta);
    this.bedDaysBySegment[segment - 1]!.add(delta);
  }

  /**
   * Changes the delayed transfers in acute beds by `delta` now.
   *
   * @param segment Need segment of the patient.
   * @param delta +1 or −1.
   */
  delayChange(segment: Segment, delta: number): void {
    this.levels.dtoc.add(delta);
    this.dtocBySegment[segment - 1]!.add(delta);
  }

  /**
   * Changes a level kept by segment (`segmentLevels`) by `delta` now: the total and, when the
   * person's segment is known, the segment's.
   *
   * @param level `intermediate` (beds occupied) or `home_care_hours` (hours per week in use).
   * @param segment Need segment of the person, or undefined when no one is known (a census
   *   package with nobody at home to hold it).
   * @param delta The change.
   */
  segmentLevelChange(level: SegmentLevel, segment: Segment | undefined, delta: number): void {
    this.levels[level].add(delta);
    if (segment !== undefined) this.segmentLevels[level][segment - 1]!.add(delta);
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
    if (y < this.years.count) this.dailyOccupancy[y]!.add(values.acuteOccupied);
  }

  /**
   * Counts an emergency admission from cohort cell `cell` at `t` (ignored outside the measured
   * years).
   *
   * @param t Simulation time.
   * @param cell Cohort cell the person was admitted from.
   */
  admittedFrom(t: number, cell: number): void {
    const { startDays, count } = this.years;
    const y = Math.floor((t - startDays) / 365);
    if (t < startDays || y >= count) return;
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
}
