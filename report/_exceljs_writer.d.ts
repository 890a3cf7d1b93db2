/**
 * Types for the one ExcelJS module caresim loads, its streaming workbook writer
 * (`exceljs/lib/stream/xlsx/workbook-writer.js`), limited to what report/results_xlsx.ts uses.
 * They stand in for the package's own declarations, which redeclare Node's `Buffer` and hide
 * Node's types from every module type-checked with them.
 *
 * @module
 */

import type { Writable } from "node:stream";

/** A worksheet being streamed. */
export interface StreamWorksheet {
  /** Adds a row of values (`null` for an empty cell); commit it to stream it out. */
  addRow(values: unknown[]): { commit(): void };
  /** Finishes the worksheet. */
  commit(): void;
  /**
   * The worksheet's XML stream, which `commit()` of a row writes that row's `<row>` element to
   * (ExcelJS's own field, not in its documented API): rows rendered elsewhere, in order after the
   * first committed row, are written here (text, or UTF-8 in a Node Buffer).
   */
  stream: { write(xml: string | Uint8Array): void };
}

/** ExcelJS's `stream.xlsx.WorkbookWriter`. */
declare class WorkbookWriter {
  constructor(options: { stream: Writable; useSharedStrings: boolean; useStyles: boolean });
  /** Core property: created. */
  created: Date;
  /** Core property: last modified. */
  modified: Date;
  /** Core property: creator. */
  creator: string;
  /** Core property: last modified by. */
  lastModifiedBy: string;
  /** Adds a worksheet (views: e.g. a frozen header row). */
  addWorksheet(
    name: string,
    options?: { views?: { state: "frozen"; ySplit: number }[] },
  ): StreamWorksheet;
  /** Finishes the workbook and its archive. */
  commit(): Promise<void>;
}

// The module is CommonJS: `module.exports = WorkbookWriter`, seen by an import as its default.
export { WorkbookWriter as default };
