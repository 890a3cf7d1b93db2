// deno-lint-ignore-file no-console
/**
 * How the commands print a user's error: one `error: ` line (the message's own lines after it),
 * terminal control characters escaped, and a hint when Deno's permissions stopped a write.
 *
 * @module
 */

import { escapeTerminal } from "../report/terminal_text.ts";

/**
 * Prints an error message to standard error.
 *
 * @param message The message (may span lines).
 * @param hint An extra line after it (e.g. where to find the options).
 *
 * @example
 * ```ts
 * const error = console.error;
 * const lines: string[] = [];
 * console.error = (line: string) => lines.push(line);
 * try {
 *   printError("Cannot parse --seed: \u001b[31m");
 * } finally {
 *   console.error = error;
 * }
 * if (lines[0] !== "error: Cannot parse --seed: \\u{1b}[31m") throw new Error(lines[0]);
 * ```
 */
export function printError(message: string, hint?: string): void {
  console.error(`error: ${escapeTerminal(message)}${hint ? `\n${hint}` : ""}`);
}

/**
 * The message for an operation Deno's permissions refused (the tasks grant only what they need).
 *
 * @param error An error thrown by a file-system call.
 * @returns A message naming the flag to add, or `undefined` if it is not a permission error.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const e = new Deno.errors.NotCapable('Requires write access to "x", run again with the --allow-write flag');
 * assert.match(permissionMessage(e)!, /not allowed/);
 * assert.equal(permissionMessage(new Error("x")), undefined);
 * ```
 */
export function permissionMessage(error: unknown): string | undefined {
  if (!(error instanceof Deno.errors.NotCapable || error instanceof Deno.errors.PermissionDenied)) {
    return undefined;
  }
  return `Cannot complete the command: this is not allowed by the permissions it runs with (${
    (error as Error).message
  }); the deno tasks read anywhere and write only their outputs — run the script with deno run and the flag named above to go further`;
}
