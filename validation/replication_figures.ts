/**
 * One replication of the figures the validation checks: the baseline run in-process (so its
 * recording by cohort cell — admissions and person-days by age band, segment and residence —
 * can be read), and the scenario's care models run as the planner runs them (same seed and
 * replication: common random numbers), for the scale of care-model effects.
 *
 * @module
 */

import type { Scenario } from "../scenarios/schema.ts";
import type { CellKey } from "../models/modifiers.ts";
import { metricSpec } from "../models/metric_registry.ts";
import type { ReplicationResult } from "../models/result.ts";
import { simulateVariant } from "../models/run_scenario.ts";
import { SystemModel } from "../models/system_model.ts";

/** The figures of one replication that the checks read. */
export interface ReplicationFigures {
  /** Measured years. */
  years: number;
  /** The cohort cells (band, segment, residence), in index order. */
  cells: readonly CellKey[];
  /**
   * A registered annual metric of the baseline in a model year (1-based), or `undefined` when
   * no metric of that name is registered (checks of metrics another part adds are skipped).
   */
  metric(name: string, year: number): number | undefined;
  /** Baseline emergency admissions by year (0-based) and cell. */
  admissionsByCell: readonly (readonly (number | undefined)[])[];
  /** Baseline person-days by year (0-based) and cell. */
  personDaysByCell: readonly (readonly (number | undefined)[])[];
  /** Baseline daily series (occupied beds, open beds, population, …). */
  daily: {
    acuteOccupied: readonly number[];
    acuteCapacity: readonly number[];
    population: readonly number[];
  };
  /** Baseline population account over the measured years. */
  account: { start: number; end: number; entries: number; deaths: number };
  /** Baseline acute stays: bed days, stays begun, stays completed and their total length. */
  stays: { bedDays: number; started: number; completed: number; completedDays: number };
  /** Measured days. */
  days: number;
  /** The scenario's care-model option run with the same seed, if the scenario has care models. */
  option?: ReplicationResult;
}

/**
 * Runs the baseline and (if the scenario has care models) its care-model option for one
 * replication and collects the figures.
 *
 * @param scenario A resolved scenario.
 * @param options `seed` and `replication`.
 * @returns The figures.
 * @throws {RangeError} As the model (a census that does not fit the capacities).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const f = replicationFigures(parseScenario({ version: 1, years: 1, population: { size: 3000 } }), { seed: 1, replication: 0 });
 * assert.equal(f.metric("emergency_admissions", 1), f.admissionsByCell[0]!.reduce((a, x) => a! + (x ?? 0), 0));
 * assert.equal(f.metric("no_such_metric", 1), undefined);
 * ```
 */
export function replicationFigures(
  scenario: Scenario,
  options: { seed: number; replication: number },
): ReplicationFigures {
  const model = new SystemModel(scenario, options);
  model.run();
  const rec = model.record;
  const population = model.parts.population;
  const account = population.account;
  return {
    years: scenario.years,
    cells: population.params.cells,
    metric: (name, year) => metricSpec(name)?.value?.(rec, year - 1),
    admissionsByCell: rec.admissionsByCell,
    personDaysByCell: rec.personDaysByCell,
    daily: rec.daily,
    account: {
      start: account.start,
      end: account.end,
      entries: account.entries,
      deaths: account.deaths,
    },
    stays: {
      bedDays: Array.from(
        { length: rec.years.count },
        (_, y) => rec.levels.bed_days.periodIntegral(y),
      )
        .reduce((a, x) => a + x, 0),
      started: rec.stays.started,
      completed: rec.stays.completed,
      completedDays: rec.stays.completedSum,
    },
    days: model.days,
    ...(scenario.careModels.length > 0
      ? { option: simulateVariant(scenario, { ...options, variant: "scenario" }) }
      : {}),
  };
}
