/**
 * Types for reading a workbook back with ExcelJS (`exceljs`'s `Workbook`) in caresim's tests,
 * limited to what they use. They stand in for the package's own declarations, which redeclare
 * Node's `Buffer` and hide Node's types from every module type-checked with them.
 *
 * @module
 */

/** A worksheet read back. */
export interface Worksheet {
  /** Sheet name. */
  name: string;
  /** Rows holding values. */
  rowCount: number;
  /** A row (1-based); `values` is 1-based too (index 0 is empty). */
  getRow(index: number): { values: unknown[] };
}

/** ExcelJS's in-memory `Workbook`. */
export class Workbook {
  /** Every worksheet, in order. */
  worksheets: Worksheet[];
  /** A worksheet by name. */
  getWorksheet(name: string): Worksheet | undefined;
  /** The .xlsx reader. */
  xlsx: { load(data: Uint8Array): Promise<Workbook> };
}

declare const ExcelJS: { Workbook: typeof Workbook };
// The package is CommonJS: `module.exports = ExcelJS`, seen by an import as its default.
export { ExcelJS as default };
