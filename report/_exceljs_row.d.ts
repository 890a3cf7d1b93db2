/**
 * Types for ExcelJS's row renderer (`exceljs/lib/xlsx/xform/sheet/row-xform.js`), limited to what
 * report/xlsx_row_xml.ts uses. They stand in for the package's own declarations, which redeclare Node's `Buffer` and hide
 * Node's types from every module type-checked with them.
 *
 * @module
 */

/** A cell as ExcelJS's streaming worksheet writer models it. */
export interface CellModel {
  /** The cell's address, e.g. `B7`. */
  address: string;
  /** ExcelJS's value type (`Enums.ValueType`). */
  type: number;
  /** The value (absent for an empty cell). */
  value?: string | number;
  /** The cell's style (`{}`: none). */
  style: Record<string, never>;
}

/** A row as ExcelJS's streaming worksheet writer models it. */
export interface RowModel {
  /** The cells, empty ones included. */
  cells: CellModel[];
  /** Row number, from 1. */
  number: number;
  /** First column with a cell, from 1. */
  min: number;
  /** Last column with a cell. */
  max: number;
  /** The row's style (`{}`: none). */
  style: Record<string, never>;
  /** Hidden row. */
  hidden: boolean;
  /** Outline level. */
  outlineLevel: number;
  /** Collapsed outline. */
  collapsed: boolean;
}

/** ExcelJS's `RowXform`: renders a row model as worksheet XML. */
declare class RowXform {
  /** Renders the model as a `<row>` element. */
  toXml(model: RowModel): string;
}

// The module is CommonJS: `module.exports = RowXform`, seen by an import as its default.
export { RowXform as default };
