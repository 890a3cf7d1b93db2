import assert from "node:assert/strict";
import { ANNUAL_METRICS } from "../models/result.ts";
import { metricDefinitions } from "./metrics.ts";

Deno.test("report/METRICS.md documents every metric and its unit", async () => {
  const doc = await Deno.readTextFile(new URL("./METRICS.md", import.meta.url));
  const defs = metricDefinitions([]);
  assert.equal(defs.length, ANNUAL_METRICS.length);
  for (const d of defs) {
    assert.match(
      doc,
      new RegExp(`\\|\\s*\`${d.metric}\`\\s*\\|\\s*${d.unit}\\s*\\|\\s*${d.allYears}\\s*\\|`),
      d.metric,
    );
  }
  for (const name of ["admissions_avoided", "bed_days_avoided", "fte_<staff_group>"]) {
    assert.ok(doc.includes(`\`${name}\``), name);
  }
});
