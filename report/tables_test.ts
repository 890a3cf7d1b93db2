import assert from "node:assert/strict";
import { METRICS } from "../models/metric_registry.ts";
import { parseCsv } from "./csv.ts";
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
    const split = (t: typeof tables) => ({
      ...t,
      annual: [
        t.annual.filter((r) => r.segment === undefined),
        t.annual.filter((r) => r.segment !== undefined),
      ],
    });
    assert.deepEqual(split(back), split(tables));
    assert.deepEqual(tablesToCsv(back), files);
    assert.equal(
      files["daily.csv"].split("\n")[0],
      ["scenario", "variant", "replication", "day", "date", ...DAILY_COLUMNS].join(","),
    );
    assert.match(
      files["workforce.csv"],
      /^scenario,variant,replication,year,financial_year,staff_group,fte,in_post_fte\n/,
    );
  });

  await t.step("a malformed value names the file, line and column", () => {
    const files = tablesToCsv({ ...tables, daily: [], workforce: [] });
    files["annual.csv"] = files["annual.csv"].replace(/,[^,\n]+\n/, ",abc\n");
    assert.throws(() => tablesFromCsv(files, tables.groups), /annual\.csv: line 2 column value/);
  });
});

Deno.test("tablesToCsv() keeps totals apart from their parts, with units and financial years", () => {
  const run = testRun({ indices: [0], years: 2 });
  const tables = runTables(run);
  const files = tablesToCsv(tables);
  const totals = parseCsv(files["annual.csv"]);
  const parts = parseCsv(files["annual_by_segment.csv"]);
  assert.ok(totals.length > 0 && parts.length > 0);
  assert.ok(!("segment" in totals[0]), "annual.csv has no segment column");
  assert.deepEqual([...new Set(parts.map((r) => r.segment))].sort(), ["1", "2", "3", "4"]);
  // Summing the four segments of a count gives the total: no row counts twice.
  const key = (r: Record<string, string>) => `${r.variant}|${r.replication}|${r.year}|${r.metric}`;
  const sums = new Map<string, number>();
  for (const r of parts) sums.set(key(r), (sums.get(key(r)) ?? 0) + Number(r.value));
  const admissions = totals.filter((r) => r.metric === "emergency_admissions");
  assert.ok(admissions.length > 0);
  for (const r of admissions) assert.equal(sums.get(key(r)), Number(r.value), key(r));
  // Units come from the metric registry.
  const units = new Map<string, string>(METRICS.map((m) => [m.name, m.unit]));
  for (const r of totals) assert.equal(r.unit, units.get(r.metric), r.metric);
  // Model years 1 and 2 from 1 April 2025 are the financial years 2025/26 and 2026/27.
  assert.deepEqual(
    [...new Set(totals.map((r) => `${r.year}:${r.financial_year}`))],
    ["1:2025/26", "2:2026/27"],
  );
  // At most four decimals anywhere.
  for (const text of Object.values(files)) assert.doesNotMatch(text, /\.\d{5,}/);
});
