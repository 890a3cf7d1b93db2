import assert from "node:assert/strict";
import { Writable } from "node:stream";
import fc from "npm:fast-check@4.10.2";
// @ts-types="./_exceljs_writer.d.ts"
import WorkbookWriter from "npm:exceljs@4.4.0/lib/stream/xlsx/workbook-writer.js";
import { fixZipDates } from "./_zip_dates.ts";
import { cellValue, plainRowsXml, rowXml } from "./xlsx_row_xml.ts";

type Value = string | number | null;

/** A one-sheet workbook: the header by `addRow`, then the rows by `addRow` or as `rowXml`. */
async function workbook(header: string[], rows: Value[][], viaRowXml: boolean) {
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const book = new WorkbookWriter({ stream, useSharedStrings: false, useStyles: false });
  book.created = book.modified = new Date(Date.UTC(2000, 0, 1));
  const sheet = book.addWorksheet("t", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.addRow(header).commit();
  rows.forEach((values, i) => {
    if (viaRowXml) sheet.stream.write(rowXml(values, i + 2));
    else sheet.addRow(values).commit();
  });
  sheet.commit();
  await book.commit();
  const bytes = new Uint8Array(await new Blob(chunks).arrayBuffer());
  fixZipDates(bytes);
  return bytes;
}

const value: fc.Arbitrary<Value> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.string({
    unit: fc.constantFrom("a", "1", " ", "<", ">", "&", "'", '"', "\n", "\t", "\x01", "é", "𝄞"),
    maxLength: 5,
  }),
);

Deno.test("rowXml() writes each row exactly as ExcelJS's addRow(values).commit() does", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 30 }).chain((width) =>
        fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 6 })
      ),
      async (rows) => {
        const header = Array.from({ length: rows[0]?.length ?? 1 }, (_, i) => `c${i}`);
        assert.deepEqual(await workbook(header, rows, true), await workbook(header, rows, false));
      },
    ),
    { numRuns: 60 },
  );
});

Deno.test("rowXml() of a row of empty cells is nothing, as ExcelJS writes no row for it", () => {
  assert.equal(rowXml([null, null, null], 9), "");
  assert.match(
    rowXml([null, 0, null], 9),
    /^<row r="9" spans="1:3"[^>]*><c r="B9"><v>0<\/v><\/c><\/row>$/,
  );
});

Deno.test("plainRowsXml() numbers rows from the first, one per line, and checks their width", () => {
  const text = "a,1.5,\nb,,007\n";
  assert.equal(
    plainRowsXml(text, 41, 3),
    rowXml(["a", 1.5, null], 41) + rowXml(["b", null, "007"], 42),
  );
  assert.equal(plainRowsXml("a,1", 7, 2), rowXml(["a", 1], 7), "a last line without its line end");
  assert.throws(() => plainRowsXml("a,1\nb\n", 5, 2), /line 6 has 1 fields where the header has 2/);
});

Deno.test("cellValue() keeps as text whatever would not read back as the same characters", () => {
  for (const text of ["007", "1e3", "1.50", "+1", "-0", "0x10", " 1", "Infinity", "1.", ".5"]) {
    assert.equal(cellValue(text), text, text);
  }
  for (const n of [0, -2, 1.5, 0.0001, 123456.789, 1e21, 5e-7]) {
    assert.equal(cellValue(String(n)), n);
  }
});
