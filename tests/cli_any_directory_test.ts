/**
 * caresim runs from any working directory: the documented `deno run` form, started in a
 * temporary directory outside the repository, reads a scenario by a path relative to that
 * directory and writes its outputs there (`out/<name>/` by default, or `--out`).
 */
import assert from "node:assert/strict";
import { XLSX_ENV } from "../report/results_xlsx.ts";
import { SMALL_SCENARIO } from "./_cli.ts";

const SIM = new URL("../cli/sim.ts", import.meta.url).pathname;

async function simIn(cwd: string, writable: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--allow-read",
      `--allow-write=${writable}`,
      `--allow-env=${XLSX_ENV.join(",")}`,
      SIM,
      ...args,
    ],
    cwd,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  return { code: out.code, stderr: new TextDecoder().decode(out.stderr) };
}

Deno.test("caresim runs from a directory outside the repository with relative paths", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "caresim-elsewhere-" });
  try {
    await Deno.mkdir(`${dir}/plans`);
    await Deno.writeTextFile(
      `${dir}/plans/small.json`,
      JSON.stringify({ ...SMALL_SCENARIO, replications: 1 }),
    );

    await t.step("the scenario path and the default out/ are the current directory's", async () => {
      const r = await simIn(dir, "out", ["plans/small.json", "--quiet"]);
      assert.equal(r.code, 0, r.stderr);
      const files = [];
      for await (const e of Deno.readDir(`${dir}/out/small`)) files.push(e.name);
      assert.ok(files.includes("summary.csv") && files.includes("results.xlsx"), `${files}`);
    });

    await t.step("--out is relative to the current directory too", async () => {
      const r = await simIn(`${dir}/plans`, "runs", ["small.json", "--out", "runs/a", "--quiet"]);
      assert.equal(r.code, 0, r.stderr);
      assert.ok((await Deno.stat(`${dir}/plans/runs/a/summary.json`)).isFile);
    });

    await t.step("a missing relative scenario is named as given", async () => {
      const r = await simIn(dir, "out", ["nope.json", "--quiet"]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /Cannot load scenario nope\.json: file not found/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
