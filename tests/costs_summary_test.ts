import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { runScenario } from "../models/run_scenario.ts";
import { summarizeRun } from "../report/summarize_run.ts";

Deno.test("summary rows carry cost by setting and each option's net cost with a CI", async () => {
  const scenario = parseScenario({
    version: 1,
    years: 1,
    population: { size: 6000 },
    careModels: [{
      model: "custom",
      id: "hub",
      rampUpMonths: 0,
      parts: { main: { staff: { gp: { per: "population", fte: 5, every: 1e5 } } } },
    }],
  });
  const run = await runScenario(scenario, { replications: 3, seed: 5, workers: 1 });
  const rows = summarizeRun(run);
  const net = rows.find((x) =>
    x.variant === "avoided" && x.metric === "cost_total_avoided" && x.year === 1
  )!;
  assert.equal(net.unit, "gbp");
  // Staff only: every replication saves −(5 per 100,000 × people × £160,000), a net cost.
  assert.ok(net.mean < 0 && net.ciLow <= net.mean && net.mean <= net.ciHigh, JSON.stringify(net));
  for (const metric of ["cost_acute", "cost_care_homes", "cost_total"]) {
    assert.ok(rows.some((x) => x.variant === "baseline" && x.metric === metric), metric);
  }
});
