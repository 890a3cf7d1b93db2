import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { parse } from "npm:csv-parse@6.1.0/sync";
import { csvRowBatches } from "./xlsx_csv_rows.ts";

/** The bytes of `text` as a stream of chunks cut at the given byte offsets. */
function chunked(text: string, cuts: number[]): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...at, bytes.length].slice(1).map((end, i, ends) =>
    bytes.subarray(i === 0 ? 0 : ends[i - 1], end)
  );
  return new Blob(pieces).stream();
}

async function rowsOf(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  return (await Array.fromAsync(csvRowBatches(stream))).flat();
}

/** A cell as csv-stringify writes it: quoted when it holds a comma, quote or line end. */
const quote = (cell: string, always: boolean) =>
  always || /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;

const cellText = fc.string({
  unit: fc.constantFrom("a", "1", ".", "-", " ", ",", '"', "\n", "\r", "é", "€", "𝄞"),
  maxLength: 6,
});

Deno.test("csvRowBatches() reads every CSV as csv-parse does, however the bytes are cut", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }).chain((width) =>
        fc.array(fc.array(cellText, { minLength: width, maxLength: width }), {
          minLength: 1,
          maxLength: 8,
        })
      ),
      fc.array(fc.boolean(), { maxLength: 40 }),
      fc.constantFrom("\n", "\r\n"),
      fc.boolean(),
      fc.array(fc.nat({ max: 400 }), { maxLength: 6 }),
      async (rows, quoteAlways, eol, finalEol, cuts) => {
        let k = 0;
        const text = rows.map((row) => row.map((c) => quote(c, quoteAlways[k++ % 40] ?? false)))
          .map((cells) => cells.join(",")).join(eol) + (finalEol ? eol : "");
        const expected = parse(text, { skip_empty_lines: true }) as string[][];
        assert.deepEqual(await rowsOf(chunked(text, cuts)), expected, JSON.stringify(text));
      },
    ),
    { numRuns: 500 },
  );
});

Deno.test("csvRowBatches() keeps every cell of a caresim table, row for row", async () => {
  const header = "scenario,variant,replication,day,date,beds";
  const lines = Array.from(
    { length: 3000 },
    (_, i) => `default,mcp,${i % 20},${i},2025-04-01,${(i * 0.37).toFixed(4)}`,
  );
  const text = [header, ...lines].join("\n") + "\n";
  // Cut into pieces of 7 bytes: rows straddle nearly every chunk.
  const cuts = Array.from({ length: Math.floor(text.length / 7) }, (_, i) => 7 * (i + 1));
  const rows = await rowsOf(chunked(text, cuts));
  assert.equal(rows.length, 3001);
  assert.deepEqual(rows[0], header.split(","));
  assert.deepEqual(rows[1235], ["default", "mcp", "14", "1234", "2025-04-01", "456.5800"]);
  assert.deepEqual(rows.slice(1).map((r) => r.join(",")), lines);
});

Deno.test("csvRowBatches() names the line of a malformed row", async () => {
  const cases: [string, RegExp][] = [
    ['a,b\n1,2\n3,"open\n', /line 3: a quoted field is not closed/],
    ['a,b\n1,2\n3,x"y\n', /line 3: a quote inside a field that does not start with one/],
    ['a,b\n"1"x,2\n', /line 2: a quoted field is followed by "x"/],
    ['a,b\n"1\n2",3\n4\n', /line 4 has 1 fields where the header has 2/],
    ["a,b\n1,2,3\n", /line 2 has 3 fields where the header has 2/],
  ];
  for (const [text, message] of cases) {
    await assert.rejects(() => rowsOf(chunked(text, [])), message, JSON.stringify(text));
  }
});
