import assert from "node:assert/strict";
// @ts-types="./_exceljs_reader.d.ts"
import ExcelJS from "npm:exceljs@4.4.0";
import { parseCsv } from "./csv.ts";
import { resultsXlsx } from "./results_xlsx.ts";

async function readBack(bytes: Uint8Array) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes);
  return book;
}

Deno.test("resultsXlsx() copies each CSV into its own sheet", async () => {
  const csv = "scenario,metric,unit,value,note\nx,bed_days,bed_days,1.5,\nx,fte_gp,fte,-2,'=A1\n";
  const bytes = await resultsXlsx([{
    sheet: "annual",
    file: "annual.csv",
    open: () => new Blob([csv]).stream(),
  }]);
  const book = await readBack(bytes);
  assert.deepEqual(book.worksheets.map((w) => w.name), ["annual", "notes"]);
  const sheet = book.getWorksheet("annual")!;
  const rows = parseCsv(csv);
  assert.equal(sheet.rowCount, rows.length + 1);
  for (let r = 0; r < rows.length; r++) {
    const cells = sheet.getRow(r + 2).values;
    Object.values(rows[r]).forEach((text, c) => {
      const cell = cells[c + 1];
      if (text === "") assert.equal(cell, undefined);
      else if (/^-?[\d.]+$/.test(text)) assert.equal(cell, Number(text));
      else assert.equal(cell, text);
    });
  }
});

Deno.test("resultsXlsx() leaves out a table longer than a worksheet and says so", async () => {
  const long = "day,beds\n" + Array.from({ length: 10 }, (_, i) => `${i},${i}\n`).join("");
  const bytes = await resultsXlsx([
    { sheet: "daily", file: "daily.csv", open: () => new Blob([long]).stream() },
  ], { maxRows: 10, notes: [["scenario", "x"]] });
  const book = await readBack(bytes);
  assert.deepEqual(book.worksheets.map((w) => w.name), ["notes"]);
  const notes = book.getWorksheet("notes")!;
  assert.deepEqual(notes.getRow(1).values.slice(1), ["scenario", "x"]);
  const listed = notes.getRow(4).values as unknown[];
  assert.equal(listed[1], "daily");
  assert.equal(listed[3], 10);
  assert.match(String(listed[4]), /left out: more rows than a worksheet holds \(10\)/);
});

Deno.test("resultsXlsx() gives the same bytes for the same tables, whatever the clock", async () => {
  const open = () => new Blob(["a,b\n1,2\n"]).stream();
  const first = await resultsXlsx([{ sheet: "t", file: "t.csv", open }]);
  await new Promise((r) => setTimeout(r, 2100)); // ZIP times have a 2-second resolution
  const second = await resultsXlsx([{ sheet: "t", file: "t.csv", open }]);
  assert.deepEqual(second, first);
});

Deno.test("resultsXlsx() copies quoted cells, CRLF rows and any chunking cell for cell", async () => {
  const csv = 'name,value,note\r\n"Ward, east",1.25,"said ""no"""\r\n' +
    '"two\nlines",-0.5,\r\nplain,007,=1\r\n';
  const bytes = new TextEncoder().encode(csv);
  // One byte at a time: every row and quoted cell straddles chunks.
  const open = () => new Blob(Array.from(bytes, (b) => new Uint8Array([b]))).stream();
  const book = await readBack(await resultsXlsx([{ sheet: "t", file: "t.csv", open }]));
  const sheet = book.getWorksheet("t")!;
  const expected = [
    ["name", "value", "note"],
    ["Ward, east", 1.25, 'said "no"'],
    ["two\nlines", -0.5, undefined],
    ["plain", "007", "=1"],
  ];
  assert.equal(sheet.rowCount, expected.length);
  expected.forEach((row, r) => {
    const cells = sheet.getRow(r + 1).values.slice(1);
    while (cells.length < row.length) cells.push(undefined);
    assert.deepEqual(cells, row, `row ${r + 1}`);
  });
});
