/**
 * The per-replication result contract of the whole-system model. Plain data only (numbers,
 * strings, arrays, plain objects), so it is structured-cloneable (it crosses Web Workers) and
 * JSON-serialisable byte-for-byte deterministically. Stable: fields are only ever added.
 *
 * Time: `dayIndex` 0 is `startDate` (after any warm-up); a model year is 365 days, year 1 =
 * days 0–364. Daily series are sampled at the end of each day (after that day's events).
 *
 * @module
 */

import type { AnnualMetric } from "./metric_registry.ts";
import type { SettingMetric } from "./settings/setting.ts";
import type { CohortEventRow } from "./interventions/cohort_watch.ts";

export { ANNUAL_METRICS, type AnnualMetric, SEGMENTED_METRICS } from "./metric_registry.ts";

/** One annual figure. Rows without `segment` are totals. */
export interface AnnualRow {
  /** Model year, 1-based. */
  year: number;
  /** Metric name (a registered metric, or one a plugged-in setting adds). */
  metric: AnnualMetric | (string & Record<never, never>);
  /** Need segment 1–4, for the per-segment breakdown of a {@linkcode SEGMENTED_METRICS} metric. */
  segment?: 1 | 2 | 3 | 4;
  /** The value (counts, days, hours, beds as named). */
  value: number;
}

/** Daily series, columnar: element i is day `dayIndex[i]`. */
export interface DailySeries {
  /** Day index from `startDate` (0, 1, 2, …). */
  dayIndex: number[];
  /** Occupied acute beds (incl. delayed transfers), all sites. */
  acuteOccupied: number[];
  /** Occupied acute beds per site id. */
  acuteOccupiedByHospital: Record<string, number[]>;
  /** Acute bed capacity open (base + escalation), all sites. */
  acuteCapacity: number[];
  /** Patients boarding in ED waiting for a bed. */
  edBoarders: number[];
  /** Medically fit patients still in an acute bed waiting for their destination. */
  delayedTransfers: number[];
  /** Intermediate-care beds occupied. */
  intermediateOccupied: number[];
  /** Intermediate-care bed capacity. */
  intermediateCapacity: number[];
  /** Care-home places occupied (residents at home in the care home or away in hospital). */
  careHomeOccupied: number[];
  /** Care-home places. */
  careHomeCapacity: number[];
  /** Home-care hours per week in use by running packages. */
  homeCareHoursInUse: number[];
  /** Home-care hours per week available. */
  homeCareCapacityHours: number[];
  /** People alive and registered (everywhere). */
  population: number[];
  /** People living at home (in the community, incl. those receiving home services). */
  atHome: number[];
  /** Care-home residents physically in the home. */
  inCareHome: number[];
  /** People in plugged-in settings (only when there are any). */
  inSettings?: number[];
}

/** Population accounting over the measured period (day 0 to the end). */
export interface PopulationAccount {
  /** People at day 0. */
  start: number;
  /** People at the end. */
  end: number;
  /** New registrations (births, moves in). */
  entries: number;
  /** Deaths anywhere. */
  deaths: number;
  /** Start size by age band id. */
  startByBand: Record<string, number>;
  /** End size by age band id. */
  endByBand: Record<string, number>;
}

/** Figures `checkInvariants` needs beyond the series. */
export interface Accounting {
  /** True when the run had no capacity limits (Little's law check applies). */
  unconstrained: boolean;
  /** Whether occupancy above the scheduled capacity is allowed (never, in this model). */
  allowOverCapacity: boolean;
  /** Acute bed-days, time-integral of occupancy over the measured period. */
  bedDaysFromOccupancy: number;
  /** Acute bed-days, sum over stays of their time in a bed within the measured period. */
  bedDaysFromStays: number;
  /** Acute stays that began in the measured period. */
  staysStarted: number;
  /** Mean time in an acute bed of stays that began and ended in the measured period, days. */
  meanStayDays: number;
  /** Mean occupied acute beds over the measured period. */
  meanOccupied: number;
  /** Measured days. */
  days: number;
  /** Smallest count seen in any place (must be ≥ 0). */
  minPlaceCount: number;
  /** Times occupancy exceeded capacity at an event (must be 0). */
  overCapacityEvents: number;
}

