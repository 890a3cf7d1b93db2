// deno-lint-ignore-file no-console
/**
 * Custom care models through the standard runner, two ways:
 *
 * 1. In a scenario file: `examples/custom_care_model.json` has a `"model": "custom"` entry with
 *    two parts (a frailty virtual ward: fewer admissions, one to one-and-a-half days shorter
 *    stays, a stronger effect in segment 4, and step-up beds staffed one nurse per 10 occupied).
 * 2. In code: `defineIntervention` builds a falls-prevention service, run as an extra option.
 *
 * Both are paired against the same baseline (common random numbers) and summarised like any
 * shipped care model: admissions avoided, bed days, net cost and FTE, with 95% CIs.
 *
 * Run: deno run -A examples/custom_care_models.ts
 *
 * @module
 */

import { defineIntervention, loadScenario, runScenario, summarizeRun } from "../mod.ts";

const scenario = await loadScenario(new URL("./custom_care_model.json", import.meta.url));

const falls = defineIntervention({
  id: "falls",
  label: "Falls prevention for the frail",
  rampUpMonths: 6,
  cohort: { minAgeYears: 75, segments: [3, 4] },
  effects: { emergencyAdmission: { triangular: { min: 0.9, mode: 0.95, max: 1 } } },
  displacement: { gp: 0.5 },
  staff: { district_nurse: { per: "enrolled", fte: 2, every: 1000 } },
});

const run = await runScenario(scenario, {
  replications: 4,
  seed: 7,
  workers: 1,
  extraOptions: [{
    option: { id: "falls", label: "Falls prevention", careModels: ["falls"] },
    interventions: [falls],
  }],
});

const rows = summarizeRun(run);
const pick = (option: string, metric: string) =>
  rows.find((r) =>
    r.scenario.endsWith(`/${option}`) && r.variant === "avoided" && r.metric === metric &&
    r.year === "all"
  )!;
const fmt = (x: number, digits = 0) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);
for (const option of ["scenario", "falls"]) {
  console.log(`${option === "scenario" ? "virtual ward (JSON)" : "falls prevention (code)"}`);
  for (
    const [metric, label, digits] of [
      ["admissions_avoided", "emergency admissions avoided, 3 years", 0],
      ["bed_days_avoided", "bed days avoided, 3 years", 0],
      ["cost_total_avoided", "net saving £ (negative = net cost)", 0],
      ["fte_ward_nurse_avoided", "ward nurse FTE (negative = more)", 1],
      ["fte_district_nurse_avoided", "district nurse FTE (negative = more)", 1],
    ] as const
  ) {
    const r = pick(option, metric);
    console.log(
      `  ${label}: ${fmt(r.mean, digits)} (95% CI ${fmt(r.ciLow, digits)} to ${
        fmt(r.ciHigh, digits)
      })`,
    );
  }
}
