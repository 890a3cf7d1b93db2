import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import type { AnnualMetric, ReplicationResult } from "./result.ts";
import { defineIntervention } from "./interventions/intervention.ts";
import { workforceDemand } from "./workforce.ts";

function fakeResult(values: Partial<Record<AnnualMetric, number>>): ReplicationResult {
  return {
    years: 1,
    annual: Object.entries(values).map(([metric, value]) => ({
      year: 1,
      metric: metric as AnnualMetric,
      value,
    })),
    daily: { population: new Array(365).fill(200000) },
    interventions: {
      averted: [],
      displacement: [],
      cohorts: [{
        year: 1,
        careModel: "cm",
        cohort: "segments 4",
        peopleMean: 800,
        enrolledMean: 400,
      }],
    },
  } as unknown as ReplicationResult;
}

Deno.test("workforceDemand() arithmetic on a hand-computed case", () => {
  const scenario = parseScenario({
    version: 1,
    population: { size: 200000 },
    workforce: { staffInPost: { gp: 100 } },
  });
  const result = fakeResult({
    gp_consultations: 540000,
    gp_unmet_demand: 30000,
    district_nursing_visits: 176000,
    crisis_response_visits: 8800,
    acute_occupied_beds_mean: 390,
    intermediate_occupied_mean: 39,
    home_care_hours_mean: 25000,
    care_home_occupied_mean: 1500,
    care_home_admissions: 600,
    home_care_package_starts: 1200,
    reablement_starts: 1800,
  });
  const iv = defineIntervention({
    id: "cm",
    cohort: { segments: [4] },
    staff: {
      care_coordinator: { ftePer1000Cohort: 12.5 },
      gp: { ftePer100kPopulation: 2 },
    },
  });
  const rows = workforceDemand(result, scenario, { interventions: [iv] });
  const fte = Object.fromEntries(rows.map((r) => [r.staffGroup, r.fte]));
  const close = (a: number, b: number) => assert.ok(Math.abs(a - b) < 1e-9, `${a} vs ${b}`);
  // (540,000 + 30,000) / 5,700 = 100, + 2 per 100k × 200,000 × ramp 1 = 4
  close(fte.gp, 104);
  close(fte.practice_nurse, 570000 * 0.35 / 7000); // 28.5
  close(fte.district_nurse, 176000 / (8 * 220)); // 100
  close(fte.crisis_response, 8800 / (4 * 220)); // 10
  const roster = 37.5 * (1 - 0.22); // 29.25 h
  close(fte.ward_nurse, (390 * 0.125 + 39 * 0.08) * 168 / roster);
  close(fte.healthcare_assistant, 429 * 0.1 * 168 / roster);
  close(fte.home_care_worker, 1000); // 25,000 h/wk ÷ 25
  close(fte.care_home_staff, 1200); // 1,500 × 0.8
  close(fte.social_worker, 3600 / 120); // 30
  close(fte.care_coordinator, 12.5 * 400 / 1000); // 5 (enrolled caseload)
  const gp = rows.find((r) => r.staffGroup === "gp")!;
  assert.equal(gp.inPostFte, 100);
  const hc = rows.find((r) => r.staffGroup === "home_care_worker")!;
  close(hc.jobs!, 1000 / 0.7);
  assert.equal(rows.find((r) => r.staffGroup === "ward_nurse")!.jobs, undefined);
});
