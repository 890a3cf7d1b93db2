/**
 * CSV reading and writing for every caresim output (with `csv_stream.ts` for streamed reads,
 * the only modules that import csv-stringify and csv-parse). Numbers are written with JavaScript's default number → string conversion,
 * which round-trips exactly, so a table read back and written again is byte-identical.
 *
 * @module
 */

import { stringify } from "npm:csv-stringify@6.6.0/sync";
import { parse } from "npm:csv-parse@6.1.0/sync";

/**
 * Decimal places of every number caresim writes to a CSV file (per-replication values and
 * summary statistics). summary.json keeps the summary statistics unrounded.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(CSV_DECIMALS, 4);
 * ```
 */
export const CSV_DECIMALS = 4;

/** 10 to the power {@linkcode CSV_DECIMALS}, written out (exact in every runtime). */
const CSV_SCALE = 10_000;

/**
 * Rounds a value to {@linkcode CSV_DECIMALS} decimal places (half away from zero), so a CSV holds
 * no floating-point noise (`186.00000000000006` → `186`). NaN and infinities pass through, and
 * `-0` becomes `0`.
 *
 * @param value A number.
 * @returns The rounded number, whose `String()` has at most four decimals.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(roundForCsv(186.00000000000006), 186);
 * assert.equal(String(roundForCsv(1.6326315789473684)), "1.6326");
 * assert.equal(roundForCsv(-0.00004), 0);
 * assert.ok(Number.isNaN(roundForCsv(NaN)));
 * ```
 */
export function roundForCsv(value: number): number {
  if (!Number.isFinite(value)) return value;
  const scaled = Math.round(Math.abs(value) * CSV_SCALE) / CSV_SCALE;
  return value < 0 && scaled !== 0 ? -scaled : scaled;
}

/** A CSV cell: numbers are written with `String(n)` (NaN as an empty cell), `undefined` empty. */
export type CsvCell = string | number | undefined;

/**
 * Makes a text cell safe to open in a spreadsheet: a cell beginning with `=`, `+`, `-`, `@`, a
 * tab or a carriage return would be run as a formula, so it gets a leading `'` (the
 * spreadsheet convention for "text"). Text that is exactly a number as JavaScript writes it
 * ("-3", "-0.5") is left alone, so tables read back and written again stay byte-identical.
 *
 * @param text A text cell.
 * @returns The cell, neutralised if needed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(neutraliseFormula("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
 * assert.equal(neutraliseFormula("-3"), "-3");
 * assert.equal(neutraliseFormula("Baseline"), "Baseline");
 * ```
 */
export function neutraliseFormula(text: string): string {
  if (!/^[=+\-@\t\r]/.test(text)) return text;
  return String(Number(text)) === text ? text : `'${text}`;
}

function cellText(c: CsvCell): string {
  if (c === undefined) return "";
  if (typeof c === "number") return Number.isNaN(c) ? "" : String(c);
  return neutraliseFormula(c);
}

/**
 * Formats a table as CSV (RFC 4180 quoting, `\n` line ends, a header row). NaN (e.g. the sd of
 * one replication) is an empty cell; text that a spreadsheet would run as a formula is
 * neutralised ({@link neutraliseFormula}).
 *
 * @param header Column names.
 * @param rows Rows of cells, each as long as the header.
 * @returns The CSV text, ending with a newline.
 * @throws {RangeError} If a row's length differs from the header's.
 *
 * @example Two rows
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(toCsv(["a", "b"], [[1, "x,y"], [0.1, undefined]]), 'a,b\n1,"x,y"\n0.1,\n');
 * ```
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const records: string[][] = [header.slice()];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (row.length !== header.length) {
      throw new RangeError(
        `Cannot format CSV: row ${i} has ${row.length} cells but the header has ${header.length}, received ${
          JSON.stringify(row)
        }`,
      );
    }
    records.push(row.map(cellText));
  }
  return stringify(records, { record_delimiter: "\n" });
}

/**
 * Parses CSV text with a header row into records keyed by column name (all values strings).
 *
 * @param text CSV text.
 * @returns One record per data row.
 * @throws {TypeError} If the text is not valid CSV (the message names the line).
 *
 * @example Round trip
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseCsv('a,b\n1,"x,y"\n'), [{ a: "1", b: "x,y" }]);
 * ```
 */
export function parseCsv(text: string): Record<string, string>[] {
  try {
    return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  } catch (error) {
    throw new TypeError(`Cannot parse CSV: ${(error as Error).message}`, { cause: error });
  }
}
