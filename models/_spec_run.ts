/**
 * Test helpers for the model's specification tests: run a small scenario with its event log,
 * and read the log back by case. Private to models/ tests.
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import type { Scenario } from "../scenarios/schema.ts";
import type { EventLogRow } from "./modifiers.ts";
import type { ReplicationResult } from "./result.ts";
import { type SimulateOptions, simulateReplication } from "./simulate.ts";
import { SystemModel } from "./system_model.ts";

/** A run with its scenario and event log. */
export interface SpecRun {
  /** The resolved scenario. */
  scenario: Scenario;
  /** The result. */
  result: ReplicationResult;
  /** Every person-level move, in time order. */
  log: EventLogRow[];
}

/** No surge beds and no winter escalation: capacity is exactly the base beds. */
export const FIXED_BEDS = {
  escalationShareByMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  surge: { bedsShare: 0 },
};

/** Downstream services with room for everyone (no waits after arrangement). */
export const ROOMY_DOWNSTREAM = {
  careHomes: { places: 1_000_000, placeSearchMeanDays: 0 },
  community: { intermediateCare: { bedsPer100k: 100_000 } },
  socialCare: {
    reablement: { slotsPer100k: 100_000 },
    homeCare: { capacityHoursPerWeekPer100k: 10_000_000, providerSearchMeanDays: 0 },
  },
};

/**
 * Runs one replication of a scenario given as input, recording the event log.
 *
 * @param input Scenario input (`version` added).
 * @param options Simulation options.
 * @returns The run.
 */
export function specRun(input: Record<string, unknown>, options: SimulateOptions = {}): SpecRun {
  const scenario = parseScenario({ version: 1, ...input });
  const log: EventLogRow[] = [];
  const result = simulateReplication(scenario, {
    seed: 1,
    ...options,
    eventLog: (row) => log.push(row),
  });
  return { scenario, result, log };
}

/**
 * A model built on a scenario input but not run: for driving one part directly.
 *
 * @param input Scenario input (`version` added; an empty start unless given).
 * @returns The model.
 */
export function specModel(input: Record<string, unknown>): SystemModel {
  const scenario = parseScenario({ version: 1, start: { mode: "empty" }, ...input });
  return new SystemModel(scenario, { seed: 1, replication: 0 });
}

/** Activities that mark an arrival for admission (the moment `admit` is called). */
export const ARRIVALS = new Set(["ed_arrival", "gp_referral", "readmit"]);

/**
 * Mean and standard error of a sample.
 *
 * @param xs Values.
 * @returns `{ mean, se, n }`.
 */
export function meanSe(xs: readonly number[]): { mean: number; se: number; n: number } {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const v = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  return { mean, se: Math.sqrt(v / n), n };
}
