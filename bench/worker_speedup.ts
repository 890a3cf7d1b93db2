// deno-lint-ignore-file no-console
/**
 * Worker speed-up: the same `deno task sim` run with 1 and with 2 Web Workers, side by side
 * (alternating, the order swapped every repetition), wall and CPU time of the whole command —
 * start-up, replications, summaries and writing outputs. Outputs of the two are compared byte for
 * byte. With `--study`, also times the all-models study (scenarios/compare-care-models.json at
 * 300,000 people, 100 replications, 11 options + baseline) once.
 *
 * Run: `deno run -A bench/worker_speedup.ts [--reps 3] [--scenario scenarios/default.json]
 * [--replications N] [--study]`. CPU times come from `/usr/bin/time` where it exists (Linux).
 *
 * @module
 */

import { OUTPUT_MARKER } from "../report/output_marker.ts";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  args: Deno.args,
  options: {
    reps: { type: "string", default: "3" },
    scenario: { type: "string", default: "scenarios/default.json" },
    replications: { type: "string" },
    study: { type: "boolean", default: false },
  },
});
const ROOT = new URL("../", import.meta.url).pathname;
const tmp = await Deno.makeTempDir({ prefix: "caresim-bench-" });
const hasTime = await Deno.stat("/usr/bin/time").then(() => true, () => false);

interface Timing {
  wall: number;
  cpu: number;
}

async function sim(simArgs: string[], out: string): Promise<Timing> {
  const deno = [Deno.execPath(), "run", "-A", `${ROOT}cli/sim.ts`, ...simArgs, "--quiet"];
  const command = hasTime
    ? new Deno.Command("/usr/bin/time", { args: ["-f", "%U %S", ...deno, "--out", out] })
    : new Deno.Command(deno[0], { args: [...deno.slice(1), "--out", out] });
  const started = performance.now();
  const result = await command.output();
  const wall = (performance.now() - started) / 1000;
  const stderr = new TextDecoder().decode(result.stderr);
  if (!result.success) throw new Error(`deno task sim failed: ${stderr}`);
  const [user, system] = (stderr.trim().split("\n").at(-1) ?? "").split(" ").map(Number);
  return { wall, cpu: hasTime ? user + system : Number.NaN };
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

const base = [args.scenario, ...(args.replications ? ["--replications", args.replications] : [])];
const timings: Record<1 | 2, Timing[]> = { 1: [], 2: [] };
const reps = Number(args.reps);
console.log(
  `${args.scenario}${
    args.replications ? `, ${args.replications} replications` : ""
  }: ${reps} repetitions of 1 and 2 workers, alternating`,
);
for (let i = 0; i < reps; i++) {
  for (const w of (i % 2 === 0 ? [1, 2] : [2, 1]) as (1 | 2)[]) {
    const t = await sim([...base, "--workers", String(w)], `${tmp}/w${w}`);
    timings[w].push(t);
    console.log(
      `  run ${i + 1}, ${w} worker${w > 1 ? "s" : ""}: ${t.wall.toFixed(2)} s wall, ${
        t.cpu.toFixed(2)
      } s CPU`,
    );
  }
}
const identical = await sameOutputs(`${tmp}/w1`, `${tmp}/w2`);
const w1 = median(timings[1].map((t) => t.wall));
const w2 = median(timings[2].map((t) => t.wall));
console.log(`
| Workers | Median wall s | Median CPU s | Speed-up | Target |
| ------- | ------------- | ------------ | -------- | ------ |
| 1       | ${w1.toFixed(2)} | ${median(timings[1].map((t) => t.cpu)).toFixed(2)} | 1.00 | |
| 2       | ${w2.toFixed(2)} | ${median(timings[2].map((t) => t.cpu)).toFixed(2)} | **${
  (w1 / w2).toFixed(2)
}** | ≥ 1.7 |

Outputs of 1 and 2 workers byte-identical: ${identical ? "yes" : "NO"}`);

if (args.study) {
  const scenario = JSON.parse(await Deno.readTextFile(`${ROOT}scenarios/compare-care-models.json`));
  delete scenario.$schema;
  scenario.population.size = 300_000;
  await Deno.writeTextFile(`${tmp}/study.json`, JSON.stringify(scenario));
  const t = await sim(
    [`${tmp}/study.json`, "--replications", "100", "--workers", "2"],
    `${tmp}/study`,
  );
  console.log(`
All-models study (compare-care-models.json at 300,000 people, 100 replications, 2 workers):
${t.wall.toFixed(1)} s wall (${(t.wall / 60).toFixed(2)} min; target ≤ 6 min), ${
    t.cpu.toFixed(1)
  } s CPU`);
}
await Deno.remove(tmp, { recursive: true });
