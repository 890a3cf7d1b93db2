/**
 * A worker entry point for `runReplications` that takes a scenario as written: it parses
 * (validates and resolves) the scenario in the worker, then runs one replication. Callers that
 * already hold a resolved scenario should pass it to a `simulateReplication` entry instead, so
 * workers skip loading the schema.
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import type { ScenarioInput } from "../scenarios/schema.ts";
import type { ReplicationResult } from "./result.ts";
import { simulateReplication } from "./simulate.ts";

/** Input of {@linkcode runReplication}: plain data so it crosses a worker boundary. */
export interface RunReplicationInput {
  /** The scenario as written (parsed in the worker). */
  scenario: ScenarioInput;
  /** Variant label. */
  variant?: string;
  /** Remove capacity limits. */
  unconstrained?: boolean;
}

/**
 * Worker entry point for `runReplications` (`exportName: "runReplication"`).
 *
 * @param args `{ seed, replication, input }` as passed by `runReplications`.
 * @returns The replication's result.
 * @throws {ScenarioError} If the scenario is invalid.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = runReplication({ seed: 2, replication: 1, input: { scenario: { version: 1, years: 1, population: { size: 2000 } } } });
 * assert.equal(r.replication, 1);
 * ```
 */
export function runReplication(
  args: { seed: number; replication: number; input: RunReplicationInput },
): ReplicationResult {
  const scenario = parseScenario(args.input.scenario);
  return simulateReplication(scenario, {
    seed: args.seed,
    replication: args.replication,
    variant: args.input.variant,
    unconstrained: args.input.unconstrained,
  });
}
