/**
 * Parsing and loading scenarios: `parseScenario` for in-memory input (TS scripts, tests) and
 * `loadScenario` for JSON files. Both throw a {@linkcode ScenarioError} listing every problem.
 *
 * @module
 */

import { formatIssues } from "./format_issues.ts";
import { isNotFound, readTextFile } from "./_read_text_file.ts";
import { resolveScenario } from "./resolve.ts";
import { type Scenario, scenarioSchema } from "./schema.ts";
import { ScenarioError } from "./scenario_error.ts";
import { LIMITS } from "./limits.ts";
import { withProjectionTable } from "./projection_file.ts";

/**
 * How deeply a value nests arrays and objects, counted without recursion (so any input is safe)
 * and stopping once past `limit`.
 */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== "object") continue;
    if (depth + 1 > deepest) deepest = depth + 1;
    if (deepest > limit) return deepest;
    for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return deepest;
}

/**
 * Validates a scenario and fills every default.
 *
 * @param input The scenario as plain data (parsed JSON or a TS object).
 * @param options `label` names the scenario in the error heading (default "scenario").
 * @returns The resolved scenario.
 * @throws {ScenarioError} Listing every problem, one line each (`path: expected …, found …`).
 *
 * @example A minimal scenario
 * ```ts
 * import assert from "node:assert/strict";
 * const s = parseScenario({ version: 1, population: { size: 100000 } });
 * assert.equal(s.years, 5);
 * assert.equal(s.population.ageBands.length, 4);
 * ```
 */
export function parseScenario(input: unknown, options: { label?: string } = {}): Scenario {
  const label = options.label ?? "scenario";
  const { max, reason } = LIMITS.nestingDepth;
  if (nestingDepth(input, max) > max) {
    throw new ScenarioError(
      `Cannot parse ${label}`,
      [`(root): expected objects and arrays nested at most ${max} levels deep (${reason})`],
    );
  }
  const r = scenarioSchema.safeParse(input, { reportInput: true });
  if (!r.success) {
    throw new ScenarioError(
      `Cannot parse ${label}`,
      formatIssues(r.error.issues, { schema: scenarioSchema, input }),
    );
  }
  const resolved = resolveScenario(r.data);
  if (!resolved.scenario) throw new ScenarioError(`Cannot parse ${label}`, resolved.problems);
  return resolved.scenario;
}

/**
 * Reads a JSON scenario file and parses it (with its population projection CSV, if it names one
 * in `population.demography.projection.file`, read relative to the scenario file).
 *
 * @param path File path.
 * @returns The resolved scenario.
 * @throws {ScenarioError} When the file (or its projection CSV) is missing or unreadable, is not
 *   valid JSON (a valid projection), or fails validation (every problem listed).
 *
 * @example Loading a shipped scenario
 * ```ts
 * import assert from "node:assert/strict";
 * const s = await loadScenario(new URL("./default.json", import.meta.url).pathname);
 * assert.equal(s.version, 1);
 * ```
 */
export async function loadScenario(path: string | URL): Promise<Scenario> {
  let text: string;
  try {
    text = await readTextFile(path);
  } catch (e) {
    const why = isNotFound(e) ? "file not found" : (e as Error).message;
    throw new ScenarioError(`Cannot load scenario ${String(path)}: ${why}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(
      `Cannot load scenario ${String(path)}: invalid JSON (${(e as Error).message})`,
    );
  }
  json = await withProjectionTable(json, path);
  return parseScenario(json, { label: `scenario ${String(path)}` });
}
