/**
 * The scenario format: a zod schema (strict objects, a version field, a default for every
 * parameter, each default carrying its evidence.md source), and the `Scenario` /
 * `ScenarioInput` types.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { AGE_BAND_SOURCES, type AgeBand, DEFAULT_AGE_BANDS } from "./default_age_bands.ts";
import { assumption, evidence, type ParameterMeta } from "./parameter_source.ts";
import { careModelEntrySchema, optionSchema, workforceSchema } from "./care_model_schema.ts";
import { costsSchema } from "./costs_schema.ts";
import { pathwaySchema } from "./pathways_schema.ts";
import { calendarDateSchema } from "./calendar_date.ts";
import { bounded, type Limit, LIMITS } from "./limits.ts";
import type { AgeBandInput, ParsedAgeBand, ParsedScenario, ScenarioInput } from "./schema_types.ts";

/**
 * The scenario format version this code reads.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(SCENARIO_VERSION, 1);
 * ```
 */
export const SCENARIO_VERSION = 1;

function num(
  value: number,
  meta: ParameterMeta,
  bounds: { min?: number; max?: number; int?: boolean; limit?: Limit; positive?: boolean } = {},
) {
  let s = bounds.int ? z.number().int() : z.number();
  s = bounds.positive ? s.positive() : s.min(bounds.min ?? 0);
  if (bounds.max !== undefined) s = s.max(bounds.max);
  if (bounds.limit) s = s.max(bounds.limit.max, { message: bounds.limit.reason });
  return s.default(value).meta({ ...meta });
}

const probability = (value: number, meta: ParameterMeta) => num(value, meta, { max: 1 });
const rate = bounded(LIMITS.ratePerPersonYear);
const ratio = bounded(LIMITS.rateRatio);
const share = z.number().min(0).max(1);
const segmentTuple = z.tuple([rate, rate, rate, rate]);
const ratioTuple = z.tuple([ratio, ratio, ratio, ratio]);
const duration = bounded(LIMITS.durationDays, { positive: true });

function bandField<T extends z.ZodType>(
  schema: T,
  field: keyof typeof AGE_BAND_SOURCES,
  text: string,
) {
  const per = AGE_BAND_SOURCES[field];
  const anyAssumption = Object.values(per).some((s) => s.assumption);
  return schema.optional().meta({
    description: `${text} Omitted: inherited from the default band containing minAgeYears.`,
    source: Object.entries(per).map(([id, s]) => `${id}: ${s.source}`).join("; "),
    assumption: anyAssumption,
    perBand: per,
  });
}

const dischargeMixSchema = z.strictObject({
  home: share,
  reablement: share,
  homeCarePackage: share,
  intermediateCare: share,
  careHome: share,
  death: share,
}).refine((m) => Math.abs(Object.values(m).reduce((a, b) => a + b, 0) - 1) < 1e-6, {
  message: "expected shares summing to 1",
});

const sumsToOne = (xs: number[]) => Math.abs(xs.reduce((a, b) => a + b, 0) - 1) < 1e-6;

/**
 * One age band as written in a scenario (rates optional: inherited by age).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(ageBandSchema.parse({ id: "90+", minAgeYears: 90 }).id, "90+");
 * ```
 */
export const ageBandSchema: z.ZodType<ParsedAgeBand, AgeBandInput> = z.strictObject({
  id: z.string().min(1).meta({ description: 'Band id, e.g. "85+".' }),
  minAgeYears: z.number().int().min(0).max(120).meta({
    description: "Lowest age in the band, years.",
  }),
  populationShare: bandField(share, "populationShare", "Share of the population at the start."),
  gpConsultationRatePerPersonYear: bandField(
    rate,
    "gpConsultationRatePerPersonYear",
    "GP consultation demand, /py.",
  ),
  edAttendanceRatePerPersonYear: bandField(
    rate,
    "edAttendanceRatePerPersonYear",
    "ED attendances, /py.",
  ),
  emergencyAdmissionRatePerPersonYear: bandField(
    rate,
    "emergencyAdmissionRatePerPersonYear",
    "Emergency admissions of people at home, /py.",
  ),
  lengthOfStayMeanDays: bandField(
    duration,
    "lengthOfStayMeanDays",
    "Mean emergency LOS of the band's admissions, zero-day stays counted as 0, days.",
  ),
  zeroDayShare: bandField(
    z.number().min(0).max(0.99),
    "zeroDayShare",
    "Share of the band's emergency admissions discharged the same day.",
  ),
  dischargeMix: bandField(
    dischargeMixSchema,
    "dischargeMix",
    "Discharge destination shares: the band's average. The care-home share is weighted by " +
      "segment so that the hospital brings the same share of every segment's care-home " +
      "admissions (the frailer, the likelier), and is 0 where the demography has no care-home " +
      "residents (under 65 at the defaults): that share goes home.",
  ),
});

