import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { summaryJson } from "../report/outputs.ts";

Deno.test("summary.json describes every care model used: parts, cohort, ramp-up, effects, staff, costs, sources", () => {
  const scenario = parseScenario({
    version: 1,
    population: { size: 1000 },
    careModels: [{ model: "mcp", preset: "stated-ambition" }],
    options: [{ id: "p", careModels: [{ model: "pacs" }] }],
  });
  const meta = {
    caresimVersion: "0",
    scenarioName: "x",
    scenarioHash: "h",
    seed: 1,
    replications: 1,
    indices: [0],
    options: [],
    groups: [],
    scenario,
  };
  const doc = JSON.parse(summaryJson(meta, []));
  assert.deepEqual(
    doc.careModels.map((c: { option: string; careModel: string }) => `${c.option}:${c.careModel}`),
    ["scenario:mcp-ambition", "p:pacs"],
  );
  const [mcp, pacs] = doc.careModels;
  const main = mcp.parts[0];
  assert.equal(main.rampUpMonths, 36);
  assert.equal(main.cohort.label, "home");
  assert.deepEqual(main.effects.emergencyAdmission, {
    kind: "ratio",
    spec: 0.97,
    mean: 0.97,
    low: 0.97,
    high: 0.97,
  });
  assert.deepEqual(main.staff.district_nurse, {
    per: "population",
    fte: 6,
    every: 100000,
    costPerFtePerYear: scenario.costs.ftePerYear.district_nurse,
  });
  assert.match(main.sources["staff.district_nurse"], /3% cohort/);
  assert.deepEqual(pacs.parts.map((p: { part: string }) => p.part), ["main", "triage", "d2a"]);
  const ed = pacs.parts[0].effects.edAttendance;
  assert.deepEqual([ed.low, ed.high], [1.16, 1.54]);
  assert.ok(Math.abs(ed.mean - (1.16 + 1.33 + 1.54) / 3) < 1e-12);
});
