import assert from "node:assert/strict";
import {
  AREA_RATE_PER_1000_MONTH,
  LANDING_TARGETS,
  landingScenario,
  landingVerdicts,
  measureLanding,
} from "./care_model_landing.ts";

Deno.test("landing intervals: Morciano 2020's DiD per 1,000 a month ÷ the area rate, as %", () => {
  const pct = (perMonth: number) => 100 * perMonth / AREA_RATE_PER_1000_MONTH;
  const pacs = LANDING_TARGETS.find((t) => t.model === "pacs")!;
  // Population-based sites, years 1–3 pooled: −0.032 to +0.024; year 3: −0.062 to −0.001.
  assert.ok(Math.abs(pacs.admissions[0]!.low - pct(-0.032)) < 0.005);
  assert.ok(Math.abs(pacs.admissions[1]!.high - pct(0.024)) < 0.005);
  assert.ok(Math.abs(pacs.admissions[2]!.low - pct(-0.062)) < 0.005);
  assert.ok(Math.abs(pacs.admissions[4]!.high - pct(-0.001)) < 0.005);
  // Care-home sites, year 3: −0.124 to −0.006; years 1–2 (n.s.) from the pooled low to 0.
  const ehch = LANDING_TARGETS.find((t) => t.model === "ehch")!;
  assert.ok(Math.abs(ehch.admissions[2]!.low - pct(-0.124)) < 0.005);
  assert.ok(Math.abs(ehch.admissions[3]!.high - pct(-0.006)) < 0.005);
  assert.ok(Math.abs(ehch.admissions[0]!.low - pct(-0.082)) < 0.005);
  assert.equal(ehch.admissions[1]!.high, 0);
  for (const t of LANDING_TARGETS) {
    assert.equal(t.admissions.length, 5);
    assert.equal(t.bedDays.length, 5);
  }
});

Deno.test("landing scenario: one option per care model, the scenario's own care models dropped", () => {
  const s = landingScenario({
    version: 1,
    population: { size: 1000 },
    careModels: [{ model: "mcp" }],
  }, ["pacs", "ehch"]);
  assert.equal(s.careModels.length, 0);
  assert.deepEqual(s.options.map((o) => o.id), ["preset-pacs", "preset-ehch"]);
});

Deno.test("measured landing: the no-change baseline care model changes nothing, exactly, every year", async () => {
  const measured = await measureLanding(
    { version: 1, years: 2, population: { size: 2000 } },
    ["baseline"],
    { replications: 2, seed: 3, workers: 1 },
  );
  const years = measured.get("baseline")!;
  assert.equal(years.length, 2);
  for (const y of years) {
    assert.equal(y.admissions.mean, 0);
    assert.equal(y.bedDays.mean, 0);
    // Cohort level: the people it reaches against their shadow in the paired baseline.
    assert.equal(y.cohort.ed.mean, 1);
    assert.equal(y.cohort.admissions.mean, 1);
  }
  const target = { model: "baseline", source: "none", admissions: [], bedDays: [] };
  assert.deepEqual(landingVerdicts(measured, [target]), []);
  assert.throws(() => landingVerdicts(measured), /Cannot check care model "baseline"/);
});
