/**
 * The intervention interface: what a care model changes, for whom, from when, with what
 * uncertainty and with what staff. An intervention is plain data (structured-cloneable), so it
 * can be written in a scenario file, built in code, and sent to replication workers.
 *
 * @module
 */

import { distributionFromSpec, type DistributionSpec } from "../../sim/mod.ts";
import {
  CAPACITY_NAMES,
  type CapacityName,
  CHANGE_EFFECTS,
  DISPLACEMENT_DESTINATIONS,
  type DisplacementDestination,
  EFFECT_NAMES,
  type EffectName,
  type EffectSpec,
  STAFF_BASES,
  STAFF_GROUPS,
  type StaffBasis,
  type StaffGroup,
} from "../../scenarios/care_model_names.ts";
import type { RampShape } from "./ramp.ts";

/** Who an intervention reaches. Filters combine (AND); omitted filters match everyone. */
export interface CohortSpec {
  /** Label used to tag results (default: built from the filters). */
  id?: string;
  /** Age band ids. */
  ageBands?: string[];
  /** Only bands whose lowest age is at least this. */
  minAgeYears?: number;
  /** Need segments 1–4. */
  segments?: (1 | 2 | 3 | 4)[];
  /** Where the people live. */
  residence?: ("home" | "careHome")[];
  /** Top x% of the whole population by risk of emergency admission (risk stratification). */
  topRiskPercent?: number;
}

/**
 * Staff an intervention needs at full effect: `fte` FTE for every `every` (default 1) units of
 * `per` — people enrolled (cohort × ramp-up), occupied places of the capacity it adds
 * (caseload), visits a year of the crisis-response capacity it adds, or people in the
 * population (× ramp-up). The two shorthand fields add to the rule.
 */
export interface StaffNeed {
  /** FTE per 1,000 people enrolled (e.g. case managers). */
  ftePer1000Cohort?: number;
  /** FTE per 100,000 registered people, × ramp-up (e.g. a hub team). */
  ftePer100kPopulation?: number;
  /** What the staff need scales with. */
  per?: StaffBasis;
  /** FTE for every `every` units of `per`. */
  fte?: number;
  /** Units of `per` that need `fte` FTE. @default {1} */
  every?: number;
}

/** Effects for people of one need segment, replacing the general ones effect by effect. */
export type SegmentEffects = Partial<
  Record<"1" | "2" | "3" | "4", Partial<Record<EffectName, EffectSpec>>>
>;

/**
 * A care model as an intervention. Effects are rate ratios of named model parameters for the
 * cohort (1 = no change; `dischargeToAssess` is a probability), or absolute changes
 * (`{ change: -1 }`: length of stay in days, emergency admissions per person-year; see
 * `CHANGE_EFFECTS`), given as distributions and sampled once per replication, optionally
 * different by need segment; capacity is added at full effect per 100,000 people; both follow
 * the ramp-up.
 */
export interface Intervention {
  /** Tag in results, e.g. "mcp" (parts of one care model share it). */
  id: string;
  /** Part name when a care model has several interventions (e.g. "d2a"); separates their
   * parameter streams and sampled-effect keys. */
  part?: string;
  /** Human label. */
  label: string;
  /** Go-live date YYYY-MM-DD (default: the scenario's start date). */
  startDate?: string;
  /** Months from go-live to full effect. */
  rampUpMonths: number;
  /** Ramp-up shape. */
  rampShape: RampShape;
  /** Target cohort. */
  cohort: CohortSpec;
  /** Effect sizes by parameter (distributions of ratios, or `{ change }`). */
  effects: Partial<Record<EffectName, EffectSpec>>;
  /** Effects by need segment (keys "1"–"4"), replacing `effects` for that segment. */
  segmentEffects?: SegmentEffects;
  /** Capacity added at full effect, per 100,000 people (distributions). */
  capacity: Partial<Record<CapacityName, DistributionSpec>>;
  /** Where averted admissions go instead (shares; the rest "none"). */
  displacement: Partial<Record<DisplacementDestination, number>>;
  /** Staff needed at full effect. */
  staff: Partial<Record<StaffGroup, StaffNeed>>;
  /** Acute care collaboration: transfer delay to a site with a free bed (enables transfers). */
  interSiteTransferDelayHours?: DistributionSpec;
  /** Source of each default number, keyed like the fields ("effects.emergencyAdmission"). */
  sources?: Record<string, string>;
}

