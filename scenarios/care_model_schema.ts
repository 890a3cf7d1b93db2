/**
 * The care-model part of the scenario format: `careModels` entries (a shipped care model by
 * name, with optional start date, ramp-up, cohort, effect, capacity, displacement and staff
 * overrides, and a preset), comparison `options`, and the `workforce` productivity block.
 * Names of effects, capacities, staff groups and displacement destinations live here so the
 * scenario format and the model agree.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { distributionFromSpec, type DistributionSpec } from "../sim/mod.ts";
import type {
  CareModelEntry,
  CareModelEntryInput,
  Cohort,
  CohortInput,
  Option,
  OptionInput,
  Workforce,
  WorkforceInput,
} from "./schema_types.ts";
import { assumption, evidence } from "./parameter_source.ts";
import { calendarDateSchema } from "./calendar_date.ts";
import { distributionWithin } from "./distribution_range.ts";
import { LIMITS } from "./limits.ts";

/**
 * The shipped care models.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(CARE_MODEL_IDS.includes("ehch"));
 * ```
 */
export const CARE_MODEL_IDS = ["baseline", "mcp", "pacs", "ehch", "uec", "acc"] as const;
/** A shipped care model id. */
export type CareModelId = typeof CARE_MODEL_IDS[number];

/**
 * Parameter presets: "evidence" (controlled evaluations, incl. null effects and rises) and
 * "stated-ambition" (the vanguards' own targets, for comparison only).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([...PRESETS], ["evidence", "stated-ambition"]);
 * ```
 */
export const PRESETS = ["evidence", "stated-ambition"] as const;
/** A preset name. */
export type Preset = typeof PRESETS[number];

/**
 * Model parameters an intervention can modify for its cohort (rate ratios; 1 = no change),
 * plus `dischargeToAssess` (a probability).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(EFFECT_NAMES.includes("emergencyAdmission"));
 * ```
 */
export const EFFECT_NAMES = [
  "gpDemand",
  "edAttendance",
  "conversion",
  "emergencyAdmission",
  "deterioration",
  "lengthOfStay",
  "dischargeToAssess",
  "dischargeMix.home",
  "dischargeMix.reablement",
  "dischargeMix.homeCarePackage",
  "dischargeMix.intermediateCare",
  "dischargeMix.careHome",
] as const;
/** An effect name. */
export type EffectName = typeof EFFECT_NAMES[number];

/**
 * Capacity an intervention adds at full effect, per 100,000 registered people.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(CAPACITY_NAMES.includes("intermediateBedsPer100k"));
 * ```
 */
export const CAPACITY_NAMES = [
  "crisisResponseVisitsPerDayPer100k",
  "intermediateBedsPer100k",
  "gpAppointmentsPerWeekPer100k",
  "homeCareHoursPerWeekPer100k",
  "reablementSlotsPer100k",
] as const;
/** A capacity name. */
export type CapacityName = typeof CAPACITY_NAMES[number];

/**
 * Where an admission an intervention averts goes instead ("none": no alternative contact).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(DISPLACEMENT_DESTINATIONS.includes("urgentTreatmentCentre"));
 * ```
 */
export const DISPLACEMENT_DESTINATIONS = [
  "crisisResponse",
  "stepUpBed",
  "urgentTreatmentCentre",
  "gp",
  "none",
] as const;
/** A displacement destination. */
export type DisplacementDestination = typeof DISPLACEMENT_DESTINATIONS[number];

/**
 * Staff groups of the workforce demand model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(STAFF_GROUPS.length, 10);
 * ```
 */
export const STAFF_GROUPS = [
  "gp",
  "practice_nurse",
  "district_nurse",
  "care_coordinator",
  "crisis_response",
  "ward_nurse",
  "healthcare_assistant",
  "home_care_worker",
  "care_home_staff",
  "social_worker",
] as const;
/** A staff group. */
export type StaffGroup = typeof STAFF_GROUPS[number];

