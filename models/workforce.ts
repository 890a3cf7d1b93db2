/**
 * Workforce demand: FTE by staff group and year from a replication's activity and the
 * scenario's productivity assumptions (`workforce.productivity`), plus the staff the care
 * models need, against staff in post where the scenario gives it.
 *
 * @module
 */

import { STAFF_GROUPS, type StaffGroup } from "../scenarios/care_model_names.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { cohortLabel, type Intervention } from "./interventions/intervention.ts";
import { daysBetween, rampFraction } from "./interventions/ramp.ts";
import type { SampledIntervention } from "./interventions/sample.ts";
import { addStaffFte } from "./interventions/staff_need.ts";
import { annualValue, type ReplicationResult } from "./result.ts";

const SOCIAL_CARE: readonly StaffGroup[] = ["home_care_worker", "care_home_staff"];

/** Workforce demand of one staff group in one year (one replication). */
export interface WorkforceRow {
  /** Model year, 1-based. */
  year: number;
  /** Staff group (see `STAFF_GROUPS`). */
  staffGroup: string;
  /** FTE needed. */
  fte: number;
  /** FTE in post, when the scenario gives it. */
  inPostFte?: number;
  /** Jobs (headcount posts) for social-care groups: FTE ÷ FTE per job. */
  jobs?: number;
}

/**
 * FTE needed per staff group and year:
 * - gp: (GP consultations + unmet GP demand) ÷ appointments per GP FTE per year;
 * - practice_nurse: the same demand × nurse appointments per GP appointment ÷ nurse
 *   appointments per FTE per year;
 * - district_nurse / crisis_response: visits ÷ (visits per FTE per day × working days);
 * - ward_nurse: mean occupied acute beds × nurses per bed per shift × 168 h, plus occupied
 *   intermediate beds × their ratio × 168 h, ÷ (hours per FTE per week × (1 − roster headroom));
 * - healthcare_assistant: (acute + intermediate occupied beds) × HCAs per bed per shift × 168 h
 *   ÷ the same;
 * - home_care_worker: home-care hours per week in use ÷ contact hours per FTE per week;
 * - care_home_staff: mean residents × FTE per resident;
 * - social_worker: (care-home admissions + home-care and reablement starts) ÷ cases per FTE;
 * - care_coordinator: none in the baseline;
 *
 * plus each intervention's staff by its rules (`staffFte`): per person enrolled (the year's
 * mean cohort × ramp-up; parts of a care model sharing a cohort count its people once), per
 * person in the population (mean population × mean ramp-up), per occupied place (its added
 * intermediate beds × the year's intermediate-bed occupancy, plus its added reablement slots)
 * and per visit (its added crisis-response visits a year). Social-care rows also carry
 * jobs = FTE ÷ FTE per job.
 *
 * @param result One replication's result (baseline or an option).
 * @param scenario The resolved scenario.
 * @param options `interventions` applied in that run (for their staff needs), or `sampled`:
 *   the same with their drawn capacities (needed for occupied-place and visit rules).
 * @returns One row per year and staff group, in `STAFF_GROUPS` order within a year.
 *
 * @example Baseline GP demand
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * import { simulateReplication } from "./simulate.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 3000 } });
 * const rows = workforceDemand(simulateReplication(s, { seed: 1 }), s);
 * assert.equal(rows.length, 10);
 * assert.ok(rows.find((r) => r.staffGroup === "gp")!.fte > 0);
 * ```
 */
