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
import { acuteOccupancyPct, delayedTransferSharePct } from "../calibration/default_calibration.ts";

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

// Calibration of the default scenario, year by year, against docs/evidence.md (the full
// validation with confidence intervals is `deno task validate`, docs/validation.md).
const def = parseScenario(
  JSON.parse(await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url))),
);
const reps = 10;
const years = def.years;
const beds = def.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
const rows = {
  adm: new Array(years).fill(0),
  ed: new Array(years).fill(0),
  occ: new Array(years).fill(0),
  dtoc: new Array(years).fill(0),
  over92: new Array(years).fill(0),
};
for (let i = 0; i < reps; i++) {
  const r = simulateReplication(def, { seed: def.seed, replication: i });
  for (let y = 1; y <= years; y++) {
    const people = r.daily.population.slice((y - 1) * 365, y * 365).reduce((a, b) => a + b, 0) /
      365;
    rows.adm[y - 1] += annualValue(r, "emergency_admissions", { year: y }) / people * 1000 / reps;
    rows.ed[y - 1] += annualValue(r, "ed_attendances", { year: y }) / people * 1000 / reps;
    rows.occ[y - 1] += acuteOccupancyPct(r, y) / reps;
    rows.dtoc[y - 1] += delayedTransferSharePct(r, y) / reps;
    rows.over92[y - 1] += annualValue(r, "acute_days_over_92pct", { year: y }) / reps;
  }
}
console.log(
  `\ndefault scenario (${def.population.size} people, ${beds} base beds), baseline, mean of ${reps} replications:`,
);
const cell = (x: number, digits: number) => x.toFixed(digits).padStart(8);
const line = (label: string, xs: number[], digits: number, evidence: string) =>
  console.log(`  ${label.padEnd(34)}${xs.map((x) => cell(x, digits)).join("")}   ${evidence}`);
console.log(
  `  ${"figure".padEnd(34)}${
    Array.from({ length: years }, (_, y) => `year ${y + 1}`.padStart(8)).join("")
  }   evidence`,
);
line("emergency admissions per 1,000", rows.adm, 1, "H1: 90–95");
line("ED attendances per 1,000", rows.ed, 0, "H2: 423–529");
line("acute occupancy, % of open beds", rows.occ, 1, "H5: 89–92 (year-1 target)");
line("delayed transfers, % of bed days", rows.dtoc, 1, "H6: 4–6 (year-1 target)");
line("days above 92% occupancy", rows.over92, 0, "");