const hospitalSchema = z.strictObject({
  id: z.string().min(1).default("acute").meta({ description: "Hospital (acute site) id." }),
  acuteBeds: bounded(LIMITS.acuteBeds, { int: true }).optional().meta({
    description:
      "General & acute beds. Omitted: acute.bedsPer1000People × population × share (at least 1).",
  }),
  populationShare: probability(
    1,
    assumption("Share of emergency demand this site receives.", "one site"),
  ),
  escalationExtraBedsByMonth: z.array(bounded(LIMITS.acuteBeds, { int: true })).length(12)
    .optional().meta({
      description: "Extra (escalation) beds open in each calendar month, Jan..Dec. " +
        "Omitted: acute.escalationShareByMonth × acuteBeds.",
    }),
});

const DEFAULT_SEASONALITY = [1.08, 1.03, 1.01, 0.98, 0.97, 0.95, 0.97, 0.95, 0.96, 1.0, 1.02, 1.08];

/**
 * The scenario schema (input side has defaults; output is fully populated). Prefer
 * `parseScenario`, which also checks cross-field rules and formats errors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = scenarioSchema.parse({ version: 1, population: { size: 10 } });
 * assert.equal(s.acute.readmission30DayProbability, 0.07);
 * ```
 */
/** Most projected years a table may hold. */
const MAX_PROJECTION_YEARS = 101;

/** A population projection: a CSV file to read, or its table (people by age for each year). */
const projectionSchema = z.strictObject({
  file: z.string().min(1).optional().meta({
    description:
      'CSV of the projection, relative to the scenario file: an age column (age or AGE_GROUP, the last age open such as "90 and over"), one column per year ("2025", "2026", …), optional SEX (summed), AREA_CODE and COMPONENT columns. loadScenario reads it into `table`.',
  }),
  areaCode: z.string().min(1).optional().meta({
    description: "Area to take when the CSV holds several (its AREA_CODE).",
  }),
  table: z.strictObject({
    years: z.array(z.number().int()).min(2).max(MAX_PROJECTION_YEARS),
    populationByYear: z.array(z.array(z.number().min(0)).min(2).max(121)).min(2)
      .max(MAX_PROJECTION_YEARS),
  }).optional().meta({
    description:
      "The projection: consecutive years and, for each, people by single year of age 0, 1, … (the last age open). Filled from `file` by loadScenario, or given in code.",
  }),
}).refine((p) => p.table !== undefined, {
  message:
    "expected `table` (loadScenario reads it from `file`; parseScenario needs the table itself)",
  path: ["table"],
}).refine(
  (p) =>
    p.table === undefined ||
    (p.table.years.length === p.table.populationByYear.length &&
      p.table.years.every((y, i) => i === 0 || y === p.table!.years[i - 1]! + 1) &&
      p.table.populationByYear.every((r) => r.length === p.table!.populationByYear[0]!.length)),
  {
    message:
      "expected consecutive years, one row of people by age per year, every row the same length",
    path: ["table"],
  },
);

