/**
 * Annual metrics derived after a replication from its other annual values, the staff its care
 * models need and the scenario's `costs` block: cost by setting, the care models' staff cost,
 * the total, and the size of the care models' cohorts. They are registered in the metric
 * registry like every other metric (so they reach annual.csv, summary.csv, summary.json and
 * METRICS.md); an option's net cost is the registry's paired "avoided" figure of `cost_total`
 * (baseline − option: positive = a saving after paying for its staff and capacity).
 *
 * @module
 */

import type { Costs } from "../../scenarios/costs_schema.ts";
import type { StaffGroup } from "../../scenarios/care_model_schema.ts";

/** What a derived metric reads, for one year of one replication. */
export interface DerivedInputs {
  /** An annual value of the replication (total, all segments) in the year. */
  value(metric: string): number;
  /** An annual value for one need segment (segmented metrics), in the year. */
  segmentValue(metric: string, segment: 1 | 2 | 3 | 4): number;
  /** Person-days of a segment in the year, at home or in a care home (not in hospital). */
  personDays(segment: 1 | 2 | 3 | 4, residence: "home" | "careHome"): number;
  /** The mean of a daily series over the year. */
  dailyMean(series: "intermediateCapacity"): number;
  /** FTE the care models add, by staff group (empty for the baseline). */
  careModelFte: Partial<Record<StaffGroup, number>>;
  /** Mean people in the care models' cohorts (summed over care models). */
  cohortPeople: number;
  /** The scenario's costs block. */
  costs: Costs;
  /** Discharge-to-assess pathways (the `pathways` block), summed over pathways. */
  pathways: {
    occupiedMean: number;
    waitingInAcuteDays: number;
    waitingAtHomeDays: number;
    reneged: number;
  };
}

/** A derived annual metric. */
export interface DerivedMetric {
  /** Stable snake_case name. */
  readonly name: string;
  /** Unit, snake_case. */
  readonly unit: string;
  /** What it measures. */
  readonly kind: "count" | "level" | "duration";
  /** How years combine. */
  readonly aggregation: "sum" | "mean";
  /** One sentence for readers. */
  readonly description: string;
  /** The year's value. */
  readonly derive: (inputs: DerivedInputs) => number;
  /** Also reported per need segment 1–4 (then `deriveSegment` gives a segment's value). */
  readonly segmented?: boolean;
  /** The year's value for one need segment (segmented metrics only). */
  readonly deriveSegment?: (inputs: DerivedInputs, segment: 1 | 2 | 3 | 4) => number;
}

const WEEKS_PER_YEAR = 365 / 7;

type Segment = 1 | 2 | 3 | 4;

/**
 * Person-days of a segment in the year: at home, in a care home, in an acute bed (its bed days)
 * and in an intermediate-care bed (people in a bed are out of the population's cells).
 */
function segmentPersonDays(i: DerivedInputs, s: Segment): number {
  return i.personDays(s, "home") + i.personDays(s, "careHome") +
    i.segmentValue("bed_days", s) + i.segmentValue("intermediate_occupied_mean", s) * 365;
}

/**
 * What a segment's people cost in the year, £, across every setting: emergency admissions,
 * acute and delayed bed days, ED attendances, GP consultations, district-nursing visits,
 * intermediate-care bed days occupied, reablement episodes, home-care hours and care-home
 * weeks, each × its unit cost. Intermediate care is costed per occupied bed day here (the
 * cohort's use), not per open bed as in `cost_intermediate_care` (the area's block contract).
 */
function segmentCost(i: DerivedInputs, s: Segment): number {
  const u = i.costs.unitCosts;
  const v = (m: string) => i.segmentValue(m, s);
  const delayed = v("delayed_transfer_bed_days");
  return v("emergency_admissions") * u.emergencyAdmission +
    (v("bed_days") - delayed) * u.acuteBedDay + delayed * u.delayedBedDay +
    v("ed_attendances") * u.edAttendance +
    v("gp_consultations") * u.gpConsultation +
    v("district_nursing_visits") * u.districtNursingVisit +
    v("intermediate_occupied_mean") * 365 * u.intermediateCareBedDay +
    v("reablement_starts") * u.reablementEpisode +
    v("home_care_hours_mean") * WEEKS_PER_YEAR * u.homeCareHour +
    i.personDays(s, "careHome") * u.careHomeWeek / 7;
}

/** The commissioner's cohort in one year. */
interface CohortYear {
  /** Σ of a segmented metric over the cohort's segments. */
  sum(metric: string): number;
  /** Person-years of the cohort's segments (`segmentPersonDays` ÷ 365). */
  personYears: number;
  /** Person-days at home. */
  homeDays: number;
  /** A segmented metric per person-year. */
  perPersonYear(metric: string): number;
}

