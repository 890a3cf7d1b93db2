import assert from "node:assert/strict";
import { loadScenario } from "../scenarios/load.ts";
import { annualValue } from "../models/result.ts";
import { runScenario } from "../models/run_scenario.ts";
import { pairedDifference, summarize } from "../sim/mod.ts";

// Common random numbers: on the shipped default scenario (100,000 people, 5 years, MCP + EHCH),
// the paired CI of emergency admissions avoided must be ≥ 3× narrower than the unpaired CI of
// the same difference (independent arms: half-width √(h_baseline² + h_scenario²)). The effect
// draw is held fixed across replications (one parameter sample) so both CIs measure the
// stochastic noise that pairing removes; with a fresh draw per replication parameter
// uncertainty, which pairing cannot remove, is added to both (figures in the closing note).
Deno.test("paired CI of admissions avoided is ≥ 3× narrower than unpaired (default scenario)", async () => {
  const scenario = await loadScenario(new URL("../scenarios/default.json", import.meta.url));
  assert.deepEqual(scenario.careModels.map((c) => c.model), ["mcp", "ehch"]);
  const run = await runScenario(scenario, {
    replications: 8,
    seed: 1,
    workers: 2,
    parameterSamples: 1,
  });
  const base = run.results.map((r) => annualValue(r.baseline, "emergency_admissions"));
  const scen = run.results.map((r) => annualValue(r.options[0].result, "emergency_admissions"));
  const paired = pairedDifference(base, scen);
  const half = (s: { ciLow: number; ciHigh: number }) => (s.ciHigh - s.ciLow) / 2;
  const unpaired = Math.hypot(half(summarize(base)), half(summarize(scen)));
  assert.ok(paired.mean > 0, `avoided ${paired.mean}`);
  const ratio = unpaired / half(paired);
  assert.ok(ratio >= 3, `unpaired ${unpaired} / paired ${half(paired)} = ${ratio}`);
});
