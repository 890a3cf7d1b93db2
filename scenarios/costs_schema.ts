/**
 * The `costs` block of the scenario format: unit costs of activity in each setting and the
 * yearly cost of one FTE of each staff group, with the price year. Costs turn a run's activity
 * into money: cost by setting and year, and each option's net cost (its staff and capacity
 * minus what it avoids).
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { STAFF_GROUPS, type StaffGroup } from "./care_model_schema.ts";
import { assumption, evidence } from "./parameter_source.ts";
import type { Costs, CostsInput } from "./schema_types.ts";

const NOT_RETRIEVED =
  "K1: not retrieved (no published figure found); an order of magnitude for England — replace with the PSSRU Unit Costs of Health and Social Care or NHS National Cost Collection figure for your price year";

const pounds = (value: number, description: string, source: string, isAssumption: boolean) =>
  z.number().min(0).default(value).meta({
    ...(isAssumption ? assumption(description, source) : evidence(description, source)),
  });

/** Default yearly cost of one FTE, £ (salary, on-costs and overheads). */
const FTE_COSTS: Record<StaffGroup, number> = {
  gp: 160000,
  practice_nurse: 55000,
  district_nurse: 60000,
  care_coordinator: 45000,
  crisis_response: 60000,
  ward_nurse: 55000,
  healthcare_assistant: 35000,
  home_care_worker: 28000,
  care_home_staff: 28000,
  social_worker: 55000,
};

/**
 * Unit costs, £ at the block's price year.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = costsSchema.parse({});
 * assert.equal(c.unitCosts.acuteBedDay, 345);
 * assert.equal(c.unitCosts.reablementEpisode, 1722);
 * assert.equal(c.ftePerYear.district_nurse, 60000);
 * assert.equal(costsSchema.safeParse({ unitCosts: { acuteBedDay: -1 } }).success, false);
 * ```
 */
export const costsSchema: z.ZodType<Costs, CostsInput> = z.strictObject({
  priceYear: z.string().min(1).default(
    "mixed, not uprated: 2013/14 to 2021/22 (docs/evidence.md#k1-unit-costs)",
  ).meta({
    description:
      "Price year of the unit costs, shown with every cost figure (the defaults keep each source's own year: uprate them, or give your own).",
  }),
  unitCosts: z.strictObject({
    acuteBedDay: pounds(
      345,
      "Acute (G&A) bed day, £, without diagnosis and treatment (costed in emergencyAdmission).",
      "K1: National Cost Collection 2020/21, cost per day to maintain a patient in an acute setting excluding diagnosis and treatment £344.60 (DHSC written answer 146908, 1 March 2023; 2020/21 prices)",
      false,
    ),
    delayedBedDay: pounds(
      345,
      "Bed day of a delayed transfer of care, £.",
      "K1: the same National Cost Collection 2020/21 figure (a delayed patient holds the bed without treatment; £344.60, 2020/21 prices)",
      false,
    ),
    emergencyAdmission: pounds(
      600,
      "Emergency admission, £, beyond its bed days (costed apart).",
      "K1 (D ⚠): NAO 2017 emergency admissions £13.7bn (2015-16) − 33.59m bed days × £304 (NAO 2016), ÷ 5.8m admissions (2016-17) ≈ £600; years mixed",
      false,
    ),
    edAttendance: pounds(
      114,
      "ED attendance not admitted, £.",
      "K1: NICE NG94 ch. 41 table 83: ED non-admitted £114 (National Schedule of Reference Costs 2013-14)",
      false,
    ),
    gpConsultation: pounds(
      44,
      "GP consultation, £.",
      "K1 ⚠: PSSRU Unit Costs of Health and Social Care 2015: an 11.7-minute surgery consultation £33–44, the upper figure with qualification and direct care staff costs (2014/15 prices; read from a PSNC copy)",
      false,
    ),
    districtNursingVisit: pounds(50, "District-nursing visit, £.", NOT_RETRIEVED, true),
    crisisResponseVisit: pounds(
      150,
      "Crisis-response (urgent community) visit, £.",
      NOT_RETRIEVED,
      true,
    ),
    intermediateCareBedDay: pounds(
      200,
      "Intermediate-care bed day (bed open, block-funded), £.",
      NOT_RETRIEVED,
      true,
    ),
    reablementEpisode: pounds(
      1722,
      "Reablement episode, £.",
      "K1: National Audit of Intermediate Care 2014, average cost per episode of re-ablement £1,722 (2013/14 data; read from the BGS blog copy)",
      false,
    ),
    homeCareHour: pounds(25, "Home-care contact hour, £.", NOT_RETRIEVED, true),
    careHomeWeek: pounds(
      771,
      "Care-home place, occupied week, £.",
      "K1 ⚠: Laing fair market price for a residential care home for older people meeting the standards for new homes, £771 per resident week (2021/22 prices; Laing's 2008/09 figure uplifted, in a 2023 Health & Social Care in the Community review, table 5); nursing homes cost more",
      false,
    ),
  }).prefault({}),
  cohort: z.strictObject({
    segments: z.array(z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).min(1)
      .default([3, 4]).meta({ description: "Need segments of the cohort (default 3–4)." }),
  }).prefault({}).meta({
    description:
      "The commissioner's cohort (a capitated contract's population): its cost per person-year and outcomes are outputs.",
  }),
  ftePerYear: z.strictObject(
    Object.fromEntries(STAFF_GROUPS.map((g) => [
      g,
      pounds(
        FTE_COSTS[g],
        `Yearly cost of one ${g} FTE, £ (salary, on-costs, overheads).`,
        NOT_RETRIEVED,
        true,
      ),
    ])) as unknown as Record<StaffGroup, z.ZodDefault<z.ZodNumber>>,
  ).prefault({}).meta({ description: "Yearly cost of one FTE by staff group, £." }),
});

export type { Costs, CostsInput } from "./schema_types.ts";
