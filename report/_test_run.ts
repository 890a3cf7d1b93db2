/**
 * A small hand-built {@linkcode ScenarioRun} for tests: the baseline and one or two options
 * (emergency admissions scaled down by a modifier) with synthetic workforce rows. Private.
 *
 * @module
 */

import { appendDerivedRows } from "../models/costs/derived_rows.ts";
import type { ReplicationResult } from "../models/result.ts";
import { simulateReplication } from "../models/simulate.ts";
import { parseScenario } from "../scenarios/load.ts";
import type { RunOption, ScenarioRun, WorkforceRow } from "./_scenario_run.ts";

function workforce(years: number, scale: number, replication: number): WorkforceRow[] {
  const rows: WorkforceRow[] = [];
  for (let year = 1; year <= years; year++) {
    rows.push({ year, staffGroup: "district_nurse", fte: scale * (10 + year) + replication / 10 });
    rows.push({ year, staffGroup: "care_coordinator", fte: scale * 2 + year / 2, inPostFte: 2 });
  }
  return rows;
}

/**
 * Builds a test run.
 *
 * @param options Replication indices (default 0..2), number of options (default 1; beyond the
 *   first two they are named "Option N …"), years, and whether the derived metrics (costs by
 *   setting, net cost) are added as a real run adds them (default false).
 * @returns The run.
 */
export function testRun(
  options: {
    indices?: number[];
    replications?: number;
    optionCount?: number;
    years?: number;
    costs?: boolean;
  } = {},
): ScenarioRun {
  const years = options.years ?? 2;
  const scenario = parseScenario({
    version: 1,
    name: "test",
    years,
    seed: 11,
    population: { size: 3000 },
    workforce: { staffInPost: { care_coordinator: 2 } },
  });
  const indices = options.indices ?? [0, 1, 2];
  const named: RunOption[] = [
    { id: "mcp", label: "MCP", careModels: ["mcp"] },
    { id: "pacs", label: "PACS", careModels: ["pacs"] },
  ];
  const count = options.optionCount ?? 1;
  // Beyond the two named options, more of the same kind with longer labels (many-option reports).
  const runOptions = Array.from(
    { length: count },
    (_, i) =>
      named[i] ??
        { id: `option${i + 1}`, label: `Option ${i + 1} with a longer label`, careModels: [] },
  );
  const factors = runOptions.map((_, i) => [0.8, 0.9][i] ?? 0.95 - i / 200);
  const derived = (result: ReplicationResult) => {
    if (options.costs) appendDerivedRows(result, scenario);
    return result;
  };
  return {
    scenario,
    seed: 11,
    replications: options.replications ?? indices.length,
    indices,
    options: runOptions,
    results: indices.map((replication) => ({
      replication,
      parameterSample: replication,
      baseline: derived(simulateReplication(scenario, { seed: 11, replication })),
      baselineWorkforce: workforce(years, 1, replication),
      options: runOptions.map((o, i) => ({
        id: o.id,
        result: derived(simulateReplication(scenario, {
          seed: 11,
          replication,
          variant: o.id,
          modifiers: { rates: () => ({ emergencyAdmission: factors[i] }) },
        })),
        sampledEffects: {},
        displacement: [],
        workforce: workforce(years, 1.5 + i, replication),
      })),
    })),
  };
}
