/**
 * caresim without file access: everything in `mod.ts` that runs in any JavaScript runtime —
 * Deno, Node and browsers — namely the engine, scenarios (parse; `loadScenario` reads files
 * where there is a file system), the whole-system model, parallel replications (Web Workers or
 * worker_threads) and reporting to strings (tables, CSV, HTML). `mod.ts` adds writing output
 * folders and the CI fixture helpers, which need a file system. The browser bundle
 * (`deno task bundle`) is built from this module.
 *
 * @example Build, run and check a small scenario in memory
 * ```ts
 * import assert from "node:assert/strict";
 * import { checkInvariants, parseScenario, simulateReplication } from "./portable.ts";
 *
 * const scenario = parseScenario({ version: 1, name: "tiny", years: 1, population: { size: 5000 } });
 * assert.deepEqual(checkInvariants(simulateReplication(scenario, { seed: 1, replication: 0 })), []);
 * ```
 *
 * @module
 */
export * from "./sim/mod.ts";
export * from "./scenarios/schema.ts";
export type { AgeBand, DischargeMix, SegmentTuple } from "./scenarios/default_age_bands.ts";
export * from "./scenarios/load.ts";
export * from "./scenarios/scenario_error.ts";
export * from "./scenarios/parameter_sources.ts";
export * from "./scenarios/json_schema.ts";
export * from "./models/result.ts";
export { METRICS, type MetricSpec, metricSpec } from "./models/metric_registry.ts";
export * from "./models/modifiers.ts";
export * from "./models/simulate.ts";
export * from "./models/run_replication.ts";
export * from "./models/settings/setting.ts";
export * from "./models/settings/registry.ts";
export type { AdmissionDraws, Patient } from "./models/acute/patient.ts";
export type { ModelContext } from "./models/context.ts";
export * from "./models/invariants.ts";
export * from "./models/run_scenario.ts";
export * from "./models/workforce.ts";
export * from "./models/variance_decomposition.ts";
export * from "./models/interventions/intervention.ts";
export * from "./models/interventions/ramp.ts";
export * from "./models/interventions/cohort_match.ts";
export * from "./models/interventions/sample.ts";
export * from "./models/interventions/compose.ts";
export * from "./models/care_models/definition.ts";
export * from "./models/care_models/registry.ts";
export * from "./scenarios/care_model_schema.ts";
export * from "./report/summarize_run.ts";
export * from "./report/run_summarizer.ts";
export * from "./report/tables.ts";
export * from "./report/outputs.ts";
export * from "./report/run_meta.ts";
export * from "./report/sweep.ts";
export * from "./report/event_log.ts";
export * from "./models/record_event_log.ts";
export * from "./studies/mod.ts";
export * from "./report/metrics.ts";
export * from "./report/csv.ts";
export * from "./report/terminal_table.ts";
export * from "./report/answer.ts";
export * from "./report/financial_years.ts";
export * from "./report/run_warnings.ts";
export * from "./report/terminal_answer.ts";
