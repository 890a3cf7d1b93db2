// deno-lint-ignore-file no-console
/**
 * Worker CPU: what one worker costs to start and what a replication costs, measured as CPU time
 * on the worker threads themselves (Linux `/proc/thread-self/schedstat`), which a loaded machine
 * distorts far less than wall time. Runs the CLI's worker entry (`recordPairedReplication`, via
 * `bench/_timed_record.ts`) on the scenario's replications with 1 and with 2 workers, alternately,
 * and reports per run:
 *
 * - **load**: the worker thread's CPU until the model's modules have loaded;
 * - **steady**: the median CPU of a replication in the second half of a worker's sequence;
 * - **warm-up**: the CPU a worker's replications took beyond `steady` (V8 compiling on the
 *   worker thread: the first replications are slower), summed over its sequence;
 * - **start-up per worker** = load + warm-up;
 * - **wait**: time the worker threads were ready to run but had no core (load from elsewhere);
 * - **helpers**: CPU of V8's helper threads (background compilation, GC) in the process.
 *
 * Run: `deno run -A bench/worker_cpu.ts [--reps 3] [--scenario scenarios/default.json]
 * [--replications N]`. Linux only.
 *
 * @module
 */

import { parseArgs } from "node:util";
import { loadScenario } from "../scenarios/load.ts";
import { streamReplications } from "../sim/mod.ts";
import { workerInput } from "../studies/record_replication.ts";
import type { TimedReplication } from "./_timed_record.ts";

const { values: args } = parseArgs({
  args: Deno.args,
  options: {
    reps: { type: "string", default: "3" },
    scenario: { type: "string", default: "scenarios/default.json" },
    replications: { type: "string" },
  },
});
const scenario = await loadScenario(args.scenario);
const replications = Number(args.replications ?? scenario.replications);
const input = workerInput(scenario);

/** CPU seconds of this process's threads whose name starts "V8 " and of the main thread. */
function processThreads(): { helpers: number; main: number } {
  let helpers = 0;
  let main = 0;
  for (const e of Deno.readDirSync("/proc/self/task")) {
    try {
      const stat = Deno.readTextFileSync(`/proc/self/task/${e.name}/stat`);
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const cpu = Number(
        Deno.readTextFileSync(`/proc/self/task/${e.name}/schedstat`).split(" ")[0],
      ) / 1e9;
      if (name.startsWith("V8 ")) helpers += cpu;
      if (e.name === String(Deno.pid)) main = cpu;
    } catch { /* the thread ended */ }
  }
  return { helpers, main };
}

interface RunFigures {
  wall: number;
  load: number[];
  steady: number;
  warmUp: number[];
  reps: number;
  wait: number;
  helpers: number;
  main: number;
  csvChars: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function run(workers: number): Promise<RunFigures> {
  const before = processThreads();
  const started = performance.now();
  const byThread = new Map<string, TimedReplication[]>();
  for await (
    const { value } of streamReplications<TimedReplication>({
      module: new URL("./_timed_record.ts", import.meta.url),
      exportName: "timedRecord",
      input,
      replications,
      seed: scenario.seed,
      workers,
    })
  ) {
    byThread.set(value.thread, [...byThread.get(value.thread) ?? [], value]);
  }
  const wall = (performance.now() - started) / 1000;
  const after = processThreads();
  const sequences = [...byThread.values()];
  const cost = (t: TimedReplication) => t.after.cpu - t.before.cpu;
  const steady = median(sequences.flatMap((s) => s.slice(Math.floor(s.length / 2)).map(cost)));
  return {
    wall,
    load: sequences.map((s) => s[0]!.loaded.cpu),
    steady,
    warmUp: sequences.map((s) => s.reduce((a, t) => a + cost(t) - steady, 0)),
    reps: sequences.reduce((a, s) => a + s.length, 0),
    wait: sequences.reduce((a, s) => a + s.at(-1)!.after.wait, 0),
    helpers: after.helpers - before.helpers,
    main: after.main - before.main,
    csvChars: median(sequences.flat().map((t) => t.csvChars)),
  };
}

const f2 = (x: number) => x.toFixed(2);
const runs: Record<1 | 2, RunFigures[]> = { 1: [], 2: [] };
console.log(
  `${args.scenario}, ${replications} replications, the CLI's worker entry; ${args.reps} runs each of 1 and 2 workers, alternately`,
);
for (let i = 0; i < Number(args.reps); i++) {
  for (const workers of i % 2 === 0 ? [1, 2] as const : [2, 1] as const) {
    const r = await run(workers);
    runs[workers].push(r);
    console.log(
      `  ${workers} worker${workers === 1 ? " " : "s"}: wall ${f2(r.wall)} s; per worker load ${
        r.load.map(f2).join(" / ")
      } s CPU, warm-up ${r.warmUp.map(f2).join(" / ")} s; steady ${
        f2(r.steady)
      } s per replication; helpers ${f2(r.helpers)} s; main ${f2(r.main)} s; waited ${
        f2(r.wait)
      } s`,
    );
  }
}
const m = (w: 1 | 2, pick: (r: RunFigures) => number) => median(runs[w].map(pick));
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
console.log(`
| Workers | Load s/worker | Warm-up s/worker | Steady s/replication | V8 helpers s | Main s | Ran-queue wait s |
| ------- | ------------- | ---------------- | -------------------- | ------------ | ------ | ---------------- |`);
for (const w of [1, 2] as const) {
  console.log(
    `| ${w}       | ${f2(m(w, (r) => sum(r.load) / w))} | ${f2(m(w, (r) => sum(r.warmUp) / w))} | ${
      f2(m(w, (r) => r.steady))
    } | ${f2(m(w, (r) => r.helpers))} | ${f2(m(w, (r) => r.main))} | ${f2(m(w, (r) => r.wait))} |`,
  );
}
// A quiet 2-core machine: each worker pays its start-up, the replications share out, and every
// thread's CPU (workers, helpers, this thread) must fit on two cores.
const start = m(1, (r) => r.load[0]! + r.warmUp[0]!);
const steady = m(1, (r) => r.steady);
const helpers = m(1, (r) => r.helpers);
const main = m(1, (r) => r.main);
const t1 = start + replications * steady;
const t2 = Math.max(
  start + replications * steady / 2,
  (2 * start + replications * steady + helpers + main) / 2,
);
console.log(`
Quiet 2-core estimate for the replications alone (1-worker figures: start-up ${
  f2(start)
} s, steady ${f2(steady)} s per replication, helpers ${f2(helpers)} s, main ${f2(main)} s):
1 worker ${f2(t1)} s, 2 workers ${f2(t2)} s → ${
  f2(t1 / t2)
}× (the CLI adds its own serial start and end)
Median CSV text per replication: ${(m(1, (r) => r.csvChars) / 1e3).toFixed(0)} k characters`);
