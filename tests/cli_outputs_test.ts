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
