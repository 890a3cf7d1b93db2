/**
 * Types for ExcelJS's cell addresses (`exceljs/lib/utils/col-cache.js`), limited to what
 * report/xlsx_row_xml.ts uses (see `_exceljs_row.d.ts`).
 *
 * @module
 */

/** `col-cache.js`: cell addresses. */
declare const colCache: {
  /** The address of a cell, e.g. (7, 2) → `B7`. */
  encodeAddress(row: number, col: number): string;
};

// CommonJS: `module.exports = colCache`, seen by an import as its default.
export { colCache as default };
