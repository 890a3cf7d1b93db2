import { roundForCsv } from "./csv.ts";
import assert from "node:assert/strict";
import { annualValue } from "../models/result.ts";
import { testRun } from "./_test_run.ts";
import { summarizeRun, summaryHeader } from "./summarize_run.ts";

const REQUIRED = [
  "emergency_admissions",
  "admissions_avoided",
  "bed_days",
  "bed_days_avoided",
  "acute_occupied_beds_mean",
  "acute_occupied_beds_p95",
  "acute_days_over_92pct",
  "ed_boarding_hours",
  "delayed_transfer_bed_days",
  "care_home_occupied_mean",
  "home_care_hours_mean",
  "fte_district_nurse",
  "fte_care_coordinator",
];

Deno.test("summarizeRun() summarises baseline, scenario and avoided figures", async (t) => {
  const run = testRun();
  const rows = summarizeRun(run);

  await t.step("has the contract's columns and every required metric", () => {
    assert.deepEqual(summaryHeader(), [
      "scenario",
      "variant",
      "metric",
      "year",
      "unit",
      "mean",
      "sd",
      "ci_low",
      "ci_high",
      "p05",
      "p50",
      "p95",
      "n",
    ]);
    const metrics = new Set(rows.map((r) => r.metric));
    for (const m of REQUIRED) assert.ok(metrics.has(m), m);
    assert.deepEqual([...new Set(rows.map((r) => r.variant))], ["baseline", "scenario", "avoided"]);
    assert.ok(rows.every((r) => r.scenario === "test" && r.n === 3));
  });

  await t.step("the mean is the mean of the replications' annual values", () => {
    const values = run.results.map((p) => annualValue(p.baseline, "bed_days", { year: 2 }));
    const row = rows.find((r) =>
      r.variant === "baseline" && r.metric === "bed_days" && r.year === 2
    )!;
    // Per-replication values are rounded to four decimals, as annual.csv holds them.
    const rounded = values.map(roundForCsv);
    assert.ok(Math.abs(row.mean - rounded.reduce((a, b) => a + b) / 3) < 1e-9);
    assert.ok(Math.abs(row.mean - values.reduce((a, b) => a + b) / 3) <= 0.5e-4);
    assert.equal(row.unit, "bed_days");
  });

  await t.step("year all sums counts and averages levels", () => {
    const get = (metric: string, year: number | "all") =>
      rows.find((r) => r.variant === "baseline" && r.metric === metric && r.year === year)!.mean;
    const close = (a: number, b: number) =>
      assert.ok(Math.abs(a - b) < 1e-6 * Math.abs(b), `${a} vs ${b}`);
    close(
      get("emergency_admissions", "all"),
      get("emergency_admissions", 1) + get("emergency_admissions", 2),
    );
    close(
      get("acute_occupied_beds_mean", "all"),
      (get("acute_occupied_beds_mean", 1) + get("acute_occupied_beds_mean", 2)) / 2,
    );
    close(get("fte_district_nurse", "all"), (11 + 12) / 2 + 0.1);
  });

  await t.step("avoided is the paired baseline − scenario difference", () => {
    const pick = (variant: string, metric: string) =>
      rows.find((r) => r.variant === variant && r.metric === metric && r.year === "all")!;
    const base = pick("baseline", "emergency_admissions");
    const scen = pick("scenario", "emergency_admissions");
    const avoided = pick("avoided", "admissions_avoided");
    assert.ok(Math.abs(avoided.mean - (base.mean - scen.mean)) < 1e-6);
    // A 20% cut in the admission rate avoids roughly a fifth of admissions.
    assert.ok(avoided.mean > 0.1 * base.mean && avoided.mean < 0.3 * base.mean, `${avoided.mean}`);
    // Pairing (common random numbers) gives a narrower interval than the arms' own spread.
    assert.ok(
      avoided.ciHigh - avoided.ciLow < (base.ciHigh - base.ciLow) + (scen.ciHigh - scen.ciLow),
    );
    const fte = pick("avoided", "fte_district_nurse_avoided");
    assert.ok(fte.mean < 0, "the option needs more district nurses");
  });

  await t.step("rows come in a fixed order: baseline, then scenario, then avoided", () => {
    const order = rows.map((r) => r.variant);
    assert.equal(order.indexOf("scenario"), order.lastIndexOf("baseline") + 1);
    assert.equal(order.indexOf("avoided"), order.lastIndexOf("scenario") + 1);
    const years = rows.filter((r) => r.variant === "baseline" && r.metric === "bed_days").map((r) =>
      r.year
    );
    assert.deepEqual(years, [1, 2, "all"]);
  });

  await t.step("several options are named <scenario>/<option>", () => {
    const two = summarizeRun(testRun({ optionCount: 2, indices: [0, 1], years: 1 }));
    assert.deepEqual([...new Set(two.map((r) => `${r.scenario}:${r.variant}`))], [
      "test:baseline",
      "test/mcp:scenario",
      "test/mcp:avoided",
      "test/pacs:scenario",
      "test/pacs:avoided",
    ]);
  });

  await t.step("a single replication has NaN spread, not zero", () => {
    const one = summarizeRun(testRun({ indices: [0], years: 1, optionCount: 0 }));
    assert.ok(one.every((r) => r.n === 1 && Number.isNaN(r.sd) && Number.isNaN(r.ciLow)));
  });
});
