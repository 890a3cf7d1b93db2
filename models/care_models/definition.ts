/**
 * The shape of a shipped care model: one or more interventions (parts; the first is the main
 * one) for each preset, with the source of every default number beside it.
 *
 * @module
 */

import type { CareModelId, Preset } from "../../scenarios/care_model_schema.ts";
import type { InterventionInput } from "../interventions/intervention.ts";

/** A shipped care model. */
export interface CareModelDefinition {
  /** Care-model id. */
  id: CareModelId;
  /** Human label. */
  label: string;
  /** What changes in the flow of people. */
  summary: string;
  /** Interventions per preset; parts after the first carry a `part` name. */
  presets: Record<Preset, InterventionInput[]>;
}
