import assert from "node:assert/strict";
import { testRun } from "./_test_run.ts";
import { DAILY_ROWS_LIMIT, dailyFileName, dailyRowCount, gunzip, gzip } from "./daily_file.ts";
import { EXCEL_MAX_ROWS } from "./results_xlsx.ts";
import { runGroups, runTables, tablesToCsv } from "./tables.ts";

Deno.test("dailyRowCount() is the number of rows daily.csv holds", () => {
  const run = testRun({ indices: [3, 5], years: 2, optionCount: 2 });
  const tables = runTables(run);
  const meta = { indices: run.indices, groups: runGroups(run), scenario: run.scenario };
  // 2 replications × 3 groups × 2 years × 365 days.
  assert.equal(dailyRowCount(meta), 2 * 3 * 2 * 365);
  assert.equal(tables.daily.length, dailyRowCount(meta));
  const csv = tablesToCsv(tables)["daily.csv"];
  assert.equal(csv.split("\n").length - 2, dailyRowCount(meta), "rows below the header");
});

Deno.test("dailyFileName() compresses exactly when the rows and header pass Excel's limit", () => {
  assert.equal(DAILY_ROWS_LIMIT + 1, EXCEL_MAX_ROWS);
  assert.equal(dailyFileName(DAILY_ROWS_LIMIT), "daily.csv");
  assert.equal(dailyFileName(DAILY_ROWS_LIMIT + 1), "daily.csv.gz");
  // The comparison of all care models (11 groups, 5 years) passes it from 53 replications.
  const groups = Array.from({ length: 11 }, () => ({}));
  const rows = (n: number) =>
    dailyRowCount(
      { indices: Array.from({ length: n }, (_, i) => i), groups, scenario: { years: 5 } } as never,
    );
  assert.equal(dailyFileName(rows(52)), "daily.csv");
  assert.equal(dailyFileName(rows(53)), "daily.csv.gz");
});

Deno.test("gzip() then gunzip() give the CSV back, and the same bytes every time", async () => {
  const text = "day,beds\n" + Array.from({ length: 5000 }, (_, i) => `${i},${i % 17}\n`).join("");
  const bytes = async () =>
    new Uint8Array(await new Response(gzip(new Blob([text]).stream())).arrayBuffer());
  const first = await bytes();
  assert.ok(first.length < text.length / 2, `${first.length} bytes from ${text.length}`);
  assert.deepEqual(await bytes(), first);
  assert.equal(await new Response(gunzip(new Blob([first]).stream())).text(), text);
});
