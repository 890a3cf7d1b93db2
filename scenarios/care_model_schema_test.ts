import assert from "node:assert/strict";
import { parseScenario } from "./load.ts";
import { ScenarioError } from "./scenario_error.ts";

function problems(input: unknown): readonly string[] {
  try {
    parseScenario(input);
  } catch (e) {
    assert.ok(e instanceof ScenarioError);
    return e.problems;
  }
  assert.fail("expected a ScenarioError");
}

const base = { version: 1, population: { size: 1000 } };

Deno.test("careModels entries are validated", async (t) => {
  await t.step("a valid entry gets defaults", () => {
    const s = parseScenario({ ...base, careModels: [{ model: "mcp", rampUpMonths: 6 }] });
    assert.equal(s.careModels[0].preset, "evidence");
    assert.deepEqual(s.options, []);
    assert.equal(s.workforce.productivity.gpAppointmentsPerFtePerYear, 5700);
  });
  await t.step("bad entries: one pinned message each", () => {
    const p = problems({
      ...base,
      careModels: [
        { model: "mpc" },
        {
          model: "ehch",
          effects: { emergencyAdmission: { triangular: { min: 0.9, mode: 0.8, max: 1 } } },
        },
        { model: "uec", preset: "ambition", rampUpMonths: -1 },
        { model: "pacs", cohort: { segments: [5], topRiskPercent: 0 } },
        { model: "mcp", effects: { emergencyAdmision: 0.9 } },
        { model: "mcp", displacement: { gp: 0.8, crisisResponse: 0.5 } },
      ],
    });
    assert.deepEqual(p, [
      'careModels[0].model: expected "baseline" or "mcp" or "pacs" or "ehch" or "uec" or "acc" or "custom", found "mpc"',
      "careModels[1].effects.emergencyAdmission: expected a valid distribution (min must be <= mode (0.8), received 0.9), found an object",
      'careModels[2].preset: expected "evidence" or "stated-ambition", found "ambition"',
      "careModels[2].rampUpMonths: expected a number ≥ 0, found -1",
      "careModels[3].cohort.segments[0]: expected a number ≤ 4, found 5",
      "careModels[3].cohort.topRiskPercent: expected a number > 0, found 0",
      'careModels[4].effects.emergencyAdmision: unknown key, did you mean "emergencyAdmission"?',
      "careModels[5].displacement: expected shares summing to at most 1, found an object",
    ]);
  });
  await t.step("cross-field rules: acc needs two hospitals, ids unique, bands known", () => {
    const p = problems({
      ...base,
      careModels: [
        { model: "acc" },
        { model: "ehch", cohort: { ageBands: ["90+"] } },
        { model: "ehch" },
      ],
      options: [{ id: "scenario", careModels: [] }],
    });
    assert.deepEqual(p, [
      'options[0].id: expected a unique id other than "baseline" and "scenario", found "scenario"',
      "careModels[0].model: acc (acute care collaboration) needs two or more hospitals, found 1",
      'careModels[1].cohort.ageBands: expected one of "0-64", "65-74", "75-84", "85+", found "90+"',
      'careModels[2].id: expected a unique id within the option, found "ehch" again',
    ]);
  });
  await t.step("acc with two hospitals is fine", () => {
    const s = parseScenario({
      ...base,
      hospitals: [{ id: "a", populationShare: 0.5 }, { id: "b", populationShare: 0.5 }],
      options: [{ id: "acc", careModels: [{ model: "acc" }] }],
    });
    assert.equal(s.options[0].careModels[0].model, "acc");
  });
});
