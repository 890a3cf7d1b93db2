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

/** A plain table long enough for the helper threads: 5,000 rows of text, numbers and gaps. */
function longTable(rows = 5000): string {
  const lines = Array.from(
    { length: rows },
    (_, i) =>
      `default,${i % 3 ? "mcp" : "baseline"},${i},${(i * 0.37).toFixed(4)},${i % 7 ? i : ""}`,
  );
  return "scenario,variant,day,beds,note\n" + lines.join("\n") + "\n";
}

Deno.test("resultsXlsx() gives the same bytes with helper threads as without", async () => {
  const csv = longTable();
  // Chunks of 1,000 bytes: pieces of whole lines are cut from many chunks.
  const bytes = new TextEncoder().encode(csv);
  const open = () =>
    new Blob(
      Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) =>
        bytes.slice(1000 * i, 1000 * (i + 1))),
    ).stream();
  const tables = [
    { sheet: "long", file: "long.csv", open },
    { sheet: "short", file: "short.csv", open: () => new Blob(["a,b\n1,x\n"]).stream() },
  ];
  const threaded = await resultsXlsx(tables, { threads: 2 });
  const here = await resultsXlsx(tables, { threads: 0 });
  assert.ok(threaded.length === here.length && threaded.every((b, i) => b === here[i]));
});

Deno.test("resultsXlsx() copies a table rendered on helper threads cell for cell", async () => {
  const csv = longTable();
  const book = await readBack(
    await resultsXlsx([{ sheet: "t", file: "t.csv", open: () => new Blob([csv]).stream() }], {
      threads: 3,
    }),
  );
  const sheet = book.getWorksheet("t")!;
  const lines = csv.trimEnd().split("\n");
  assert.equal(sheet.rowCount, lines.length);
  lines.forEach((line, r) => {
    const cells = sheet.getRow(r + 1).values.slice(1);
    line.split(",").forEach((text, c) => {
      // A number where the text reads back as itself ("0.3700" stays text), empty cells empty.
      const asNumber = r > 0 && String(Number(text)) === text;
      const expected = asNumber ? Number(text) : text || undefined;
      assert.equal(cells[c], expected, `row ${r + 1}, column ${c + 1}`);
    });
  });
});

Deno.test("resultsXlsx() names the file and line of a malformed row rendered on a helper thread", async () => {
  const csv = longTable().replace("\ndefault,mcp,4000,", "\ndefault,mcp,");
  await assert.rejects(
    () =>
      resultsXlsx([{ sheet: "t", file: "t.csv", open: () => new Blob([csv]).stream() }], {
        threads: 2,
      }),
    /Cannot copy t\.csv into results\.xlsx: line 4002 has 4 fields where the header has 5/,
  );
});
