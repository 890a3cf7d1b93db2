/**
 * Running a scenario: every replication runs the baseline and each option (a set of care
 * models) with the same seed and replication index, so named random streams line up (common
 * random numbers) and the difference is the care models' effect, replication by replication.
 * Replications run on Web Workers (`runReplications`); results do not depend on the worker
 * count or on sharding.
 *
 * @module
 */

import { checkModelSetup } from "./check_setup.ts";
import { runReplications } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { entryTag, interventionsFromEntry } from "./care_models/registry.ts";
import { buildModifiers } from "./interventions/compose.ts";
import { watchGroups } from "./interventions/cohort_watch.ts";
import type { Intervention } from "./interventions/intervention.ts";
import {
  effectStream,
  flattenSampled,
  sampleIntervention,
  samplingKey,
} from "./interventions/sample.ts";
import type { EventLogRow } from "./modifiers.ts";
import type { ReplicationResult } from "./result.ts";
import { careModelFte, workforceDemand, type WorkforceRow } from "./workforce.ts";
import { appendDerivedRows } from "./costs/derived_rows.ts";
import {
  type PopulationDemography,
  populationDemography,
  usePopulationDemography,
} from "./population/demography_rates.ts";
import { simulateWithPathways } from "./pathways/simulate_with_pathways.ts";

export type { WorkforceRow } from "./workforce.ts";

/** One option = a set of care models applied together, paired against the shared baseline. */
export interface RunOption {
  /** Option id ("scenario" for a scenario's top-level `careModels`). */
  id: string;
  /** Human label. */
  label: string;
  /** Tags of the care models in the option (entry ids, e.g. "mcp", "ehch-ambition"). */
  careModels: string[];
}

/** Displacement: where admissions a care model averted went instead, per year. */
export interface DisplacementRow {
  /** Model year, 1-based. */
  year: number;
  /** Care-model tag. */
  careModel: string;
  /** Destination ("crisisResponse", "stepUpBed", "urgentTreatmentCentre", "gp", "none"). */
  destination: string;
  /** Averted admissions sent there. */
  count: number;
}

/** One option's run in one replication. */
export interface OptionResult {
  /** {@linkcode RunOption} id. */
  id: string;
  /** The scenario run (variant = option id). */
  result: ReplicationResult;
  /** Effect sizes drawn for this replication, e.g. "mcp.emergencyAdmission" → 0.99 (rate ratio). */
  sampledEffects: Record<string, number>;
  /** Where averted admissions went instead. */
  displacement: DisplacementRow[];
  /** Workforce demand by year and staff group. */
  workforce: WorkforceRow[];
}

/** The baseline and every option for one replication index. */
export interface PairedReplication {
  /** Replication index. */
  replication: number;
  /** Parameter sample index (equals `replication` unless `parameterSamples` was set). */
  parameterSample: number;
  /** Variant "baseline". */
  baseline: ReplicationResult;
  /** Workforce demand of the baseline. */
  baselineWorkforce: WorkforceRow[];
  /** Options in {@linkcode ScenarioRun.options} order; empty without care models. */
  options: OptionResult[];
}

/** The result of {@linkcode runScenario}. */
export interface ScenarioRun {
  /** The resolved scenario (every default filled). */
  scenario: Scenario;
  /** Master seed. */
  seed: number;
  /** Total replications asked (all shards). */
  replications: number;
  /** Replication indices this run holds (a shard or all), ascending. */
  indices: number[];
  /** The options. */
  options: RunOption[];
  /** Sorted by replication index. */
  results: PairedReplication[];
}

/** An option with its interventions (plain data, so it crosses to workers). */
export interface OptionInterventions {
  /** The option. */
  option: RunOption;
  /** Its interventions, in attribution order. */
  interventions: Intervention[];
}

/** Options of {@linkcode runScenario}. */
export interface RunScenarioOptions {
  /** Replications in the whole job (default: the scenario's). */
  replications?: number;
  /** Master seed (default: the scenario's). */
  seed?: number;
  /** Web Workers (default: hardware concurrency). */
  workers?: number;
  /** Run only these replication indices (a shard). */
  indices?: number[];
  /** Progress callback (done, total to run). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Nested design for variance decomposition: P parameter samples; replication i uses
   * parameter sample ⌊i / (replications / P)⌋ (P must divide replications). Default: a fresh
   * parameter draw per replication.
   */
  parameterSamples?: number;
  /** Extra options built in code (e.g. a researcher's own interventions), run after the
   * scenario's. */
  extraOptions?: OptionInterventions[];
}

