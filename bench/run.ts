// deno-lint-ignore-file no-console
/**
 * The engine benchmark (`deno task bench`): M/M/10 at ρ = 0.9 until 1,000,000 customers,
 * written (a) with generator processes and (b) with scheduled callbacks on the engine, against
 * (c) a minimal hand-written binary-heap loop, all in this process, interleaved over several
 * repetitions in a rotating order (medians reported); the same model in SIM.JS (same process) and SimPy (a
 * subprocess) when installed (bench/peers/setup.sh); then the overloaded-hospital stress case.
 *
 * Options: --customers N (default 1000000), --reps N (default 5), --no-peers, --no-stress.
 *
 * @module
 */
import { createRequire } from "node:module";
import { runMmcCallback } from "./engine/mmc_callback.ts";
import { runMmcHeap } from "./engine/mmc_heap.ts";
import { benchmarkParams, type MmcParams, type MmcResult } from "./engine/mmc_model.ts";
import { runMmcProcess } from "./engine/mmc_process.ts";
import { runStress } from "./engine/stress_hospital.ts";

const args = Deno.args;
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const customers = option("customers", 1_000_000);
const reps = option("reps", 5);
const withPeers = !args.includes("--no-peers");
const withStress = !args.includes("--no-stress");
const clock = () => performance.now();
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mb = (bytes: number) => bytes / 2 ** 20;

interface Variant {
  label: string;
  run: (p: MmcParams) => MmcResult;
  seconds: number[];
  peakHeapMb: number;
  peakRssMb: number;
  result?: MmcResult;
}

const peersDir = new URL("./peers/", import.meta.url);

/**
 * Loads SIM.JS from bench/peers/node_modules. Its npm build is a browserify bundle that only
 * publishes itself as `window.Sim`, so give it a `window` for the duration of the load.
 */
function requireSimjs(): unknown {
  const require = createRequire(new URL("package.json", peersDir));
  const g = globalThis as { window?: { Sim?: unknown } };
  const saved = g.window;
  g.window = {};
  try {
    require("simjs");
    return g.window.Sim ?? null;
  } finally {
    if (saved === undefined) delete g.window;
    else g.window = saved;
  }
}

let simjs: unknown = null;
async function loadSimjs(): Promise<((p: MmcParams) => MmcResult) | null> {
  try {
    simjs = requireSimjs();
    if (simjs === null) return null;
    const { runSimjs } = await import(new URL("simjs_mmc.mjs", peersDir).href);
    return (p) => runSimjs(simjs, p);
  } catch {
    return null;
  }
}

const base = benchmarkParams(customers);
const variants: Variant[] = [
  { label: "(a) engine, generator processes", run: runMmcProcess },
  { label: "(b) engine, scheduled callbacks", run: runMmcCallback },
  { label: "(c) hand-written binary-heap loop", run: runMmcHeap },
].map((v) => ({ ...v, seconds: [], peakHeapMb: 0, peakRssMb: 0 }));
const simjsRun = withPeers ? await loadSimjs() : null;
if (simjsRun !== null) {
  variants.push({
    label: "SIM.JS 2.0.3 (npm simjs)",
    run: simjsRun,
    seconds: [],
    peakHeapMb: 0,
    peakRssMb: 0,
  });
}

console.log(
  `Deno ${Deno.version.deno} (V8 ${Deno.version.v8}), ${navigator.hardwareConcurrency} cores`,
);
console.log(`M/M/10, ρ = 0.9, ${customers.toLocaleString("en")} customers, ${reps} repetitions\n`);
for (let r = 0; r < reps; r++) {
  // rotate the order every repetition, so that no variant always runs right after the same
  // other one (and pays for the garbage it left)
  const order = variants.map((_, i) => variants[(i + r) % variants.length]);
  for (const v of order) {
    let peakHeap = 0;
    let peakRss = 0;
    const onTick = () => {
      const m = Deno.memoryUsage();
      if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
      if (m.rss > peakRss) peakRss = m.rss;
    };
    const t0 = clock();
    v.result = v.run({ ...base, onTick });
    v.seconds.push((clock() - t0) / 1000);
    v.peakHeapMb = Math.max(v.peakHeapMb, mb(peakHeap));
    v.peakRssMb = Math.max(v.peakRssMb, mb(peakRss));
  }
}