export function workforceDemand(
  result: ReplicationResult,
  scenario: Scenario,
  options: {
    interventions?: readonly Intervention[];
    sampled?: readonly SampledIntervention[];
  } = {},
): WorkforceRow[] {
  const p = scenario.workforce.productivity;
  const inPost = scenario.workforce.staffInPost;
  const rosterHours = p.hoursPerFtePerWeek * (1 - p.rosterHeadroomShare);
  const rows: WorkforceRow[] = [];
  for (let year = 1; year <= result.years; year++) {
    const v = (m: Parameters<typeof annualValue>[1]) => annualValue(result, m, { year });
    const gpDemand = v("gp_consultations") + v("gp_unmet_demand");
    const acute = v("acute_occupied_beds_mean");
    const ic = v("intermediate_occupied_mean");
    const fte: Record<StaffGroup, number> = {
      gp: gpDemand / p.gpAppointmentsPerFtePerYear,
      practice_nurse: gpDemand * p.practiceNurseAppointmentsPerGpAppointment /
        p.practiceNurseAppointmentsPerFtePerYear,
      district_nurse: v("district_nursing_visits") /
        (p.districtNurseVisitsPerFtePerDay * p.workingDaysPerFtePerYear),
      care_coordinator: 0,
      crisis_response: v("crisis_response_visits") /
        (p.crisisResponseVisitsPerFtePerDay * p.workingDaysPerFtePerYear),
      ward_nurse: (acute * p.wardNursesPerOccupiedBedPerShift +
        ic * p.intermediateNursesPerOccupiedBedPerShift) * 168 / rosterHours,
      healthcare_assistant: (acute + ic) * p.healthcareAssistantsPerOccupiedBedPerShift * 168 /
        rosterHours,
      home_care_worker: v("home_care_hours_mean") / p.careHoursPerCareWorkerFtePerWeek,
      care_home_staff: v("care_home_occupied_mean") * p.careHomeStaffFtePerResident,
      social_worker: (v("care_home_admissions") + v("home_care_package_starts") +
        v("reablement_starts")) / p.socialWorkerCaseStartsPerFtePerYear,
    };
    const parts = options.sampled ??
      (options.interventions ?? []).map((intervention) => ({ intervention, capacity: {} }));
    const added = careModelFte(result, scenario, parts, year);
    for (const [g, x] of Object.entries(added)) fte[g as StaffGroup] += x!;
    for (const g of STAFF_GROUPS) {
      const row: WorkforceRow = { year, staffGroup: g, fte: fte[g] };
      if (inPost?.[g] !== undefined) row.inPostFte = inPost[g];
      if (SOCIAL_CARE.includes(g)) row.jobs = fte[g] / p.socialCareFtePerJob;
      rows.push(row);
    }
  }
  return rows;
}

/**
 * The FTE a replication's care-model parts add in one year, by staff group (see
 * {@linkcode workforceDemand} for each rule's basis).
 *
 * @param result The replication's result (an option's).
 * @param scenario The resolved scenario.
 * @param parts Its parts with their drawn capacities (`capacity: {}` when not drawn).
 * @param year Model year, 1-based.
 * @returns FTE by staff group (groups no part staffs are absent).
 *
 * @example No parts, no staff
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * import { simulateReplication } from "./simulate.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * assert.deepEqual(careModelFte(simulateReplication(s, { seed: 1 }), s, [], 1), {});
 * ```
 */
export function careModelFte(
  result: ReplicationResult,
  scenario: Scenario,
  parts: readonly Pick<SampledIntervention, "intervention" | "capacity">[],
  year: number,
): Partial<Record<StaffGroup, number>> {
  const fte: Partial<Record<StaffGroup, number>> = {};
  for (const part of parts) addInterventionStaff(fte, part, result, scenario, year);
  return fte;
}

function addInterventionStaff(
  fte: Partial<Record<StaffGroup, number>>,
  part: Pick<SampledIntervention, "intervention" | "capacity">,
  result: ReplicationResult,
  scenario: Scenario,
  year: number,
): void {
  const iv = part.intervention;
  if (Object.keys(iv.staff).length === 0) return;
  const label = cohortLabel(iv.cohort);
  const row = result.interventions?.cohorts.find((c) =>
    c.year === year && c.careModel === iv.id && c.cohort === label
  );
  const from = (year - 1) * 365;
  const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const popMean = mean(result.daily.population.slice(from, from + 365));
  const startDay = iv.startDate ? daysBetween(scenario.startDate, iv.startDate) : 0;
  const scale = scenario.population.size / 1e5;
  const c = part.capacity;
  let rampSum = 0;
  let beds = 0;
  let slots = 0;
  for (let d = from; d < from + 365; d++) {
    const f = rampFraction(d, { startDay, rampUpMonths: iv.rampUpMonths, shape: iv.rampShape });
    rampSum += f;
    beds += Math.round((c.intermediateBedsPer100k ?? 0) * f * scale);
    slots += Math.round((c.reablementSlotsPer100k ?? 0) * f * scale);
  }
  const rampMean = rampSum / 365;
  const icCapacity = mean(result.daily.intermediateCapacity?.slice(from, from + 365) ?? []);
  const icOccupancy = icCapacity > 0
    ? annualValue(result, "intermediate_occupied_mean", { year }) / icCapacity
    : 0;
  addStaffFte(fte, iv.staff, {
    enrolled: row?.enrolledMean ?? 0,
    population: popMean * rampMean,
    occupiedPlace: beds / 365 * icOccupancy + slots / 365,
    visit: (c.crisisResponseVisitsPerDayPer100k ?? 0) * scale * rampSum,
  });
}
