// deno-lint-ignore-file no-console
/**
 * Measures the statistical comparison mode (not a test):
 *
 * 1. False-alarm rate: record a fixture from the scenario at its seed, rerun the unchanged
 *    scenario with R other seeds (each rerun = one full comparison), count reruns that fail.
 * 2. Power: scale every emergency admission rate of the scenario (age bands and care-home
 *    residents) by (1 + δ), rerun M times per δ, count reruns that fail.
 *
 * Each run's summary rows are appended to `<out>/runs.jsonl` (resumable: finished runs are
 * skipped), then analysed for a grid of settings and written to `<out>/results.json`.
 *
 * Usage:
 *   deno run -A bench/ci_power.ts [--scenario scenarios/default.json] [--reruns 100]
 *     [--power-reruns 30] [--deltas 0.01,0.02,0.03,0.05] [--replications N] [--years Y]
 *     [--workers W] [--rerun-seed-base 100000] [--out out/ci_power] [--analyse-only]
 *
 * @module
 */

import { parseArgs } from "node:util";
import {
  compareToFixture,
  type FixtureRow,
  type FixtureSource,
  fixtureSourceFromRun,
  recordFixture,
  type StatisticalSettings,
} from "../ci_fixtures/mod.ts";
import { runScenario } from "../models/run_scenario.ts";
import { parseScenario } from "../scenarios/load.ts";
import type { Scenario } from "../scenarios/schema.ts";

const { values: opt } = parseArgs({
  args: Deno.args,
  options: {
    scenario: { type: "string", default: "scenarios/default.json" },
    reruns: { type: "string", default: "100" },
    "power-reruns": { type: "string", default: "30" },
    deltas: { type: "string", default: "0.01,0.02,0.03,0.05" },
    replications: { type: "string" },
    years: { type: "string" },
    workers: { type: "string", default: "2" },
    out: { type: "string", default: "out/ci_power" },
    "rerun-seed-base": { type: "string", default: "100000" },
    "analyse-only": { type: "boolean", default: false },
  },
});

const raw = JSON.parse(await Deno.readTextFile(opt.scenario!));
if (opt.years) raw.years = Number(opt.years);
const base = parseScenario(raw, { label: opt.scenario });
const replications = opt.replications ? Number(opt.replications) : base.replications;
const workers = Number(opt.workers);
const reruns = Number(opt.reruns);
const powerReruns = Number(opt["power-reruns"]);
const deltas = opt.deltas!.split(",").map(Number);
const rerunSeedBase = Number(opt["rerun-seed-base"]);
await Deno.mkdir(opt.out!, { recursive: true });
const runsPath = `${opt.out}/runs.jsonl`;

/** The scenario with every emergency admission rate scaled by (1 + delta). */
function scaled(delta: number): Scenario {
  if (delta === 0) return base;
  return parseScenario({
    ...raw,
    population: {
      ...raw.population,
      ageBands: base.population.ageBands.map((b) => ({
        ...b,
        emergencyAdmissionRatePerPersonYear: b.emergencyAdmissionRatePerPersonYear * (1 + delta),
      })),
    },
    careHomes: {
      ...raw.careHomes,
      emergencyAdmissionRatePerResidentYear: base.careHomes.emergencyAdmissionRatePerResidentYear *
        (1 + delta),
    },
  });
}

async function runOnce(scenario: Scenario, seed: number): Promise<FixtureSource> {
  return fixtureSourceFromRun(await runScenario(scenario, { replications, seed, workers }));
}

interface RunRecord {
  kind: "fixture" | "rerun" | "power";
  delta: number;
  seed: number;
  seconds: number;
  rows: FixtureRow[];
}

const done = new Map<string, RunRecord>();
try {
  for (const line of (await Deno.readTextFile(runsPath)).split("\n")) {
    if (!line) continue;
    const r = JSON.parse(line) as RunRecord;
    done.set(`${r.kind}:${r.delta}:${r.seed}`, r);
  }
} catch (e) {
  if (!(e instanceof Deno.errors.NotFound)) throw e;
}

const plan: { kind: RunRecord["kind"]; delta: number; seed: number }[] = [
  { kind: "fixture", delta: 0, seed: base.seed },
];
// Interleaved, so a partial measurement (the file is resumable) covers both questions.
for (let i = 0; i < Math.max(reruns, powerReruns); i++) {
  if (i < reruns) plan.push({ kind: "rerun", delta: 0, seed: rerunSeedBase + i });
  if (i < powerReruns) {
    for (const delta of deltas) plan.push({ kind: "power", delta, seed: 200_000 + i });
  }
}