/**
 * The options of a scenario: top-level `careModels` as option "scenario", then `options`.
 *
 * @param scenario A resolved scenario.
 * @returns Options with their interventions.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 1000 }, careModels: [{ model: "ehch" }] });
 * assert.deepEqual(scenarioOptions(s).map((o) => o.option.id), ["scenario"]);
 * ```
 */
export function scenarioOptions(scenario: Scenario): OptionInterventions[] {
  const build = (id: string, label: string | undefined, entries: Scenario["careModels"]) => {
    const interventions = entries.flatMap((e) => interventionsFromEntry(e));
    const tags = entries.map((e) => entryTag(e));
    return {
      option: { id, label: label ?? (tags.join(" + ") || "no care model"), careModels: tags },
      interventions,
    };
  };
  const out: OptionInterventions[] = [];
  if (scenario.careModels.length > 0) out.push(build("scenario", undefined, scenario.careModels));
  for (const o of scenario.options) out.push(build(o.id, o.label, o.careModels));
  return out;
}

/** Input of the worker entry {@linkcode runPairedReplication}. */
export interface PairedInput {
  /** Resolved scenario. */
  scenario: Scenario;
  /**
   * The scenario's solved demography (`populationDemography`), so a worker does not solve it
   * again; solved on the worker when absent.
   */
  demography?: PopulationDemography;
  /** Options with interventions. */
  options: OptionInterventions[];
  /** Consecutive replications sharing one parameter sample (1 = a fresh draw each). */
  replicationsPerSample: number;
}

/**
 * Runs the baseline and every option for one replication index (worker entry point,
 * `exportName: "runPairedReplication"`). Each intervention draws its effect sizes from its own
 * stream "effects:<tag>" keyed by (seed, parameter sample), so the same care model gets the
 * same draw in every option of a replication.
 *
 * @param args `{ seed, replication, input }` as passed by `runReplications`.
 * @returns The paired replication.
 * @throws {RangeError} If a drawn effect is out of range.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, years: 1, population: { size: 2000 }, careModels: [{ model: "baseline" }] });
 * const r = runPairedReplication({ seed: 1, replication: 0, input: { scenario, options: scenarioOptions(scenario), replicationsPerSample: 1 } });
 * assert.deepEqual(r.options[0].result.daily, r.baseline.daily); // the baseline model changes nothing
 * ```
 */
export function runPairedReplication(
  args: { seed: number; replication: number; input: PairedInput },
): PairedReplication {
  const { seed, replication, input } = args;
  const { scenario } = input;
  if (input.demography) usePopulationDemography(scenario, input.demography);
  const parameterSample = Math.floor(replication / input.replicationsPerSample);
  const groups = watchGroups(input.options);
  const { result: baseline, pathways } = simulateWithPathways(scenario, {
    seed,
    replication,
    variant: "baseline",
    ...(groups.length > 0 ? { watch: groups } : {}),
  });
  const options: OptionResult[] = input.options.map(({ option, interventions }, k) => {
    const sampled = sampleAll(interventions, seed, parameterSample);
    const { result, pathways } = simulateWithPathways(scenario, {
      seed,
      replication,
      variant: option.id,
      modifiers: buildModifiers(scenario, sampled),
      watch: [groups[k]!],
    });
    appendDerivedRows(
      result,
      scenario,
      (year) => careModelFte(result, scenario, sampled, year),
      pathways,
    );
    return {
      id: option.id,
      result,
      sampledEffects: flattenSampled(sampled),
      displacement: displacementRows(result),
      workforce: workforceDemand(result, scenario, { sampled }),
    };
  });
  appendDerivedRows(baseline, scenario, undefined, pathways);
  return {
    replication,
    parameterSample,
    baseline,
    baselineWorkforce: workforceDemand(baseline, scenario),
    options,
  };
}

function sampleAll(interventions: readonly Intervention[], seed: number, sample: number) {
  return interventions.map((iv) =>
    sampleIntervention(iv, effectStream(seed, sample, samplingKey(iv)))
  );
}

/**
 * Runs one replication of one variant in-process, exactly as {@linkcode runScenario} runs it
 * (same streams and effect draws, derived cost rows included), optionally with an event log — for the planner's
 * `--event-log` and for debugging.
 *
 * @param scenario A resolved scenario.
 * @param options `variant` ("baseline" or an option id; default "baseline"), `seed` (default
 *   the scenario's), `replication` (default 0), `parameterSample` (default = replication),
 *   `eventLog`.
 * @returns The replication's result.
 * @throws {RangeError} If the variant is not "baseline" or one of the scenario's options.
 *
 * @example The default option's event log
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 2000 }, careModels: [{ model: "ehch", rampUpMonths: 0 }] });
 * const rows: string[] = [];
 * const r = simulateVariant(s, { variant: "scenario", eventLog: (row) => rows.push(row.activity) });
 * assert.equal(r.variant, "scenario");
 * assert.ok(rows.includes("admit"));
 * ```
 */
