// deno-lint-ignore-file no-console
/**
 * Whole-system model benchmark: one replication of 300,000 people over 5 years (median of
 * several runs after a warm-up run), and heap growth per person (300k vs 1M people, model
 * state alive after the run).
 *
 * Run: `deno run -A --v8-flags=--expose-gc bench/model_bench.ts` (without --expose-gc the
 * memory figure is noisier).
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import { simulateReplication } from "../models/simulate.ts";
import { SystemModel } from "../models/system_model.ts";
import { annualValue } from "../models/result.ts";
import { replicationFigures } from "../validation/replication_figures.ts";
import { CHECKS, evidenceRange, needsCareModels } from "../validation/checks.ts";

const gc = (globalThis as { gc?: () => void }).gc;
const RUNS = Number(Deno.args[0] ?? 7);

function scenario(size: number) {
  return parseScenario({ version: 1, years: 5, population: { size } });
}

const s300 = scenario(300_000);
simulateReplication(s300, { seed: 99 });
const times: number[] = [];
let admissions = 0;
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  const r = simulateReplication(s300, { seed: 1, replication: i });
  times.push(performance.now() - t0);
  admissions = annualValue(r, "emergency_admissions");
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `300k people × 5 years, one replication: median ${median.toFixed(0)} ms (min ${
    times[0].toFixed(0)
  }, max ${times.at(-1)!.toFixed(0)}, ${RUNS} runs; ${admissions} emergency admissions)`,
);

function heapWithModel(size: number): number {
  gc?.();
  const before = Deno.memoryUsage().heapUsed;
  const model = new SystemModel(scenario(size), { seed: 1, replication: 0 });
  model.run();
  gc?.();
  const after = Deno.memoryUsage().heapUsed;
  if (model.days === 0) console.log("");
  return after - before;
}
const h300 = heapWithModel(300_000);
const h1m = heapWithModel(1_000_000);
const perPerson = (h1m - h300) / 700_000;
console.log(
  `heap with model alive: 300k ${(h300 / 1e6).toFixed(1)} MB, 1M ${(h1m / 1e6).toFixed(1)} MB → ${
    perPerson.toFixed(1)
  } bytes per extra person${gc ? "" : " (no --expose-gc: noisy)"}`,
);

// Calibration of the default scenario, year by year: every baseline figure of the validation
// (validation/checks.ts) beside its evidence range of that year (the full validation with
// confidence intervals is `deno task validate`, docs/validation.md).
const def = parseScenario(
  JSON.parse(await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url))),
);
const baseline = { ...def, careModels: [] };
const reps = 10;
const years = def.years;
const beds = def.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
const figures = Array.from(
  { length: reps },
  (_, replication) => replicationFigures(baseline, { seed: def.seed, replication }),
);
const measured = CHECKS.filter((c) =>
  !needsCareModels(c) && (c.requires ?? []).every((m) => figures[0]!.metric(m, 1) !== undefined)
);
console.log(
  `\ndefault scenario (${def.population.size} people, ${beds} base beds), baseline, mean of ${reps} replications; × = outside that year's evidence range:`,
);
const yearCells = Array.from({ length: years }, (_, y) => `year ${y + 1}`.padStart(9)).join("");
console.log(`  ${yearCells}   figure: evidence, year 1 → year ${years}`);
for (const check of measured) {
  const cells = Array.from({ length: years }, (_, y) => {
    const x = figures.reduce((a, f) => a + check.value(f, y + 1), 0) / reps;
    const { low, high } = evidenceRange(check, y + 1);
    return `${x.toFixed(check.digits)}${x < low || x > high ? "×" : " "}`.padStart(9);
  });
  const range = (y: number) => {
    const r = evidenceRange(check, y);
    return `${r.low.toFixed(check.digits)}–${r.high.toFixed(check.digits)}`;
  };
  const role = check.role === "target" ? `; target${check.targetYears ? " in year 1" : ""}` : "";
  console.log(
    `  ${cells.join("")}   ${check.label}: ${check.evidence.ref} ${range(1)}${
      check.evidence.trend ? ` → ${range(years)} (${check.evidence.trend.ref} trend)` : ""
    }${role}`,
  );
}
const over92 = Array.from(
  { length: years },
  (_, y) => figures.reduce((a, f) => a + f.metric("acute_days_over_92pct", y + 1)!, 0) / reps,
);
console.log(
  `  ${over92.map((x) => `${x.toFixed(0)} `.padStart(9)).join("")}   days above 92% occupancy`,
);
