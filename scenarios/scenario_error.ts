/**
 * The error thrown for any problem with a scenario: a missing file, bad JSON, or values that do
 * not match the schema. Its message lists every problem at once, one line each.
 *
 * @module
 */

/**
 * A scenario could not be loaded or parsed. `problems` holds one line per problem
 * (`dotted.path: expected …, found …`); `message` is a heading followed by those lines.
 *
 * @example Catching a scenario error
 * ```ts
 * import assert from "node:assert/strict";
 * const e = new ScenarioError("Cannot parse scenario", ["years: expected integer ≥ 1, found 0"]);
 * assert.match(e.message, /years: expected/);
 * assert.equal(e.problems.length, 1);
 * ```
 */
export class ScenarioError extends Error {
  /** One line per problem. */
  readonly problems: readonly string[];

  /**
   * Creates the error from a heading and one line per problem.
   *
   * @param heading What failed, e.g. "Cannot parse scenario default.json".
   * @param problems One line per problem (may be empty for a single-cause failure).
   */
  constructor(heading: string, problems: readonly string[] = []) {
    super(problemListMessage(heading, problems));
    this.name = "ScenarioError";
    this.problems = [...problems];
  }
}

/**
 * The message of an error that lists problems: the heading alone, or the heading, the count and
 * one indented line per problem (the form ScenarioError and FixtureError share). At most 50
 * lines of at most 500 characters are listed, then "… and N more problems", so the output
 * stays readable whatever the input.
 *
 * @param heading What failed.
 * @param problems One line per problem.
 * @returns The message.
 *
 * @example Two problems
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(problemListMessage("Cannot parse x", ["a: bad", "b: bad"]), "Cannot parse x: 2 problems\n  - a: bad\n  - b: bad");
 * ```
 */
export function problemListMessage(heading: string, problems: readonly string[]): string {
  const n = problems.length;
  if (n === 0) return heading;
  const shown = problems.slice(0, PROBLEMS_SHOWN).map((p) => {
    const line = p.length > PROBLEM_CHARS ? `${p.slice(0, PROBLEM_CHARS)}…` : p;
    return `  - ${line}`;
  });
  if (n > PROBLEMS_SHOWN) shown.push(`  … and ${n - PROBLEMS_SHOWN} more problems`);
  return `${heading}: ${n} problem${n === 1 ? "" : "s"}\n${shown.join("\n")}`;
}

/** Problems listed in a message before "… and N more" (the rest stay in `problems`). */
const PROBLEMS_SHOWN = 50;
/** Longest problem line in a message. */
const PROBLEM_CHARS = 500;
