/**
 * The shipped care models by id, and the step from a scenario's `careModels` entry (model,
 * preset and overrides) to interventions.
 *
 * @module
 */

import type { CareModelEntry, CareModelId } from "../../scenarios/care_model_schema.ts";
import { defineIntervention, type Intervention } from "../interventions/intervention.ts";
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

/**
 * The interventions of a scenario entry: the model's preset parts, retagged with the entry's
 * tag; go-live, ramp-up and shape apply to every part; cohort, effects (merged), capacity
 * (merged), displacement, staff and transfer delay override the main (first) part.
 *
 * @param entry A parsed `careModels` entry.
 * @returns The interventions (validated).
 * @throws {TypeError | RangeError} As `defineIntervention`.
 *
 * @example EHCH with a 12-month ramp
 * ```ts
 * import assert from "node:assert/strict";
 * const [iv] = interventionsFromEntry({ model: "ehch", preset: "evidence", rampUpMonths: 12 });
 * assert.equal(iv.rampUpMonths, 12);
 * assert.equal(iv.id, "ehch");
 * ```
 */
export function interventionsFromEntry(entry: CareModelEntry): Intervention[] {
  const tag = entryTag(entry);
  const parts = CARE_MODELS[entry.model].presets[entry.preset];
  return parts.map((p, i) => {
    const main = i === 0;
    return defineIntervention({
      ...p,
      id: tag,
      ...(entry.label && main ? { label: entry.label } : {}),
      ...(entry.startDate ? { startDate: entry.startDate } : {}),
      ...(entry.rampUpMonths !== undefined ? { rampUpMonths: entry.rampUpMonths } : {}),
      ...(entry.rampShape ? { rampShape: entry.rampShape } : {}),
      ...(main && entry.cohort ? { cohort: entry.cohort } : {}),
      ...(main && entry.effects ? { effects: { ...p.effects, ...entry.effects } } : {}),
      ...(main && entry.capacity ? { capacity: { ...p.capacity, ...entry.capacity } } : {}),
      ...(main && entry.displacement ? { displacement: entry.displacement } : {}),
      ...(main && entry.staff ? { staff: entry.staff } : {}),
      ...(main && entry.interSiteTransferDelayHours !== undefined
        ? { interSiteTransferDelayHours: entry.interSiteTransferDelayHours }
        : {}),
    });
  });
}
