import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import type { ScenarioInput } from "../scenarios/schema.ts";
import { defineIntervention } from "../models/interventions/intervention.ts";
import { buildModifiers } from "../models/interventions/compose.ts";
import { effectStream, sampleIntervention } from "../models/interventions/sample.ts";
import { annualValue } from "../models/result.ts";
import { runScenario, simulateVariant } from "../models/run_scenario.ts";
import { simulateReplication } from "../models/simulate.ts";
import type { EventLogRow } from "../models/modifiers.ts";
import type { Intervention } from "../models/interventions/intervention.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { CARE_MODEL_INPUT_METRICS } from "../models/costs/derived_metrics.ts";

const small: ScenarioInput = { version: 1, years: 1, population: { size: 20000 } };

function runWith(scenario: Scenario, ivs: Intervention[], log?: (r: EventLogRow) => void) {
  const sampled = ivs.map((iv) => sampleIntervention(iv, effectStream(1, 0, iv.id)));
  return simulateReplication(scenario, {
    seed: 1,
    variant: "x",
    modifiers: buildModifiers(scenario, sampled),
    ...(log ? { eventLog: log } : {}),
  });
}

Deno.test("a zero-effect intervention avoids exactly zero admissions in every replication", async () => {
  const s = parseScenario({ ...small, careModels: [{ model: "baseline" }] });
  const zero = defineIntervention({
    id: "zero",
    effects: {
      emergencyAdmission: 1,
      edAttendance: { uniform: { min: 1, max: 1 } },
      conversion: 1,
    },
    displacement: { gp: 1 },
  });
  const run = await runScenario(s, {
    replications: 4,
    seed: 9,
    workers: 2,
    extraOptions: [{
      option: { id: "zero", label: "zero", careModels: ["zero"] },
      interventions: [zero],
    }],
  });
  assert.equal(run.results.length, 4);
  for (const r of run.results) {
    for (const o of r.options) {
      const avoided = annualValue(r.baseline, "emergency_admissions") -
        annualValue(o.result, "emergency_admissions");
      assert.equal(avoided, 0, `replication ${r.replication}, option ${o.id}`);
      const outcomes = (rows: typeof r.baseline.annual) =>
        rows.filter((x) => !CARE_MODEL_INPUT_METRICS.includes(x.metric));
      assert.deepEqual(outcomes(o.result.annual), outcomes(r.baseline.annual));
      assert.deepEqual(o.result.daily, r.baseline.daily);
    }
  }
});

Deno.test("runScenario() results do not depend on workers or sharding", async () => {
  const s = parseScenario({ ...small, careModels: [{ model: "ehch", rampUpMonths: 0 }] });
  const one = await runScenario(s, { replications: 4, seed: 5, workers: 1 });
  const two = await runScenario(s, { replications: 4, seed: 5, workers: 2 });
  const a = await runScenario(s, { replications: 4, seed: 5, workers: 2, indices: [3, 1] });
  const b = await runScenario(s, { replications: 4, seed: 5, workers: 1, indices: [0, 2] });
  assert.deepEqual(two.results, one.results);
  const merged = [...a.results, ...b.results].sort((x, y) => x.replication - y.replication);
  assert.deepEqual(merged, one.results);
  assert.deepEqual(a.indices, [1, 3]);
  // effects are drawn once per replication and differ between replications
  const draws = one.results.map((r) => r.options[0].sampledEffects["ehch.emergencyAdmission"]);
  assert.equal(new Set(draws).size, 4);
  assert.ok(draws.every((d) => d >= 0.75 && d <= 1));
});

Deno.test("nested design holds the parameter draw fixed within a sample", async () => {
  const s = parseScenario({ ...small, careModels: [{ model: "ehch" }] });
  const run = await runScenario(s, { replications: 4, seed: 2, workers: 2, parameterSamples: 2 });
  const d = run.results.map((r) => r.options[0].sampledEffects["ehch.emergencyAdmission"]);
  assert.deepEqual(run.results.map((r) => r.parameterSample), [0, 0, 1, 1]);
  assert.equal(d[0], d[1]);
  assert.equal(d[2], d[3]);
  assert.notEqual(d[0], d[2]);
  await assert.rejects(() => runScenario(s, { replications: 4, parameterSamples: 3 }), RangeError);
});

Deno.test("EHCH reduces care-home residents' admissions and not others'", () => {
  // 2.65% of people 65+ are residents (B3): 40,000 people give > 200 residents' arrivals.
  const s = parseScenario({ ...small, years: 2, population: { size: 40000 } });
  const ehch = defineIntervention({
    id: "ehch",
    cohort: { residence: ["careHome"] },
    effects: { emergencyAdmission: 0.75 },
    displacement: { gp: 1 },
  });
  const arrivals = (ivs: Intervention[]) => {
    const n = { home: 0, care_home: 0, averted_from_home: 0 };
    runWith(s, ivs, (r) => {
      if (r.activity === "ed_arrival" || r.activity === "gp_referral") {
        if (r.from === "home") n.home++;
        else if (r.from === "care_home") n.care_home++;
      }
      if (r.activity === "averted" && r.resource === "ehch" && r.from === "home") {
        n.averted_from_home++;
      }
    });
    return n;
  };
  const base = arrivals([]);
  const scen = arrivals([ehch]);
  assert.ok(base.care_home > 200, `${base.care_home}`);
  const chRatio = scen.care_home / base.care_home;
  assert.ok(chRatio < 0.85 && chRatio > 0.65, `care-home ratio ${chRatio}`);
  assert.ok(Math.abs(scen.home / base.home - 1) < 0.01, `home ratio ${scen.home / base.home}`);
  assert.equal(scen.averted_from_home, 0);
  const r = runWith(s, [ehch]);
  const gpDisplaced = r.interventions!.displacement.filter((d) => d.destination === "gp")
    .reduce((a, d) => a + d.count, 0);
  const credited = r.interventions!.averted.filter((a) => !a.segment)
    .reduce((a, d) => a + d.count, 0);
  assert.equal(gpDisplaced, credited);
});

