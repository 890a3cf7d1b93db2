import assert from "node:assert/strict";
import { testRun } from "../_test_run.ts";
import { buildOutputs } from "../outputs.ts";
import { runMeta } from "../run_meta.ts";
import { runTables } from "../tables.ts";

Deno.test("reportHtml() is self-contained and has every chart", async () => {
  const run = testRun({ indices: [0, 1, 2], optionCount: 2, years: 2 });
  const { files } = buildOutputs(await runMeta(run), runTables(run));
  const html = files["report.html"];
  const charts = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
  assert.deepEqual(charts, [
    "occupancy-0",
    "occupancy-1",
    "occupancy-2",
    "admissions-avoided",
    "fte-0",
    "fte-1",
    "delayed-transfers",
  ]);
  assert.doesNotMatch(html, /<script|<link|<img|src=|@import|url\(/i);
  assert.doesNotMatch(html, /NaN|undefined/);
  assert.match(html, /Assumptions and sources/);
  assert.match(html, /acute\.readmission30DayProbability/);
  assert.match(html, /admissions_avoided|Avoided/);
});
