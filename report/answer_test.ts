import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { buildAnswer, OCCUPANCY_TARGETS, precisionOf } from "./answer.ts";
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
    "precision: the replications for ±5% grow as the square of the relative width",
    () => {
      const p = a.precision.find((x) => x.arm === "A" && x.figure.startsWith("emergency"))!;
      const s = a.options[0].byPeriod.all.admissionsAvoided!;
      const rel = (s.ciHigh - s.ciLow) / 2 / s.mean;
      assert.ok(Math.abs(p.relativeHalfWidth! - rel) < 1e-12);
      assert.equal(p.replicationsNeeded, Math.ceil(4 * (rel / 0.05) ** 2));
      assert.equal(p.enough, rel <= 0.05);
    },
  );
});

Deno.test("precisionOf() has no relative precision for a zero mean", () => {
  const p = precisionOf({ mean: 0, ciLow: -1, ciHigh: 1, p05: 0, p50: 0, p95: 0, n: 5 }, 0.05);
  assert.equal(p.relativeHalfWidth, null);
  assert.equal(p.replicationsNeeded, null);
  assert.equal(p.enough, false);
});
