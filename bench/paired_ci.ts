// deno-lint-ignore-file no-console
/**
 * Measures, on scenarios/default.json (20 replications, seed 12345), the paired vs unpaired 95% CI
 * half-widths of emergency admissions avoided with the effect sizes drawn per replication and held
 * at one draw, and the parameter/stochastic variance shares of the avoided outputs (10 parameter
 * samples × 5 replications, seed 7). Run: deno run -A bench/paired_ci.ts
 *
 * @module
 */
import {
  annualValue,
  groupByParameterSample,
  loadScenario,
  pairedDifference,
  runScenario,
  summarize,
  varianceDecomposition,
} from "../mod.ts";
const scenario = await loadScenario("scenarios/default.json");
const half = (s: { ciLow: number; ciHigh: number }) => (s.ciHigh - s.ciLow) / 2;
for (const samples of [20, 1]) {
  const run = await runScenario(scenario, {
    replications: 20,
    seed: 12345,
    workers: 2,
    parameterSamples: samples,
  });
  const base = run.results.map((r) => annualValue(r.baseline, "emergency_admissions"));
  const scen = run.results.map((r) => annualValue(r.options[0].result, "emergency_admissions"));
  const p = pairedDifference(base, scen);
  const unpaired = Math.hypot(half(summarize(base)), half(summarize(scen)));
  console.log(
    `parameterSamples=${samples}: avoided ${p.mean.toFixed(1)} paired ±${
      half(p).toFixed(1)
    } unpaired ±${unpaired.toFixed(1)} ratio ${(unpaired / half(p)).toFixed(2)}`,
  );
}
const run = await runScenario(scenario, {
  replications: 50,
  seed: 7,
  workers: 2,
  parameterSamples: 10,
});
const avoided = (r: typeof run.results[number], m: string) =>
  annualValue(r.baseline, m as never) - annualValue(r.options[0].result, m as never);
for (const m of ["emergency_admissions", "bed_days", "ed_attendances"]) {
  const g = groupByParameterSample(
    run.results.map((r) => ({ parameterSample: r.parameterSample, value: avoided(r, m) })),
  );
  const v = varianceDecomposition(g);
  console.log(
    `${m} avoided: parameter share ${(v.parameterShare * 100).toFixed(0)}%, stochastic ${
      (v.stochasticShare * 100).toFixed(0)
    }%`,
  );
}