/**
 * A distribution in plain data (as `distributionFromSpec` reads it): a number (fixed) or
 * `{ kind: params }`, e.g. `{ "triangular": { "min": 0.75, "mode": 0.85, "max": 1 } }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(distributionSpecSchema.safeParse({ uniform: { min: 0.9, max: 1 } }).success, true);
 * assert.equal(distributionSpecSchema.safeParse({ uniform: { min: 1 } }).success, false);
 * ```
 */
export const distributionSpecSchema: z.ZodType<DistributionSpec> = z.union([
  z.number(),
  z.record(z.string(), z.unknown()),
]).superRefine((v, ctx) => {
  try {
    const d = distributionFromSpec(v);
    if (!Number.isFinite(d.mean) || d.mean < 0) {
      ctx.addIssue({ code: "custom", message: `expected a non-negative mean, found ${d.mean}` });
    }
  } catch (e) {
    const why = (e as Error).message.replace(/^Cannot [^:]+: /, "");
    ctx.addIssue({ code: "custom", message: `expected a valid distribution (${why})` });
  }
}).meta({
  description:
    'A number (fixed) or { kind: params } with kind fixed, uniform, triangular, truncatedNormal, lognormal, beta, … e.g. { "triangular": { "min": 0.75, "mode": 0.85, "max": 1 } }.',
}) as unknown as z.ZodType<DistributionSpec>;

/**
 * A target cohort: the people an intervention reaches. Filters combine (AND); omitted = all.
 * `topRiskPercent` keeps, among the filtered people, the highest-risk x% of the whole
 * population, ranked by expected emergency admissions per person-year (risk stratification).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cohortSchema.parse({ segments: [3, 4] }).segments?.length, 2);
 * assert.equal(cohortSchema.safeParse({ segments: [5] }).success, false);
 * ```
 */
export const cohortSchema: z.ZodType<Cohort, CohortInput> = z.strictObject({
  id: z.string().min(1).optional().meta({ description: "Cohort label used to tag results." }),
  ageBands: z.array(z.string().min(1)).min(1).optional().meta({
    description: "Age band ids (scenario's bands).",
  }),
  minAgeYears: z.number().int().min(0).max(120).optional().meta({
    description: "Only bands whose lowest age is at least this.",
  }),
  segments: z.array(z.number().int().min(1).max(4) as unknown as z.ZodType<1 | 2 | 3 | 4>)
    .min(1).optional().meta({ description: "Need segments 1–4." }),
  residence: z.array(z.enum(["home", "careHome"])).min(1).optional().meta({
    description: "Where the people live.",
  }),
  topRiskPercent: z.number().gt(0).max(100).optional().meta({
    description: "Top x% of the population by risk of emergency admission.",
  }),
});

/** A strict object whose keys are all optional and share one value schema. */
function keyed<K extends string, T extends z.ZodType>(keys: readonly K[], value: T) {
  return z.strictObject(
    Object.fromEntries(keys.map((k) => [k, value.optional()])) as Record<K, z.ZodOptional<T>>,
  );
}

/** Longest inter-site transfer delay, hours (30 days). */
const MAX_TRANSFER_DELAY_HOURS = 720;

/**
 * Effects that may be given as an absolute change (`{ "change": … }`) instead of a rate ratio:
 * length of stay in days per stay (the stay is floored at 0), emergency admissions per
 * person-year (the cell's rate is floored at 0).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(CHANGE_EFFECTS.includes("lengthOfStay"));
 * ```
 */
export const CHANGE_EFFECTS = ["lengthOfStay", "emergencyAdmission"] as const;

/** An effect: a rate-ratio distribution, or an absolute change (see `CHANGE_EFFECTS`). */
export type EffectSpec = DistributionSpec | { change: DistributionSpec };

/** Largest absolute change: days of stay, or admissions per person-year. */
const MAX_ABS_CHANGE = 365;

function effectValueSchema(
  name: EffectName,
): z.ZodType<DistributionSpec | { change: DistributionSpec }> {
  const ratio = name === "dischargeToAssess"
    ? distributionWithin(0, 1, "a probability")
    : distributionWithin(0, LIMITS.rateRatio.max, "a rate ratio");
  if (!(CHANGE_EFFECTS as readonly string[]).includes(name)) return ratio;
  const change = z.strictObject({
    change: distributionWithin(-MAX_ABS_CHANGE, MAX_ABS_CHANGE, "an absolute change"),
  });
  return z.union([change, ratio]) as unknown as z.ZodType<
    DistributionSpec | { change: DistributionSpec }
  >;
}

