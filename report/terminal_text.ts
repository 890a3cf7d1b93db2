/**
 * Text from scenarios and the command line made safe to print in a terminal: control
 * characters (which can move the cursor, recolour or retitle the terminal, or hide text) and
 * bidirectional overrides are shown as `\u{…}` escapes instead of being sent raw.
 *
 * @module
 */

// C0 controls but tab and newline, DEL, C1 controls, and the bidi embedding/override/isolate marks.
// deno-lint-ignore no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Escapes the characters a terminal would act on, keeping newlines and tabs.
 *
 * @param text Any text.
 * @returns The text with each unsafe character as `\u{hex}`.
 *
 * @example An escape sequence in a scenario name
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(escapeTerminal("\u001b[2Jname\nnext"), "\\u{1b}[2Jname\nnext");
 * ```
 */
export function escapeTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}
