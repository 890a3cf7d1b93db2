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
 * workers, V8's helper threads (compilation and garbage collection), which a single worker
 * leaves on the idle core but two workers must share with them, and the threads that render
 * results.xlsx once the replications are done (Web Workers that start after the last one).
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
  /** Web Workers started after the replications: results.xlsx's rendering threads. */
  endThreads: number;
}

/**
 * One run: wall time, CPU by thread kind, and the main thread's CPU split by the CLI's stages:
 * before the replications start (loading, serial), while they run, and after the last one
 * (summaries and writing the outputs, serial).
 */
interface Timing {
  wall: number;
  cpu: Cpu;
  mainBefore: number;
  mainRun: number;
  mainAfter: number;
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

/**
 * Polls a process's threads until it ends, keeping each thread's last CPU time; `mark()` notes
 * the threads running when the replications end, so that Web Workers started later are told apart.
 */
function watchThreads(pid: number): { poll: () => void; mark: () => void; stop: () => Cpu } {
  const threads = new Map<string, { ticks: number; name: string }>();
  let marked: Set<string> | undefined;
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
  const cpu = () => {
    const out = { total: total / TICKS_PER_SECOND, main: 0, workers: 0, helpers: 0, endThreads: 0 };
    for (const [tid, { ticks, name }] of threads) {
      const s = ticks / TICKS_PER_SECOND;
      if (tid === String(pid)) out.main += s;
      else if (name.startsWith("worker-") && marked && !marked.has(tid)) out.endThreads += s;
      else if (name.startsWith("worker-")) out.workers += s;
      else if (name.startsWith("V8 ")) out.helpers += s;
    }
    return out;
  };
  return {
    poll,
    mark: () => {
      poll();
      marked = new Set(threads.keys());
    },
    stop: () => {
      clearInterval(timer);
      return cpu();
    },
  };
}

/** The main thread's CPU seconds now (utime + stime). */
function mainCpu(pid: number): number {
  return (readStat(`/proc/${pid}/task/${pid}/stat`)?.ticks ?? NaN) / TICKS_PER_SECOND;
}

async function sim(simArgs: string[], out: string): Promise<Timing> {
  const command = new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", `${ROOT}cli/sim.ts`, ...simArgs, "--out", out],
    stdout: "null",
    stderr: "piped",
  });
  const started = performance.now();
  const child = command.spawn();
  const watch = hasProc ? watchThreads(child.pid) : undefined;
  // The progress lines (one per stage on a pipe) mark where the main thread's stages change.
  const marks: Record<string, number> = {};
  const lines: string[] = [];
  let pending = "";
  for await (const text of child.stderr.pipeThrough(new TextDecoderStream())) {
    const parts = (pending + text).split("\n");
    pending = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      if (line.startsWith("Running ")) marks.running = mainCpu(child.pid);
      if (line.startsWith("Summarising")) {
        marks.summarising = mainCpu(child.pid);
        watch?.mark();
      }
    }
    watch?.poll();
  }
  const status = await child.status;
  const wall = (performance.now() - started) / 1000;
  const cpu = watch?.stop() ??
    { total: NaN, main: NaN, workers: NaN, helpers: NaN, endThreads: NaN };
  if (!status.success) throw new Error(`deno task sim failed: ${lines.join("\n")}`);
  return {
    wall,
    cpu,
    mainBefore: marks.running ?? NaN,
    mainRun: (marks.summarising ?? NaN) - (marks.running ?? NaN),
    mainAfter: cpu.main - (marks.summarising ?? NaN),
  };
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
      }, workers ${f2(t.cpu.workers)}, V8 helpers ${f2(t.cpu.helpers)}, results.xlsx threads ${
        f2(t.cpu.endThreads)
      })`,
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

// The same from CPU time, which the other load on the machine distorts less than wall time. Each
// pair's three runs ran back to back, so each pair gives its own estimate and the medians are
// reported. A 1-worker run's parts split into a fixed part and a part per replication by the runs
// of N and of SMALL replications.
type Part = { fixed: number; per: number };
const PARTS = {
  before: ["main thread before the replications (serial)", (t: Timing) => t.mainBefore],
  during: ["main thread while they run", (t: Timing) => t.mainRun],
  after: ["main thread after the last (serial)", (t: Timing) => t.mainAfter],
  endThreads: ["results.xlsx threads after the last (parallel)", (t: Timing) => t.cpu.endThreads],
  worker: ["worker threads", (t: Timing) => t.cpu.workers],
  helpers: ["V8 helper threads", (t: Timing) => t.cpu.helpers],
} as const;
/** The run's end on two cores: the main thread, with results.xlsx's threads sharing both. */
const endWall = (main: number, threads: number) => Math.max(main, (main + threads) / 2);
type PartName = keyof typeof PARTS;
const pairs = timings.w1.map((w1, i) => {
  const w2 = timings.w2[i];
  const small = timings.small[i];
  const parts = {} as Record<PartName, Part>;
  for (const [name, [, pick]] of Object.entries(PARTS) as [PartName, typeof PARTS[PartName]][]) {
    const per = (pick(w1) - pick(small)) / (replications - SMALL);
    parts[name] = { fixed: pick(small) - SMALL * per, per };
  }
  // A quiet 2-core machine: the serial parts add up; in between, one worker's chain runs while
  // the main thread and V8's helpers use the idle core, and two workers take the longer of one
  // worker's share and half of all the CPU the run needs (workers, main thread, helpers).
  const quiet = (t: Timing, workers: number) =>
    t.mainBefore + endWall(t.mainAfter, t.cpu.endThreads) +
    Math.max(t.cpu.workers / workers, (t.cpu.workers + t.mainRun + t.cpu.helpers) / 2);
  // Upper bound: the second worker costs only its share of the replications (no start-up of its
  // own, no compilation competing for the cores).
  const { before, after, endThreads, worker } = parts;
  const fixed = before.fixed + endWall(after.fixed, endThreads.fixed) + worker.fixed;
  const serialPer = before.per + endWall(after.per, endThreads.per);
  const ideal = (n: number) =>
    (fixed + n * (serialPer + worker.per)) / (fixed + n * (serialPer + worker.per / 2));
  return {
    parts,
    serialPer,
    quiet1: quiet(w1, 1),
    quiet2: quiet(w2, 2),
    ideal: ideal(replications),
    idealAny: ideal(1e9),
  };
});
const pm = (pick: (p: typeof pairs[number]) => number) => median(pairs.map(pick));
const partRow = (name: PartName) =>
  `| ${PARTS[name][0]} | ${f2(pm((p) => p.parts[name].fixed))} | ${
    (pm((p) => p.parts[name].per) * 1000).toFixed(0)
  } | ${f2(med("w1", PARTS[name][1]))} | ${f2(med("w2", PARTS[name][1]))} |`;
console.log(`
CPU seconds by part (medians; fixed + per replication from each pair's 1-worker runs of ${SMALL} and ${replications}):

| Part | Fixed s | Per replication ms | 1 worker, ${replications} s | 2 workers, ${replications} s |
| ---- | ------- | ------------------ | -------- | --------- |
${(Object.keys(PARTS) as PartName[]).map(partRow).join("\n")}

Quiet 2-core machine, from each pair's CPU times (medians): 1 worker ${
  f2(pm((p) => p.quiet1))
} s, 2 workers ${f2(pm((p) => p.quiet2))} s → ${
  f2(pm((p) => p.quiet1 / p.quiet2))
}×. Upper bound if the second worker cost only its share of the replications: ${
  f2(pm((p) => p.ideal))
}× at ${replications} replications, ${f2(pm((p) => p.idealAny))}× at any number (the serial ${
  (pm((p) => p.serialPer) * 1000).toFixed(0)
} ms per replication of the run's start and end, its end shared by the main thread and
results.xlsx's threads, do not share out).`);

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
