/**
 * Specification tests of community services before admission: the crisis-response budget
 * (visits per day, fractions carried to the next day), the share of visits that avert the
 * admission, and step-up only into a free intermediate bed.
 */
import assert from "node:assert/strict";
import { specRun } from "../_spec_run.ts";
import { annualValue } from "../result.ts";

Deno.test("crisis response: visits use the daily budget, fractions carried day to day", () => {
  const { result, log, scenario } = specRun({
    years: 1,
    start: { mode: "empty" },
    population: { size: 100000 },
    community: {
      crisisResponse: { visitsPerDayPer100k: 0.5, avoidableShare: 1, minAgeYears: 0 },
    },
  });
  const visits = annualValue(result, "crisis_response_visits");
  assert.ok(Math.abs(visits - 0.5 * 365) <= 1, `${visits} visits`);
  const averted = log.filter((r) => r.activity === "crisis_response").length;
  const p = scenario.community.crisisResponse.avertProbability;
  const se = Math.sqrt(p * (1 - p) / visits);
  assert.ok(Math.abs(averted / visits - p) < 4 * se, `${averted} of ${visits} averted`);
});

Deno.test("step-up takes only a free intermediate bed", () => {
  const none = specRun({
    years: 1,
    start: { mode: "empty" },
    population: { size: 40000 },
    community: { intermediateCare: { bedsPer100k: 0, stepUpProbability: 1 } },
  });
  assert.equal(annualValue(none.result, "step_up_admissions"), 0);
  const some = specRun({
    years: 1,
    start: { mode: "empty" },
    population: { size: 40000 },
    community: { intermediateCare: { stepUpProbability: 1 } },
  });
  assert.ok(annualValue(some.result, "step_up_admissions") > 0);
  const occupied = some.result.daily.intermediateOccupied;
  const capacity = some.result.daily.intermediateCapacity;
  assert.ok(occupied.every((n, i) => n <= capacity[i]!), "never above capacity");
});
