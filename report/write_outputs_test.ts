import assert from "node:assert/strict";
import { checkOutputDir, OutputError, writeOutputs } from "./write_outputs.ts";

async function entries(dir: string) {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

Deno.test("writeOutputs() moves a complete directory into place", async (t) => {
  const root = await Deno.makeTempDir();
  const out = `${root}/out`;

  await t.step("writes every file and leaves no temporary directory", async () => {
    await writeOutputs(out, { "summary.json": "{}", "a.csv": "x\n" });
    assert.deepEqual(await entries(out), ["a.csv", "summary.json"]);
    assert.deepEqual(await entries(root), ["out"]);
  });

  await t.step("replaces a previous caresim output", async () => {
    await writeOutputs(out, { "summary.json": '{"n":2}' });
    assert.deepEqual(await entries(out), ["summary.json"]);
  });

  await t.step("a failed write leaves the previous output untouched", async () => {
    await assert.rejects(
      () => writeOutputs(out, { "summary.json": "{}", "sub/missing.csv": "x" }),
      OutputError,
    );
    assert.equal(await Deno.readTextFile(`${out}/summary.json`), '{"n":2}');
    assert.deepEqual(await entries(root), ["out"]);
  });

  await t.step("refuses a directory caresim did not write", async () => {
    await Deno.mkdir(`${root}/mine`);
    await Deno.writeTextFile(`${root}/mine/thesis.tex`, "x");
    await assert.rejects(() => checkOutputDir(`${root}/mine`), /holds files caresim did not write/);
    assert.equal(await Deno.readTextFile(`${root}/mine/thesis.tex`), "x");
  });

  await t.step("refuses a file and an unwritable parent", async () => {
    await assert.rejects(() => checkOutputDir(`${root}/out/summary.json`), /not a directory/);
    await assert.rejects(() => checkOutputDir("/proc/caresim/out"), /is not writable/);
  });
  await Deno.remove(root, { recursive: true });
});
