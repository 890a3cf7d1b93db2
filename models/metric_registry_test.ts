import assert from "node:assert/strict";
import { ANNUAL_METRICS, METRICS } from "./metric_registry.ts";

Deno.test("AnnualMetric names exactly the registered metrics, each once", async () => {
  const source = await Deno.readTextFile(new URL("./metric_registry.ts", import.meta.url));
  const union = source.match(/export type AnnualMetric =([^;]*);/);
  assert.ok(union, "the AnnualMetric union is missing from metric_registry.ts");
  const written = [...union[1].matchAll(/"([a-z0-9_]+)"/g)].map((m) => m[1]);
  assert.deepEqual(written, METRICS.map((m) => m.name), "union and METRICS differ (or order)");
  assert.equal(new Set(ANNUAL_METRICS).size, ANNUAL_METRICS.length, "a metric is registered twice");
});