/** Admissions averted and credited to one care model (tag) in one year. */
export interface AvertedRow {
  /** Model year, 1-based. */
  year: number;
  /** Care-model tag. */
  careModel: string;
  /** Cohort label of the care model. */
  cohort: string;
  /** Need segment of the people averted; rows without it are totals. */
  segment?: 1 | 2 | 3 | 4;
  /** Admissions averted. */
  count: number;
}

/** Averted admissions by where they went instead, per care model and year. */
export interface DisplacedRow {
  /** Model year, 1-based. */
  year: number;
  /** Care-model tag. */
  careModel: string;
  /** "crisisResponse", "stepUpBed", "urgentTreatmentCentre", "gp" or "none". */
  destination: string;
  /** Averted admissions sent there. */
  count: number;
}

/** Size of a care model's cohort in one year. */
export interface CohortRow {
  /** Model year, 1-based. */
  year: number;
  /** Care-model tag. */
  careModel: string;
  /** Cohort label. */
  cohort: string;
  /** Mean people in the cohort over the year. */
  peopleMean: number;
  /** Mean people × ramp-up fraction (the enrolled-equivalent caseload). */
  enrolledMean: number;
}

/** Per-care-model accounting, present when the run had care models. */
export interface InterventionAccount {
  /** Averted admissions credited to each care model (direct effects; knock-on changes such as
   * fewer readmissions are only in the baseline − scenario difference). */
  averted: AvertedRow[];
  /** Where they went instead. */
  displacement: DisplacedRow[];
  /** Cohort sizes. */
  cohorts: CohortRow[];
}

/** The result of one replication. */
export interface ReplicationResult {
  /** Replication index. */
  replication: number;
  /** Master seed. */
  seed: number;
  /** Variant label ("baseline" or an intervention set's name). */
  variant: string;
  /** Scenario name. */
  scenario: string;
  /** Calendar date of day 0 (YYYY-MM-DD). */
  startDate: string;
  /** Years simulated after warm-up. */
  years: number;
  /** Age band ids, in order. */
  ageBands: string[];
  /** Hospital ids, in order. */
  hospitals: string[];
  /** Daily series. */
  daily: DailySeries;
  /** Annual figures. */
  annual: AnnualRow[];
  /** Population accounting. */
  population: PopulationAccount;
  /** Accounting for invariant checks. */
  accounting: Accounting;
  /** Per-care-model accounting (only when care models were applied). */
  interventions?: InterventionAccount;
  /** Metrics added by plugged-in settings (only when there were any). */
  settingMetrics?: SettingMetric[];
  /** Person-days by year, segment and residence (not counting days in a hospital bed). */
  personDays?: PersonDaysRow[];
  /**
   * People reached by watched care models (an option's, or its shadow in the baseline), with
   * their ED attendances and emergency admissions, by year and group (`CohortWatch`).
   */
  cohortEvents?: CohortEventRow[];
}

/** Person-days of one segment in one residence in one year. */
export interface PersonDaysRow {
  /** Model year, 1-based. */
  year: number;
  /** Need segment 1–4. */
  segment: 1 | 2 | 3 | 4;
  /** Where the people lived. */
  residence: "home" | "careHome";
  /** Σ over days of people. */
  personDays: number;
}

/**
 * Looks up one annual value (a total unless `segment` is given); 0 when absent.
 *
 * @param result A replication result.
 * @param metric Metric name.
 * @param options `year` (1-based; omitted = sum over years) and `segment`.
 * @returns The value.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = { annual: [{ year: 1, metric: "bed_days", value: 5 }, { year: 2, metric: "bed_days", value: 7 }] };
 * assert.equal(annualValue(r as never, "bed_days"), 12);
 * assert.equal(annualValue(r as never, "bed_days", { year: 2 }), 7);
 * ```
 */
export function annualValue(
  result: Pick<ReplicationResult, "annual">,
  metric: AnnualMetric,
  options: { year?: number; segment?: 1 | 2 | 3 | 4 } = {},
): number {
  let sum = 0;
  for (const row of result.annual) {
    if (row.metric !== metric || row.segment !== options.segment) continue;
    if (options.year !== undefined && row.year !== options.year) continue;
    sum += row.value;
  }
  return sum;
}
