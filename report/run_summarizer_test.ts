import assert from "node:assert/strict";
import { pairedDifference, summarize } from "../sim/mod.ts";
import type { ReplicationFigures } from "./run_figures.ts";
import { RunSummarizer } from "./run_summarizer.ts";
import type { RunGroup } from "./tables.ts";

const GROUPS: RunGroup[] = [
  { scenario: "x", variant: "baseline", label: "Baseline" },
  { scenario: "x", variant: "scenario", optionId: "scenario", label: "MCP" },
];

/** Replication r: admissions 100 + r (baseline) and 90 + r/2 (scenario) in years 1–2; a level. */
function figures(r: number): ReplicationFigures {
  const arm = (admissions: number, beds: number) => ({
    annual: [1, 2].flatMap((year) => [
      { metric: "emergency_admissions", year, value: admissions * year },
      { metric: "acute_occupied_beds_mean", year, value: beds + year },
    ]),
    workforce: [{ staffGroup: "gp", year: 1, fte: beds / 10 }],
    weeks: [{ week: 0, occupied: beds, capacity: 2 * beds }],
  });
  return { replication: r, groups: [arm(100 + r, 50 + (r % 7)), arm(90 + r / 2, 40 + (r % 5))] };
}

Deno.test("RunSummarizer", async (t) => {
  const n = 60;
  const exact = new RunSummarizer(GROUPS);
  const bounded = new RunSummarizer(GROUPS, { sampleSize: 8 });
  for (let r = 0; r < n; r++) {
    exact.add(figures(r));
    bounded.add(figures(r));
  }
  const row = (s: RunSummarizer, variant: string, metric: string, year: number | "all") =>
    s.rows().find((x) => x.variant === variant && x.metric === metric && x.year === year)!;
  const reps = Array.from({ length: n }, (_, r) => figures(r));
  const value = (g: number, metric: string, year: number) => (f: ReplicationFigures) =>
    f.groups[g].annual.find((a) => a.metric === metric && a.year === year)!.value;

  await t.step("whole horizon: counts summed over years, levels averaged", () => {
    const sums = reps.map((f) =>
      value(0, "emergency_admissions", 1)(f) + value(0, "emergency_admissions", 2)(f)
    );
    assert.deepEqual(
      row(exact, "baseline", "emergency_admissions", "all").mean,
      summarize(sums).mean,
    );
    const means = reps.map((f) =>
      (value(0, "acute_occupied_beds_mean", 1)(f) + value(0, "acute_occupied_beds_mean", 2)(f)) / 2
    );
    assert.equal(
      row(exact, "baseline", "acute_occupied_beds_mean", "all").mean,
      summarize(means).mean,
    );
  });

  await t.step("avoided = baseline − scenario, paired by replication", () => {
    const base = reps.map(value(0, "emergency_admissions", 2));
    const scen = reps.map(value(1, "emergency_admissions", 2));
    const avoided = row(exact, "avoided", "admissions_avoided", 2);
    const expected = pairedDifference(base, scen);
    assert.deepEqual(
      [avoided.mean, avoided.sd, avoided.ciLow, avoided.p95, avoided.n],
      [expected.mean, expected.sd, expected.ciLow, expected.p95, n],
    );
    // (100 + r)·2 − (90 + r/2)·2 = 20 + r: mean over r = 0..59 is 49.5.
    assert.ok(Math.abs(avoided.mean - 49.5) < 1e-9);
  });

  await t.step(
    "a bounded sample keeps means exact and n whole; staff groups become fte rows",
    () => {
      const a = row(exact, "scenario", "emergency_admissions", 1);
      const b = row(bounded, "scenario", "emergency_admissions", 1);
      assert.equal(b.n, n);
      assert.equal(b.mean, a.mean);
      assert.ok(Math.abs(b.sd / a.sd - 1) < 1e-12);
      assert.ok(b.p05 >= 90 && b.p95 <= 90 + (n - 1) / 2, "percentiles are values of the run");
      assert.deepEqual(exact.staffGroups, ["gp"]);
      assert.equal(row(exact, "baseline", "fte_gp", 1).unit, "fte");
    },
  );

  await t.step("fan charts: capacity over every replication, occupancy sampled", () => {
    const [week] = bounded.fan(0);
    const capacity = reps.reduce((s, f) => s + f.groups[0].weeks[0].capacity, 0) / n;
    assert.equal(week.capacity, capacity);
    assert.equal(week.occupied.length, 8);
    assert.equal(exact.fan(0)[0].occupied.length, n);
  });

  await t.step("replications must come in ascending order", () => {
    assert.throws(() => exact.add(figures(3)), /ascending order, received 3 after 59/);
  });
});
