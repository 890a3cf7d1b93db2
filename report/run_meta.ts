/**
 * What summary.json records about a run besides its figures: the resolved scenario, seed,
 * replications, caresim version and a SHA-256 hash of the canonical scenario JSON.
 *
 * @module
 */

import denoJson from "../deno.json" with { type: "json" };
import type { Scenario } from "../scenarios/schema.ts";
import type { Shard } from "../sim/mod.ts";
import type { RunOption, ScenarioRun } from "./_scenario_run.ts";
import { type RunGroup, runGroups } from "./tables.ts";

/** The run's identity and settings (everything in summary.json but the summary rows). */
export interface RunMeta {
  /** caresim version (deno.json). */
  caresimVersion: string;
  /** Scenario name. */
  scenarioName: string;
  /** `sha256:<hex>` of the canonical JSON of the resolved scenario. */
  scenarioHash: string;
  /** Master seed. */
  seed: number;
  /** Replications of the whole job. */
  replications: number;
  /** Replication indices this output holds (ascending). */
  indices: number[];
  /** Which shard of the job this output is (`--shard K/N`); absent for a whole run. */
  shard?: Shard;
  /** The run's options. */
  options: RunOption[];
  /** Groups (baseline, then options) as named in the CSV files. */
  groups: RunGroup[];
  /** The resolved scenario, every default filled in. */
  scenario: Scenario;
}

/**
 * JSON with object keys sorted at every level and no whitespace (a canonical form to hash).
 *
 * @param value Plain data.
 * @returns The canonical JSON text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), '{"a":[{"c":3,"d":2}],"b":1}');
 * ```
 */
export function canonicalJson(value: unknown): string {
  const sort = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sort);
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) out[k] = sort((v as Record<string, unknown>)[k]);
      return out;
    }
    return v;
  };
  return JSON.stringify(sort(value));
}

/**
 * The SHA-256 of a text, as `sha256:<hex>`.
 *
 * @param text Text (UTF-8 encoded before hashing).
 * @returns The hash.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal((await sha256("abc")).slice(0, 15), "sha256:ba7816bf");
 * ```
 */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return `sha256:${
    Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("")
  }`;
}

/**
 * The caresim version from deno.json.
 *
 * @returns e.g. "0.1.0".
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(caresimVersion(), /^\d+\.\d+\.\d+/);
 * ```
 */
export function caresimVersion(): string {
  return String((denoJson as { version?: string }).version ?? "0.0.0");
}

/**
 * Describes a run for summary.json.
 *
 * @param run A scenario run.
 * @returns Its metadata.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = await runMeta({ scenario: { name: "x" }, seed: 1, replications: 2, indices: [0, 1], options: [], results: [] } as never);
 * assert.equal(meta.groups.length, 1);
 * assert.match(meta.scenarioHash, /^sha256:[0-9a-f]{64}$/);
 * ```
 */
export async function runMeta(run: ScenarioRun): Promise<RunMeta> {
  return {
    caresimVersion: caresimVersion(),
    scenarioName: run.scenario.name,
    scenarioHash: await sha256(canonicalJson(run.scenario)),
    seed: run.seed,
    replications: run.replications,
    indices: [...run.indices],
    options: run.options.map((o) => ({ ...o, careModels: [...o.careModels] })),
    groups: runGroups(run),
    scenario: run.scenario,
  };
}
