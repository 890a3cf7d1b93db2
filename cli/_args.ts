/**
 * Command-line option parsing shared by the caresim commands, with user-facing errors.
 * Private to cli/.
 *
 * @module
 */

import { closestName } from "../scenarios/levenshtein.ts";

/**
 * A mistake in the command line (bad or unknown option); printed without a stack trace.
 *
 * @example Catching a usage error
 * ```ts
 * import assert from "node:assert/strict";
 * assert.throws(() => parseInteger("seed", "x"), UsageError);
 * ```
 */
export class UsageError extends Error {
  /**
   * @param message What is wrong ("Cannot parse --seed: …").
   */
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** How an option takes a value. */
export interface OptionSpec {
  /** Long name without dashes. */
  name: string;
  /** `none` (a flag), `required`, or `optional` (taken only when the next word is a number). */
  value: "none" | "required" | "optional";
  /** May be given several times. */
  repeat?: boolean;
}

/** Parsed command line. */
export interface ParsedArgs {
  /** Positional arguments, in order. */
  positional: string[];
  /** Option name → values given (flags and optional-without-value give ""). */
  options: Map<string, string[]>;
}

/**
 * Parses `--name value`, `--name=value` and flags; `--` ends options.
 *
 * @param argv The arguments.
 * @param specs The options the command accepts.
 * @returns Positional arguments and option values.
 * @throws {UsageError} On an unknown option, a missing value, or a repeated single option.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const specs = [{ name: "seed", value: "required" as const }, { name: "quiet", value: "none" as const }];
 * const p = parseArgs(["a.json", "--seed=3", "--quiet"], specs);
 * assert.deepEqual(p.positional, ["a.json"]);
 * assert.deepEqual(p.options.get("seed"), ["3"]);
 * assert.throws(() => parseArgs(["--sed", "3"], specs), /did you mean --seed/);
 * ```
 */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--") {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith("-") || arg === "-") {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = (eq >= 0 ? arg.slice(0, eq) : arg).replace(/^--?/, "");
    const spec = specs.find((s) => s.name === name) ??
      (name === "h" ? specs.find((s) => s.name === "help") : undefined);
    if (!spec) {
      const near = closestName(name, specs.map((s) => s.name));
      throw new UsageError(
        `Cannot parse the command line: unknown option, received ${arg}${
          near ? ` (did you mean --${near}?)` : ""
        }`,
      );
    }
    let value = "";
    if (eq >= 0) {
      if (spec.value === "none") {
        throw new UsageError(
          `Cannot parse --${spec.name}: it takes no value, received ${JSON.stringify(arg)}`,
        );
      }
      value = arg.slice(eq + 1);
    } else if (spec.value === "required") {
      if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
        throw new UsageError(`Cannot parse --${spec.name}: a value is required, received none`);
      }
      value = argv[++i];
    } else if (spec.value === "optional" && /^\d+$/.test(argv[i + 1] ?? "")) {
      value = argv[++i];
    }
    const list = options.get(spec.name) ?? [];
    if (list.length > 0 && !spec.repeat) {
      throw new UsageError(`Cannot parse --${spec.name}: given more than once, received ${arg}`);
    }
    list.push(value);
    options.set(spec.name, list);
  }
  return { positional, options };
}

/**
 * Parses an integer option value.
 *
 * @param name Option name (for the message).
 * @param text The value.
 * @param options `min` and `max` (inclusive), and the `reason` for the maximum (shown when it is
 *   exceeded).
 * @returns The integer.
 * @throws {UsageError} If the value is not a whole number in range.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseInteger("workers", "4", { min: 1 }), 4);
 * assert.throws(() => parseInteger("workers", "0", { min: 1 }), /--workers: expected a whole number >= 1, received "0"/);
 * assert.throws(() => parseInteger("workers", "999", { min: 1, max: 256, reason: "memory" }), /from 1 to 256, received "999" \(memory\)/);
 * ```
 */
export function parseInteger(
  name: string,
  text: string,
  options: { min?: number; max?: number; reason?: string } = {},
): number {
  const min = options.min ?? 0;
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  const value = /^\s*-?\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    const range = options.max !== undefined ? `from ${min} to ${max}` : `>= ${min}`;
    const why = options.reason && value > max ? ` (${options.reason})` : "";
    throw new UsageError(
      `Cannot parse --${name}: expected a whole number ${range}, received ${
        JSON.stringify(text)
      }${why}`,
    );
  }
  return value;
}
