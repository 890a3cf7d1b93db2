/**
 * Recording the person-level event log of one replication (for process mining and debugging).
 *
 * @module
 */

import type { Scenario } from "../scenarios/schema.ts";
import type { EventLogRow } from "./modifiers.ts";
import { type SimulateOptions, simulateReplication } from "./simulate.ts";

/**
 * Runs one baseline replication in-process, recording its event log.
 *
 * @param scenario A resolved scenario.
 * @param options Seed and replication index.
 * @returns The rows (empty when the model records no events).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * const rows = recordEventLog(s, { seed: 1, replication: 0 });
 * assert.ok(Array.isArray(rows));
 * ```
 */
export function recordEventLog(
  scenario: Scenario,
  options: { seed: number; replication: number },
): EventLogRow[] {
  const rows: EventLogRow[] = [];
  const simulateOptions = {
    seed: options.seed,
    replication: options.replication,
    eventLog: (row: EventLogRow) => rows.push({ ...row }),
  } as SimulateOptions;
  simulateReplication(scenario, simulateOptions);
  return rows;
}