const effectsSchema = z.strictObject(
  Object.fromEntries(
    EFFECT_NAMES.map((name) => [name, effectValueSchema(name).optional()]),
  ) as Record<
    EffectName,
    z.ZodOptional<z.ZodType<DistributionSpec | { change: DistributionSpec }>>
  >,
).meta({
  description:
    'Effect sizes by parameter: rate ratios (1 = no change, 0.85 = 15% fewer), dischargeToAssess a probability; lengthOfStay (days) and emergencyAdmission (per person-year) may instead be an absolute change { "change": -1 }; each a distribution sampled once per replication.',
});

/**
 * The parts of each shipped care model, by part id ("main" is the first part). A scenario's
 * `parts` overrides are keyed by these ids.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(CARE_MODEL_PARTS.pacs, ["main", "triage", "d2a"]);
 * ```
 */
export const CARE_MODEL_PARTS: Readonly<Record<CareModelId, readonly string[]>> = {
  baseline: ["main"],
  mcp: ["main"],
  pacs: ["main", "triage", "d2a"],
  ehch: ["main"],
  uec: ["main"],
  acc: ["main"],
};

/** The part id of the first part of a care model. */
export const MAIN_PART = "main";

/**
 * How staff needs scale: per person enrolled (cohort × ramp-up), per occupied place or
 * caseload of the capacity the part adds, per visit it adds, or per person of the whole
 * population.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(STAFF_BASES.includes("occupiedPlace"));
 * ```
 */
export const STAFF_BASES = ["enrolled", "occupiedPlace", "visit", "population"] as const;
/** A staffing basis. */
export type StaffBasis = typeof STAFF_BASES[number];

const staffNeedSchema = z.strictObject({
  ftePer1000Cohort: z.number().min(0).optional().meta({
    description: 'FTE per 1,000 enrolled (same as { "per": "enrolled", "fte": x, "every": 1000 }).',
  }),
  ftePer100kPopulation: z.number().min(0).optional().meta({
    description: "FTE per 100,000 population, scaled by the ramp-up.",
  }),
  per: z.enum(STAFF_BASES).optional().meta({
    description:
      "Staffing rule: FTE `fte` for every `every` people enrolled, occupied places (caseload) of the part's added intermediate beds and reablement slots, visits a year of its added crisis-response capacity, or people in the population (× ramp-up).",
  }),
  fte: z.number().min(0).optional().meta({ description: "FTE for every `every` units of `per`." }),
  every: z.number().positive().optional().meta({
    description: "Units of `per` that need `fte` FTE (default 1).",
  }),
}).refine((v) => (v.per === undefined) === (v.fte === undefined), {
  message:
    'expected "per" and "fte" together (e.g. { "per": "occupiedPlace", "fte": 1, "every": 10 })',
}).refine((v) => v.every === undefined || v.per !== undefined, {
  message: '"every" needs "per" and "fte"',
});

