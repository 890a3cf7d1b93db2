import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { ABSOLUTE_PRECISION, buildAnswer, OCCUPANCY_TARGETS, precisionOf } from "./answer.ts";
import { metricSpec } from "../models/metric_registry.ts";
import { AnswerSummarizer } from "./answer_summarizer.ts";
import type { RunMeta } from "./run_meta.ts";

const scenario = parseScenario({
  version: 1,
  years: 2,
  population: { size: 2000 },
  hospitals: [{ id: "a", populationShare: 1, acuteBeds: 120 }],
  workforce: { staffInPost: { gp: 8 } },
});
const groups = [
  { scenario: "x", variant: "baseline" as const, label: "Baseline" },
  { scenario: "x/a", variant: "scenario" as const, optionId: "a", label: "A" },
];
const meta = {
  caresimVersion: "0",
  scenarioName: "x",
  scenarioHash: "h",
  seed: 1,
  replications: 4,
  indices: [0, 1, 2, 3],
  options: [],
  groups,
  scenario,
} as RunMeta;

function answer() {
  const s = new AnswerSummarizer(groups, { startDate: scenario.startDate, years: 2 });
  [100, 104, 98, 110].forEach((occ, replication) => {
    const arm = (o: number, admissions: number) => ({
      annual: [1, 2].flatMap((year) => [
        { metric: "acute_occupied_beds_mean", year, value: o },
        { metric: "emergency_admissions", year, value: admissions },
      ]),
      workforce: [1, 2].map((year) => ({ staffGroup: "gp", year, fte: o / 10 })),
      weeks: [],
    });
    s.add({ replication, groups: [arm(occ, 500), arm(occ - 5, 480 - replication)] });
  });
  return buildAnswer(meta, s.result());
}

Deno.test("buildAnswer() derives beds, staff gaps and precision from the replications", async (t) => {
  const a = answer();

  await t.step("beds for 85% and 92% mean occupancy, each replication's occupancy ÷ target", () => {
    const cell = a.baseline.byPeriod[a.planningPeriod];
    const occ = cell.occupiedBeds!;
    assert.equal(occ.mean, (100 + 104 + 98 + 110) / 4);
    assert.deepEqual(OCCUPANCY_TARGETS, [0.85, 0.92]);
    for (const k of ["mean", "ciLow", "ciHigh", "p05", "p95"] as const) {
      assert.ok(Math.abs(cell.bedsNeeded!.at85[k] - occ[k] / 0.85) < 1e-9, k);
      assert.ok(Math.abs(cell.bedsNeeded!.at92[k] - occ[k] / 0.92) < 1e-9, k);
      assert.ok(Math.abs(cell.bedsChange!.at85[k] - (occ[k] / 0.85 - 120)) < 1e-9, k);
    }
    assert.equal(a.todayBeds, 120);
  });

  await t.step("staff needed against staff in post (needed − in post)", () => {
    const gp = a.options[0].byPeriod[a.planningPeriod].staff.find((s) => s.staffGroup === "gp")!;
    assert.equal(gp.label, "GPs");
    assert.equal(gp.inPost, 8);
    assert.ok(Math.abs(gp.gap!.mean - (gp.needed.mean - 8)) < 1e-12);
    assert.ok(Math.abs(gp.needed.mean - (412 / 4 - 5) / 10) < 1e-9);
    const dn = a.options[0].byPeriod.all.staff.find((s) => s.staffGroup === "district_nurse");
    assert.equal(dn, undefined, "only the staff groups the run has");
  });

  await t.step(
    "admissions avoided by financial year; the last full year is the planning year",
    () => {
      assert.deepEqual(a.periods.map((p) => p.key), ["2025/26", "2026/27", "all"]);
      assert.equal(a.planningPeriod, "2026/27");
      // 20, 21, 22, 23 avoided in each model year; both years fully inside their financial years.
      assert.equal(a.options[0].byPeriod["2025/26"].admissionsAvoided!.mean, 21.5);
      assert.equal(a.options[0].byPeriod.all.admissionsAvoided!.mean, 43);
    },
  );

  await t.step(
    "precision: judged against the larger of ±5% of the mean and the unit's absolute precision",
    () => {
      const p = a.precision.find((x) => x.arm === "A" && x.figure.startsWith("emergency"))!;
      const s = a.options[0].byPeriod.all.admissionsAvoided!;
      const hw = (s.ciHigh - s.ciLow) / 2;
      assert.equal(p.unit, "admissions");
      assert.ok(Math.abs(p.relativeHalfWidth! - hw / s.mean) < 1e-12);
      // The mean is 43 admissions: 5% of it (2.15) is finer than ±10 admissions, so ±10 rules.
      const wanted = Math.max(0.05 * s.mean, ABSOLUTE_PRECISION.admissions);
      assert.equal(p.targetHalfWidth, wanted);
      assert.equal(p.criterion, "absolute");
      assert.equal(p.replicationsNeeded, Math.max(4, Math.ceil(4 * (hw / wanted) ** 2)));
      assert.equal(p.enough, hw <= wanted);
      const beds = a.precision.find((x) => x.arm === "Baseline" && x.figure.startsWith("beds"))!;
      assert.equal(beds.unit, "beds");
      const cost = a.precision.find((x) => x.figure.startsWith("net cost"));
      assert.equal(cost, undefined, "no cost metrics, no net cost");
    },
  );
});

Deno.test("precisionOf() judges a mean near zero in its unit, not relative to the mean", async (t) => {
  await t.step("a near-zero mean: the relative criterion would ask for millions", () => {
    // Half-width 20 admissions around a mean of 0.1 with 20 replications: ±5% of the mean is
    // ±0.005, which would need 20 × (20 / 0.005)² = 320 million replications.
    const s = { mean: 0.1, ciLow: -19.9, ciHigh: 20.1, p05: 0, p50: 0, p95: 0, n: 20 };
    const p = precisionOf(s, { relative: 0.05, absolute: 10 });
    assert.equal(p.criterion, "absolute");
    assert.equal(p.targetHalfWidth, 10);
    assert.equal(p.replicationsNeeded, 20 * (20 / 10) ** 2);
    assert.equal(p.enough, false);
  });

  await t.step("a large mean keeps the relative criterion", () => {
    const s = { mean: 3000, ciLow: 2700, ciHigh: 3300, p05: 0, p50: 0, p95: 0, n: 10 };
    const p = precisionOf(s, { relative: 0.05, absolute: 10 });
    assert.equal(p.criterion, "relative");
    assert.equal(p.targetHalfWidth, 150);
    assert.equal(p.replicationsNeeded, 10 * (300 / 150) ** 2);
  });

  await t.step("a zero mean without an absolute precision has no target", () => {
    const p = precisionOf({ mean: 0, ciLow: -1, ciHigh: 1, p05: 0, p50: 0, p95: 0, n: 5 }, {
      relative: 0.05,
    });
    assert.equal(p.relativeHalfWidth, null);
    assert.equal(p.replicationsNeeded, null);
    assert.equal(p.enough, false);
  });

  await t.step("every headline figure's unit has an absolute precision", () => {
    for (
      const metric of ["emergency_admissions", "bed_days", "acute_occupied_beds_mean", "cost_total"]
    ) {
      const unit = metricSpec(metric)!.unit;
      assert.ok(ABSOLUTE_PRECISION[unit] > 0, `${metric} (${unit})`);
    }
  });
});
