/**
 * The worker entry of a checkpointed run: one replication of the baseline and every option, with
 * its CSV rows formatted on the worker so only compact figures and text cross to the main thread.
 *
 * @module
 */

import { type PairedInput, runPairedReplication, scenarioOptions } from "../models/run_scenario.ts";
import { populationDemography } from "../models/population/demography_rates.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { recordOfPaired, type ReplicationRecord } from "../report/run_figures.ts";
import { runGroups } from "../report/tables.ts";

/**
 * Worker entry (`exportName: "recordPairedReplication"`): runs the baseline and every option of
 * one replication (as `runPairedReplication`) and returns its record, so the CSV rows are
 * formatted on the worker and only compact figures and text cross to the main thread.
 *
 * @param args `{ seed, replication, input }` as passed by `streamReplications`.
 * @returns The replication's record.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * const r = recordPairedReplication({ seed: 1, replication: 2, input: { scenario, options: [], replicationsPerSample: 1 } });
 * assert.equal(r.replication, 2);
 * ```
 */
export function recordPairedReplication(
  args: { seed: number; replication: number; input: PairedInput },
): ReplicationRecord {
  const { scenario, options } = args.input;
  const groups = runGroups({ scenario, options: options.map((o) => o.option) });
  return recordOfPaired(runPairedReplication(args), groups);
}

/**
 * The input every worker of a checkpointed run receives: the resolved scenario, its options with
 * their interventions and its solved demography, all plain data, so a worker loads no schema,
 * parses nothing and solves nothing again.
 *
 * @param scenario A resolved scenario.
 * @returns The input of {@linkcode recordPairedReplication}.
 * @throws {ScenarioError} If the scenario's demography cannot be solved (naming the field).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, years: 1, population: { size: 2000 }, careModels: [{ model: "ehch" }] });
 * assert.deepEqual(workerInput(scenario).options.map((o) => o.option.id), ["scenario"]);
 * ```
 */
export function workerInput(scenario: Scenario): PairedInput {
  return {
    scenario,
    options: scenarioOptions(scenario),
    replicationsPerSample: 1,
    demography: populationDemography(scenario),
  };
}
