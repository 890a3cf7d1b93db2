/**
 * The default output directory of a run: `out/<scenario name, made safe><suffix>`, always a
 * single directory directly under `out/`.
 *
 * @module
 */

import { join } from "node:path";

/** Longest safe name kept from a scenario name (the suffix comes on top). */
const MAX_SAFE_NAME = 80;

/**
 * Turns a scenario name into a directory name: letters, digits, `.`, `_` and `-` are kept, every
 * other run of characters becomes one `-`, leading dots and dashes are dropped (no hidden or
 * `..` names), and the result is at most 80 characters; an empty result becomes `scenario`.
 *
 * @param name The scenario's name (free text).
 * @returns A name that is safe as one path component.
 *
 * @example Escapes are flattened
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(safeDirectoryName("../../x"), "x");
 * assert.equal(safeDirectoryName("South Worcestershire 2025"), "South-Worcestershire-2025");
 * assert.equal(safeDirectoryName(""), "scenario");
 * ```
 */
export function safeDirectoryName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^[.-]+/, "")
    .slice(0, MAX_SAFE_NAME).replace(/[.-]+$/, "");
  return safe === "" ? "scenario" : safe;
}

/**
 * The default output directory of a run of a scenario.
 *
 * @param scenarioName The scenario's name.
 * @param suffix Added to the safe name (e.g. `-sweep`, `-shard-1-of-4`).
 * @returns `out/<safe name><suffix>`.
 *
 * @example A shared scenario cannot write outside out/
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(defaultOutDir("../../etc", "-sweep"), "out/etc-sweep");
 * ```
 */
export function defaultOutDir(scenarioName: string, suffix = ""): string {
  return join("out", `${safeDirectoryName(scenarioName)}${suffix}`);
}