function cohortYear(i: DerivedInputs): CohortYear {
  const segments = i.costs.cohort.segments;
  const sum = (metric: string) => segments.reduce((a, s) => a + i.segmentValue(metric, s), 0);
  const homeDays = segments.reduce((a, s) => a + i.personDays(s, "home"), 0);
  const personYears = segments.reduce((a, s) => a + segmentPersonDays(i, s), 0) / 365;
  return {
    sum,
    personYears,
    homeDays,
    perPersonYear: (m) => (personYears > 0 ? sum(m) / personYears : 0),
  };
}

/** A metric of the commissioner's cohort (a level: years combine by their mean). */
function cohortMetric(
  name: string,
  unit: string,
  kind: DerivedMetric["kind"],
  description: string,
  of: (c: CohortYear, i: DerivedInputs) => number,
): DerivedMetric {
  return {
    name,
    unit,
    kind,
    aggregation: "mean",
    description,
    derive: (i) => of(cohortYear(i), i),
  };
}

/** Cost of one setting in a year, £. */
function setting(name: string, description: string, derive: DerivedMetric["derive"]) {
  return {
    name,
    unit: "gbp",
    kind: "count",
    aggregation: "sum",
    description,
    derive,
  } as const satisfies DerivedMetric;
}

const BY_SETTING: readonly DerivedMetric[] = [
  setting(
    "cost_acute",
    "Acute cost, £: emergency admissions × costs.unitCosts.emergencyAdmission + bed days not delayed × acuteBedDay.",
    (i) =>
      i.value("emergency_admissions") * i.costs.unitCosts.emergencyAdmission +
      (i.value("bed_days") - i.value("delayed_transfer_bed_days")) *
        i.costs.unitCosts.acuteBedDay,
  ),
  setting(
    "cost_delayed_bed_days",
    "Cost of delayed transfers of care, £: delayed bed days × costs.unitCosts.delayedBedDay.",
    (i) => i.value("delayed_transfer_bed_days") * i.costs.unitCosts.delayedBedDay,
  ),
  setting(
    "cost_ed",
    "ED cost, £: attendances × costs.unitCosts.edAttendance.",
    (i) => i.value("ed_attendances") * i.costs.unitCosts.edAttendance,
  ),
  setting(
    "cost_gp",
    "GP cost, £: consultations × costs.unitCosts.gpConsultation.",
    (i) => i.value("gp_consultations") * i.costs.unitCosts.gpConsultation,
  ),
  setting(
    "cost_community",
    "Community cost, £: district-nursing visits × districtNursingVisit + crisis-response visits × crisisResponseVisit.",
    (i) =>
      i.value("district_nursing_visits") * i.costs.unitCosts.districtNursingVisit +
      i.value("crisis_response_visits") * i.costs.unitCosts.crisisResponseVisit,
  ),
  setting(
    "cost_intermediate_care",
    "Intermediate-care cost, £: open beds (block-funded, used or not) × 365 × intermediateCareBedDay.",
    (i) => i.dailyMean("intermediateCapacity") * 365 * i.costs.unitCosts.intermediateCareBedDay,
  ),
  setting(
    "cost_reablement",
    "Reablement cost, £: episodes started × costs.unitCosts.reablementEpisode.",
    (i) => i.value("reablement_starts") * i.costs.unitCosts.reablementEpisode,
  ),
  setting(
    "cost_home_care",
    "Home-care cost, £: mean hours per week in use × 365/7 × homeCareHour.",
    (i) => i.value("home_care_hours_mean") * WEEKS_PER_YEAR * i.costs.unitCosts.homeCareHour,
  ),
  setting(
    "cost_care_homes",
    "Care-home cost, £: mean places occupied × 365/7 × careHomeWeek.",
    (i) => i.value("care_home_occupied_mean") * WEEKS_PER_YEAR * i.costs.unitCosts.careHomeWeek,
  ),
  setting(
    "cost_care_model_staff",
    "Cost of the staff the care models add, £: their FTE by staff group × costs.ftePerYear (0 in the baseline).",
    (i) =>
      Object.entries(i.careModelFte).reduce(
        (a, [g, fte]) => a + (fte ?? 0) * i.costs.ftePerYear[g as StaffGroup],
        0,
      ),
  ),
];

/**
 * Every derived metric, in row order: cost by setting, the total, the cohort size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(DERIVED_METRICS.some((m) => m.name === "cost_total"));
 * ```
 */
