/**
 * The metric registry: every annual metric of the model, with its unit, kind, how years combine
 * into the whole horizon, a description, and how its value is read from a replication's
 * recording. The result types (`AnnualMetric`), the annual rows, the summary's units and order,
 * the report's labels and report/METRICS.md are all generated from this one list; a new metric
 * is one entry here.
 *
 * @module
 */

import { AGE_GROUPS } from "./population/age_groups.ts";
import type { Segment } from "./population/cells.ts";
import type { Counted, Integrated, Recorder } from "./recording/recorder.ts";
import { DERIVED_METRICS, type DerivedMetric } from "./costs/derived_metrics.ts";

/** What a metric measures. */
export type MetricKind =
  /** Events in the year (admissions, visits, starts). */
  | "count"
  /** A level of the year: a mean or percentile of beds, places, hours per week. */
  | "level"
  /** Time: bed days, hours waited, mean waits in days. */
  | "duration";

/** How annual values combine into the whole-horizon figure (`year = "all"`). */
export type YearAggregate = "sum" | "mean";

/** One registered metric. */
export interface MetricSpec<N extends string = string> {
  /** Stable snake_case name. */
  readonly name: N;
  /** Unit, snake_case. */
  readonly unit: string;
  /** What it measures. */
  readonly kind: MetricKind;
  /** `sum` for counts and totals, `mean` for levels and mean waits. */
  readonly aggregation: YearAggregate;
  /** One sentence for readers (METRICS.md, the report). */
  readonly description: string;
  /** A short human label for tables and charts (default: the name in words). */
  readonly label?: string;
  /** Also reported per need segment 1–4. */
  readonly segmented?: boolean;
  /** Position among the headline metrics (terminal table, report), if it is one. */
  readonly headline?: number;
  /**
   * The value of a model year (0-based) from a replication's recording, in total or for one
   * segment (segmented metrics only).
   */
  readonly value?: (record: Recorder, year: number, segment?: Segment) => number;
  /**
   * For a metric derived after the replication (costs, cohort size; `models/costs/`) instead of
   * read from the recording: its value from the year's other values (then `value` is absent).
   */
  readonly derive?: DerivedMetric["derive"];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/** Person-years in the cells of the age groups from index `from` on, in a model year. */
function peopleAged(r: Recorder, from: number, y: number): number {
  return AGE_GROUPS.slice(from).reduce((a, g) => a + personYears(r, g.people, y), 0);
}

/** Person-years of a level in a model year. */
function personYears(r: Recorder, level: Integrated, y: number): number {
  return r.levels[level].periodIntegral(y) / 365;
}

/** The recorded delayed-transfer levels of the four full-service causes. */
const DTOC_CAPACITY_LEVELS = [
  "dtoc_care_home",
  "dtoc_home_care",
  "dtoc_reablement",
  "dtoc_intermediate_care",
] as const;

/** A counted event, by year (and segment). */
function counted(name: Counted): MetricSpec["value"] {
  return (r, y, s) => r.counts[name].get(y, s === undefined ? undefined : s - 1);
}

/**
 * Every annual metric, in the order of the annual rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(METRICS.some((m) => m.name === "bed_days" && m.kind === "duration"));
 * ```
 */
export const METRICS: readonly MetricSpec<AnnualMetric>[] = [
  {
    name: "emergency_admissions",
    label: "Emergency admissions",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description: "Emergency admissions to acute (G&A) beds, all routes.",
    segmented: true,
    headline: 1,
    value: counted("emergency_admissions"),
  },
  {
    name: "emergency_admissions_averted",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description:
      "Admission candidates averted within the run (crisis response, step-up, care models).",
    segmented: true,
    value: counted("emergency_admissions_averted"),
  },
  {
    name: "ed_attendances",
    unit: "attendances",
    kind: "count",
    aggregation: "sum",
    description: "ED attendances.",
    segmented: true,
    value: counted("ed_attendances"),
  },
  {
    name: "gp_consultations",
    unit: "consultations",
    kind: "count",
    aggregation: "sum",
    description: "GP consultations given.",
    segmented: true,
    value: counted("gp_consultations"),
  },
  {
    name: "gp_unmet_demand",
    unit: "consultations",
    kind: "count",
    aggregation: "sum",
    description: "GP demand not met within the wait limit.",
    value: counted("gp_unmet_demand"),
  },
  {
    name: "gp_days_to_appointment_mean",
    unit: "days",
    kind: "duration",
    aggregation: "mean",
    description: "Mean wait for a GP appointment.",
    value: (r, y) => ratio(r.counts.gp_wait_days_total.get(y), r.counts.gp_consultations.get(y)),
  },
  {
    name: "bed_days",
    label: "Acute bed days",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "Acute bed days occupied (incl. delayed transfers).",
    segmented: true,
    headline: 2,
    value: (r, y, s) => (s ? r.bedDaysBySegment[s - 1]! : r.levels.bed_days).periodIntegral(y),
  },
  {
    name: "delayed_transfer_bed_days",
    label: "Delayed-transfer bed days",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "Bed days of medically fit patients waiting for their destination.",
    segmented: true,
    headline: 7,
    value: (r, y, s) => (s ? r.dtocBySegment[s - 1]! : r.levels.dtoc).periodIntegral(y),
  },
  {
    name: "readmissions_30d",
    unit: "readmissions",
    kind: "count",
    aggregation: "sum",
    description: "Emergency readmissions within 30 days.",
    segmented: true,
    value: counted("readmissions_30d"),
  },
  {
    name: "care_home_admissions",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description: "Permanent care-home admissions.",
    segmented: true,
    value: counted("care_home_admissions"),
  },
  {
    name: "care_home_admissions_from_hospital",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description: "… of which discharged from hospital.",
    value: counted("care_home_admissions_from_hospital"),
  },
  {
    name: "deaths_in_hospital",
    unit: "deaths",
    kind: "count",
    aggregation: "sum",
    description: "Deaths in an acute bed.",
    segmented: true,
    value: counted("deaths_in_hospital"),
  },
  {
    name: "deaths_elsewhere",
    unit: "deaths",
    kind: "count",
    aggregation: "sum",
    description: "Deaths at home or in a care home.",
    segmented: true,
    value: counted("deaths_elsewhere"),
  },
  {
    name: "ed_boarding_hours",
    label: "ED boarding hours",
    unit: "hours",
    kind: "duration",
    aggregation: "sum",
    description: "Hours admitted patients waited in ED for a bed.",
    headline: 6,
    value: counted("ed_boarding_hours"),
  },
  {
    name: "acute_occupied_beds_mean",
    label: "Occupied acute beds, mean",
    unit: "beds",
    kind: "level",
    aggregation: "mean",
    description: "Mean occupied acute beds (bed days ÷ 365).",
    headline: 3,
    value: (r, y) => r.levels.bed_days.periodIntegral(y) / 365,
  },
  {
    name: "acute_occupied_beds_p95",
    label: "Occupied acute beds, 95th-percentile day",
    unit: "beds",
    kind: "level",
    aggregation: "mean",
    description:
      "95th percentile of the year's end-of-day acute occupancy (linear interpolation, type 7).",
    headline: 4,
    value: (r, y) => r.dailyOccupancy[y]!.quantile(0.95),
  },
  {
    name: "acute_days_over_92pct",
    label: "Days above 92% acute occupancy",
    unit: "days",
    kind: "count",
    aggregation: "sum",
    description: "Days with acute occupancy above 92% of open beds.",
    headline: 5,
    value: counted("acute_days_over_92pct"),
  },
  {
    name: "care_home_occupied_mean",
    label: "Care-home places in use, mean",
    unit: "places",
    kind: "level",
    aggregation: "mean",
    description: "Mean care-home places occupied.",
    headline: 8,
    value: (r, y) => {
      const days = r.daily.careHomeOccupied.slice(y * 365, (y + 1) * 365);
      return days.reduce((a, b) => a + b, 0) / Math.max(1, days.length);
    },
  },
  {
    name: "home_care_hours_mean",
    label: "Home-care hours in use per week, mean",
    unit: "hours_per_week",
    kind: "level",
    aggregation: "mean",
    description:
      "Mean home-care hours per week in use (by segment: the holder's segment when the package began).",
    headline: 9,
    segmented: true,
    value: (r, y, s) =>
      (s ? r.segmentLevels.home_care_hours[s - 1]! : r.levels.home_care_hours).periodIntegral(y) /
      365,
  },
  {
    name: "intermediate_occupied_mean",
    unit: "beds",
    kind: "level",
    aggregation: "mean",
    description:
      "Mean intermediate-care beds occupied (by segment: the patient's segment when the stay began).",
    segmented: true,
    value: (r, y, s) =>
      (s ? r.segmentLevels.intermediate[s - 1]! : r.levels.intermediate).periodIntegral(y) / 365,
  },
  {
    name: "crisis_response_visits",
    unit: "visits",
    kind: "count",
    aggregation: "sum",
    description: "Same-day crisis-response home visits.",
    value: counted("crisis_response_visits"),
  },
  {
    name: "step_up_admissions",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description: "Step-up admissions to intermediate care instead of acute.",
    value: counted("step_up_admissions"),
  },
  {
    name: "district_nursing_visits",
    unit: "visits",
    kind: "count",
    aggregation: "sum",
    description: "District-nursing visits.",
    segmented: true,
    value: counted("district_nursing_visits"),
  },
  {
    name: "reablement_starts",
    unit: "episodes",
    kind: "count",
    aggregation: "sum",
    description: "Reablement episodes started.",
    segmented: true,
    value: counted("reablement_starts"),
  },
  {
    name: "home_care_package_starts",
    unit: "packages",
    kind: "count",
    aggregation: "sum",
    description: "Long-term home-care packages started.",
    value: counted("home_care_package_starts"),
  },
  {
    name: "intermediate_care_starts",
    unit: "admissions",
    kind: "count",
    aggregation: "sum",
    description: "Intermediate-care bed admissions (step-up and step-down).",
    value: counted("intermediate_care_starts"),
  },
  {
    name: "inter_site_transfers",
    unit: "transfers",
    kind: "count",
    aggregation: "sum",
    description: "Patients moved between acute sites.",
    value: counted("inter_site_transfers"),
  },
  {
    name: "utc_attendances",
    unit: "attendances",
    kind: "count",
    aggregation: "sum",
    description: "Urgent treatment centre attendances.",
    value: counted("utc_attendances"),
  },
  {
    name: "home_care_wait_days_mean",
    unit: "days",
    kind: "duration",
    aggregation: "mean",
    description: "Mean wait for a home-care package.",
    value: (r, y) =>
      ratio(r.counts.home_care_wait_days_total.get(y), r.counts.home_care_package_starts.get(y)),
  },
  {
    name: "care_home_wait_days_mean",
    unit: "days",
    kind: "duration",
    aggregation: "mean",
    description: "Mean wait for a care-home place.",
    value: (r, y) =>
      ratio(r.counts.care_home_wait_days_total.get(y), r.counts.care_home_admissions.get(y)),
  },
  {
    name: "acute_surge_bed_days",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description:
      "Bed days provided by surge beds opened under ED pressure (OPEL-style escalation).",
    value: (r, y) => r.levels.acute_surge_beds.periodIntegral(y),
  },
  {
    name: "acute_surge_openings",
    unit: "openings",
    kind: "count",
    aggregation: "sum",
    description: "Times a site opened its surge beds.",
    value: counted("acute_surge_openings"),
  },
  {
    name: "intermediate_care_alternatives",
    unit: "patients",
    kind: "count",
    aggregation: "sum",
    description:
      "Patients waiting in an acute bed for an intermediate-care bed who went home with home-based support instead.",
    value: counted("intermediate_care_alternatives"),
  },
  {
    name: "delayed_transfer_bed_days_arrangement",
    label: "Arranging a supported discharge",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description:
      "Delayed-transfer bed days spent while a supported discharge is arranged (assessment, funding, choice).",
    value: (r, y) => r.levels.dtoc_arrangement.periodIntegral(y),
  },
  {
    name: "delayed_transfer_bed_days_capacity",
    label: "Waiting for a full service",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description:
      "Delayed-transfer bed days spent waiting for room at a full downstream service (the four below).",
    value: (r, y) => DTOC_CAPACITY_LEVELS.reduce((a, l) => a + r.levels[l].periodIntegral(y), 0),
  },
  {
    name: "delayed_transfer_bed_days_care_home",
    label: "Waiting for a care-home place",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "… waiting for a care-home place.",
    value: (r, y) => r.levels.dtoc_care_home.periodIntegral(y),
  },
  {
    name: "delayed_transfer_bed_days_home_care",
    label: "Waiting for home care",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "… waiting for home-care hours.",
    value: (r, y) => r.levels.dtoc_home_care.periodIntegral(y),
  },
  {
    name: "delayed_transfer_bed_days_reablement",
    label: "Waiting for reablement",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "… waiting for a reablement slot.",
    value: (r, y) => r.levels.dtoc_reablement.periodIntegral(y),
  },
  {
    name: "delayed_transfer_bed_days_intermediate_care",
    label: "Waiting for an intermediate-care bed",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description: "… waiting for an intermediate-care bed.",
    value: (r, y) => r.levels.dtoc_intermediate_care.periodIntegral(y),
  },
  {
    name: "delayed_transfer_capacity_share",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description:
      "Share of delayed-transfer bed days spent waiting for a full downstream service rather than for arrangements.",
    value: (r, y) =>
      ratio(
        DTOC_CAPACITY_LEVELS.reduce((a, l) => a + r.levels[l].periodIntegral(y), 0),
        r.levels.dtoc.periodIntegral(y),
      ),
  },
  {
    name: "home_care_packages_ended_by_death",
    unit: "packages",
    kind: "count",
    aggregation: "sum",
    description: "Home-care packages that ended because their holder died.",
    value: counted("home_care_packages_ended_by_death"),
  },
  {
    name: "home_care_packages_ended_by_care_home",
    unit: "packages",
    kind: "count",
    aggregation: "sum",
    description: "Home-care packages that ended because their holder moved into a care home.",
    value: counted("home_care_packages_ended_by_care_home"),
  },
  {
    name: "home_care_waits_ended",
    unit: "people",
    kind: "count",
    aggregation: "sum",
    description:
      "People waiting at home for a home-care package who died or moved into a care home first.",
    value: counted("home_care_waits_ended"),
  },
  {
    name: "care_home_waits_ended",
    unit: "people",
    kind: "count",
    aggregation: "sum",
    description: "People waiting at home for a care-home place who died first.",
    value: counted("care_home_waits_ended"),
  },
  {
    name: "ed_attendances_after_gp_unmet",
    unit: "attendances",
    kind: "count",
    aggregation: "sum",
    description:
      "ED attendances by people whose GP request went unmet (part of ed_attendances, not extra).",
    value: counted("ed_attendances_after_gp_unmet"),
  },
  {
    name: "deaths",
    unit: "deaths",
    kind: "count",
    aggregation: "sum",
    description:
      "All-cause deaths wherever they happen (at home, in a care home, in hospital, in another setting), each counted once.",
    segmented: true,
    value: counted("deaths"),
  },
  {
    name: "deaths_per_1000",
    unit: "deaths_per_1000_people",
    kind: "level",
    aggregation: "mean",
    description: "Crude death rate: all-cause deaths per 1,000 person-years.",
    value: (r, y) =>
      1000 *
      ratio(r.counts.deaths.get(y), peopleAged(r, 0, y)),
  },
  ...AGE_GROUPS.map((group): MetricSpec<AnnualMetric> => ({
    name: `deaths_per_1000_aged_${group.id}` as AnnualMetric,
    unit: "deaths_per_1000_people",
    kind: "level",
    aggregation: "mean",
    description: `All-cause deaths per 1,000 person-years of people aged ${group.label}.`,
    value: (r, y) => 1000 * ratio(r.counts[group.deaths].get(y), personYears(r, group.people, y)),
  })),
  {
    name: "deaths_in_hospital_share",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Share of all-cause deaths that happen in an acute bed.",
    value: (r, y) => ratio(r.counts.deaths_in_hospital.get(y), r.counts.deaths.get(y)),
  },
  {
    name: "deaths_in_care_home_share",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Share of all-cause deaths that happen in a care home.",
    value: (r, y) => ratio(r.counts.deaths_in_care_home.get(y), r.counts.deaths.get(y)),
  },
  {
    name: "care_home_residents_share_65_plus",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Care-home residents as a share of people aged 65+ (person-years, in the home).",
    value: (r, y) =>
      ratio(
        personYears(r, "residents_aged_65_plus", y),
        peopleAged(r, 1, y),
      ),
  },
  {
    name: "care_home_residents_share_85_plus",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Care-home residents as a share of people aged 85+ (person-years, in the home).",
    value: (r, y) =>
      ratio(personYears(r, "residents_aged_85_plus", y), personYears(r, "people_aged_85_plus", y)),
  },
  {
    name: "care_home_residents_share_of_admissions_65_plus",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Care-home residents' share of the emergency admissions of people aged 65+.",
    value: (r, y) =>
      ratio(
        r.counts.emergency_admissions_care_home_residents.get(y),
        r.counts.emergency_admissions_aged_65_plus.get(y),
      ),
  },
  {
    name: "acute_zero_day_share",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description: "Share of the acute stays ending in the year that lasted under a day in the bed.",
    value: (r, y) => ratio(r.counts.acute_stays_zero_day.get(y), r.counts.acute_stays_ended.get(y)),
  },
  {
    name: "acute_over_21_days_share_65_plus",
    unit: "share",
    kind: "level",
    aggregation: "mean",
    description:
      "Share of the acute stays of people 65+ ending in the year that lasted over 21 days in the bed (delays included).",
    value: (r, y) =>
      ratio(
        r.counts.acute_stays_over_21_days_aged_65_plus.get(y),
        r.counts.acute_stays_ended_aged_65_plus.get(y),
      ),
  },
  ...DERIVED_METRICS as readonly MetricSpec<AnnualMetric>[],
];

/**
 * An annual metric name: one per entry of {@linkcode METRICS}, written out so the public API
 * has an explicit type (a test checks that the two agree).
 */
export type AnnualMetric =
  | "emergency_admissions"
  | "emergency_admissions_averted"
  | "ed_attendances"
  | "gp_consultations"
  | "gp_unmet_demand"
  | "gp_days_to_appointment_mean"
  | "bed_days"
  | "delayed_transfer_bed_days"
  | "readmissions_30d"
  | "care_home_admissions"
  | "care_home_admissions_from_hospital"
  | "deaths_in_hospital"
  | "deaths_elsewhere"
  | "ed_boarding_hours"
  | "acute_occupied_beds_mean"
  | "acute_occupied_beds_p95"
  | "acute_days_over_92pct"
  | "care_home_occupied_mean"
  | "home_care_hours_mean"
  | "intermediate_occupied_mean"
  | "crisis_response_visits"
  | "step_up_admissions"
  | "district_nursing_visits"
  | "reablement_starts"
  | "home_care_package_starts"
  | "intermediate_care_starts"
  | "inter_site_transfers"
  | "utc_attendances"
  | "home_care_wait_days_mean"
  | "care_home_wait_days_mean"
  | "acute_surge_bed_days"
  | "acute_surge_openings"
  | "intermediate_care_alternatives"
  | "delayed_transfer_bed_days_arrangement"
  | "delayed_transfer_bed_days_capacity"
  | "delayed_transfer_bed_days_care_home"
  | "delayed_transfer_bed_days_home_care"
  | "delayed_transfer_bed_days_reablement"
  | "delayed_transfer_bed_days_intermediate_care"
  | "delayed_transfer_capacity_share"
  | "home_care_packages_ended_by_death"
  | "home_care_packages_ended_by_care_home"
  | "home_care_waits_ended"
  | "care_home_waits_ended"
  | "ed_attendances_after_gp_unmet"
  | "deaths"
  | "deaths_per_1000"
  | "deaths_per_1000_aged_0_64"
  | "deaths_per_1000_aged_65_74"
  | "deaths_per_1000_aged_75_84"
  | "deaths_per_1000_aged_85_plus"
  | "deaths_in_hospital_share"
  | "deaths_in_care_home_share"
  | "care_home_residents_share_65_plus"
  | "care_home_residents_share_85_plus"
  | "care_home_residents_share_of_admissions_65_plus"
  | "acute_zero_day_share"
  | "acute_over_21_days_share_65_plus"
  | "cost_acute"
  | "cost_delayed_bed_days"
  | "cost_ed"
  | "cost_gp"
  | "cost_community"
  | "cost_intermediate_care"
  | "cost_reablement"
  | "cost_home_care"
  | "cost_care_homes"
  | "cost_care_model_staff"
  | "cost_total"
  | "d2a_occupied_mean"
  | "d2a_delayed_bed_days"
  | "d2a_days_waiting_at_home"
  | "d2a_reneged"
  | "cost_d2a_delayed_days"
  | "cohort_person_years"
  | "cohort_cost_per_person_year"
  | "cohort_emergency_admissions_per_1000"
  | "cohort_bed_days_per_1000"
  | "cohort_days_at_home_per_person_year"
  | "cohort_deaths_in_hospital_share"
  | "care_model_cohort_people_mean";

/**
 * Stable snake_case names of annual metrics, in row order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(ANNUAL_METRICS.includes("emergency_admissions"));
 * ```
 */
export const ANNUAL_METRICS: readonly AnnualMetric[] = METRICS.map((m) => m.name);

/**
 * Metrics that are also reported per segment (1–4) as well as in total.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(SEGMENTED_METRICS.includes("bed_days"));
 * ```
 */
export const SEGMENTED_METRICS: readonly AnnualMetric[] = METRICS
  .filter((m: MetricSpec) => m.segmented).map((m) => m.name);

/**
 * Headline metrics, in display order (terminal table and report).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(HEADLINE_METRICS[0], "emergency_admissions");
 * ```
 */
export const HEADLINE_METRICS: readonly AnnualMetric[] = METRICS
  .filter((m: MetricSpec) => m.headline !== undefined)
  .sort((a: MetricSpec, b: MetricSpec) => a.headline! - b.headline!)
  .map((m) => m.name);

/**
 * The registered metric of a name, if any.
 *
 * @param name Metric name.
 * @returns Its spec, or undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(metricSpec("bed_days")?.unit, "bed_days");
 * ```
 */
export function metricSpec(name: string): MetricSpec | undefined {
  return METRICS.find((m) => m.name === name);
}
