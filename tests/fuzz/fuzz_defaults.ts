/**
 * The base scenarios of the fuzz cases with every default filled in, so that mutations reach
 * the fields a scenario usually leaves out.
 *
 * @module
 */

import { scenarioSchema } from "../../scenarios/schema.ts";
import { BASE_SCENARIOS } from "./scenario_mutations.ts";

/**
 * Each base scenario as the schema fills it.
 *
 * @returns One plain object per base scenario.
 */
export function fuzzDefaults(): unknown[] {
  return BASE_SCENARIOS.map((b) => JSON.parse(JSON.stringify(scenarioSchema.parse(b))));
}
