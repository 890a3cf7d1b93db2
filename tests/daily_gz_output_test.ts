import assert from "node:assert/strict";
import { DAILY_ROWS_LIMIT } from "../report/daily_file.ts";
import { addDays, TABLE_HEADERS } from "../report/tables.ts";
import { COLUMNS, DAYS, REPLICATIONS, type RoundTrip, value } from "./_daily_gz_roundtrip.ts";

/** Heap cap of the subprocess, MB: well below the ≈60 MB of text the series holds uncompressed. */
const HEAP_MB = 48;

Deno.test("a daily series past a spreadsheet's rows is written as daily.csv.gz and reads back whole", async () => {
  const root = await Deno.makeTempDir();
  try {
    const helper = new URL("./_daily_gz_roundtrip.ts", import.meta.url).href;
    const script = `import { roundTrip } from ${JSON.stringify(helper)};
console.log(JSON.stringify(await roundTrip(${JSON.stringify(root)})));`;
    const child = await new Deno.Command(Deno.execPath(), {
      args: ["eval", `--v8-flags=--max-old-space-size=${HEAP_MB}`, script],
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stderr = new TextDecoder().decode(child.stderr);
    assert.equal(child.code, 0, `the round trip failed within a ${HEAP_MB} MB heap: ${stderr}`);
    const r: RoundTrip = JSON.parse(new TextDecoder().decode(child.stdout));

    assert.equal(r.expectedRows, REPLICATIONS * DAYS);
    assert.ok(r.expectedRows + 1 > DAILY_ROWS_LIMIT + 1, "more lines than Excel's 1,048,576");
    assert.ok(r.streamed, "daily.csv.gz is streamed to disk, not built in memory");
    assert.equal(r.header + "\n", TABLE_HEADERS["daily.csv"]);
    assert.equal(r.rows, r.expectedRows, "every row is there, none twice");
    assert.ok(r.samples.length >= 10);
    assert.equal(r.samples.at(-1)![0], String(r.expectedRows - 1), "the last row is checked");
    for (const [row, replication, day, date, first, last] of r.samples) {
      // Row k holds replication ⌊k / DAYS⌋ and day k mod DAYS.
      const k = Number(row);
      const rep = Math.floor(k / DAYS);
      const d = k % DAYS;
      assert.deepEqual(
        [replication, day, date, Number(first), Number(last)],
        [
          String(rep),
          String(d),
          addDays("2025-04-01", d),
          value(rep, d, 0),
          value(rep, d, COLUMNS.length - 6),
        ],
        `row ${k}`,
      );
    }
    assert.ok(r.bytes < 20e6, `${(r.bytes / 1e6).toFixed(1)} MB compressed`);
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
