/**
 * Checkpoints and --resume: a run killed part-way (SIGKILL, SIGTERM, SIGINT) and resumed with
 * the same command gives outputs byte-identical to an uninterrupted run, running only the
 * replications it had not finished.
 */
import assert from "node:assert/strict";
import { cliCommand, readDir, runCli, SMALL_SCENARIO } from "./_cli.ts";

const root = await Deno.makeTempDir({ prefix: "caresim-resume-" });
const scenario = `${root}/small.json`;
await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, replications: 10 }));
const args = (out: string) => [scenario, "--out", out, "--workers", "1", "--quiet"];

async function saved(dir: string): Promise<number> {
  try {
    let n = 0;
    for await (const e of Deno.readDir(dir)) if (/^\d+\.json$/.test(e.name)) n++;
    return n;
  } catch {
    return 0;
  }
}

/** Starts a run, waits until `atLeast` replications are checkpointed, sends `signal`. */
async function interrupt(out: string, signal: Deno.Signal, atLeast: number) {
  const child = cliCommand("sim", args(out)).spawn();
  const checkpoint = `${root}/.${out.split("/").at(-1)}.checkpoint`;
  while (await saved(checkpoint) < atLeast) await new Promise((r) => setTimeout(r, 20));
  child.kill(signal);
  const result = await child.output();
  return { code: result.code, stderr: new TextDecoder().decode(result.stderr), checkpoint };
}

const whole = `${root}/whole`;
const reference = await runCli("sim", args(whole));
assert.equal(reference.code, 0, reference.stderr);
const expected = await readDir(whole);

Deno.test("a run killed with SIGKILL resumes where it stopped, byte for byte", async () => {
  const out = `${root}/killed`;
  const { checkpoint } = await interrupt(out, "SIGKILL", 2);
  const before = await saved(checkpoint);
  assert.ok(before >= 2 && before < 10, `${before} replications saved`);
  const resumed = await runCli("sim", [...args(out).filter((a) => a !== "--quiet"), "--resume"]);
  assert.equal(resumed.code, 0, resumed.stderr);
  const skipped = Number(
    /Resuming: (\d+) of 10 replications already done/.exec(resumed.stderr)?.[1],
  );
  assert.ok(skipped >= before, `${resumed.stderr}`);
  assert.deepEqual(await readDir(out), expected);
  assert.equal(
    await saved(checkpoint),
    0,
    "the checkpoint is removed after the outputs are written",
  );
});

Deno.test("SIGTERM and SIGINT stop the run, keep the checkpoint and say how to resume", async () => {
  for (const [signal, code] of [["SIGTERM", 143], ["SIGINT", 130]] as const) {
    const out = `${root}/${signal}`;
    const stopped = await interrupt(out, signal, 1);
    assert.equal(stopped.code, code, stopped.stderr);
    assert.match(
      stopped.stderr,
      new RegExp(
        `Interrupted by ${signal}: \\d+ of 10 replications are saved in .*\\.${signal}\\.checkpoint; rerun the same command with --resume`,
      ),
    );
    const resumed = await runCli("sim", [...args(out), "--resume"]);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.deepEqual(await readDir(out), expected, signal);
  }
});

Deno.test("--resume refuses a checkpoint of another run; a run without it starts afresh", async () => {
  const out = `${root}/other`;
  await interrupt(out, "SIGKILL", 1);
  const other = await runCli("sim", [...args(out), "--seed", "99", "--resume"]);
  assert.equal(other.code, 1);
  assert.match(
    other.stderr,
    /^error: Cannot resume: the checkpoint in .*\.other\.checkpoint is of a different run \(its seed is 3, this run's is 99\); rerun the same command/,
  );
  const fresh = await runCli("sim", args(out).filter((a) => a !== "--quiet"));
  assert.equal(fresh.code, 0, fresh.stderr);
  assert.match(
    fresh.stderr,
    /Discarded the checkpoint of an earlier, interrupted run \(\d+ replications\); use --resume/,
  );
  assert.deepEqual(await readDir(out), expected);
});

addEventListener("unload", () => Deno.removeSync(root, { recursive: true }));
