// deno-lint-ignore-file no-console
/**
 * Worker speed-up: the same `deno task sim` run with 1 and with 2 Web Workers, side by side —
 * pairs run back to back, the order swapped every pair — timing each whole command (start-up,
 * replications, summaries, writing outputs). The speed-up is the median of the pairs' ratios
 * (each pair sees the same machine load), and the outputs of the two are compared byte for
 * byte. Each pair also runs 1 worker on 2 replications, which splits a run into a fixed part
 * (start-up, the first replications' warm-up, summaries, writing) and a part per replication;
 * Amdahl's law then gives the speed-up two workers could reach if only the per-replication part
 * shared out: (fixed + N·per) / (fixed + N·per / 2).
 *
 * On Linux the CPU time of each run is read from /proc per thread: the main thread, the
 * workers, and V8's helper threads (compilation and garbage collection), which a single worker
 * leaves on the idle core but two workers must share with them.
 *
 * With `--study`, also times the all-models study (scenarios/compare-care-models.json at
 * 300,000 people, 100 replications, 9 options + baseline) once.
 *
 * Run: `deno run -A bench/worker_speedup.ts [--reps 5] [--scenario scenarios/default.json]
 * [--replications N] [--study]` (default: the scenario's own replications).
 *
 * @module
 */

import { OUTPUT_MARKER } from "../report/output_marker.ts";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  args: Deno.args,
  options: {
    reps: { type: "string", default: "5" },
    scenario: { type: "string", default: "scenarios/default.json" },
    replications: { type: "string" },
    study: { type: "boolean", default: false },
  },
});
const ROOT = new URL("../", import.meta.url).pathname;
const tmp = await Deno.makeTempDir({ prefix: "caresim-bench-" });
const hasProc = await Deno.stat("/proc/self/task").then(() => true, () => false);
const TICKS_PER_SECOND = 100; // USER_HZ, the unit of /proc's utime and stime

/** CPU seconds of one run, by thread kind (NaN where /proc is missing). */
interface Cpu {
  total: number;
  main: number;
  workers: number;
  helpers: number;
}

interface Timing {
  wall: number;
  cpu: Cpu;
}

/** utime + stime in ticks and the thread's name, from /proc/PID[/task/TID]/stat. */
function readStat(path: string): { ticks: number; name: string } | undefined {
  try {
    const text = Deno.readTextFileSync(path);
    const close = text.lastIndexOf(")");
    const fields = text.slice(close + 2).split(" ");
    return {
      ticks: Number(fields[11]) + Number(fields[12]),
      name: text.slice(text.indexOf("(") + 1, close),
    };
  } catch {
    return undefined; // the thread or process has just ended
  }
}

/** Polls a process's threads until it ends, keeping each thread's last CPU time. */
function watchThreads(pid: number): () => Cpu {
  const threads = new Map<string, { ticks: number; name: string }>();
  let total = 0;
  const poll = () => {
    const all = readStat(`/proc/${pid}/stat`); // includes threads that have ended
    if (all) total = all.ticks;
    try {
      for (const e of Deno.readDirSync(`/proc/${pid}/task`)) {
        const stat = readStat(`/proc/${pid}/task/${e.name}/stat`);
        if (stat) threads.set(e.name, stat);
      }
    } catch { /* ended */ }
  };
  const timer = setInterval(poll, 20);
  poll();
  return () => {
    clearInterval(timer);
    const cpu = { total: total / TICKS_PER_SECOND, main: 0, workers: 0, helpers: 0 };
    for (const [tid, { ticks, name }] of threads) {
      const s = ticks / TICKS_PER_SECOND;
      if (tid === String(pid)) cpu.main += s;
      else if (name.startsWith("worker-")) cpu.workers += s;
      else if (name.startsWith("V8 ")) cpu.helpers += s;
    }
    return cpu;
  };
}

