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

// Calibration of the default scenario against evidence.md section D.
const def = parseScenario(
  JSON.parse(await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url))),
);
const reps = 10;
let adm = 0, occ = 0, dtoc = 0, bedDays = 0, over92 = 0, edAtt = 0;
const beds = def.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
const years = def.years;
for (let i = 0; i < reps; i++) {
  const r = simulateReplication(def, { seed: def.seed, replication: i });
  const meanPop = r.daily.population.reduce((a, b) => a + b, 0) / r.daily.population.length;
  adm += annualValue(r, "emergency_admissions") / years / meanPop * 1000 / reps;
  edAtt += annualValue(r, "ed_attendances") / years / meanPop * 1000 / reps;
  const capMean = r.daily.acuteCapacity.reduce((a, b) => a + b, 0) / r.daily.acuteCapacity.length;
  occ += r.accounting.meanOccupied / capMean * 100 / reps;
  dtoc += annualValue(r, "delayed_transfer_bed_days") / years / reps;
  bedDays += annualValue(r, "bed_days") / years / reps;
  over92 += annualValue(r, "acute_days_over_92pct") / years / reps;
}
console.log(
  `default scenario (${def.population.size} people, ${beds} base beds, ${years} years, ${reps} replications):`,
);
console.log(`  emergency admissions ${adm.toFixed(1)} per 1,000 per year (evidence D: 90–95)`);
console.log(`  ED attendances ${edAtt.toFixed(0)} per 1,000 per year (B1: 23.8m/56m ≈ 420)`);
console.log(`  mean acute occupancy ${occ.toFixed(1)}% of open beds incl. escalation (D: 89–92%)`);
console.log(
  `  delayed-transfer bed days ${dtoc.toFixed(0)} per year = ${
    (dtoc / bedDays * 100).toFixed(1)
  }% of ${bedDays.toFixed(0)} bed days (D: ~6% of G&A beds official)`,
);
console.log(`  days above 92% occupancy ${over92.toFixed(0)} per year`);
