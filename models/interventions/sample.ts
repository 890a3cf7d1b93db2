/**
 * Sampling an intervention's uncertain effect sizes once per replication (or per parameter
 * sample of a nested design), from a dedicated named stream per intervention, so adding or
 * removing an intervention never shifts another's draws or the model's own streams.
 *
 * @module
 */

import { createStream, distributionFromSpec, type RandomStream } from "../../sim/mod.ts";
import {
  CAPACITY_NAMES,
  type CapacityName,
  EFFECT_NAMES,
  type EffectName,
} from "../../scenarios/care_model_names.ts";
import { type Intervention, isChange } from "./intervention.ts";

/** Drawn effects of one group of people: ratios and absolute changes. */
export interface DrawnEffects {
  /** Drawn effects (rate ratios; dischargeToAssess a probability). */
  effects: Partial<Record<EffectName, number>>;
  /** Drawn absolute changes (lengthOfStay days; emergencyAdmission per person-year). */
  changes: Partial<Record<EffectName, number>>;
}

/** An intervention with its effect sizes and capacities drawn. */
export interface SampledIntervention extends DrawnEffects {
  /** The intervention. */
  intervention: Intervention;
  /** Drawn effects of need segments with their own (replacing the general ones by name). */
  segments?: Partial<Record<1 | 2 | 3 | 4, DrawnEffects>>;
  /** Drawn capacity additions at full effect, per 100,000 people. */
  capacity: Partial<Record<CapacityName, number>>;
  /** Drawn transfer delay, hours (acute care collaboration). */
  interSiteTransferDelayHours?: number;
}

/**
 * The dedicated stream of an intervention's parameter draws.
 *
 * @param seed Master seed.
 * @param parameterSample Parameter sample index (the replication index unless nested).
 * @param tag Intervention id.
 * @returns The stream "effects:<tag>".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(effectStream(1, 0, "mcp").random(), effectStream(1, 0, "mcp").random());
 * ```
 */
export function effectStream(seed: number, parameterSample: number, tag: string): RandomStream {
  return createStream(seed, parameterSample, `effects:${tag}`);
}

/**
 * The stream key of an intervention: its id, plus "/part" for a care model's extra parts.
 *
 * @param intervention The intervention.
 * @returns e.g. "pacs" or "pacs/d2a".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(samplingKey({ id: "pacs", part: "d2a" }), "pacs/d2a");
 * ```
 */
export function samplingKey(intervention: { id: string; part?: string }): string {
  return intervention.part ? `${intervention.id}/${intervention.part}` : intervention.id;
}

/**
 * Draws every effect and capacity of an intervention once, in a fixed order (effects, then
 * capacities, then the transfer delay, then segment effects by segment, each in its declared
 * name order), so adding segment effects never shifts the other draws.
 *
 * @param intervention The intervention.
 * @param stream The stream to draw from (see {@linkcode effectStream}).
 * @returns The drawn values.
 * @throws {RangeError} If a drawn rate ratio or capacity is negative, or a drawn
 *   dischargeToAssess probability is outside [0, 1].
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defineIntervention } from "./intervention.ts";
 * const iv = defineIntervention({ id: "x", effects: { emergencyAdmission: { uniform: { min: 0.8, max: 0.9 } } } });
 * const s = sampleIntervention(iv, effectStream(1, 0, "x"));
 * assert.ok(s.effects.emergencyAdmission! >= 0.8 && s.effects.emergencyAdmission! <= 0.9);
 * ```
 */
export function sampleIntervention(
  intervention: Intervention,
  stream: RandomStream,
): SampledIntervention {
  const at = `Cannot sample intervention "${intervention.id}"`;
  const draw = (effectsIn: Intervention["effects"], prefix: string): DrawnEffects => {
    const effects: Partial<Record<EffectName, number>> = {};
    const changes: Partial<Record<EffectName, number>> = {};
    for (const name of EFFECT_NAMES) {
      const spec = effectsIn[name];
      if (spec === undefined) continue;
      if (isChange(spec)) {
        changes[name] = distributionFromSpec(spec.change).sample(stream);
        continue;
      }
      const v = distributionFromSpec(spec).sample(stream);
      const max = name === "dischargeToAssess" ? 1 : Infinity;
      if (!(v >= 0 && v <= max)) {
        throw new RangeError(`${at}: ${prefix}.${name} drew ${v}, expected a value in [0, ${max}]`);
      }
      effects[name] = v;
    }
    return { effects, changes };
  };
  const { effects, changes } = draw(intervention.effects, "effects");
  const capacity: Partial<Record<CapacityName, number>> = {};
  for (const name of CAPACITY_NAMES) {
    const spec = intervention.capacity[name];
    if (spec === undefined) continue;
    const v = distributionFromSpec(spec).sample(stream);
    if (!(v >= 0)) throw new RangeError(`${at}: capacity.${name} drew ${v}, expected ≥ 0`);
    capacity[name] = v;
  }
  const out: SampledIntervention = { intervention, effects, changes, capacity };
  if (intervention.interSiteTransferDelayHours !== undefined) {
    const v = distributionFromSpec(intervention.interSiteTransferDelayHours).sample(stream);
    if (!(v >= 0)) throw new RangeError(`${at}: interSiteTransferDelayHours drew ${v}`);
    out.interSiteTransferDelayHours = v;
  }
  for (const seg of [1, 2, 3, 4] as const) {
    const e = intervention.segmentEffects?.[`${seg}`];
    if (e) (out.segments ??= {})[seg] = draw(e, `segmentEffects.${seg}`);
  }
  return out;
}

/**
 * The drawn values as flat "<tag>.<name>" entries (for `OptionResult.sampledEffects`).
 *
 * @param sampled Drawn interventions.
 * @returns e.g. `{ "mcp.emergencyAdmission": 0.99 }`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defineIntervention } from "./intervention.ts";
 * const iv = defineIntervention({ id: "x", effects: { lengthOfStay: 0.9 } });
 * assert.deepEqual(flattenSampled([sampleIntervention(iv, effectStream(1, 0, "x"))]), { "x.lengthOfStay": 0.9 });
 * ```
 */
export function flattenSampled(sampled: readonly SampledIntervention[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sampled) {
    const tag = s.intervention.part
      ? `${s.intervention.id}.${s.intervention.part}`
      : s.intervention.id;
    for (const [k, v] of Object.entries(s.effects)) out[`${tag}.${k}`] = v!;
    for (const [k, v] of Object.entries(s.changes)) out[`${tag}.${k}.change`] = v!;
    for (const [seg, d] of Object.entries(s.segments ?? {})) {
      for (const [k, v] of Object.entries(d!.effects)) out[`${tag}.segment${seg}.${k}`] = v!;
      for (const [k, v] of Object.entries(d!.changes)) {
        out[`${tag}.segment${seg}.${k}.change`] = v!;
      }
    }
    for (const [k, v] of Object.entries(s.capacity)) out[`${tag}.capacity.${k}`] = v!;
    if (s.interSiteTransferDelayHours !== undefined) {
      out[`${tag}.interSiteTransferDelayHours`] = s.interSiteTransferDelayHours;
    }
  }
  return out;
}
