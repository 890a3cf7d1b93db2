/**
 * The JSON Schema of the scenario format (input side: defaults shown, every field optional
 * except `version` and `population.size`), with each parameter's source and assumption flag.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { scenarioSchema } from "./schema.ts";

/**
 * Produces the scenario JSON Schema (draft 2020-12).
 *
 * @returns The JSON Schema as a plain object.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = scenarioJsonSchema();
 * assert.equal(s.type, "object");
 * ```
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(scenarioSchema, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: "https://caresim.local/scenario.schema.json",
    title: "caresim scenario",
  };
}

/**
 * The JSON Schema as the exact text written to `scenarios/scenario.schema.json`.
 *
 * @returns Pretty-printed JSON with a trailing newline.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(scenarioJsonSchemaText().endsWith("}\n"));
 * ```
 */
export function scenarioJsonSchemaText(): string {
  return JSON.stringify(scenarioJsonSchema(), null, 2) + "\n";
}
