/**
 * Turning drawn interventions into the model's hooks: per-cell components (rate multipliers
 * scaled by ramp-up and cohort share, tagged for attribution) and daily capacity additions.
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import type {
  CapacityAdditions,
  CellKey,
  Destination,
  DisplacementTarget,
  ModelModifiers,
  ModifierComponent,
  RateMultipliers,
} from "../modifiers.ts";
import { RATE_EFFECT_NAMES } from "../../scenarios/care_model_names.ts";
import { cellRiskScores, cohortShares, RiskRanking } from "./cohort_match.ts";
import { cohortLabel } from "./intervention.ts";
import { daysBetween, rampFraction } from "./ramp.ts";
import type { DrawnEffects, SampledIntervention } from "./sample.ts";

const MIX_KEYS: Exclude<Destination, "death">[] = [
  "home",
  "reablement",
  "homeCarePackage",
  "intermediateCare",
  "careHome",
];
const TARGETS: DisplacementTarget[] = [
  "crisisResponse",
  "stepUpBed",
  "urgentTreatmentCentre",
  "gp",
];

interface Prepared {
  s: SampledIntervention;
  shares: Float64Array;
  ranking?: RiskRanking;
  startDay: number;
  cohort: string;
  displacement: Partial<Record<DisplacementTarget, number>>;
}

/**
 * Builds the model hooks for a set of drawn interventions applied together. A cell's
 * multiplier for an effect drawn as m, with ramp-up fraction f and cohort share w, is
 * 1 + f·w·(m − 1) (so an identity effect, or f = 0, gives exactly 1); an absolute change of
 * emergency admissions Δ per person-year is the ratio max(0, 1 + Δ / the cell's rate), and of
 * length of stay Δ days adds f·w·Δ days to each stay; a segment's own effects replace the
 * general ones by name. Top-x% risk cohorts are re-ranked on the current counts every day
 * (`observe`). Capacity is the drawn value × f × population / 100,000 (beds rounded).
 *
 * @param scenario A resolved scenario.
 * @param sampled Drawn interventions, in order (the attribution order of averted admissions).
 * @returns The hooks (no hooks when `sampled` is empty).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * import { defineIntervention } from "./intervention.ts";
 * import { effectStream, sampleIntervention } from "./sample.ts";
 * const s = parseScenario({ version: 1, population: { size: 1000 } });
 * const iv = defineIntervention({ id: "ch", cohort: { residence: ["careHome"] }, effects: { emergencyAdmission: 0.8 } });
 * const mods = buildModifiers(s, [sampleIntervention(iv, effectStream(1, 0, "ch"))]);
 * const cell = { index: 1, bandIndex: 0, bandId: "0-64", minAgeYears: 0, segment: 1, residence: "careHome" } as const;
 * assert.equal(mods.components!(0, cell)![0].multipliers.emergencyAdmission, 0.8);
 * ```
 */
