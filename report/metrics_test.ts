import assert from "node:assert/strict";
import { ANNUAL_METRICS } from "../models/result.ts";
import { metricDefinitions } from "./metrics.ts";
import { withGeneratedTable } from "./metrics_doc.ts";
import { TABLE_FILES, TABLE_HEADERS } from "./tables.ts";

Deno.test("report/METRICS.md's table is generated from the metric registry and up to date", async () => {
  const doc = await Deno.readTextFile(new URL("./METRICS.md", import.meta.url));
  assert.equal(doc, withGeneratedTable(doc), "run `deno task metrics:write`");
  const defs = metricDefinitions([]);
  assert.equal(defs.length, ANNUAL_METRICS.length);
  for (const d of defs) assert.ok(doc.includes(`| \`${d.metric}\``), d.metric);
  for (const name of ["admissions_avoided", "bed_days_avoided", "fte_<staff_group>"]) {
    assert.ok(doc.includes(`\`${name}\``), name);
  }
});

Deno.test("the summary lists headline metrics first, then the rest in row order", () => {
  const names = metricDefinitions(["gp"]).map((d) => d.metric);
  assert.deepEqual(names.slice(0, 3), [
    "emergency_admissions",
    "bed_days",
    "acute_occupied_beds_mean",
  ]);
  assert.deepEqual([...names].slice(0, -1).sort(), [...ANNUAL_METRICS].sort());
  assert.equal(names.at(-1), "fte_gp");
});

Deno.test("report/METRICS.md names every column of the per-replication files", async () => {
  const doc = (await Deno.readTextFile(new URL("./METRICS.md", import.meta.url))).replace(
    /\s+/g,
    " ",
  );
  for (const file of TABLE_FILES) {
    const columns = TABLE_HEADERS[file].trim().split(",");
    assert.ok(doc.includes(`\`${file}\`: \`${columns.join(", ")}\``), file);
  }
});
