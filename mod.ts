/**
 * caresim: whole-system discrete-event simulation of health and care, for planners,
 * researchers and CI pipelines.
 *
 * - The engine: {@linkcode Simulation}, {@linkcode Resource}, {@linkcode Container}, named random
 *   streams, monitors and parallel replications (also at `@caresim/caresim/sim`).
 * - Scenarios: {@linkcode loadScenario}, {@linkcode parseScenario}, {@linkcode ScenarioError}.
 * - The whole-system model: {@linkcode simulateReplication}, {@linkcode checkInvariants}.
 * - File output and CI fixtures: {@linkcode writeOutputs}, {@linkcode assertMatchesFixture}.
 *   Everything else is also at `@caresim/caresim/portable`, which runs in any JavaScript
 *   runtime, browsers included.
 *
 * @example Run one replication of a small scenario
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkInvariants, parseScenario, simulateReplication } from "./mod.ts";
 *
 * const scenario = parseScenario({ version: 1, name: "tiny", years: 1, population: { size: 5000 } });
 * const result = simulateReplication(scenario, { seed: 1, replication: 0 });
 * assert.deepEqual(checkInvariants(result), []);
 * ```
 *
 * @module
 */
export * from "./portable.ts";
export * from "./report/write_outputs.ts";
export * from "./report/output_marker.ts";
export * from "./ci_fixtures/mod.ts";
