/**
 * The names the scenario format and the model share: care models, presets, effects,
 * capacities, displacement destinations, staff groups and bases, care-model parts. Plain
 * constants with no schema library, so the model (and the replication workers that load it)
 * can use them without loading the scenario schema; `care_model_schema.ts` builds its
 * validation from them.
 *
 * @module
 */

import type { DistributionSpec } from "../sim/mod.ts";

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
 * Effects that multiply a rate (as ratios), in the order a care model's day multipliers apply them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(RATE_EFFECT_NAMES.includes("lengthOfStay"));
 * ```
 */
export const RATE_EFFECT_NAMES = [
  "gpDemand",
  "edAttendance",
  "conversion",
  "emergencyAdmission",
  "deterioration",
  "lengthOfStay",
] as const;

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
  ...RATE_EFFECT_NAMES,
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