export const scenarioSchema: z.ZodType<ParsedScenario, ScenarioInput> = z.strictObject({
  $schema: z.string().optional().meta({
    description: "Path or URL of this JSON Schema (for editors).",
  }),
  version: z.literal(SCENARIO_VERSION).meta({ description: "Scenario format version." }),
  name: z.string().min(1).max(200).default("scenario").meta({
    description:
      "Scenario name (default output directory: out/<name with unsafe characters as ->).",
  }),
  description: z.string().default("").meta({ description: "Free text." }),
  startDate: calendarDateSchema.default("2025-04-01").meta({
    description: "Calendar date of day 0 (after warm-up).",
  }),
  years: z.number().int().min(1).max(30).default(5).meta({ description: "Years simulated." }),
  replications: bounded(LIMITS.replications, { positive: true, int: true }).default(20).meta({
    description: "Default number of replications.",
  }),
  seed: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(12345).meta({
    description: "Master random seed.",
  }),
  start: z.strictObject({
    mode: z.enum(["census", "empty"]).default("census").meta({
      description: "census: services start at census occupancy; empty: start empty + warm-up.",
    }),
    warmUpDays: num(
      0,
      assumption(
        "Warm-up days run before day 0 (statistics reset after).",
        "0 with a census start; use ≥ 365 with an empty start",
      ),
      { int: true, max: 3650 },
    ),
    census: z.strictObject({
      acuteOccupied: bounded(LIMITS.people, { int: true }).optional().meta({
        description:
          "Patients in acute beds at day 0 (all sites). Omitted: occupancy.acute × beds.",
      }),
      intermediateOccupied: bounded(LIMITS.people, { int: true }).optional().meta({
        description: "Intermediate-care beds occupied at day 0.",
      }),
      careHomeResidents: bounded(LIMITS.people, { int: true }).optional().meta({
        description:
          "Care-home residents at day 0. Omitted: the residents of the population's demography.",
      }),
      homeCarePackages: bounded(LIMITS.people, { int: true }).optional().meta({
        description: "Long-term home-care packages running at day 0.",
      }),
      reablementActive: bounded(LIMITS.people, { int: true }).optional().meta({
        description: "Reablement episodes running at day 0.",
      }),
      waitingCareHomeFromHome: num(
        0,
        assumption("People at home waiting for a care-home place at day 0.", "none"),
        { int: true, limit: LIMITS.people },
      ),
      waitingHomeCareFromHome: num(
        0,
        assumption("People at home waiting for a home-care package at day 0.", "none"),
        { int: true, limit: LIMITS.people },
      ),
      occupancy: z.strictObject({
        acute: probability(
          0.9,
          evidence(
            "Acute occupancy used when acuteOccupied is omitted.",
            "B2 G&A occupancy 89.5–91.4% (A/B); D 89–92%",
          ),
        ),
        intermediate: probability(
          0.85,
          assumption(
            "IC occupancy used when omitted.",
            "B3 IC capacity < half of need (B) → near full",
          ),
        ),
        homeCare: share.optional().meta({
          ...assumption(
            "Share of home-care hours in use at day 0 when homeCarePackages is omitted. " +
              "Omitted: the packages the model's flows sustain (hospital discharges, reablement, " +
              "intermediate care, community referrals; capped at the capacity), so home care " +
              "holds steady when nothing changes.",
            "the flows' steady state; at the defaults 90% of the hours (community referrals " +
              "calibrated to it, see socialCare.homeCare.communityReferralsPer100kPerYear)",
          ),
        }),
        reablement: probability(
          0.8,
          assumption("Share of reablement slots in use when omitted.", "not in evidence.md"),
        ),
      }).prefault({}),
    }).prefault({}),
  }).prefault({}),
  population: z.strictObject({
    size: z.number().int().min(1).max(50_000_000).meta({
      description: "Registered population at day 0.",
    }),
    ageBands: z.array(ageBandSchema).min(1).default(() => DEFAULT_AGE_BANDS.map((b) => ({ ...b })))
      .meta({
        description: "Age bands in ascending minAgeYears (default 0–64, 65–74, 75–84, 85+).",
        source: "see each band field",
        assumption: false,
      }),
    segmentRateRatios: z.strictObject({
      hospitalisation: ratioTuple.default([1, 1.93, 3.04, 4.73]).meta({
        ...evidence(
          "Emergency admission rate ratio by segment vs segment 1.",
          "B4 eFI 1-year HR hospitalisation mild 1.93, moderate 3.04, severe 4.73 (Clegg 2016, A)",
        ),
      }),
      mortality: ratioTuple.default([1, 1.92, 3.1, 4.52]).meta({
        ...evidence(
          "Death rate ratio by segment vs segment 1.",
          "B4 eFI 1-year HR mortality 1.92, 3.10, 4.52 (Clegg 2016, A)",
        ),
      }),
      edAttendance: ratioTuple.default([1, 1.6, 2.3, 3.0]).meta({
        ...assumption(
          "ED attendance rate ratio by segment.",
          "not in evidence.md; below the hospitalisation HRs (B4)",
        ),
      }),
      gpDemand: ratioTuple.default([1, 1.4, 1.9, 2.4]).meta({
        ...assumption(
          "GP demand rate ratio by segment.",
          "not in evidence.md; F1c ≥3 chronic conditions share rising (A)",
        ),
      }),
      lengthOfStay: ratioTuple.default([0.85, 1, 1.15, 1.3]).meta({
        ...assumption(
          "LOS ratio by segment vs segment 2.",
          "B2 LOS 10.8 nights with ≥5 conditions (B); segment LOS not retrieved",
        ),
      }),
      careHomeReferral: ratioTuple.default([0.1, 0.5, 2, 5]).meta({
        ...assumption("Care-home referral rate ratio by segment.", "not in evidence.md"),
      }),
    }).prefault({}),
    demography: z.strictObject({
      inputs: z.enum(["england-2019", "stationary"]).default("england-2019").meta({
        ...evidence(
          "Births, deaths, net migration and frailty by single year of age: England mid-2019 (births and net migration as observed) or its stationary population (zero growth, no migration).",
          "D1–D3, M1–M3, F1–F2, C1–C2 (models/demography/default_demography.ts)",
        ),
      }),
      trend: z.strictObject({
        deteriorationPerYear: num(
          0,
          assumption(
            "Secular trend: relative change a year of every deterioration rate (0.01 = +1% a year).",
            "none",
          ),
          { min: -0.5, max: 0.5 },
        ),
        mortalityPerYear: num(
          0,
          assumption(
            "Secular trend: relative change a year of every death rate (−0.01 = −1% a year).",
            "none",
          ),
          { min: -0.5, max: 0.5 },
        ),
      }).prefault({}),
      projection: projectionSchema.optional().meta({
        description:
          "A population projection (e.g. a local authority's, ONS SNPP layout) the population follows: it sets the starting people by age (scaled to population.size) and the births and net migration of each year.",
      }),
    }).prefault({}),
    careHomeResidentSegmentShares: z.tuple([share, share, share, share]).refine(sumsToOne, {
      message: "expected 4 shares summing to 1",
    }).default([0.02, 0.13, 0.4, 0.45]).meta({
      ...assumption(
        "Segment mix of care-home residents at day 0.",
        "not in evidence.md; residents are mostly frail",
      ),
    }),
  }),
  hospitals: z.array(hospitalSchema).min(1).max(LIMITS.sites.max, {
    message: LIMITS.sites.reason,
  }).default([{ id: "acute", populationShare: 1 }]).meta({
    description: "Acute sites; populationShare values sum to 1.",
    source: "assumption: one site",
    assumption: true,
  }),
  acute: z.strictObject({
    bedsPer1000People: num(
      1.53,
      evidence(
        "G&A beds per 1,000 people when a hospital omits acuteBeds.",
        "B2 G&A ≈1.8/1,000 (D) and all beds 2.35–2.4/1,000 (B); the model holds emergency stays only: 1.53 calibrated (`deno task calibrate`: 1.533) to the year-1 target of 90.5% acute occupancy, the middle of H5's 89–92%, at the default scenario (demography, LOS mixture, surge beds, arrangement times) — assumption",
        { assumption: true },
      ),
      { limit: LIMITS.per1000 },
    ),
    escalationShareByMonth: z.array(z.number().min(0).max(1)).length(12)
      .default([0.04, 0.04, 0.03, 0, 0, 0, 0, 0, 0, 0, 0.02, 0.04]).meta({
        ...assumption(
          "Extra escalation beds as a share of base beds, Jan..Dec.",
          "B2 winter bed pressure (A) — size not in evidence.md",
        ),
      }),
    over21DaysShare65Plus: probability(
      0.05,
      evidence(
        "Share of emergency admissions of people 65+ staying over 21 days; fits the overnight lognormal's shape shared by every band.",
        "H4 about 5% of people 65+ admitted stay over 21 days (docs/evidence.md#h4-length-of-stay)",
      ),
    ),
    readmission30DayProbability: probability(
      0.07,
      evidence(
        "Probability of an emergency readmission within 30 days of discharge home.",
        "B2 30-day emergency readmission 7.0% (Blunt, A)",
      ),
    ),
    edRouteShare: probability(
      0.8,
      assumption("Share of emergency admissions that arrive via ED.", "not in evidence.md"),
    ),
    weekendDischargeRatio: probability(
      0.6,
      assumption(
        "Weekend discharges as a share of the weekday rate (others wait to Monday).",
        "not in evidence.md",
      ),
    ),
    edBoardingPriority: z.enum(["fifo"]).default("fifo").meta({
      description: "ED boarders queue FIFO for a bed.",
    }),
    dischargeArrangementMeanDays: z.strictObject({
      reablement: bounded(LIMITS.durationDays),
      homeCarePackage: bounded(LIMITS.durationDays),
      intermediateCare: bounded(LIMITS.durationDays),
      careHome: bounded(LIMITS.durationDays),
    }).default({ reablement: 1.2, homeCarePackage: 1.6, intermediateCare: 0.8, careHome: 4 })
      .meta({
        ...assumption(
          "Mean days (exponential) from medically fit to a supported destination being arranged " +
            "(assessment, funding, choice, transport), spent in the acute bed as a delayed " +
            "transfer before any wait for capacity; skipped under discharge to assess.",
          "calibrated (`deno task calibrate`: one factor on these times, fitted 1.016, so kept), " +
            "with the waits for full services, to the year-1 target of delayed transfers at 4% of " +
            "emergency bed days (H6: 2.9–4.0% of acute bed days in 2017–19, range 2.5–5%), about two-thirds of them arrangement " +
            "(H6: assessment, funding, choice and other reasons ≈63%, D); S1 NAIC waits 3 d bed " +
            "/ 6.3 d home / 8.7 d reablement include waits from home (B); H6 fit-to-discharge " +
            "mean 1.3 d (B, post-COVID)",
        ),
      }),
    surge: z.strictObject({
      bedsShare: num(
        0.05,
        assumption(
          "Surge (OPEL escalation) beds a site opens under ED pressure, as a share of its base " +
            "G&A beds (rounded); 0 disables. Counted in acute capacity while open.",
          "size not in evidence.md; B2/C Bagust: periodic bed crises at ≥90% occupancy, which " +
            "trusts meet with escalation beds; ≈11 beds at a 215-bed site",
        ),
        { max: 1 },
      ),
      triggerBoardersPer100Beds: num(
        4,
        assumption(
          "ED boarders (admitted, waiting for a bed) per 100 base beds at which a site declares " +
            "pressure (≈9 boarders at 215 beds).",
          "OPEL triggers are local; not in evidence.md",
        ),
        { max: 100 },
      ),
      triggerHours: num(
        4,
        assumption(
          "Hours the boarders must stay at or above the trigger (hourly bed reviews) before " +
            "the surge beds open.",
          "the ED 4-hour standard (A: ~92% within 4 h, Northumberland); not in evidence.md",
        ),
        { max: 240 },
      ),
      closeAfterHours: num(
        24,
        assumption(
          "Hours without boarders and with the surge beds' worth of beds empty before they close.",
          "not in evidence.md",
        ),
        { max: 24 * 60 },
      ),
    }).prefault({}),
  }).prefault({}),
  gp: z.strictObject({
    ftePer1000People: num(
      0.45,
      evidence(
        "Qualified GP FTE per 1,000 people.",
        "B5 0.45 FTE GPs per 1,000 patients (Sep 2022, A)",
      ),
      { limit: LIMITS.per1000 },
    ),
    appointmentsPerFtePerWeek: num(
      110,
      evidence(
        "GP appointments per FTE per week.",
        "B5 ≈5,700 per FTE per year (D, biased upward) ÷ 52",
      ),
      { limit: LIMITS.appointmentsPerWeek },
    ),
    extendedAccessAppointmentsPerWeek: num(
      0,
      assumption("Extra appointments per week from extended access.", "none in baseline"),
      { int: true, limit: LIMITS.appointmentsPerWeek },
    ),
    abandonRatePerDay: num(
      0.1,
      assumption("Rate at which a waiting GP request gives up, per day.", "not in evidence.md"),
      { limit: LIMITS.ratePerDay },
    ),
    spillToEdShare: probability(
      0.1,
      assumption("Share of abandoned GP requests that attend ED.", "not in evidence.md"),
    ),
  }).prefault({}),
  community: z.strictObject({
    districtNursingVisitsPerPersonYear: segmentTuple.default([0.05, 0.8, 6, 24]).meta({
      ...assumption(
        "District nursing visits per person-year by segment.",
        "national activity data absent (F5, B3 ⚠)",
      ),
    }),
    crisisResponse: z.strictObject({
      visitsPerDayPer100k: num(
        2.7,
        evidence(
          "Crisis-response visits per day per 100,000 people.",
          "F4 45,000 UCR referrals/month England ÷ 56.5m (B, post-FYFV)",
        ),
        { limit: LIMITS.per100k },
      ),
      avoidableShare: probability(
        0.14,
        evidence(
          "Share of admission candidates (65+) a crisis team could manage at home.",
          "B1 ACSC ~14% of emergency admissions (B)",
        ),
      ),
      minAgeYears: num(
        65,
        assumption("Minimum age for crisis-response referral.", "service aimed at older people"),
        { int: true },
      ),
      avertProbability: probability(
        0.3,
        assumption(
          "Probability a crisis-response visit averts the admission.",
          "not in evidence.md",
        ),
      ),
    }).prefault({}),
    intermediateCare: z.strictObject({
      bedsPer100k: num(
        20,
        assumption(
          "Intermediate-care beds per 100,000 people.",
          "NAIC beds per 100,000 not retrieved (B3/F4 gap)",
        ),
        { limit: LIMITS.per100k },
      ),
      lengthOfStayMeanDays: num(
        21,
        assumption(
          "Mean stay in an intermediate-care bed, days.",
          "F4 typically < 6 weeks (B); NAIC LOS not retrieved",
        ),
        { limit: LIMITS.durationDays, positive: true },
      ),
      lengthOfStayCv: num(0.6, assumption("CV of intermediate-care LOS.", "not in evidence.md"), {
        max: 5,
      }),
      alternativeAfterMeanDays: num(
        3,
        assumption(
          "Mean time (exponential) a patient fit for discharge waits in an acute bed for an " +
            "intermediate-care bed before home-based support is arranged instead (discharged " +
            "home); 0 = wait for the bed however long it takes.",
          "B3 NAIC: capacity < half of need yet bed-based waits ≈3 days (B), so unmet need goes " +
            "elsewhere; F4 NICE QS173 start within 2 days (B)",
        ),
        { max: 365 },
      ),
      stepUpProbability: probability(
        0.2,
        assumption(
          "Probability an avoidable 65+ candidate not seen by crisis response goes to a free step-up bed instead.",
          "F4 step-up ≈51% of IC starts (D ⚠)",
        ),
      ),
      dischargeMix: z.strictObject({
        home: share,
        homeCarePackage: share,
        careHome: share,
      }).refine((m) => sumsToOne(Object.values(m)), { message: "expected shares summing to 1" })
        .default({ home: 0.7, homeCarePackage: 0.2, careHome: 0.1 }).meta({
          ...evidence(
            "Where intermediate-care patients go next.",
            "F4 70% returned home (SCIE, B); 72% no more dependent setting (B); split of the rest assumption",
            { assumption: true },
          ),
        }),
    }).prefault({}),
  }).prefault({}),
  careHomes: z.strictObject({
    placesPer1000Aged75Plus: num(
      66,
      evidence(
        "Care-home places for permanent residents aged 65+ (the model's residents), per 1,000 " +
          "people aged 75+.",
        "C1 274,000 residents 65+ ÷ 87% occupancy ÷ 4,777,650 people 75+ (D1 mid-2019) = 65.9 " +
          "(D); C1's 10.1 beds per 100 aged 75+ also hold younger and temporary residents",
      ),
      { limit: LIMITS.per1000 },
    ),
    places: z.number().int().min(0).optional().meta({
      description:
        "Care-home places, fixed. Omitted: placesPer1000Aged75Plus × people 75+, recomputed at " +
        "the start of each model year as the population ages.",
    }),
    referenceOccupancy: num(
      0.87,
      evidence(
        "Occupancy at which a waiting person takes placeSearchMeanDays on average to find a " +
          "suitable place.",
        "C1 ≈87% pre-pandemic occupancy (Nuffield Trust, B)",
      ),
      { max: 0.999 },
    ),
    placeSearchMeanDays: num(
      1.6,
      assumption(
        "Mean days a person waiting for a care-home place takes to find a suitable one (area, " +
          "type, price) when the homes are at referenceOccupancy; the chance of finding one " +
          "scales with the share of places free, so waits lengthen as the homes fill and stop " +
          "while they are full. Spent in the acute bed by hospital waiters (a delayed transfer " +
          "for a care-home place). 0: a free place is taken at once.",
        "calibrated so waits for a care-home place are ≈9% of delayed-transfer bed days (H6: " +
          "residential and nursing homes, June 2018, D)",
      ),
      { limit: LIMITS.durationDays },
    ),
    emergencyAdmissionRatePerResidentYear: num(
      0.7,
      evidence(
        "Emergency admissions per resident-year.",
        "B3 0.70 per resident-year (IAU 2016/17, A/B)",
      ),
      { limit: LIMITS.ratePerPersonYear },
    ),
    edAttendanceRatePerResidentYear: num(
      0.98,
      evidence("ED attendances per resident-year.", "B3 A&E 0.98 per resident-year (A/B)"),
      { limit: LIMITS.ratePerPersonYear },
    ),
  }).prefault({}),
  socialCare: z.strictObject({
    reablement: z.strictObject({
      slotsPer100k: num(
        28,
        evidence(
          "Concurrent reablement slots per 100,000 people (for hospital discharges: the model " +
            "sends no community referrals to reablement).",
          "S2 ST-Max ≈260,000 episodes/yr (D ⚠) ÷ 56.5m × 28/365 = 35 for all referrals; the " +
            "model's ≈260 hospital episodes per 100,000 a year use ≈20; 28 calibrated so waits " +
            "for intermediate care and reablement are ≈18% of delayed-transfer bed days (H6, D) " +
            "— assumption",
          { assumption: true },
        ),
        { limit: LIMITS.per100k },
      ),
      durationMeanDays: num(
        28,
        assumption("Mean reablement episode, days.", "F7 up to six weeks (charging cap, B)"),
        { limit: LIMITS.durationDays, positive: true },
      ),
      ongoingPackageShare: probability(
        0.205,
        evidence(
          "Share of reablement episodes ending in a long-term package.",
          "F7 ASCOF 2D 79.5% no ongoing need (2019-20, A)",
        ),
      ),
    }).prefault({}),
    homeCare: z.strictObject({
      hoursPerPackagePerWeek: num(
        12.4,
        evidence(
          "Hours per week per long-term package.",
          "B3 12.4 contact hours per household per week (2008, A, dated)",
        ),
        { limit: LIMITS.hoursPerWeek, min: 0.25 },
      ),
      capacityHoursPerWeekPer100k: num(
        7700,
        evidence(
          "Home-care hours per week available per 100,000 people.",
          "S2 >350,000 older users (B) × 12.4 h ÷ 56.5m ≈ 7,700 (D)",
        ),
        { limit: LIMITS.hoursPerWeekPer100k },
      ),
      referenceUtilisation: num(
        0.9,
        assumption(
          "Share of home-care hours in use at which finding a provider takes " +
            "providerSearchMeanDays on average.",
          "no published utilisation; the home-care hours in use the default flows are " +
            "calibrated to sustain",
        ),
        { max: 0.999 },
      ),
      providerSearchMeanDays: num(
        1.5,
        assumption(
          "Mean days a person asking for a home-care package takes to find a provider with a " +
            "carer free in their area when referenceUtilisation of the hours are in use; the " +
            "chance of finding one scales with the share of hours free. Spent in the acute bed " +
            "by hospital discharges not assessed at home (a delayed transfer for home care). " +
            "0: free hours are taken at once.",
          "calibrated so waits for home care are ≈10% of delayed-transfer bed days (H6: " +
            "awaiting a care package at home, July 2019, D)",
        ),
        { limit: LIMITS.durationDays },
      ),
      packageDurationMeanDays: num(
        420,
        assumption(
          "Mean duration of a long-term package (ends by death, care home or recovery), days.",
          "not in evidence.md",
        ),
        { limit: LIMITS.durationDays, positive: true },
      ),
      communityReferralsPer100kPerYear: num(
        178,
        assumption(
          "New packages requested from home (not via hospital), per 100,000 per year.",
          "not in evidence.md; calibrated (`deno task calibrate`: 177.7) so the default " +
            "scenario's package flows (hospital discharges, reablement, intermediate care and " +
            "these referrals, with the packages' duration and their holders' deaths and " +
            "care-home moves) sustain 90% of the S2 hours in use (referenceUtilisation)",
        ),
        { limit: LIMITS.per100k },
      ),
    }).prefault({}),
  }).prefault({}),
  seasonality: z.strictObject({
    emergencyDemandByMonth: z.array(z.number().positive()).length(12).default(DEFAULT_SEASONALITY)
      .refine((xs) => Math.abs(xs.reduce((a, b) => a + b, 0) / 12 - 1) < 0.005, {
        message: "expected 12 monthly multipliers with mean 1",
      }).meta({
        ...assumption(
          "Monthly multiplier of emergency demand, Jan..Dec, mean 1.",
          "B2 winter peaks (A); monthly profile not in evidence.md",
        ),
      }),
  }).prefault({}),
  careModels: z.array(careModelEntrySchema).max(LIMITS.options.max, {
    message: LIMITS.options.reason,
  }).default([]).meta({
    description:
      'Care models applied together as one option (id "scenario"), paired against the baseline.',
  }),
  options: z.array(optionSchema).max(LIMITS.options.max, { message: LIMITS.options.reason })
    .default([]).meta({
      description: "Comparison options: each a set of care models, paired against the baseline.",
    }),
  workforce: workforceSchema.prefault({}),
  costs: costsSchema.prefault({}).meta({
    description: "Unit costs and the yearly cost of staff, for cost outputs.",
  }),
  pathways: z.array(pathwaySchema).max(200).default([]).superRefine((list, ctx) => {
    list.forEach((p, i) => {
      const first = list.findIndex((q) =>
        q.demand === "acute-discharges" && q.pathway === p.pathway
      );
      if (p.demand === "acute-discharges" && first < i) {
        ctx.addIssue({
          code: "custom",
          path: [i, "demand"],
          message:
            `expected one pathway ${p.pathway} fed by acute discharges (pathways[${first}] already takes them); make this one "standalone"`,
        });
      }
    });
  }).meta({
    description:
      "Discharge-to-assess pathways by locality, configured like IPACS (run beside the whole-system model).",
  }),
});

type Parsed = ParsedScenario;

/** A hospital with its bed count and escalation resolved. */
export interface HospitalConfig {
  /** Site id. */
  id: string;
  /** Base G&A beds. */
  acuteBeds: number;
  /** Share of emergency demand arriving at this site. */
  populationShare: number;
  /** Extra beds open in each calendar month (Jan..Dec). */
  escalationExtraBedsByMonth: number[];
}

/** A parsed, fully resolved scenario: every parameter present. */
export type Scenario = Omit<Parsed, "population" | "hospitals" | "careHomes"> & {
  population: Omit<Parsed["population"], "ageBands"> & { ageBands: AgeBand[] };
  hospitals: HospitalConfig[];
  careHomes: Parsed["careHomes"] & {
    places: number;
    /** Whether the places follow the people aged 75+ year by year (`places` omitted). */
    placesFollowAged75Plus: boolean;
  };
};

export type { AgeBandInput, ParsedAgeBand, ParsedScenario, ScenarioInput } from "./schema_types.ts";