export const DERIVED_METRICS: readonly DerivedMetric[] = [
  ...BY_SETTING,
  setting(
    "cost_total",
    "Cost across every setting plus the care models' staff, £; its avoided figure is an option's net saving (baseline − option; negative = net cost).",
    (i) => BY_SETTING.reduce((a, m) => a + m.derive(i), 0),
  ),
  {
    name: "d2a_occupied_mean",
    unit: "places",
    kind: "level",
    aggregation: "mean",
    description:
      "Discharge-to-assess pathways (the pathways block): mean visit slots and beds occupied, all localities.",
    derive: (i) => i.pathways.occupiedMean,
  },
  {
    name: "d2a_delayed_bed_days",
    unit: "bed_days",
    kind: "duration",
    aggregation: "sum",
    description:
      "Discharge-to-assess pathways: days patients waited for a place in their acute bed (waitAt acute).",
    derive: (i) => i.pathways.waitingInAcuteDays,
  },
  {
    name: "d2a_days_waiting_at_home",
    unit: "days",
    kind: "duration",
    aggregation: "sum",
    description:
      "Discharge-to-assess pathways: days patients waited at home for their assessment or service (waitAt home).",
    derive: (i) => i.pathways.waitingAtHomeDays,
  },
  {
    name: "d2a_reneged",
    unit: "patients",
    kind: "count",
    aggregation: "sum",
    description: "Discharge-to-assess pathways: waiting patients who gave up (reneging on).",
    derive: (i) => i.pathways.reneged,
  },
  setting(
    "cost_d2a_delayed_days",
    "Cost of the discharge-to-assess pathways' delayed days, £: d2a_delayed_bed_days × costs.unitCosts.delayedBedDay (not in cost_total: the pathways run beside the whole-system model).",
    (i) => i.pathways.waitingInAcuteDays * i.costs.unitCosts.delayedBedDay,
  ),
  cohortMetric(
    "cohort_person_years",
    "person_years",
    "level",
    "The commissioner's cohort (costs.cohort, segments 3–4 by default): person-years lived in the year, at home, in a care home, in an acute bed or in an intermediate-care bed.",
    (c) => c.personYears,
  ),
  {
    name: "cohort_cost_per_person_year",
    unit: "gbp_per_person_year",
    kind: "level",
    aggregation: "mean",
    description:
      "The cohort's cost per person-year, £ (the figure a capitated budget is set from): its emergency admissions, acute and delayed bed days, ED attendances, GP consultations, district-nursing visits, intermediate-care bed days, reablement episodes, home-care hours and care-home weeks at their unit costs, ÷ its person-years; by segment, the same for each segment's people (intermediate care and home care by the segment when the stay or package began).",
    segmented: true,
    derive: (i) => {
      const segments = i.costs.cohort.segments;
      const days = segments.reduce((a, s) => a + segmentPersonDays(i, s), 0);
      const cost = segments.reduce((a, s) => a + segmentCost(i, s), 0);
      return days > 0 ? cost / (days / 365) : 0;
    },
    deriveSegment: (i, s) => {
      const days = segmentPersonDays(i, s);
      return days > 0 ? segmentCost(i, s) / (days / 365) : 0;
    },
  },
  cohortMetric(
    "cohort_emergency_admissions_per_1000",
    "admissions_per_1000_person_years",
    "level",
    "The cohort's emergency admissions per 1,000 person-years.",
    (c) => c.perPersonYear("emergency_admissions") * 1000,
  ),
  cohortMetric(
    "cohort_bed_days_per_1000",
    "bed_days_per_1000_person_years",
    "level",
    "The cohort's acute bed days per 1,000 person-years.",
    (c) => c.perPersonYear("bed_days") * 1000,
  ),
  cohortMetric(
    "cohort_days_at_home_per_person_year",
    "days_per_person_year",
    "level",
    "The cohort's days at home (alive, not in hospital or a care home) per person-year.",
    (c) => (c.personYears > 0 ? c.homeDays / c.personYears : 0),
  ),
  cohortMetric(
    "cohort_deaths_in_hospital_share",
    "share",
    "level",
    "Share of the cohort's deaths that happen in hospital (the rest at home or in a care home).",
    (c) => {
      const inHospital = c.sum("deaths_in_hospital");
      const all = inHospital + c.sum("deaths_elsewhere");
      return all > 0 ? inHospital / all : 0;
    },
  ),
  {
    name: "care_model_cohort_people_mean",
    unit: "people",
    kind: "level",
    aggregation: "mean",
    description:
      "Mean people in the care models' cohorts over the year (summed over care models; 0 in the baseline).",
    derive: (i) => i.cohortPeople,
  },
];

/**
 * Metrics that describe what a care model is (its cohort, its own staff) rather than what it
 * changes: a care model with no effect still differs from the baseline in these.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(CARE_MODEL_INPUT_METRICS.includes("cost_care_model_staff"));
 * ```
 */
export const CARE_MODEL_INPUT_METRICS: readonly string[] = [
  "cost_care_model_staff",
  "cost_total",
  "care_model_cohort_people_mean",
];
