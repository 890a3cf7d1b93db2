import assert from "node:assert/strict";
import { simulateReplication } from "../models/simulate.ts";
import { loadScenario, parseScenario } from "../scenarios/load.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { runMeta } from "./run_meta.ts";
import type { SummaryRow } from "./run_summarizer.ts";
import { runWarnings, WARNING_THRESHOLDS as T } from "./run_warnings.ts";
import { summarizeRun } from "./summarize_run.ts";

const group = { scenario: "x", variant: "baseline" as const, label: "Baseline" };
const meta = { groups: [group], scenario: { hospitals: [{ acuteBeds: 100 }] } } as never;

/** Summary rows of one group from yearly means. */
function rows(series: Record<string, number[]>): SummaryRow[] {
  return Object.entries(series).flatMap(([metric, means]) =>
    means.map((mean, i) => ({
      scenario: "x",
      variant: "baseline" as const,
      metric,
      year: i + 1,
      unit: "",
      mean,
      sd: 0,
      ciLow: mean,
      ciHigh: mean,
      p05: mean,
      p50: mean,
      p95: mean,
      n: 2,
    }))
  );
}

Deno.test("runWarnings() applies each documented threshold", async (t) => {
  const admissions = [1000, 1000, 1000];
  const calm = {
    emergency_admissions: admissions,
    ed_boarding_hours: [500, 600, 700],
    bed_days: [30000, 30000, 30000],
    delayed_transfer_bed_days: [1500, 1500, 1500],
    acute_occupied_beds_mean: [85, 86, 87],
  };

  await t.step("a calm system has none", () => {
    assert.deepEqual(runWarnings(meta, rows(calm)), []);
  });

  await t.step("boarding per admission just above the threshold warns; just below does not", () => {
    const over = T.boardingHoursPerAdmission * 1000 * 1.01;
    const under = T.boardingHoursPerAdmission * 1000 * 0.99;
    const w = runWarnings(meta, rows({ ...calm, ed_boarding_hours: [500, 600, over] }));
    assert.deepEqual(w.map((x) => [x.code, x.level, x.year]), [["ed_boarding", "warning", 3]]);
    assert.ok(Math.abs(w[0].value - T.boardingHoursPerAdmission * 1.01) < 1e-9);
    const u = runWarnings(meta, rows({ ...calm, ed_boarding_hours: [500, 600, under] }));
    assert.ok(!u.some((x) => x.code === "ed_boarding"));
  });

  await t.step("beds full at 98% of the scenario's beds: a caution", () => {
    const w = runWarnings(meta, rows({ ...calm, acute_occupied_beds_mean: [90, 97.9, 98] }));
    assert.deepEqual(w.map((x) => [x.code, x.level, x.year]), [["beds_full", "caution", 3]]);
  });

  await t.step("delayed transfers above 20% of bed days", () => {
    const w = runWarnings(meta, rows({ ...calm, delayed_transfer_bed_days: [1500, 6000, 6100] }));
    assert.deepEqual(w.map((x) => [x.code, x.year]), [["delayed_transfers", 3]]);
  });

  await t.step("growth: more than 50% in each of the last two years and above the floor", () => {
    // 8% of bed days is 2,400: growing ×1.6 a year and ending above it is flagged …
    const grow = runWarnings(
      meta,
      rows({ ...calm, delayed_transfer_bed_days: [1000, 1600, 2560] }),
    );
    assert.deepEqual(grow.map((x) => [x.code, x.level]), [[
      "delayed_transfer_bed_days_growing",
      "caution",
    ]]);
    // … growing as fast but ending below it, or growing ×1.4, is not.
    assert.deepEqual(
      runWarnings(meta, rows({ ...calm, delayed_transfer_bed_days: [900, 1440, 2304] })),
      [],
    );
    assert.deepEqual(
      runWarnings(meta, rows({ ...calm, delayed_transfer_bed_days: [1300, 1820, 2548] })),
      [],
    );
  });
});

async function baselineWarnings(scenario: Scenario, replications: number) {
  const run = {
    scenario,
    seed: 1,
    replications,
    indices: Array.from({ length: replications }, (_, i) => i),
    options: [],
    results: Array.from({ length: replications }, (_, replication) => ({
      replication,
      parameterSample: replication,
      baseline: simulateReplication(scenario, { seed: 1, replication }),
      baselineWorkforce: [],
      options: [],
    })),
  };
  return runWarnings(await runMeta(run), summarizeRun(run));
}

Deno.test("a gridlocked system is flagged and the default scenario is not", async (t) => {
  await t.step("3,000 people with five beds and almost no home care: warnings", async () => {
    const gridlocked = parseScenario({
      version: 1,
      years: 2,
      population: { size: 3000 },
      hospitals: [{ id: "a", populationShare: 1, acuteBeds: 5 }],
      socialCare: { homeCare: { capacityHoursPerWeekPer100k: 500 } },
    });
    const w = await baselineWarnings(gridlocked, 2);
    assert.ok(w.some((x) => x.code === "ed_boarding" && x.level === "warning"), JSON.stringify(w));
    assert.ok(w.some((x) => x.code === "beds_full" && x.level === "caution"));
  });

  await t.step("the default scenario: no warning (a growing queue may be a caution)", async () => {
    const scenario = await loadScenario(
      new URL("../scenarios/default.json", import.meta.url).pathname,
    );
    const w = await baselineWarnings(scenario, 3);
    assert.deepEqual(w.filter((x) => x.level === "warning").map((x) => x.message), []);
  });
});