const heap = median(variants[2].seconds);
const eventsPerRun = 2 * customers; // an arrival and a departure per customer
const rows = variants.map((v) => {
  const s = median(v.seconds);
  return {
    variant: v.label,
    "median s": s.toFixed(3),
    "events/s (M)": (eventsPerRun / s / 1e6).toFixed(2),
    "speed vs (c)": (heap / s).toFixed(2),
    "peak heap MB": v.peakHeapMb.toFixed(0),
    "peak rss MB": v.peakRssMb.toFixed(0),
    "mean wait (d)": v.result!.meanWaitDays.toFixed(4),
  };
});

let simpy: { seconds: number[]; meanWaitDays: number } | null = null;
let python: string | null = null;
if (withPeers) {
  for (const candidate of ["/usr/bin/python3", "python3"]) {
    try {
      const probe = await new Deno.Command(candidate, { args: ["-c", "import simpy"] }).output();
      if (probe.success) {
        python = candidate;
        break;
      }
    } catch { /* not installed */ }
  }
  if (python !== null) {
    const script = new URL("simpy_mmc.py", peersDir).pathname;
    const simpyReps = Math.min(reps, 3);
    const out = await new Deno.Command(python, {
      args: [script, String(customers), String(simpyReps)],
    })
      .output();
    simpy = JSON.parse(new TextDecoder().decode(out.stdout));
    const s = median(simpy!.seconds);
    rows.push({
      variant: `SimPy 3 (${python}, ${simpyReps} reps)`,
      "median s": s.toFixed(3),
      "events/s (M)": (eventsPerRun / s / 1e6).toFixed(2),
      "speed vs (c)": (heap / s).toFixed(2),
      "peak heap MB": "-",
      "peak rss MB": "-",
      "mean wait (d)": simpy!.meanWaitDays.toFixed(4),
    });
  }
}
console.table(rows);
const a = median(variants[0].seconds);
const b = median(variants[1].seconds);
console.log(
  `ratios: a/c = ${(heap / a).toFixed(2)} (target ≥ 0.4), b/c = ${
    (heap / b).toFixed(2)
  } (target ≥ 0.7)`,
);
if (simjsRun !== null) {
  const sj = median(variants[3].seconds);
  console.log(`vs SIM.JS: (a) ${(sj / a).toFixed(2)}×, (b) ${(sj / b).toFixed(2)}× as fast`);
} else if (withPeers) {
  console.log("SIM.JS skipped: run bench/peers/setup.sh to install it");
}
if (simpy !== null) {
  const sp = median(simpy.seconds);
  console.log(`vs SimPy: (a) ${(sp / a).toFixed(1)}×, (b) ${(sp / b).toFixed(1)}× as fast`);
} else if (withPeers) {
  console.log("SimPy skipped: install python3-simpy3 (apt-get) to include it");
}

if (withStress) {
  const checkpoints = [1_000, 10_000, 100_000];
  console.log(`\nStress: overloaded care homes, µs per model event in 50-day windows`);
  runStress([checkpoints[0]], clock); // warm-up: let the JIT settle before timing
  const ours = runStress(checkpoints, clock);
  const table: Record<string, string>[] = ours.map((p) => ({
    "queue length": p.queue.toLocaleString("en"),
    "sim day": p.day.toFixed(0),
    "caresim µs/event": p.usPerEvent.toFixed(2),
    "heap MB": p.heapMb.toFixed(0),
  }));
  if (withPeers && simjsRun !== null) {
    const { runSimjsStress } = await import(new URL("simjs_mmc.mjs", peersDir).href);
    const theirs: { queue: number; usPerEvent: number }[] = runSimjsStress(
      simjs,
      checkpoints,
      clock,
    );
    theirs.forEach((
      p,
      i,
    ) => (table[i]["SIM.JS µs/event"] = `${p.usPerEvent.toFixed(2)} (q ${p.queue})`));
  }
  if (python !== null) {
    const script = new URL("simpy_mmc.py", peersDir).pathname;
    const out = await new Deno.Command(python, {
      args: [script, "--stress", "5000", ...checkpoints.map(String)],
    }).output();
    const theirs: { queue: number; usPerEvent: number }[] = JSON.parse(
      new TextDecoder().decode(out.stdout),
    );
    theirs.forEach((
      p,
      i,
    ) => (table[i]["SimPy µs/event"] = `${p.usPerEvent.toFixed(2)} (q ${p.queue})`));
  }
  console.table(table);
  const growth = ours[ours.length - 1].usPerEvent / ours[0].usPerEvent;
  const perEntity = (1024 * (ours[2].heapMb - ours[1].heapMb)) / (ours[2].queue - ours[1].queue);
  console.log(
    `caresim cost per event at 1e5 vs 1e3 queued: ${growth.toFixed(2)}×; ~${
      perEntity.toFixed(2)
    } KB heap per queued entity`,
  );
}
