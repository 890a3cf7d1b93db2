/**
 * The shipped care models by id, and the step from a scenario's `careModels` entry (model,
 * preset and overrides) to interventions.
 *
 * @module
 */

import type { CareModelEntry } from "../../scenarios/care_model_schema.ts";
import { type CareModelId, MAIN_PART } from "../../scenarios/care_model_names.ts";
import {
  defineIntervention,
  type Intervention,
  type InterventionInput,
} from "../interventions/intervention.ts";
import { ACC } from "./acc.ts";
import { BASELINE } from "./baseline.ts";
import type { CareModelDefinition } from "./definition.ts";
import { EHCH } from "./ehch.ts";
import { MCP } from "./mcp.ts";
import { PACS } from "./pacs.ts";
import { UEC } from "./uec.ts";

/**
 * The shipped care models.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(CARE_MODELS.ehch.label, "Enhanced health in care homes");
 * ```
 */
export const CARE_MODELS: Readonly<Record<CareModelId, CareModelDefinition>> = Object.freeze({
  baseline: BASELINE,
  mcp: MCP,
  pacs: PACS,
  ehch: EHCH,
  uec: UEC,
  acc: ACC,
});

/**
 * The tag of a scenario entry: its `id`, else the model id ("<model>-ambition" for the
 * stated-ambition preset).
 *
 * @param entry A parsed `careModels` entry.
 * @returns The tag.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(entryTag({ model: "mcp", preset: "stated-ambition" }), "mcp-ambition");
 * ```
 */
export function entryTag(entry: Pick<CareModelEntry, "model" | "preset" | "id">): string {
  return entry.id ?? (entry.preset === "stated-ambition" ? `${entry.model}-ambition` : entry.model);
}

/** The override fields of an entry or of one of its parts. */
type PartOverrides = Omit<CareModelEntry, "model" | "id" | "preset" | "parts">;

/** A part with overrides applied; `merge` merges effects and capacity instead of replacing. */
function overridden(p: InterventionInput, o: PartOverrides, main: boolean): InterventionInput {
  const out: InterventionInput = {
    ...p,
    ...(o.label && main ? { label: o.label } : {}),
    ...(o.startDate ? { startDate: o.startDate } : {}),
    ...(o.rampUpMonths !== undefined ? { rampUpMonths: o.rampUpMonths } : {}),
    ...(o.rampShape ? { rampShape: o.rampShape } : {}),
  };
  if (!main) return out;
  if (o.cohort) out.cohort = o.cohort;
  if (o.effects) out.effects = { ...p.effects, ...o.effects };
  if (o.segmentEffects) out.segmentEffects = { ...p.segmentEffects, ...o.segmentEffects };
  if (o.capacity) out.capacity = { ...p.capacity, ...o.capacity };
  if (o.displacement) out.displacement = o.displacement;
  if (o.staff) out.staff = o.staff;
  if (o.interSiteTransferDelayHours === null) delete out.interSiteTransferDelayHours;
  else if (o.interSiteTransferDelayHours !== undefined) {
    out.interSiteTransferDelayHours = o.interSiteTransferDelayHours;
  }
  return out;
}

/**
 * The interventions of a scenario entry: the model's preset parts, retagged with the entry's
 * tag; go-live, ramp-up and shape apply to every part; cohort, effects (merged), capacity
 * (merged), displacement, staff and transfer delay override the main (first) part; then each
 * `parts` entry overrides its part by id (every field, for that part only). A `"custom"` entry
 * is its `parts` (the part "main", if any, first in attribution order as written).
 *
 * @param entry A parsed `careModels` entry.
 * @returns The interventions (validated).
 * @throws {TypeError | RangeError} As `defineIntervention`, or for a part id the model lacks.
 *
 * @example EHCH with a 12-month ramp, and PACS with no discharge to assess
 * ```ts
 * import assert from "node:assert/strict";
 * const [iv] = interventionsFromEntry({ model: "ehch", preset: "evidence", rampUpMonths: 12 });
 * assert.equal(iv.rampUpMonths, 12);
 * assert.equal(iv.id, "ehch");
 * const pacs = interventionsFromEntry({
 *   model: "pacs",
 *   preset: "evidence",
 *   parts: { d2a: { effects: { dischargeToAssess: 0 } } },
 * });
 * assert.equal(pacs[2].effects.dischargeToAssess, 0);
 * ```
 */
export function interventionsFromEntry(entry: CareModelEntry): Intervention[] {
  const tag = entryTag(entry);
  const overrides = entry.parts ?? {};
  const parts: InterventionInput[] = entry.model === "custom"
    ? Object.keys(overrides).map((k) => ({
      id: tag,
      ...(k === MAIN_PART ? {} : { part: k }),
      label: entry.label ?? tag,
    }))
    : CARE_MODELS[entry.model].presets[entry.preset];
  const known = parts.map((p) => p.part ?? MAIN_PART);
  for (const k of Object.keys(overrides)) {
    if (!known.includes(k)) {
      throw new TypeError(
        `Cannot build care model "${tag}": parts.${k} is not a part of ${entry.model} (parts: ${
          known.join(", ")
        })`,
      );
    }
  }
  return parts.map((p, i) => {
    const own = overrides[p.part ?? MAIN_PART];
    const withEntry = overridden({ ...p, id: tag }, entry, i === 0);
    return defineIntervention(own ? overridden(withEntry, own, true) : withEntry);
  });
}