export function buildModifiers(
  scenario: Scenario,
  sampled: readonly SampledIntervention[],
): ModelModifiers {
  if (sampled.length === 0) return {};
  const prepared: Prepared[] = sampled.map((s) => {
    const iv = s.intervention;
    const displacement: Partial<Record<DisplacementTarget, number>> = {};
    for (const t of TARGETS) if (iv.displacement[t]) displacement[t] = iv.displacement[t];
    return {
      s,
      shares: cohortShares(scenario, iv.cohort),
      ...(iv.cohort.topRiskPercent !== undefined
        ? { ranking: new RiskRanking(scenario, iv.cohort) }
        : {}),
      startDay: iv.startDate ? daysBetween(scenario.startDate, iv.startDate) : 0,
      cohort: cohortLabel(iv.cohort),
      displacement,
    };
  });
  const ramp = (p: Prepared, day: number) =>
    rampFraction(day, {
      startDay: p.startDay,
      rampUpMonths: p.s.intervention.rampUpMonths,
      shape: p.s.intervention.rampShape,
    });
  const size = scenario.population.size;
  const ranked = prepared.filter((p) => p.ranking);
  const risk = prepared.some((p) => hasChange(p.s, "emergencyAdmission"))
    ? cellRiskScores(scenario)
    : undefined;
  return {
    ...(ranked.length > 0
      ? {
        observe(_dayIndex: number, people: ArrayLike<number>): void {
          for (const p of ranked) p.ranking!.fill(people, p.shares);
        },
      }
      : {}),
    components(dayIndex: number, cell: CellKey): ModifierComponent[] | undefined {
      let out: ModifierComponent[] | undefined;
      for (const p of prepared) {
        const share = p.shares[cell.index];
        if (share <= 0) continue;
        const f = ramp(p, dayIndex);
        const w = f * share;
        const seg = p.s.segments?.[cell.segment];
        const e = seg ? segmentRatios(p.s, seg) : p.s.effects;
        const ch = seg ? segmentChanges(p.s, seg) : p.s.changes;
        const m: RateMultipliers = {};
        for (const k of RATE_EFFECT_NAMES) {
          const v = k === "emergencyAdmission" && ch.emergencyAdmission !== undefined
            ? Math.max(0, 1 + ch.emergencyAdmission / risk![cell.index]!)
            : e[k];
          if (v !== undefined && v !== 1) m[k] = 1 + w * (v - 1);
        }
        if (ch.lengthOfStay) m.lengthOfStayChangeDays = w * ch.lengthOfStay;
        if (e.dischargeToAssess) m.dischargeToAssess = w * e.dischargeToAssess;
        for (const d of MIX_KEYS) {
          const v = e[`dischargeMix.${d}` as const];
          if (v !== undefined && v !== 1) (m.dischargeMix ??= {})[d] = 1 + w * (v - 1);
        }
        (out ??= []).push({
          tag: p.s.intervention.id,
          cohort: p.cohort,
          share,
          ramp: f,
          multipliers: m,
          displacement: p.displacement,
        });
      }
      return out;
    },
    capacity(dayIndex: number): CapacityAdditions | undefined {
      let out: CapacityAdditions | undefined;
      for (const p of prepared) {
        const f = ramp(p, dayIndex);
        if (f <= 0) continue;
        const c = p.s.capacity;
        const scale = f * size / 1e5;
        const add = (key: keyof CapacityAdditions, v: number | undefined, round = false) => {
          if (!v) return;
          const x = round ? Math.round(v * scale) : v * scale;
          out ??= {} as CapacityAdditions;
          (out as Record<string, number>)[key] = ((out as Record<string, number>)[key] ?? 0) + x;
        };
        add("crisisResponseVisitsPerDay", c.crisisResponseVisitsPerDayPer100k);
        add("intermediateBeds", c.intermediateBedsPer100k, true);
        add("gpAppointmentsPerWeek", c.gpAppointmentsPerWeekPer100k);
        add("homeCareHoursPerWeek", c.homeCareHoursPerWeekPer100k);
        add("reablementSlots", c.reablementSlotsPer100k, true);
        if (c.crisisResponseVisitsPerDayPer100k && out) {
          out.crisisResponseTag ??= p.s.intervention.id;
        }
        if (c.intermediateBedsPer100k && out) out.intermediateBedsTag ??= p.s.intervention.id;
        if (p.s.interSiteTransferDelayHours !== undefined) {
          (out ??= {}).interSiteTransferDelayHours ??= p.s.interSiteTransferDelayHours;
        }
      }
      return out;
    },
  };
}

function hasChange(s: SampledIntervention, name: "emergencyAdmission"): boolean {
  return s.changes[name] !== undefined ||
    Object.values(s.segments ?? {}).some((d) => d?.changes[name] !== undefined);
}

/** A segment's ratios: its own, and the general ones it does not replace (by a ratio or a
 * change of the same name). */
function segmentRatios(s: SampledIntervention, seg: DrawnEffects): DrawnEffects["effects"] {
  const out = { ...s.effects, ...seg.effects };
  for (const k of Object.keys(seg.changes)) delete out[k as keyof typeof out];
  return out;
}

/** A segment's changes: its own, and the general ones it does not replace. */
function segmentChanges(s: SampledIntervention, seg: DrawnEffects): DrawnEffects["changes"] {
  const out = { ...s.changes, ...seg.changes };
  for (const k of Object.keys(seg.effects)) delete out[k as keyof typeof out];
  return out;
}
