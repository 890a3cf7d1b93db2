/**
 * Sensitivity sweeps: run a scenario once as given and once per value of each varied parameter
 * (same seed, so runs share random numbers), and keep every whole-horizon metric of each run
 * (FTE by staff group included) with its 95% CI. The result is formatted by report/sweep.ts
 * (CSV, summary.json, terminal table, HTML tornado charts).
 *
 * @module
 */

import { runScenario } from "../models/run_scenario.ts";
import { runMeta } from "../report/run_meta.ts";
import { summarizeRun, type SummaryRow } from "../report/summarize_run.ts";
import type { SweepResult, SweepRow } from "../report/sweep.ts";
import { parseScenario } from "../scenarios/load.ts";
import type { ScenarioInput } from "../scenarios/schema.ts";

/** One parameter to vary. */
export interface SweepParameter {
  /** Dotted path into the scenario, e.g. `acute.readmission30DayProbability` or `hospitals[0].acuteBeds`. */
  path: string;
  /** Values to try (at least one). */
  values: unknown[];
}

/** Options of {@linkcode runSweep}. */
export interface SweepOptions {
  /** Replications per run (default: the scenario's). */
  replications?: number;
  /** Master seed (default: the scenario's); the same for every run. */
  seed?: number;
  /** Web Workers. */
  workers?: number;
  /** Called after each run with (runs done, runs in all). */
  onProgress?: (done: number, total: number) => void;
}

function pathKeys(path: string): (string | number)[] {
  if (!/^[A-Za-z_$][\w$]*(\.[\w$]+|\[\d+\])*$/.test(path)) {
    throw new RangeError(
      `Cannot sweep: a parameter path is dotted names with optional [index], e.g. acute.readmission30DayProbability, received ${
        JSON.stringify(path)
      }`,
    );
  }
  return path.replace(/\[(\d+)\]/g, ".$1").split(".").map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/**
 * Returns a copy of a scenario input with one parameter set (intermediate objects created).
 *
 * @param input The scenario as written.
 * @param path Dotted path (`a.b`, `a[0].b` or `a.0.b`).
 * @param value The value.
 * @returns A modified deep copy.
 * @throws {RangeError} If the path is malformed, indexes into something that is not an array, or
 *   names `__proto__`, `constructor` or `prototype` (which would reach object prototypes).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const s = setParameter({ version: 1, population: { size: 10 } }, "acute.readmission30DayProbability", 0.1);
 * assert.deepEqual(s, { version: 1, population: { size: 10 }, acute: { readmission30DayProbability: 0.1 } });
 * ```
 */
export function setParameter<T>(input: T, path: string, value: unknown): T {
  const keys = pathKeys(path);
  const bad = keys.find((k) => k === "__proto__" || k === "constructor" || k === "prototype");
  if (bad !== undefined) {
    throw new RangeError(`Cannot sweep ${path}: "${bad}" is not a scenario parameter`);
  }
  const copy = structuredClone(input) as Record<string | number, unknown>;
  let node = copy;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    if (typeof keys[i + 1] === "number" && !Array.isArray(node[k])) {
      throw new RangeError(
        `Cannot sweep ${path}: ${
          keys.slice(0, i + 1).join(".")
        } must be an array written in the scenario to index into it, received ${
          JSON.stringify(node[k])
        }`,
      );
    }
    if (!Object.hasOwn(node, k) || node[k] === null || typeof node[k] !== "object") node[k] = {};
    node = node[k] as Record<string | number, unknown>;
  }
  node[keys.at(-1)!] = value;
  return copy as T;
}

function wholeHorizon(rows: SummaryRow[]): SummaryRow[] {
  return rows.filter((r) => r.year === "all");
}

/**
 * Runs a sweep: the base scenario, then for each parameter each value (others at base).
 *
 * @param input The scenario as written (JSON data or a TS object).
 * @param parameters Parameters to vary, one at a time.
 * @param options Replications, seed, workers, progress.
 * @returns Every whole-horizon output of every run, and the base run's metadata.
 * @throws {ScenarioError} If the base scenario or a varied one is invalid.
 * @throws {RangeError} If a path is malformed or a parameter has no values.
 *
 * @example One parameter, two values
 * ```ts
 * import assert from "node:assert/strict";
 * const input = { version: 1 as const, years: 1, population: { size: 2000 } };
 * const r = await runSweep(input, [{ path: "acute.readmission30DayProbability", values: [0.05, 0.1] }], { replications: 2, workers: 1 });
 * assert.equal(new Set(r.rows.map((x) => x.value)).size, 3);
 * assert.ok(r.rows.some((x) => x.summary.metric === "fte_gp"), "FTE is swept too");
 * assert.equal(r.meta?.replications, 2);
 * ```
 */
export async function runSweep(
  input: ScenarioInput,
  parameters: readonly SweepParameter[],
  options: SweepOptions = {},
): Promise<SweepResult> {
  for (const p of parameters) {
    pathKeys(p.path);
    if (!Array.isArray(p.values) || p.values.length === 0) {
      throw new RangeError(`Cannot sweep ${p.path}: at least one value is required, received none`);
    }
  }
  const base = parseScenario(input);
  const variants = parameters.flatMap((p) =>
    p.values.map((value) => ({
      path: p.path,
      value,
      scenario: parseScenario(setParameter(input, p.path, value), {
        label: `scenario with ${p.path} = ${JSON.stringify(value)}`,
      }),
    }))
  );
  const total = 1 + variants.length;
  const runOptions = {
    replications: options.replications ?? base.replications,
    seed: options.seed ?? base.seed,
    workers: options.workers,
  };
  const rows: SweepRow[] = [];
  const baseRun = await runScenario(base, runOptions);
  const meta = await runMeta(baseRun);
  for (const summary of wholeHorizon(summarizeRun(baseRun))) {
    rows.push({ path: "", value: "", summary });
  }
  options.onProgress?.(1, total);
  for (let i = 0; i < variants.length; i++) {
    const v = variants[i];
    const run = await runScenario(v.scenario, runOptions);
    for (const summary of wholeHorizon(summarizeRun(run))) {
      rows.push({ path: v.path, value: JSON.stringify(v.value), summary });
    }
    options.onProgress?.(i + 2, total);
  }
  const avoided = rows.some((r) => r.summary.metric === "admissions_avoided");
  return {
    scenario: base.name,
    tornadoMetric: avoided ? "admissions_avoided" : "emergency_admissions",
    tornadoVariant: avoided ? "avoided" : "baseline",
    rows,
    meta,
    parameters: parameters.map((p) => ({ path: p.path, values: [...p.values] })),
  };
}
