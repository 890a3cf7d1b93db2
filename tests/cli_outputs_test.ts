import assert from "node:assert/strict";
import { OUTPUT_MARKER } from "../report/output_marker.ts";
import { runCli, SMALL_SCENARIO } from "./_cli.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const root = await Deno.makeTempDir({ prefix: "caresim-cli-outputs-" });

async function entries(dir: string) {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

async function exists(path: string) {
  return await Deno.lstat(path).then(() => true, () => false);
}

Deno.test("deno task sim keeps a directory it did not write (a summary.json is not a marker)", async () => {
  const scenario = `${root}/small.json`;
  await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, replications: 2 }));
  const dir = `${root}/notes`;
  await Deno.mkdir(dir);
  await Deno.writeTextFile(`${dir}/summary.json`, "{}\n");
  await Deno.writeTextFile(`${dir}/notes.txt`, "x\n");
  const r = await runCli("sim", [scenario, "--out", dir, "--quiet"]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stderr,
    /^error: Cannot write outputs to .*notes: the directory is not empty and has no caresim marker/m,
  );
  assert.deepEqual(await entries(dir), ["notes.txt", "summary.json"]);
});

Deno.test("deno task sim: a scenario name cannot lead the default output outside out/", async () => {
  const name = "../../caresim-escape-test";
  const scenario = `${root}/escape.json`;
  await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, name, replications: 2 }));
  const inside = `${ROOT}out/caresim-escape-test`;
  try {
    const r = await runCli("sim", [scenario, "--quiet", "--workers", "1"]);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(await exists(`${inside}/${OUTPUT_MARKER}`), "written under out/");
    assert.equal(await exists(`${ROOT}../caresim-escape-test`), false);
    assert.equal(await exists(`${ROOT}../../caresim-escape-test`), false);
  } finally {
    await Deno.remove(inside, { recursive: true }).catch(() => {});
  }
});

addEventListener("unload", () => Deno.removeSync(root, { recursive: true }));

Deno.test("deno task sim escapes terminal control characters in names", async () => {
  const scenario = `${root}/escape-codes.json`;
  const name = "\u001b]0;pwned\u0007\u001b[2Jx";
  await Deno.writeTextFile(
    scenario,
    JSON.stringify({
      ...SMALL_SCENARIO,
      name,
      replications: 2,
      careModels: [{ model: "ehch", label: "\u001b[31mred" }],
    }),
  );
  const r = await runCli("sim", [scenario, "--out", `${root}/escape-out`, "--workers", "1"]);
  assert.equal(r.code, 0, r.stderr);
  // deno-lint-ignore no-control-regex
  assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0008\u000b-\u001f\u007f]/);
  assert.match(r.stderr, /of \\u\{1b\}\]0;pwned\\u\{7\}\\u\{1b\}\[2Jx on 1 worker/);
});

Deno.test("deno task sim: one replication writes empty cells, not NaN", async () => {
  const scenario = `${root}/one.json`;
  await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, replications: 1 }));
  const r = await runCli("sim", [
    scenario,
    "--out",
    `${root}/one-out`,
    "--quiet",
    "--workers",
    "1",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const csv = await Deno.readTextFile(`${root}/one-out/summary.csv`);
  assert.doesNotMatch(csv, /NaN/);
  assert.match(csv, /,1\n/);
});

Deno.test("deno task sim bounds its options and says why", async (t) => {
  const scenario = `${root}/bounds.json`;
  await Deno.writeTextFile(scenario, JSON.stringify(SMALL_SCENARIO));
  const cases: [string, string[], RegExp][] = [
    [
      "replications",
      ["--replications", "1000000000"],
      /--replications: expected a whole number from 1 to 10000, received "1000000000" \(more replications barely narrow/,
    ],
    [
      "workers",
      ["--workers", "100000"],
      /--workers: expected a whole number from 1 to 256, received "100000" \(each worker holds/,
    ],
    [
      "a 20-digit shard",
      ["--shard", "1/99999999999999999999"],
      /--shard: expected at most 10000 shards, received 1\/99999999999999999999/,
    ],
  ];
  for (const [label, args, message] of cases) {
    await t.step(label, async () => {
      const r = await runCli("sim", [scenario, ...args, "--out", `${root}/bounds-out`]);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /, "no stack trace");
      assert.equal(await exists(`${root}/bounds-out`), false);
    });
  }
});

Deno.test("deno task sim caps the error output and counts the rest", async () => {
  const scenario = `${root}/many-problems.json`;
  const population: Record<string, unknown> = { size: 3000 };
  for (let i = 0; i < 100_000; i++) population[`unknownKey${i}`] = i;
  await Deno.writeTextFile(scenario, JSON.stringify({ ...SMALL_SCENARIO, population }));
  const r = await runCli("sim", [scenario, "--out", `${root}/many-out`]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /: 100000 problems\n/);
  assert.match(r.stderr, /\n {2}… and 99950 more problems\n$/);
  assert.ok(r.stderr.length < 50_000, `${r.stderr.length} characters`);
});

Deno.test("deno task sim writes only where its permissions allow, and says how to widen them", async () => {
  const scenario = `${root}/perm.json`;
  await Deno.writeTextFile(scenario, JSON.stringify(SMALL_SCENARIO));
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      "--allow-write=out",
      `${ROOT}cli/sim.ts`,
      scenario,
      "--out",
      `${root}/perm-out`,
    ],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 1, stderr);
  assert.match(
    stderr,
    /error: Cannot write outputs to .*perm-out: this process may not write to .* \(the deno tasks write only under out\/; to write elsewhere run the script with deno run --allow-read --allow-write=/,
  );
  assert.equal(await exists(`${root}/perm-out`), false);
});