Deno.test("cohort targeting: top 2% by risk, and a step ramp-up", () => {
  const s = parseScenario({ ...small, years: 1 });
  const iv = defineIntervention({
    id: "risk",
    cohort: { residence: ["home"], topRiskPercent: 2 },
    rampUpMonths: 6,
    rampShape: "step",
    effects: { emergencyAdmission: 0.5 },
  });
  const times: number[] = [];
  const r = runWith(s, [iv], (row) => {
    if (row.activity === "averted" && row.resource === "risk") times.push(row.timeDays);
  });
  const acc = r.interventions!;
  const people = acc.cohorts.find((c) => c.careModel === "risk")!;
  assert.ok(Math.abs(people.peopleMean / 20000 - 0.02) < 0.004, `${people.peopleMean}`);
  assert.equal(people.cohort, "home, top 2% risk");
  const bySeg = (seg: 1 | 2 | 3 | 4) =>
    acc.averted.filter((a) => a.segment === seg).reduce((x, a) => x + a.count, 0);
  assert.equal(bySeg(1), 0);
  assert.equal(bySeg(2), 0);
  assert.ok(bySeg(3) + bySeg(4) > 20);
  assert.ok(times.length > 20 && Math.min(...times) >= 6 * 365 / 12, `${Math.min(...times)}`);
});

Deno.test("ACC transfers happen only with two or more hospitals and cut boarding", () => {
  const acc = defineIntervention({ id: "acc", interSiteTransferDelayHours: 4 });
  const two = parseScenario({
    ...small,
    start: { census: { acuteOccupied: 30 } },
    hospitals: [
      { id: "north", populationShare: 0.5, acuteBeds: 16 },
      { id: "south", populationShare: 0.5, acuteBeds: 34 },
    ],
  });
  const base = simulateReplication(two, { seed: 1 });
  const transfers: EventLogRow[] = [];
  const scen = runWith(two, [acc], (r) => {
    if (r.activity === "transfer") transfers.push(r);
  });
  assert.equal(annualValue(base, "inter_site_transfers"), 0);
  assert.ok(annualValue(scen, "inter_site_transfers") > 50);
  assert.equal(transfers.length, annualValue(scen, "inter_site_transfers"));
  assert.ok(transfers.every((t) => t.from === "ed:north" || t.from === "ed:south"));
  const bh = annualValue(base, "ed_boarding_hours");
  assert.ok(annualValue(scen, "ed_boarding_hours") < 0.8 * bh, `${bh}`);
  const one = parseScenario(small);
  assert.equal(annualValue(runWith(one, [acc]), "inter_site_transfers"), 0);
});

Deno.test("the event log records person-level moves", () => {
  const s = parseScenario({ version: 1, years: 1, population: { size: 5000 } });
  const rows: EventLogRow[] = [];
  simulateReplication(s, { seed: 3, eventLog: (r) => rows.push(r) });
  const acts = new Set(rows.map((r) => r.activity));
  for (const a of ["ed_arrival", "admit", "discharge_ready", "discharge", "death", "readmit"]) {
    assert.ok(acts.has(a), a);
  }
  const arrivals =
    rows.filter((r) =>
      (r.activity === "ed_arrival" || r.activity === "gp_referral") && r.from !== "ed"
    ).length;
  const r = simulateReplication(s, { seed: 3 });
  const admitted = annualValue(r, "emergency_admissions") - annualValue(r, "readmissions_30d");
  const averted = annualValue(r, "emergency_admissions_averted");
  assert.ok(Math.abs(arrivals - admitted - averted) < 5, `${arrivals} vs ${admitted} + ${averted}`);
  assert.ok(rows.every((r) => r.caseId === "" || /^c\d+$/.test(r.caseId)));
});

Deno.test("simulateVariant() reproduces runScenario's option result in-process", async () => {
  const s = parseScenario({ ...small, careModels: [{ model: "mcp", rampUpMonths: 0 }] });
  const run = await runScenario(s, { replications: 2, seed: 4, workers: 1 });
  const r = simulateVariant(s, { variant: "scenario", seed: 4, replication: 1 });
  assert.deepEqual(r, run.results[1].options[0].result);
  assert.deepEqual(simulateVariant(s, { seed: 4, replication: 1 }), run.results[1].baseline);
  assert.throws(() => simulateVariant(s, { variant: "nope" }), RangeError);
});