/** Override fields shared by a `careModels` entry (its main part) and each of its `parts`. */
const partFields = {
  label: z.string().optional().meta({ description: "Human label." }),
  startDate: calendarDateSchema.optional().meta({
    description: "Go-live date (default: scenario start).",
  }),
  rampUpMonths: z.number().min(0).max(120).optional().meta({
    description: "Months from go-live to full effect (default: the model's).",
  }),
  rampShape: z.enum(["linear", "step", "s-curve"]).optional().meta({
    description: "Shape of the ramp-up (default: the model's).",
  }),
  cohort: cohortSchema.optional().meta({ description: "Target cohort (replaces the model's)." }),
  effects: effectsSchema.optional(),
  segmentEffects: z.strictObject({
    "1": effectsSchema.optional(),
    "2": effectsSchema.optional(),
    "3": effectsSchema.optional(),
    "4": effectsSchema.optional(),
  }).optional().meta({
    description:
      "Effects for people of one need segment (keys 1–4), replacing `effects` for that segment effect by effect.",
  }),
  capacity: keyed(
    CAPACITY_NAMES,
    distributionWithin(0, LIMITS.per100k.max, "a capacity per 100,000 people"),
  ).optional().meta({
    description: "Capacity added at full effect, per 100,000 people.",
  }),
  displacement: keyed(DISPLACEMENT_DESTINATIONS, z.number().min(0).max(1))
    .refine((m) => Object.values(m).reduce((a, b) => a + (b ?? 0), 0) <= 1 + 1e-9, {
      message: "expected shares summing to at most 1",
    }).optional().meta({ description: "Where averted admissions go instead (shares)." }),
  staff: keyed(STAFF_GROUPS, staffNeedSchema).optional().meta({
    description: "Staff the intervention needs at full effect (replaces the model's).",
  }),
  interSiteTransferDelayHours: distributionWithin(
    0,
    MAX_TRANSFER_DELAY_HOURS,
    "hours (at most 30 days)",
  ).nullable().optional().meta({
    description:
      "acc: transfer delay to a site with a free bed (enables transfers); null = no transfers.",
  }),
};

const PART_ID = /^[A-Za-z0-9_-]+$/;

/**
 * One care model in a scenario: a shipped model by name with optional overrides.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const e = careModelEntrySchema.parse({ model: "ehch" });
 * assert.equal(e.preset, "evidence");
 * ```
 */
export const careModelEntrySchema: z.ZodType<CareModelEntry, CareModelEntryInput> = z
  .strictObject({
    model: z.enum([...CARE_MODEL_IDS, "custom"]).meta({
      description: 'Shipped care model, or "custom" (a care model written out in `parts`).',
    }),
    id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, { message: "expected letters, digits, _ . : -" })
      .optional().meta({
        description:
          'Tag in results (default: the model id, or "<model>-ambition" with the stated-ambition preset).',
      }),
    preset: z.enum(PRESETS).default("evidence").meta({
      description: "evidence (default) or stated-ambition (the vanguards' own targets).",
    }),
    ...partFields,
    parts: z.record(
      z.string().regex(PART_ID, { message: "expected a part id: letters, digits, _ -" }),
      z.strictObject(partFields),
    ).optional().meta({
      description:
        'Overrides by part id (shipped models: "main" and e.g. pacs "d2a"); for "custom", the parts themselves. Fields as the entry\'s own, which apply to the main part (go-live and ramp-up: every part).',
    }),
  }).superRefine((e, ctx) => {
    const parts = Object.keys(e.parts ?? {});
    if (e.model === "custom") {
      if (parts.length === 0) {
        ctx.addIssue({
          code: "custom",
          path: ["parts"],
          message:
            'expected at least one part for a "custom" care model, e.g. { "main": { "cohort": { "segments": [4] }, "effects": { "emergencyAdmission": 0.9 } } }',
        });
      }
      return;
    }
    const known = CARE_MODEL_PARTS[e.model];
    for (const p of parts) {
      if (!known.includes(p)) {
        ctx.addIssue({
          code: "custom",
          path: ["parts", p],
          message: `expected a part of ${e.model} (${known.join(", ")}), found "${p}"`,
        });
      }
    }
  });

/**
 * A comparison option: a set of care models applied together, paired against the baseline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const o = optionSchema.parse({ id: "mcp", careModels: [{ model: "mcp" }] });
 * assert.equal(o.careModels[0].model, "mcp");
 * ```
 */
export const optionSchema: z.ZodType<Option, OptionInput> = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, { message: "expected letters, digits, _ . : -" })
    .meta({ description: "Option id (used in result names)." }),
  label: z.string().optional().meta({ description: "Human label." }),
  careModels: z.array(careModelEntrySchema).max(LIMITS.options.max, {
    message: LIMITS.options.reason,
  }).meta({ description: "Care models applied together." }),
});

