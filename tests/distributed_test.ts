/**
 * Runs across machines: `--shard auto` under each scheduler's environment contract gives the
 * same shards as `--shard K/N`, and their merge equals one whole run; the Slurm example runs for
 * real when a Slurm cluster answers on this machine (`sinfo`), and is skipped otherwise.
 */
import assert from "node:assert/strict";
import { readDir, runCli, SMALL_SCENARIO } from "./_cli.ts";

const root = await Deno.makeTempDir({ prefix: "caresim-distributed-" });
const scenario = `${root}/small.json`;
await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, replications: 5 }));
const run = (out: string, extra: string[], env: Record<string, string> = {}) =>
  runCli("sim", [scenario, "--out", out, "--workers", "1", "--quiet", ...extra], env);

const whole = `${root}/whole`;
const wholeRun = await run(whole, []);
assert.equal(wholeRun.code, 0, wholeRun.stderr);

Deno.test("--shard auto reads Slurm, Kubernetes and CI job arrays; the merge is one whole run", async () => {
  const explicit = await Promise.all(
    [1, 2].map((k) => run(`${root}/k${k}`, ["--shard", `${k}/2`])),
  );
  for (const r of explicit) assert.equal(r.code, 0, r.stderr);
  const schedulers: [string, (k: number) => Record<string, string>, string[]][] = [
    ["slurm", (k) => ({
      SLURM_ARRAY_TASK_ID: String(k + 9),
      SLURM_ARRAY_TASK_MIN: "10",
      SLURM_ARRAY_TASK_MAX: "11",
      SLURM_ARRAY_TASK_COUNT: "2",
    }), []],
    ["kubernetes", (k) => ({ JOB_COMPLETION_INDEX: String(k - 1) }), ["--shard-count", "2"]],
    ["ci", (k) => ({ CI_NODE_INDEX: String(k), CI_NODE_TOTAL: "2" }), []],
  ];
  for (const [name, env, extra] of schedulers) {
    for (const k of [1, 2]) {
      const r = await run(`${root}/${name}${k}`, ["--shard", "auto", ...extra], env(k));
      assert.equal(r.code, 0, `${name} ${k}: ${r.stderr}`);
      assert.deepEqual(await readDir(`${root}/${name}${k}`), await readDir(`${root}/k${k}`));
    }
  }
  const merged = await runCli("merge", [`${root}/slurm2`, `${root}/slurm1`, "--out", `${root}/m`]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.deepEqual(await readDir(`${root}/m`), await readDir(whole));
  const none = await run(`${root}/none`, ["--shard", "auto"]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /Cannot use --shard auto: no job-array index found/);
});

async function slurmAnswers(): Promise<boolean> {
  try {
    const r = await new Deno.Command("sinfo", { args: ["-h", "-o", "%a"], stderr: "null" })
      .output();
    return r.success && new TextDecoder().decode(r.stdout).includes("up");
  } catch {
    return false;
  }
}

Deno.test({
  name: "examples/distributed/run_slurm.sh runs a Slurm job array and merges it (needs Slurm)",
  ignore: !(await slurmAnswers()),
  fn: async () => {
    const results = `${root}/slurm`;
    const submit = await new Deno.Command("sh", {
      args: [new URL("../examples/distributed/run_slurm.sh", import.meta.url).pathname],
      env: { SHARDS: "2", SCENARIO: scenario, REPLICATIONS: "5", SEED: "3", RESULTS: results },
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(submit.success, new TextDecoder().decode(submit.stderr));
    const deadline = Date.now() + 300_000;
    let merged: Record<string, Uint8Array> | undefined;
    while (Date.now() < deadline && !merged) {
      await new Promise((r) => setTimeout(r, 1000));
      try {
        merged = await readDir(`${results}/merged`);
      } catch {
        // not yet
      }
    }
    assert.ok(merged, "the merge job wrote its output within 5 minutes");
    assert.deepEqual(merged, await readDir(whole));
  },
});

addEventListener("unload", () => Deno.removeSync(root, { recursive: true }));
