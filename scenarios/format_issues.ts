/**
 * Turns zod issues into one readable line each: dotted path, what was expected, what was found,
 * and for unknown keys a "did you mean" with the closest valid key.
 *
 * @module
 */

import type { z } from "npm:zod@4.1.12";
import { closestName } from "./levenshtein.ts";

type PathKey = PropertyKey;

/**
 * Formats a path as `hospitals[0].acuteBeds` (`(root)` for the empty path).
 *
 * @param path Keys from the root.
 * @returns The dotted path.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(dottedPath(["hospitals", 0, "acuteBeds"]), "hospitals[0].acuteBeds");
 * ```
 */
export function dottedPath(path: readonly PathKey[]): string {
  let out = "";
  for (const k of path) {
    if (typeof k === "number") out += `[${k}]`;
    else out += out === "" ? String(k) : `.${String(k)}`;
  }
  return out === "" ? "(root)" : out;
}

/**
 * Describes a found value briefly: `nothing (missing)`, `"text"`, `-3`, `an array of 2`, `an object`.
 *
 * @param value Any value.
 * @returns A short description.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(describeFound(undefined), "nothing (missing)");
 * assert.equal(describeFound("x"), "\"x\"");
 * ```
 */
export function describeFound(value: unknown): string {
  if (value === undefined) return "nothing (missing)";
  if (value === null) return "null";
  if (typeof value === "string") {
    return JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  return "an object";
}

// deno-lint-ignore no-explicit-any
type AnyDef = any;

/** The object keys valid at `path` in the schema (empty if the path does not lead to an object). */
function keysAt(schema: z.ZodType, path: readonly PathKey[]): string[] {
  // deno-lint-ignore no-explicit-any
  let node: any = schema;
  let i = 0;
  for (let guard = 0; guard < 200 && node; guard++) {
    const def: AnyDef = node._zod.def;
    switch (def.type) {
      case "default":
      case "prefault":
      case "optional":
      case "nullable":
      case "readonly":
      case "catch":
        node = def.innerType;
        continue;
      case "pipe":
        node = def.in;
        continue;
      case "object":
        if (i === path.length) return Object.keys(def.shape);
        node = def.shape[path[i++] as string];
        continue;
      case "array":
        if (i === path.length) return [];
        i++;
        node = def.element;
        continue;
      case "tuple":
        if (i === path.length) return [];
        node = def.items[path[i++] as number];
        continue;
      default:
        return [];
    }
  }
  return [];
}

function valueAt(root: unknown, path: readonly PathKey[]): unknown {
  let v: unknown = root;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function bound(issue: AnyDef, word: "≥" | "≤" | ">" | "<"): string {
  const limit = issue.minimum ?? issue.maximum;
  if (issue.origin === "array") {
    return issue.exact ? `an array of exactly ${limit}` : `an array of ${word} ${limit} items`;
  }
  if (issue.origin === "string") return `a string of ${word} ${limit} characters`;
  return `a number ${word} ${limit}`;
}

/**
 * Formats zod issues into problem lines, one per problem (one per unknown key).
 *
 * @param issues The zod issues (parse with `reportInput: true` so values are known).
 * @param options `schema` (to suggest keys) and `input` (to show found values).
 * @returns One line per problem.
 *
 * @example An unknown key gets a suggestion
 * ```ts
 * import assert from "node:assert/strict";
 * import { z } from "npm:zod@4.1.12";
 * const schema = z.strictObject({ acuteBeds: z.number() });
 * const input = { acuteBeds: 1, acuteBed: 2 };
 * const r = schema.safeParse(input, { reportInput: true });
 * const lines = formatIssues(r.error!.issues, { schema, input });
 * assert.match(lines[0], /acuteBed: unknown key, did you mean "acuteBeds"\?/);
 * ```
 */
export function formatIssues(
  issues: readonly z.core.$ZodIssue[],
  options: { schema: z.ZodType; input: unknown },
): string[] {
  const lines: string[] = [];
  for (const raw of issues) {
    const issue: AnyDef = raw;
    const path = issue.path as PathKey[];
    const at = dottedPath(path);
    const found = describeFound("input" in issue ? issue.input : valueAt(options.input, path));
    switch (issue.code) {
      case "unrecognized_keys": {
        const valid = keysAt(options.schema, path);
        for (const key of issue.keys as string[]) {
          const near = closestName(key, valid);
          const where = dottedPath([...path, key]);
          lines.push(
            near
              ? `${where}: unknown key, did you mean "${near}"?`
              : `${where}: unknown key, expected one of ${valid.map((k) => `"${k}"`).join(", ")}`,
          );
        }
        break;
      }
      case "invalid_type": {
        const expected = issue.expected === "int"
          ? "an integer"
          : `${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
        lines.push(`${at}: expected ${expected}, found ${found}`);
        break;
      }
      case "too_small":
        lines.push(`${at}: expected ${bound(issue, issue.inclusive ? "≥" : ">")}, found ${found}`);
        break;
      case "too_big":
        lines.push(
          `${at}: expected ${bound(issue, issue.inclusive ? "≤" : "<")}, found ${found}${
            /^Too big/.test(issue.message) ? "" : ` (${issue.message})`
          }`,
        );
        break;
      case "invalid_value":
        lines.push(
          `${at}: expected ${
            (issue.values as unknown[]).map((v) => JSON.stringify(v)).join(" or ")
          }, found ${found}`,
        );
        break;
      case "invalid_format":
        lines.push(
          `${at}: ${
            issue.message.startsWith("expected") ? issue.message : `expected ${issue.format}`
          }, found ${found}`,
        );
        break;
      default:
        lines.push(
          `${at}: ${
            issue.message.startsWith("expected") ? issue.message : `expected ${issue.message}`
          }, found ${found}`,
        );
    }
  }
  return lines;
}