const perYear = (value: number, desc: string, source: string, isAssumption = false) =>
  z.number().positive().default(value).meta({
    ...(isAssumption ? assumption(desc, source) : evidence(desc, source)),
  });

/**
 * Workforce productivity assumptions (activity per FTE) and optional staff in post.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(workforceSchema.parse({}).productivity.gpAppointmentsPerFtePerYear, 5700);
 * ```
 */
export const workforceSchema: z.ZodType<Workforce, WorkforceInput> = z.strictObject({
  productivity: z.strictObject({
    gpAppointmentsPerFtePerYear: perYear(
      5700,
      "GP appointments per GP FTE per year.",
      "B5 ≈5,700 (312m × 51.8% ÷ 28,315; D, biased upward)",
    ),
    practiceNurseAppointmentsPerGpAppointment: perYear(
      0.35,
      "Practice-nurse appointments per GP appointment.",
      "B5 GPs give 51.8% of practice appointments (A); nurses' share of the rest not in evidence.md",
      true,
    ),
    practiceNurseAppointmentsPerFtePerYear: perYear(
      7000,
      "Practice-nurse appointments per FTE per year.",
      "not in evidence.md (≈ 32 per day × 220 days)",
      true,
    ),
    districtNurseVisitsPerFtePerDay: perYear(
      8,
      "District-nursing visits per nurse FTE per working day.",
      "F5 QNI: 9–10 visits/day compromises care → ceiling ≈8 (B, D)",
    ),
    crisisResponseVisitsPerFtePerDay: perYear(
      4,
      "Crisis-response visits per clinician FTE per working day.",
      "not in evidence.md (longer, urgent visits with travel)",
      true,
    ),
    workingDaysPerFtePerYear: perYear(
      220,
      "Working days per community FTE per year.",
      "B5 ~190–220 days (D)",
    ),
    wardNursesPerOccupiedBedPerShift: perYear(
      0.125,
      "Registered nurses per occupied acute bed per shift (1:8), over 24/7.",
      "not in evidence.md (safe-staffing 1:8 guidance)",
      true,
    ),
    healthcareAssistantsPerOccupiedBedPerShift: perYear(
      0.1,
      "Healthcare assistants per occupied bed per shift, over 24/7 (acute and intermediate).",
      "not in evidence.md",
      true,
    ),
    intermediateNursesPerOccupiedBedPerShift: perYear(
      0.08,
      "Nurses per occupied intermediate-care bed per shift, over 24/7.",
      "not in evidence.md",
      true,
    ),
    hoursPerFtePerWeek: perYear(37.5, "Contracted hours per FTE per week.", "NHS full time", true),
    rosterHeadroomShare: z.number().min(0).max(0.9).default(0.22).meta({
      ...assumption(
        "Share of contracted hours lost to leave, training and sickness (ward rosters).",
        "not in evidence.md",
      ),
    }),
    careHoursPerCareWorkerFtePerWeek: perYear(
      25,
      "Home-care contact hours per care-worker FTE per week (rest is travel and admin).",
      "B5/F7 not retrieved (B5 ⚠)",
      true,
    ),
    socialCareFtePerJob: z.number().positive().max(1).default(0.7).meta({
      ...evidence(
        "FTE per social-care job (jobs = FTE ÷ this).",
        "B5 1.62m jobs = 1.13m FTE ≈0.70 (Skills for Care 2019, A/B)",
      ),
    }),
    careHomeStaffFtePerResident: perYear(
      0.8,
      "Care-home staff FTE per resident.",
      "not in evidence.md",
      true,
    ),
    socialWorkerCaseStartsPerFtePerYear: perYear(
      120,
      "Care-home admissions, home-care and reablement starts per social-worker FTE per year.",
      "not in evidence.md",
      true,
    ),
  }).prefault({}),
  staffInPost: keyed(STAFF_GROUPS, z.number().min(0)).optional().meta({
    description: "FTE in post by staff group (the gap = demand − in post).",
  }),
});

export type {
  CareModelEntry,
  CareModelEntryInput,
  Cohort,
  CohortInput,
  Option,
  OptionInput,
  Workforce,
  WorkforceInput,
} from "./schema_types.ts";
