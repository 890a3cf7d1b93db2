/**
 * The model's own check of a scenario: problems that only the model's set-up can find (a
 * population whose demography cannot be solved, more care-home residents at day 0 than places)
 * surface as a `ScenarioError` on the calling thread, before any replication starts on a worker.
 *
 * @module
 */

import type { Scenario } from "../scenarios/schema.ts";
import { SystemModel } from "./system_model.ts";

/**
 * Builds the whole-system model of a scenario once, without running it.
 *
 * @param scenario A resolved scenario.
 * @throws {ScenarioError} Naming the field when the model cannot be set up from it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * checkModelSetup(parseScenario({ version: 1, population: { size: 3000 } }));
 * assert.throws(
 *   () =>
 *     checkModelSetup(
 *       parseScenario({ version: 1, population: { size: 3000 }, careHomes: { places: 0 } }),
 *     ),
 *   /careHomes\.places: expected room for the \d+ care-home residents/,
 * );
 * ```
 */
export function checkModelSetup(scenario: Scenario): void {
  new SystemModel(scenario, { seed: scenario.seed, replication: 0 });
}
