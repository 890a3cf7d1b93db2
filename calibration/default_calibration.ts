/**
 * The free parameters of the default scenario and the year-1 figures they are fitted to. Only
 * two defaults are free (the evidence does not settle them and they are calibrated): the bed
 * base, `acute.bedsPer1000People`, fitted to year-1 acute occupancy in B2/H5's 89–92%; and the
 * discharge arrangement times, `acute.dischargeArrangementMeanDays` (all four scaled by one
 * factor), fitted to delayed-transfer bed days of 4% of emergency bed days (H6: 2.9–4.0% of acute
 * bed days in 2017–19, range 2.5–5%). Every other default is an evidence figure or fitted at
 * set-up inside the model (the demography's transition rates, the length-of-stay mixture).
 * The outputs are means over a fixed number of baseline replications with a fixed seed, so
 * the fit is deterministic.
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { annualValue, type ReplicationResult } from "../models/result.ts";
import { simulateReplication } from "../models/simulate.ts";
import { fitParameters, type FitResult, type FreeParameter } from "./fit.ts";

/** Names of the calibration outputs (each a year-1 figure of the baseline). */
export type CalibrationOutput = "acute_occupancy_pct" | "delayed_transfer_share_pct";

/** Mean of `series` over model year `year` (1-based) of 365 days. */
function yearMean(series: readonly number[], year: number): number {
  let sum = 0;
  for (let d = (year - 1) * 365; d < year * 365; d++) sum += series[d] ?? 0;
  return sum / 365;
}

/**
 * Mean occupied acute beds as a percentage of the open beds (base, escalation and surge) over
 * a model year.
 *
 * @param r A replication result.
 * @param year Model year, 1-based.
 * @returns The occupancy, per cent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const daily = { acuteOccupied: new Array(365).fill(90), acuteCapacity: new Array(365).fill(100) };
 * assert.equal(acuteOccupancyPct({ daily } as never, 1), 90);
 * ```
 */
export function acuteOccupancyPct(r: Pick<ReplicationResult, "daily">, year: number): number {
  return 100 * yearMean(r.daily.acuteOccupied, year) / yearMean(r.daily.acuteCapacity, year);
}

/**
 * Delayed-transfer bed days as a percentage of all emergency bed days in a model year.
 *
 * @param r A replication result.
 * @param year Model year, 1-based.
 * @returns The share, per cent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const annual = [{ year: 1, metric: "bed_days", value: 200 }, { year: 1, metric: "delayed_transfer_bed_days", value: 10 }];
 * assert.equal(delayedTransferSharePct({ annual } as never, 1), 5);
 * ```
 */
export function delayedTransferSharePct(
  r: Pick<ReplicationResult, "annual">,
  year: number,
): number {
  return 100 * annualValue(r, "delayed_transfer_bed_days", { year }) /
    annualValue(r, "bed_days", { year });
}

/** A free parameter of the default scenario, with its evidence. */
export interface DefaultFreeParameter extends FreeParameter {
  /** The output fitted. */
  output: CalibrationOutput;
  /** Evidence reference of the target (docs/evidence.md anchor, without `#`). */
  evidenceAnchor: string;
  /** The evidence behind the target, one line. */
  evidence: string;
}

/**
 * The default scenario's free parameters, their bounds and their year-1 targets. The
 * arrangement-time parameter is a factor on all four default mean arrangement times.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(DEFAULT_FREE_PARAMETERS.map((p) => p.output), ["acute_occupancy_pct", "delayed_transfer_share_pct"]);
 * ```
 */
export const DEFAULT_FREE_PARAMETERS: readonly DefaultFreeParameter[] = [
  {
    name: "acute.bedsPer1000People",
    bounds: [1.2, 2.6],
    start: 1.53,
    output: "acute_occupancy_pct",
    target: 90.5,
    tolerance: 0.5,
    evidenceAnchor: "h5-beds-and-occupancy",
    evidence: "G&A occupancy 89–92% (H5); target the middle, 90.5%",
  },
  {
    name: "acute.dischargeArrangementMeanDays×",
    bounds: [0.2, 4],
    start: 1,
    output: "delayed_transfer_share_pct",
    target: 4,
    tolerance: 0.25,
    evidenceAnchor: "h6-delayed-transfers-by-cause",
    evidence: "delayed days 2.9–4.0% of acute bed days in 2017–19 (H6, range 2.5–5%); target 4%",
  },
];