async function sim(simArgs: string[], out: string): Promise<Timing> {
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${ROOT}cli/sim.ts`, ...simArgs, "--quiet", "--out", out],
    stdout: "null",
    stderr: "piped",
  });
  const started = performance.now();
  const child = command.spawn();
  const stop = hasProc ? watchThreads(child.pid) : undefined;
  const result = await child.output();
  const wall = (performance.now() - started) / 1000;
  const cpu = stop?.() ?? { total: NaN, main: NaN, workers: NaN, helpers: NaN };
  if (!result.success) {
    throw new Error(`deno task sim failed: ${new TextDecoder().decode(result.stderr)}`);
  }
  return { wall, cpu };
}

async function sameOutputs(a: string, b: string): Promise<boolean> {
  for await (const e of Deno.readDir(a)) {
    if (e.name === OUTPUT_MARKER) continue; // its run id differs from run to run by design
    const [x, y] = await Promise.all([
      Deno.readFile(`${a}/${e.name}`),
      Deno.readFile(`${b}/${e.name}`),
    ]);
    if (x.length !== y.length || !x.every((v, i) => v === y[i])) return false;
  }
  return true;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f2 = (x: number) => x.toFixed(2);

const scenario = JSON.parse(await Deno.readTextFile(args.scenario));
const replications = Number(args.replications ?? scenario.replications);
const SMALL = 2; // replications of the short run that measures the fixed part
const reps = Number(args.reps);
const timings: Record<"w1" | "w2" | "small", Timing[]> = { w1: [], w2: [], small: [] };
const runs = {
  w1: () =>
    sim([args.scenario, "--replications", `${replications}`, "--workers", "1"], `${tmp}/w1`),
  w2: () =>
    sim([args.scenario, "--replications", `${replications}`, "--workers", "2"], `${tmp}/w2`),
  small: () => sim([args.scenario, "--replications", `${SMALL}`, "--workers", "1"], `${tmp}/small`),
};
const label = { w1: "1 worker ", w2: "2 workers", small: `1 worker, ${SMALL} replications` };
console.log(
  `${args.scenario}, ${replications} replications: ${reps} pairs of 1 and 2 workers, back to back`,
);
for (let i = 0; i < reps; i++) {
  for (
    const kind of i % 2 === 0 ? ["w1", "w2", "small"] as const : ["w2", "w1", "small"] as const
  ) {
    const t = await runs[kind]();
    timings[kind].push(t);
    console.log(
      `  pair ${i + 1}, ${label[kind]}: ${f2(t.wall)} s wall, CPU ${f2(t.cpu.total)} s (main ${
        f2(t.cpu.main)
      }, workers ${f2(t.cpu.workers)}, V8 helpers ${f2(t.cpu.helpers)})`,
    );
  }
}
const identical = await sameOutputs(`${tmp}/w1`, `${tmp}/w2`);
const ratios = timings.w1.map((t, i) => t.wall / timings.w2[i].wall);
const med = (kind: keyof typeof timings, pick: (t: Timing) => number) =>
  median(timings[kind].map(pick));
const row = (kind: "w1" | "w2", workers: number, speedUp: string, target: string) =>
  `| ${workers}       | ${f2(med(kind, (t) => t.wall))} | ${f2(med(kind, (t) => t.cpu.total))} | ${
    f2(med(kind, (t) => t.cpu.main))
  } | ${f2(med(kind, (t) => t.cpu.workers))} | ${
    f2(med(kind, (t) => t.cpu.helpers))
  } | ${speedUp} | ${target} |`;
console.log(`
| Workers | Median wall s | CPU s | main | workers | V8 helpers | Speed-up | Target |
| ------- | ------------- | ----- | ---- | ------- | ---------- | -------- | ------ |
${row("w1", 1, "1.00", "")}
${row("w2", 2, `**${f2(median(ratios))}**`, "≥ 1.7")}

Speed-up = median of the ${reps} pairs' ratios (${ratios.map(f2).join(", ")}).
Outputs of 1 and 2 workers byte-identical: ${identical ? "yes" : "NO"}`);

// Amdahl: wall(n) = fixed + n · per on one worker, from the runs of N and of SMALL replications.
const perReplication = (med("w1", (t) => t.wall) - med("small", (t) => t.wall)) /
  (replications - SMALL);
const fixed = med("small", (t) => t.wall) - SMALL * perReplication;
const amdahl = (fixed + replications * perReplication) /
  (fixed + replications * perReplication / 2);
console.log(`
Amdahl (1 worker: ${f2(fixed)} s fixed + ${
  f2(perReplication)
} s per replication, wall): 2 workers can reach ${
  f2(amdahl)
}× at ${replications} replications if only the per-replication part shares out.`);

if (args.study) {
  const study = JSON.parse(await Deno.readTextFile(`${ROOT}scenarios/compare-care-models.json`));
  delete study.$schema;
  study.population.size = 300_000;
  await Deno.writeTextFile(`${tmp}/study.json`, JSON.stringify(study));
  const t = await sim(
    [`${tmp}/study.json`, "--replications", "100", "--workers", "2"],
    `${tmp}/study`,
  );
  console.log(`
All-models study (compare-care-models.json at 300,000 people, 100 replications, 2 workers):
${t.wall.toFixed(1)} s wall (${(t.wall / 60).toFixed(2)} min; target ≤ 6 min), ${
    t.cpu.total.toFixed(1)
  } s CPU`);
}
await Deno.remove(tmp, { recursive: true });
