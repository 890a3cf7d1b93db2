/**
 * One row of results.xlsx as worksheet XML, rendered by ExcelJS's own row renderer from the model
 * its streaming worksheet writer builds for `addRow(values).commit()`, so the XML is the same,
 * byte for byte (`xlsx_row_xml_test.ts` checks it against `addRow`). Without the writer's row and
 * cell objects, and without the writer itself, it can run on any thread: results.xlsx renders its
 * large tables on helper threads (`xlsx_render_pool.ts`). Private to report/.
 *
 * @module
 */

// @ts-types="./_exceljs_row.d.ts"
import RowXform from "npm:exceljs@4.4.0/lib/xlsx/xform/sheet/row-xform.js";
// @ts-types="./_exceljs_col_cache.d.ts"
import colCache from "npm:exceljs@4.4.0/lib/utils/col-cache.js";
import type { CellModel } from "./_exceljs_row.d.ts";

/** ExcelJS's value types (`Enums.ValueType` in `exceljs/lib/doc/enums.js`). */
const NULL = 0;
const NUMBER = 2;
const STRING = 3;

const xform = new RowXform();

/**
 * A CSV cell as a workbook value: a number when the text is a number as caresim writes it, no
 * value when empty, otherwise the text itself.
 *
 * @param text The cell's text.
 * @returns The value.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cellValue("1.5"), 1.5);
 * assert.equal(cellValue("-2"), -2);
 * assert.equal(cellValue(""), null);
 * assert.equal(cellValue("2025/26"), "2025/26");
 * assert.equal(cellValue("007"), "007");
 * ```
 */
export function cellValue(text: string): string | number | null {
  if (text === "") return null;
  const n = Number(text);
  return Number.isFinite(n) && String(n) === text ? n : text;
}

/**
 * A worksheet row as XML, as ExcelJS's streaming writer writes `addRow(values)` at that row: every
 * value a cell (`null` an empty one), nothing at all when every value is `null`.
 *
 * @param values The row's values, from column A.
 * @param row The row number, from 1.
 * @returns The `<row>` element, or `""`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   rowXml(["x", 1.5, null], 2),
 *   '<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="A2" t="str"><v>x</v></c><c r="B2"><v>1.5</v></c></row>',
 * );
 * assert.equal(rowXml([null, null], 3), "");
 * ```
 */
export function rowXml(values: readonly (string | number | null)[], row: number): string {
  if (values.every((v) => v === null)) return "";
  const cells = values.map((value, i): CellModel => {
    const address = colCache.encodeAddress(row, i + 1);
    return value === null
      ? { address, type: NULL, style: {} }
      : { address, type: typeof value === "number" ? NUMBER : STRING, value, style: {} };
  });
  return xform.toXml({
    cells,
    number: row,
    min: 1,
    max: values.length,
    style: {},
    hidden: false,
    outlineLevel: 0,
    collapsed: false,
  });
}

/**
 * The rows of a piece of a plain CSV table (no quotes, no carriage returns, no empty lines: each
 * line is one row, its cells split at commas) as worksheet XML.
 *
 * @param text Whole lines of the table, after its header.
 * @param firstRow The worksheet row of the first line (the header is row 1).
 * @param width The header's number of fields, which every row must have.
 * @returns The rows' XML, in order.
 * @throws {TypeError} Naming the line, if a row's number of fields differs from the header's.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(plainRowsXml("a,1\nb,\n", 2, 2), rowXml(["a", 1], 2) + rowXml(["b", null], 3));
 * ```
 */
export function plainRowsXml(text: string, firstRow: number, width: number): string {
  const parts: string[] = [];
  let row = firstRow;
  for (let at = 0; at < text.length; row++) {
    let end = text.indexOf("\n", at);
    if (end < 0) end = text.length;
    const cells = text.slice(at, end).split(",");
    if (cells.length !== width) {
      throw new TypeError(`line ${row} has ${cells.length} fields where the header has ${width}`);
    }
    parts.push(rowXml(cells.map(cellValue), row));
    at = end + 1;
  }
  return parts.join("");
}