/**
 * The scenario with the free parameters set: the bed base per 1,000 people, and every mean
 * discharge arrangement time multiplied by the factor.
 *
 * @param input A scenario input (plain data).
 * @param values Values by parameter name (missing ones keep the scenario's).
 * @returns The resolved scenario.
 * @throws {ScenarioError} If the result is not a valid scenario.
 *
 * @example Doubling the arrangement times
 * ```ts
 * import assert from "node:assert/strict";
 * const s = withFreeParameters({ version: 1, population: { size: 1000 } }, { "acute.dischargeArrangementMeanDays×": 2 });
 * assert.equal(s.acute.dischargeArrangementMeanDays.careHome, 8);
 * ```
 */
export function withFreeParameters(
  input: Record<string, unknown>,
  values: Record<string, number>,
): Scenario {
  const base = parseScenario(input);
  const acute = { ...(input.acute as Record<string, unknown> | undefined) };
  const beds = values["acute.bedsPer1000People"];
  if (beds !== undefined) acute.bedsPer1000People = beds;
  const factor = values["acute.dischargeArrangementMeanDays×"];
  if (factor !== undefined) {
    acute.dischargeArrangementMeanDays = Object.fromEntries(
      Object.entries(base.acute.dischargeArrangementMeanDays).map(([k, v]) => [k, v * factor]),
    );
  }
  return parseScenario({ ...input, acute });
}

/**
 * The calibration outputs of a scenario: year-1 means over `replications` baseline runs with
 * `seed` (replications 0, 1, …).
 *
 * @param scenario A resolved scenario.
 * @param options `replications` and `seed`.
 * @returns Mean year-1 occupancy and delayed-transfer share, per cent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const out = calibrationOutputs(parseScenario({ version: 1, years: 1, population: { size: 5000 } }), { replications: 1, seed: 1 });
 * assert.ok(out.acute_occupancy_pct > 30 && out.acute_occupancy_pct <= 100);
 * ```
 */
export function calibrationOutputs(
  scenario: Scenario,
  options: { replications: number; seed: number },
): Record<CalibrationOutput, number> {
  const out = { acute_occupancy_pct: 0, delayed_transfer_share_pct: 0 };
  for (let i = 0; i < options.replications; i++) {
    const r = simulateReplication(scenario, { seed: options.seed, replication: i });
    out.acute_occupancy_pct += acuteOccupancyPct(r, 1) / options.replications;
    out.delayed_transfer_share_pct += delayedTransferSharePct(r, 1) / options.replications;
  }
  return out;
}

/**
 * Fits the free parameters of a scenario to their year-1 targets: a one-year baseline run of
 * the scenario (its care models left out: the targets describe today's system), common
 * random numbers across evaluations.
 *
 * @param input A scenario input (plain data), e.g. scenarios/default.json.
 * @param options `replications` per evaluation (default 6), `seed` (default 1),
 *   `parameters` (default {@linkcode DEFAULT_FREE_PARAMETERS}).
 * @returns The fit (values, outputs, convergence, history).
 * @throws {RangeError} If a target lies outside what a parameter's bounds reach.
 *
 * @example A small population, the bed base only, one replication per evaluation
 * ```ts
 * import assert from "node:assert/strict";
 * const fit = calibrate({ version: 1, population: { size: 20000 } }, {
 *   replications: 1,
 *   parameters: [DEFAULT_FREE_PARAMETERS[0]!],
 * });
 * assert.ok(Math.abs(fit.outputs.acute_occupancy_pct! - 90.5) <= 0.5 || !fit.converged);
 * ```
 */
export function calibrate(
  input: Record<string, unknown>,
  options: { replications?: number; seed?: number; parameters?: readonly FreeParameter[] } = {},
): FitResult {
  const oneYear = { ...input, years: 1, careModels: [], options: [] };
  const replications = options.replications ?? 6;
  const seed = options.seed ?? 1;
  return fitParameters(
    options.parameters ?? DEFAULT_FREE_PARAMETERS,
    (values) => calibrationOutputs(withFreeParameters(oneYear, values), { replications, seed }),
  );
}
