import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { runPairedReplication } from "../run_scenario.ts";
import { cohortRates } from "./cohort_watch.ts";
import { defineIntervention, type InterventionInput } from "./intervention.ts";

const scenario = parseScenario({ version: 1, years: 1, population: { size: 50000 } });

/** One paired replication of one custom care model; its cohort rates in year 1. */
function rates(input: InterventionInput, replication = 0) {
  const iv = defineIntervention(input);
  const r = runPairedReplication({
    seed: 7,
    replication,
    input: {
      scenario,
      options: [{ option: { id: "o", label: "o", careModels: [iv.id] }, interventions: [iv] }],
      replicationsPerSample: 1,
    },
  });
  return cohortRates(r.options[0]!.result.cohortEvents!, r.baseline.cohortEvents!, "o", 1)!;
}

// The top 10% by risk: whole cells and one marginal cell held in part.
const cohort = { topRiskPercent: 10 };

Deno.test("an ED multiplier of 1.33 on a cohort gives a cohort ED ratio of 1.33", () => {
  const r = rates({ id: "ed", cohort, effects: { edAttendance: 1.33 } });
  // ED-only attendances and the ED route of admissions both rise × 1.33 for the people reached;
  // the extra attendances are Poisson, ≈ 0.33 × 5,000 a year here (sd of the ratio ≈ 0.01).
  assert.ok(Math.abs(r.ed.ratio - 1.33) < 0.04, `ratio ${r.ed.ratio}`);
  assert.ok(Math.abs(r.personYears - 5000) < 300, `person-years ${r.personYears}`);
});

Deno.test("an admission multiplier of 0.8 on a cohort gives a cohort admission ratio of 0.8", () => {
  const r = rates({ id: "adm", cohort, effects: { emergencyAdmission: 0.8 } });
  assert.ok(Math.abs(r.admissions.ratio - 0.8) < 0.04, `ratio ${r.admissions.ratio}`);
});

Deno.test("a ramp-up counts the people reached: the ratio is the full effect, the person-years the ramped share", () => {
  // A step at month 6: half the year reached.
  const r = rates({
    id: "ramp",
    cohort,
    effects: { edAttendance: 1.33 },
    rampUpMonths: 6,
    rampShape: "step",
  });
  assert.ok(Math.abs(r.ed.ratio - 1.33) < 0.06, `ratio ${r.ed.ratio}`);
  assert.ok(Math.abs(r.personYears - 2500) < 200, `person-years ${r.personYears}`);
});

Deno.test("a care model with no effect has a cohort ratio of exactly 1 (paired random numbers)", () => {
  for (const replication of [0, 1]) {
    const r = rates({
      id: "zero",
      cohort,
      effects: { edAttendance: 1, emergencyAdmission: 1, conversion: 1 },
    }, replication);
    assert.equal(r.ed.ratio, 1);
    assert.equal(r.admissions.ratio, 1);
    assert.ok(r.ed.option > 0);
  }
});
