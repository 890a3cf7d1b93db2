/**
 * The property every scenario input must have: `parseScenario` rejects it with a
 * `ScenarioError`, or one replication of the baseline and of every option runs to the end with
 * the model's invariants holding (`checkInvariants`: occupancy within capacity in every
 * setting, people conserved, no negative counts) and no NaN in any result.
 *
 * @module
 */

import { checkModelSetup } from "../../models/check_setup.ts";
import { parseScenario } from "../../scenarios/load.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import { runPairedReplication, scenarioOptions } from "../../models/run_scenario.ts";
import { checkInvariants } from "../../models/invariants.ts";
import type { ReplicationResult } from "../../models/result.ts";

/** What happened to one input. */
export type Outcome =
  | { kind: "rejected"; problems: number }
  | { kind: "ran"; variants: number }
  | { kind: "parse-crash"; detail: string }
  | { kind: "run-crash"; detail: string }
  | { kind: "invariant"; detail: string };

function firstNaN(result: ReplicationResult): string | undefined {
  for (const [key, series] of Object.entries(result.daily)) {
    if (Array.isArray(series) && series.some((v) => Number.isNaN(v))) return `daily.${key}`;
  }
  const row = result.annual.find((r) => !Number.isFinite(r.value));
  return row ? `annual ${row.metric} = ${row.value}` : undefined;
}

function describe(error: unknown): string {
  const e = error as Error;
  const at = e?.stack?.split("\n").find((l) => l.includes("/models/") || l.includes("/sim/"));
  return `${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 300)}${
    at ? ` ${at.trim()}` : ""
  }`;
}

/**
 * Checks one input.
 *
 * @param input A scenario as plain data.
 * @returns The outcome.
 */
export function checkScenario(input: unknown): Outcome {
  let scenario;
  try {
    scenario = parseScenario(input);
    checkModelSetup(scenario);
  } catch (error) {
    if (error instanceof ScenarioError) {
      return { kind: "rejected", problems: error.problems.length };
    }
    return { kind: "parse-crash", detail: describe(error) };
  }
  let run;
  try {
    run = runPairedReplication({
      seed: scenario.seed,
      replication: 0,
      input: { scenario, options: scenarioOptions(scenario), replicationsPerSample: 1 },
    });
  } catch (error) {
    return { kind: "run-crash", detail: describe(error) };
  }
  const results = [run.baseline, ...run.options.map((o) => o.result)];
  for (const result of results) {
    const violations = checkInvariants(result);
    const nan = firstNaN(result);
    if (nan) violations.push(`not a finite number: ${nan}`);
    if (violations.length > 0) {
      return {
        kind: "invariant",
        detail: `${result.variant}: ${violations.slice(0, 3).join("; ")}`,
      };
    }
  }
  return { kind: "ran", variants: results.length };
}