if (!opt["analyse-only"]) {
  const started = Date.now();
  let ran = 0;
  for (const p of plan) {
    const key = `${p.kind}:${p.delta}:${p.seed}`;
    if (done.has(key)) continue;
    const t0 = Date.now();
    const outputs = await runOnce(scaled(p.delta), p.seed);
    const rec: RunRecord = { ...p, seconds: (Date.now() - t0) / 1000, rows: outputs.rows };
    await Deno.writeTextFile(runsPath, JSON.stringify(rec) + "\n", { append: true });
    done.set(key, rec);
    ran++;
    console.error(
      `${key} ${rec.seconds.toFixed(1)} s (${done.size}/${plan.length}, ${
        ((Date.now() - started) / 60000).toFixed(1)
      } min)`,
    );
  }
}

// ---- analysis
const fixtureRec = done.get(`fixture:0:${base.seed}`);
if (!fixtureRec) throw new Error("Cannot analyse: the fixture run is missing");
const asOutputs = (rows: FixtureRow[]): FixtureSource => ({
  summaryCsv: "",
  rows: rows.map((r) => ({ ...r, sd: r.sd ?? NaN, mean: r.mean ?? NaN })),
  run: {
    scenarioName: null,
    scenarioHash: null,
    seed: null,
    replications: null,
    caresimVersion: null,
  },
});
const fixture = await recordFixture(asOutputs(fixtureRec.rows));
const grid: Partial<StatisticalSettings>[] = [];
for (const correction of ["holm", "bonferroni"] as const) {
  for (const alpha of [0.05, 0.01]) {
    for (const relativeTolerance of [0, 0.005, 0.01, 0.02]) {
      grid.push({ alpha, correction, relativeTolerance, absoluteTolerance: 0 });
    }
  }
}
const results = [];
for (const settings of grid) {
  const alarmsBy: Record<string, number> = {};
  let alarms = 0;
  let n = 0;
  const power: Record<string, { runs: number; caught: number; caughtOnAdmissions: number }> = {};
  for (const rec of done.values()) {
    if (rec.kind === "fixture" || (rec.kind === "power" && !deltas.includes(rec.delta))) continue;
    const report = await compareToFixture(asOutputs(rec.rows), fixture, {
      mode: "statistical",
      statistical: settings,
    });
    const failed = report.rows.filter((r) => r.verdict !== "pass");
    if (rec.kind === "rerun") {
      n++;
      if (failed.length > 0) alarms++;
      for (const f of failed) {
        const k = `${f.variant}:${f.metric}:${f.year}`;
        alarmsBy[k] = (alarmsBy[k] ?? 0) + 1;
      }
    } else {
      const p = power[rec.delta] ??= { runs: 0, caught: 0, caughtOnAdmissions: 0 };
      p.runs++;
      if (failed.length > 0) p.caught++;
      if (failed.some((f) => f.metric === "emergency_admissions")) p.caughtOnAdmissions++;
    }
  }
  results.push({
    settings,
    reruns: n,
    falseAlarms: alarms,
    falseAlarmRate: alarms / n,
    alarmsBy,
    power,
  });
}
const summary = {
  scenario: base.name,
  years: base.years,
  populationSize: base.population.size,
  replications,
  fixtureSeed: base.seed,
  rowsCompared: fixture.rows.length,
  meanSecondsPerRun: [...done.values()].reduce((s, r) => s + r.seconds, 0) / done.size,
  results,
};
await Deno.writeTextFile(`${opt.out}/results.json`, JSON.stringify(summary, null, 2) + "\n");
console.log(
  `${base.name}: ${base.years} years, ${base.population.size} people, ${replications} replications, ${fixture.rows.length} rows per comparison`,
);
for (const r of results) {
  const s = r.settings;
  const pw = Object.entries(r.power).map(([d, p]) =>
    `δ=${(+d * 100).toFixed(0)}%: ${p.caught}/${p.runs}`
  ).join("  ");
  console.log(
    `${s.correction} α=${s.alpha} floor=${
      (s.relativeTolerance! * 100).toFixed(1)
    }%  false alarms ${r.falseAlarms}/${r.reruns} (${(r.falseAlarmRate * 100).toFixed(1)}%)  ${pw}`,
  );
}
