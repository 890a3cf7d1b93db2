import assert from "node:assert/strict";
import { testRun } from "./_test_run.ts";
import { DAILY_COLUMNS, runTables, tablesFromCsv, tablesToCsv } from "./tables.ts";

Deno.test("runTables() and the CSV files round-trip byte-for-byte", async (t) => {
  const run = testRun({ indices: [0, 1], years: 1 });
  const tables = runTables(run);

  await t.step("rows are tidy and in replication, group, time order", () => {
    assert.deepEqual(tables.groups.map((g) => g.variant), ["baseline", "scenario"]);
    const reps = tables.annual.map((r) => r.replication);
    assert.deepEqual(reps, [...reps].sort((a, b) => a - b));
    assert.equal(tables.daily.length, 2 * 2 * 365);
    assert.equal(tables.daily[1].date, "2025-04-02");
    assert.equal(tables.workforce.length, 2 * 2 * 2);
  });

  await t.step("CSV → tables → CSV is byte-identical", () => {
    const files = tablesToCsv(tables);
    const back = tablesFromCsv(files, tables.groups);
    assert.deepEqual(back, tables);
    assert.deepEqual(tablesToCsv(back), files);
    assert.equal(
      files["daily.csv"].split("\n")[0],
      ["scenario", "variant", "replication", "day", "date", ...DAILY_COLUMNS].join(","),
    );
    assert.match(
      files["workforce.csv"],
      /^scenario,variant,replication,year,staff_group,fte,in_post_fte\n/,
    );
  });

  await t.step("a malformed value names the file, line and column", () => {
    const files = tablesToCsv({ ...tables, daily: [], workforce: [] });
    files["annual.csv"] = files["annual.csv"].replace(/,[^,\n]+\n/, ",abc\n");
    assert.throws(() => tablesFromCsv(files, tables.groups), /annual\.csv: line 2 column value/);
  });
});
