/**
 * Specification test: deaths are all-cause, so averting an admission moves a death its draws
 * place in hospital out of hospital, never prevents it. Deaths then equal, in expectation, each
 * cell's all-cause rate for the people in it (the rate outside hospital plus the hospital share
 * that admissions carry) × the person-years in the cell, however many admissions are averted — by
 * crisis response in the baseline, or by a care model's rate multiplier. Before, an averted
 * admission took its death in hospital with it: averting every admission lost the hospital's
 * 46.9% of deaths, far outside the tolerance.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import type { ModelModifiers } from "../modifiers.ts";
import { SystemModel } from "../system_model.ts";

const YEARS = 3;

/** Deaths counted and expected (all-cause rates × person-years in the cells) over the run. */
function deaths(scenario: ReturnType<typeof parseScenario>, modifiers?: ModelModifiers) {
  let counted = 0;
  let expected = 0;
  let averted = 0;
  for (let replication = 0; replication < 3; replication++) {
    const model = new SystemModel(scenario, { seed: 11, replication, modifiers });
    model.run();
    const rec = model.record;
    const params = model.parts.population.params;
    for (let year = 0; year < YEARS; year++) {
      counted += rec.counts.deaths.get(year);
      averted += rec.counts.emergency_admissions_averted.get(year);
      rec.personDaysByCell[year]!.forEach((days, c) => {
        const rate = params.deathRatePerYear[c]! + params.hospitalDeathRatePerYear[c]!;
        expected += rate * (days ?? 0) / 365;
      });
    }
  }
  return { counted, expected, averted };
}

const base = {
  version: 1,
  years: YEARS,
  population: { size: 60_000 },
  // Room everywhere: no one waits in a bed, so stays are as drawn.
  careHomes: { places: 1_000_000 },
};

Deno.test("averted admissions end the lives their draws end: deaths hold at the all-cause rates", async (t) => {
  await t.step("crisis response averting every admission candidate", () => {
    const scenario = parseScenario({
      ...base,
      community: {
        crisisResponse: {
          visitsPerDayPer100k: 100_000,
          avoidableShare: 1,
          avertProbability: 1,
          minAgeYears: 0,
        },
      },
    });
    const d = deaths(scenario);
    // ≈ 530 deaths a year × 3 years × 3 replications ≈ 4,800: Poisson se ≈ 1.4%.
    const tolerance = 4 * Math.sqrt(d.expected);
    assert.ok(d.averted > 10_000, `averted ${d.averted}`);
    assert.ok(
      Math.abs(d.counted - d.expected) < tolerance,
      `deaths ${d.counted}, expected ${d.expected.toFixed(0)} ± ${tolerance.toFixed(0)}`,
    );
  });
  await t.step("a care model halving admissions", () => {
    const scenario = parseScenario({
      ...base,
      community: { crisisResponse: { visitsPerDayPer100k: 0 } },
    });
    const d = deaths(scenario, { rates: () => ({ emergencyAdmission: 0.5 }) });
    const tolerance = 4 * Math.sqrt(d.expected);
    assert.ok(d.averted > 5_000, `averted ${d.averted}`);
    assert.ok(
      Math.abs(d.counted - d.expected) < tolerance,
      `deaths ${d.counted}, expected ${d.expected.toFixed(0)} ± ${tolerance.toFixed(0)}`,
    );
  });
});