/** Input of {@linkcode defineIntervention}: only `id` is required. */
export type InterventionInput = Partial<Intervention> & { id: string };

/**
 * Builds a validated intervention, filling defaults (label = id, go-live at the scenario start,
 * no ramp-up, linear, everyone, no effects, capacity, displacement or staff).
 *
 * @param input The fields to set.
 * @returns The intervention (a fresh plain object).
 * @throws {TypeError} On an unknown effect, capacity, destination or staff group, or a bad
 *   distribution spec.
 * @throws {RangeError} On a negative ramp-up, displacement shares above 1 in total, or an
 *   out-of-range risk percentage.
 *
 * @example A new care model written in code
 * ```ts
 * import assert from "node:assert/strict";
 * const falls = defineIntervention({
 *   id: "falls",
 *   label: "Falls prevention for the frail",
 *   rampUpMonths: 6,
 *   cohort: { minAgeYears: 75, segments: [3, 4] },
 *   effects: { emergencyAdmission: { triangular: { min: 0.9, mode: 0.95, max: 1 } } },
 *   displacement: { gp: 0.5 },
 *   staff: { district_nurse: { ftePer1000Cohort: 2 } },
 * });
 * assert.equal(falls.rampShape, "linear");
 * ```
 */
export function defineIntervention(input: InterventionInput): Intervention {
  const action = "Cannot define an intervention";
  if (typeof input?.id !== "string" || input.id === "") {
    throw new TypeError(`${action}: id must be a non-empty string, received ${String(input?.id)}`);
  }
  const at = `${action} "${input.id}"`;
  const iv: Intervention = {
    id: input.id,
    label: input.label ?? input.id,
    ...(input.part ? { part: input.part } : {}),
    ...(input.startDate ? { startDate: input.startDate } : {}),
    rampUpMonths: input.rampUpMonths ?? 0,
    rampShape: input.rampShape ?? "linear",
    cohort: structuredClone(input.cohort ?? {}),
    effects: structuredClone(input.effects ?? {}),
    ...(input.segmentEffects ? { segmentEffects: structuredClone(input.segmentEffects) } : {}),
    capacity: structuredClone(input.capacity ?? {}),
    displacement: { ...(input.displacement ?? {}) },
    staff: structuredClone(input.staff ?? {}),
    ...(input.interSiteTransferDelayHours !== undefined
      ? { interSiteTransferDelayHours: structuredClone(input.interSiteTransferDelayHours) }
      : {}),
    ...(input.sources ? { sources: { ...input.sources } } : {}),
  };
  if (!(iv.rampUpMonths >= 0) || !Number.isFinite(iv.rampUpMonths)) {
    throw new RangeError(`${at}: rampUpMonths must be ≥ 0, received ${iv.rampUpMonths}`);
  }
  if (!["linear", "step", "s-curve"].includes(iv.rampShape)) {
    throw new TypeError(
      `${at}: rampShape must be linear, step or s-curve, received ${String(iv.rampShape)}`,
    );
  }
  const keys = (o: object, valid: readonly string[], what: string) => {
    for (const k of Object.keys(o)) {
      if (!valid.includes(k)) {
        throw new TypeError(
          `${at}: unknown ${what} ${JSON.stringify(k)}; valid: ${valid.join(", ")}`,
        );
      }
    }
  };
  keys(iv.effects, EFFECT_NAMES, "effect");
  keys(iv.segmentEffects ?? {}, ["1", "2", "3", "4"], "segment");
  for (const e of Object.values(iv.segmentEffects ?? {})) keys(e ?? {}, EFFECT_NAMES, "effect");
  keys(iv.capacity, CAPACITY_NAMES, "capacity");
  keys(iv.displacement, DISPLACEMENT_DESTINATIONS, "displacement destination");
  keys(iv.staff, STAFF_GROUPS, "staff group");
  for (const [group, need] of Object.entries(iv.staff)) {
    if (need?.per !== undefined && !STAFF_BASES.includes(need.per)) {
      throw new TypeError(
        `${at}: staff.${group}.per must be one of ${STAFF_BASES.join(", ")}, received ${
          JSON.stringify(need.per)
        }`,
      );
    }
    if ((need?.per === undefined) !== (need?.fte === undefined)) {
      throw new TypeError(`${at}: staff.${group} needs "per" and "fte" together`);
    }
    if (need?.every !== undefined && !(need.every > 0)) {
      throw new RangeError(`${at}: staff.${group}.every must be > 0, received ${need.every}`);
    }
  }
  const effectSpecs = (prefix: string, effects: Partial<Record<EffectName, EffectSpec>>) =>
    Object.entries(effects).map(([k, v]): [string, unknown] => {
      if (!isChange(v)) return [`${prefix}.${k}`, v];
      if (!(CHANGE_EFFECTS as readonly string[]).includes(k)) {
        throw new TypeError(
          `${at}: ${prefix}.${k} cannot be an absolute change; only ${
            CHANGE_EFFECTS.join(", ")
          } can (give a rate ratio instead)`,
        );
      }
      return [`${prefix}.${k}.change`, v.change];
    });
  const specs: [string, unknown][] = [
    ...effectSpecs("effects", iv.effects),
    ...Object.entries(iv.segmentEffects ?? {}).flatMap(([seg, e]) =>
      effectSpecs(`segmentEffects.${seg}`, e ?? {})
    ),
    ...Object.entries(iv.capacity).map(([k, v]) => [`capacity.${k}`, v] as [string, unknown]),
  ];
  if (iv.interSiteTransferDelayHours !== undefined) {
    specs.push(["interSiteTransferDelayHours", iv.interSiteTransferDelayHours]);
  }
  for (const [path, spec] of specs) {
    try {
      distributionFromSpec(spec);
    } catch (e) {
      throw new TypeError(`${at}: ${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  const shares = Object.values(iv.displacement).reduce((a, b) => a + (b ?? 0), 0);
  if (!(shares <= 1 + 1e-9) || Object.values(iv.displacement).some((v) => !(v! >= 0))) {
    throw new RangeError(
      `${at}: displacement shares must be ≥ 0 and sum to ≤ 1, received ${shares}`,
    );
  }
  const risk = iv.cohort.topRiskPercent;
  if (risk !== undefined && !(risk > 0 && risk <= 100)) {
    throw new RangeError(`${at}: cohort.topRiskPercent must be in (0, 100], received ${risk}`);
  }
  return iv;
}

/**
 * A readable cohort label built from its filters, e.g. "segments 3-4, home".
 *
 * @param cohort The cohort.
 * @returns The cohort's id, or a label from its filters ("everyone" when unfiltered).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cohortLabel({ residence: ["careHome"] }), "careHome");
 * assert.equal(cohortLabel({ segments: [3, 4], topRiskPercent: 3 }), "segments 3-4, top 3% risk");
 * ```
 */
export function cohortLabel(cohort: CohortSpec): string {
  if (cohort.id) return cohort.id;
  const parts: string[] = [];
  if (cohort.ageBands) parts.push(`ages ${cohort.ageBands.join("/")}`);
  if (cohort.minAgeYears !== undefined) parts.push(`${cohort.minAgeYears}+`);
  if (cohort.segments) parts.push(`segments ${cohort.segments.join("-")}`);
  if (cohort.residence) parts.push(cohort.residence.join("/"));
  if (cohort.topRiskPercent !== undefined) parts.push(`top ${cohort.topRiskPercent}% risk`);
  return parts.length ? parts.join(", ") : "everyone";
}

/**
 * Whether an effect is an absolute change (`{ change: … }`) rather than a ratio distribution.
 *
 * @param spec An effect.
 * @returns True for `{ change }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isChange({ change: -1 }), true);
 * assert.equal(isChange(0.9), false);
 * ```
 */
export function isChange(spec: unknown): spec is { change: DistributionSpec } {
  return typeof spec === "object" && spec !== null && "change" in spec &&
    Object.keys(spec).length === 1;
}
