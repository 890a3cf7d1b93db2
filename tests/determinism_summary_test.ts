/**
 * Determinism at the summary.csv level (what fixtures compare): the bytes never depend on the
 * worker count, the order replications are scheduled and finish in, sharding, the key order of
 * the scenario input, or the wall clock. The engine and CLI tests check the same at their levels
 * (tests/engine_validation_determinism_test.ts, tests/cli_sim_test.ts); this one runs a scenario
 * with a care model (paired options, sampled effects, workforce) in-process.
 */
import assert from "node:assert/strict";
import { compareToFixture, fixtureSourceFromRun, recordFixture } from "../ci_fixtures/mod.ts";
import {
  type PairedReplication,
  runPairedReplication,
  runScenario,
  scenarioOptions,
  type ScenarioRun,
} from "../models/run_scenario.ts";
import { parseScenario } from "../scenarios/load.ts";
import type { Scenario } from "../scenarios/schema.ts";

const INPUT = {
  version: 1,
  name: "determinism",
  years: 1,
  replications: 4,
  seed: 11,
  population: { size: 3000 },
  careModels: [{ model: "mcp", rampUpMonths: 0 }],
};

/** The same object with keys in reverse order at every level. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
  }
  return value;
}

const scenario = parseScenario(INPUT);

Deno.test("summary.csv is byte-identical across workers, scheduling order and shards", async (t) => {
  const one = await fixtureSourceFromRun(await runScenario(scenario, { workers: 1 }));
  assert.ok(one.rows.some((r) => r.variant === "avoided"), "the run has a paired option");
  const fixture = await recordFixture(one, { mode: "exact" });

  await t.step("1 worker vs 2 workers", async () => {
    const two = await fixtureSourceFromRun(await runScenario(scenario, { workers: 2 }));
    assert.equal(two.summaryCsv, one.summaryCsv);
    assert.equal((await compareToFixture(two, fixture)).matches, true);
  });

  await t.step("replications scheduled in another order", async () => {
    const shuffled = await runScenario(scenario, { workers: 2, indices: [3, 1, 0, 2] });
    assert.equal((await fixtureSourceFromRun(shuffled)).summaryCsv, one.summaryCsv);
  });

  await t.step("two shards merged vs one whole run", async () => {
    const [a, b] = await Promise.all([
      runScenario(scenario, { workers: 1, indices: [1, 3] }),
      runScenario(scenario, { workers: 1, indices: [0, 2] }),
    ]);
    // A shard alone is a different (smaller) summary ...
    assert.notEqual((await fixtureSourceFromRun(a)).summaryCsv, one.summaryCsv);
    // ... and the merged shards are the whole run, byte for byte.
    const merged: ScenarioRun = {
      ...a,
      indices: [...a.indices, ...b.indices].sort((x, y) => x - y),
      results: [...b.results, ...a.results].sort((x, y) => x.replication - y.replication),
    };
    assert.equal((await fixtureSourceFromRun(merged)).summaryCsv, one.summaryCsv);
  });
});

Deno.test("summary.csv and the scenario hash do not depend on the key order of the scenario", async () => {
  // Both the written input and the resolved scenario handed to runScenario, keys reversed.
  const fromInput = parseScenario(reverseKeys(INPUT));
  const resolved = reverseKeys(scenario) as Scenario;
  assert.notDeepEqual(Object.keys(resolved), Object.keys(scenario), "keys really are reordered");
  const a = await fixtureSourceFromRun(
    await runScenario(scenario, { workers: 2, replications: 2 }),
  );
  for (const other of [fromInput, resolved]) {
    const b = await fixtureSourceFromRun(await runScenario(other, { workers: 2, replications: 2 }));
    assert.equal(b.summaryCsv, a.summaryCsv);
    assert.equal(b.run.scenarioHash, a.run.scenarioHash);
  }
});

Deno.test("summary.csv does not depend on the wall clock or on Math.random", async () => {
  const viaWorkers = await fixtureSourceFromRun(
    await runScenario(scenario, { workers: 2, replications: 2 }),
  );
  // The same replications in this thread, with the clock and Math.random sabotaged.
  const saved = { now: Date.now, perf: performance.now, random: Math.random };
  let tick = 1e12;
  Date.now = () => (tick += 86_400_000);
  performance.now = () => (tick += 1234.5);
  Math.random = () => 0.999;
  let results: PairedReplication[];
  try {
    const input = { scenario, options: scenarioOptions(scenario), replicationsPerSample: 1 };
    results = [1, 0].map((replication) =>
      runPairedReplication({ seed: scenario.seed, replication, input })
    ).sort((x, y) => x.replication - y.replication);
  } finally {
    Date.now = saved.now;
    performance.now = saved.perf;
    Math.random = saved.random;
  }
  const inThread = await fixtureSourceFromRun({
    scenario,
    seed: scenario.seed,
    replications: 2,
    indices: [0, 1],
    options: scenarioOptions(scenario).map((o) => o.option),
    results,
  });
  assert.equal(inThread.summaryCsv, viaWorkers.summaryCsv);
});