export function simulateVariant(
  scenario: Scenario,
  options: {
    variant?: string;
    seed?: number;
    replication?: number;
    parameterSample?: number;
    eventLog?: (row: EventLogRow) => void;
  } = {},
): ReplicationResult {
  const variant = options.variant ?? "baseline";
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  const base = {
    seed,
    replication,
    variant,
    ...(options.eventLog ? { eventLog: options.eventLog } : {}),
  };
  if (variant === "baseline") {
    const groups = watchGroups(scenarioOptions(scenario));
    const { result, pathways } = simulateWithPathways(scenario, {
      ...base,
      ...(groups.length > 0 ? { watch: groups } : {}),
    });
    appendDerivedRows(result, scenario, undefined, pathways);
    return result;
  }
  const opt = scenarioOptions(scenario).find((o) => o.option.id === variant);
  if (!opt) {
    throw new RangeError(
      `Cannot simulate variant: expected "baseline" or one of the scenario's options (${
        scenarioOptions(scenario).map((o) => `"${o.option.id}"`).join(", ")
      }), received "${variant}"`,
    );
  }
  const sampled = sampleAll(opt.interventions, seed, options.parameterSample ?? replication);
  const { result, pathways } = simulateWithPathways(scenario, {
    ...base,
    modifiers: buildModifiers(scenario, sampled),
    watch: watchGroups([opt]),
  });
  appendDerivedRows(
    result,
    scenario,
    (year) => careModelFte(result, scenario, sampled, year),
    pathways,
  );
  return result;
}

function displacementRows(result: ReplicationResult): DisplacementRow[] {
  const sums = new Map<string, DisplacementRow>();
  for (const d of result.interventions?.displacement ?? []) {
    const key = `${d.year}\u0000${d.careModel}\u0000${d.destination}`;
    const row = sums.get(key);
    if (row) row.count += d.count;
    else sums.set(key, { ...d });
  }
  return [...sums.values()];
}

/**
 * Runs a scenario: for every replication, the baseline and each option with the same seed
 * and replication (common random numbers), on Web Workers. Results are identical whatever
 * `workers` is and whether run whole or as shards (`indices`).
 *
 * @param scenario A resolved scenario (`loadScenario` / `parseScenario`).
 * @param options Replications, seed, workers, indices, progress, nested design, extra options.
 * @returns The run, results sorted by replication index.
 * @throws {RangeError} If `parameterSamples` does not divide `replications`, or as
 *   `runReplications`.
 *
 * @example Two replications of a small scenario with EHCH
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 3000 }, careModels: [{ model: "ehch", rampUpMonths: 0 }] });
 * const run = await runScenario(s, { replications: 2, seed: 3, workers: 1 });
 * assert.equal(run.results.length, 2);
 * assert.equal(run.options[0].id, "scenario");
 * ```
 */
export async function runScenario(
  scenario: Scenario,
  options: RunScenarioOptions = {},
): Promise<ScenarioRun> {
  const replications = options.replications ?? scenario.replications;
  const seed = options.seed ?? scenario.seed;
  const samples = options.parameterSamples ?? replications;
  if (!Number.isInteger(samples) || samples < 1 || replications % samples !== 0) {
    throw new RangeError(
      `Cannot run scenario: parameterSamples must be an integer ≥ 1 dividing replications (${replications}), received ${samples}`,
    );
  }
  checkModelSetup(scenario);
  const opts = [...scenarioOptions(scenario), ...(options.extraOptions ?? [])];
  const input: PairedInput = {
    scenario,
    demography: populationDemography(scenario),
    options: opts,
    replicationsPerSample: replications / samples,
  };
  const indices = options.indices ?? Array.from({ length: replications }, (_, i) => i);
  const results = await runReplications<PairedReplication, PairedInput>({
    module: new URL(import.meta.url),
    exportName: "runPairedReplication",
    input,
    replications,
    seed,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    indices,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return {
    scenario,
    seed,
    replications,
    indices: [...indices].sort((a, b) => a - b),
    options: opts.map((o) => o.option),
    results,
  };
}
