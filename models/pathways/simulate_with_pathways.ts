/**
 * One replication of the whole-system model together with the scenario's discharge-to-assess
 * pathways: pathways whose demand is "acute-discharges" are fed by this run's own discharges
 * (collected from its event log, which draws no random numbers, so the whole-system result is
 * the same as without pathways); standalone pathways run on their own Poisson referrals.
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import type { ReplicationResult } from "../result.ts";
import { type SimulateOptions, simulateReplication } from "../simulate.ts";
import { acuteReferralCollector } from "./acute_referrals.ts";
import { type PathwayResult, simulatePathways } from "./pathway_model.ts";

const DAYS_PER_YEAR = 365;

/** Whether any pathway of the scenario takes the model's own discharges. */
export function hasAcuteFedPathways(scenario: Scenario): boolean {
  return scenario.pathways.some((p) => p.demand === "acute-discharges");
}

/**
 * Simulates one replication and its pathways.
 *
 * @param scenario A resolved scenario.
 * @param options As {@linkcode simulateReplication} (a given `eventLog` still receives every row).
 * @returns The replication's result and one result per pathway (scenario order).
 *
 * @example A pathway-2 bed pool fed by the run's intermediate-care discharges
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 3000 }, pathways: [{
 *   id: "p2", locality: "a", pathway: 2, capacity: 50, demand: "acute-discharges",
 *   lengthOfStayDays: { lognormal: { mean: 20, sd: 10 } } }] });
 * const { pathways } = simulateWithPathways(s, { seed: 1 });
 * assert.ok(pathways[0]!.years[0]!.arrivals > 0);
 * ```
 */
export function simulateWithPathways(
  scenario: Scenario,
  options: SimulateOptions = {},
): { result: ReplicationResult; pathways: PathwayResult[] } {
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  if (!hasAcuteFedPathways(scenario)) {
    return {
      result: simulateReplication(scenario, options),
      pathways: simulatePathways(scenario, { seed, replication }),
    };
  }
  const collector = acuteReferralCollector(scenario.years * DAYS_PER_YEAR);
  const user = options.eventLog;
  const result = simulateReplication(scenario, {
    ...options,
    eventLog: user
      ? (row) => {
        collector.sink(row);
        user(row);
      }
      : collector.sink,
  });
  return {
    result,
    pathways: simulatePathways(scenario, { seed, replication }, collector.referrals),
  };
}
