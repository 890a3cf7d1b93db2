// deno-lint-ignore-file no-console
/**
 * `deno task schema`: print the scenario JSON Schema (for editors and validators).
 *
 * @module
 */

import { scenarioJsonSchemaText } from "../scenarios/json_schema.ts";
import { printError } from "./_print_error.ts";

/**
 * The help text of `deno task schema`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(SCHEMA_HELP, /deno task schema/);
 * ```
 */
export const SCHEMA_HELP = `Usage: deno task schema [--help]

Prints the JSON Schema of scenario files to stdout.
  deno task schema > my-scenario.schema.json
`;

/**
 * Runs the `schema` command.
 *
 * @param argv Command-line arguments.
 * @returns The exit code.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(SCHEMA_HELP, /JSON Schema/);
 * ```
 */
export function main(argv: string[]): number {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(SCHEMA_HELP);
    return 0;
  }
  if (argv.length > 0) {
    printError(
      `Cannot parse the command line: schema takes no arguments, received ${argv.join(" ")}`,
    );
    return 2;
  }
  const text = scenarioJsonSchemaText();
  console.log(text.endsWith("\n") ? text.slice(0, -1) : text);
  return 0;
}

if (import.meta.main) Deno.exit(main(Deno.args));
