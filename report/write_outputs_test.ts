import assert from "node:assert/strict";
import { checkOutputDir, OutputError, writeOutputs } from "./write_outputs.ts";
import { OUTPUT_MARKER, outputMarkerText, readOutputMarker } from "./output_marker.ts";

async function entries(dir: string) {
  const names: string[] = [];
  for await (const e of Deno.readDir(dir)) names.push(e.name);
  return names.sort();
}

Deno.test("writeOutputs() moves a complete directory into place", async (t) => {
  const root = await Deno.makeTempDir();
  const out = `${root}/out`;

  await t.step("writes every file and a marker, and leaves no temporary directory", async () => {
    await writeOutputs(out, { "summary.json": "{}", "a.csv": "x\n" });
    assert.deepEqual(await entries(out), [OUTPUT_MARKER, "a.csv", "summary.json"]);
    assert.deepEqual(await entries(root), ["out"]);
    const marker = await readOutputMarker(out);
    assert.deepEqual(marker?.files, ["a.csv", "summary.json"]);
    assert.match(marker!.runId, /^[0-9a-f-]{36}$/);
  });

  await t.step("replaces a previous caresim output, with a new run id", async () => {
    const before = (await readOutputMarker(out))!.runId;
    await writeOutputs(out, { "summary.json": '{"n":2}' });
    assert.deepEqual(await entries(out), [OUTPUT_MARKER, "summary.json"]);
    assert.notEqual((await readOutputMarker(out))!.runId, before);
  });

  await t.step("a failed write leaves the previous output untouched", async () => {
    await assert.rejects(
      () => writeOutputs(out, { "summary.json": "{}", "sub/missing.csv": "x" }),
      (e) =>
        e instanceof OutputError && /"sub\/missing.csv" is not a plain file name/.test(e.message),
    );
    assert.equal(await Deno.readTextFile(`${out}/summary.json`), '{"n":2}');
    assert.deepEqual(await entries(root), ["out"]);
  });

  await t.step("refuses a directory caresim did not write", async () => {
    await Deno.mkdir(`${root}/mine`);
    await Deno.writeTextFile(`${root}/mine/thesis.tex`, "x");
    await assert.rejects(() => checkOutputDir(`${root}/mine`), /has no caresim marker/);
    assert.equal(await Deno.readTextFile(`${root}/mine/thesis.tex`), "x");
  });

  await t.step("refuses a file and an unwritable parent", async () => {
    await assert.rejects(() => checkOutputDir(`${root}/out/summary.json`), /not a directory/);
    await assert.rejects(() => checkOutputDir("/proc/caresim/out"), /is not writable/);
  });
  await Deno.remove(root, { recursive: true });
});

Deno.test("writeOutputs() never deletes files it did not write", async (t) => {
  const root = await Deno.makeTempDir();

  await t.step("a summary.json of someone else's does not make a directory caresim's", async () => {
    const dir = `${root}/notes`;
    await Deno.mkdir(dir);
    await Deno.writeTextFile(`${dir}/summary.json`, "{}");
    await Deno.writeTextFile(`${dir}/notes.txt`, "x");
    await assert.rejects(
      () => writeOutputs(dir, { "summary.json": "{}" }),
      (e) =>
        e instanceof OutputError && /has no caresim marker/.test(e.message) &&
        /"notes.txt", "summary.json"/.test(e.message),
    );
    assert.deepEqual(await entries(dir), ["notes.txt", "summary.json"]);
  });

  await t.step("a file added to caresim's output keeps it from being replaced", async () => {
    const out = `${root}/out`;
    await writeOutputs(out, { "summary.json": "{}" });
    await Deno.writeTextFile(`${out}/my-analysis.R`, "x");
    await assert.rejects(
      () => writeOutputs(out, { "summary.json": "{}" }),
      /holds files caresim did not write \("my-analysis.R"\); move them away/,
    );
    assert.deepEqual(await entries(out), [OUTPUT_MARKER, "my-analysis.R", "summary.json"]);
  });

  await t.step("the error lists at most five names and counts the rest", async () => {
    const dir = `${root}/many`;
    await Deno.mkdir(dir);
    for (let i = 0; i < 8; i++) await Deno.writeTextFile(`${dir}/f${i}`, "x");
    await assert.rejects(() => checkOutputDir(dir), /"f4" and 3 more\)/);
  });
  await Deno.remove(root, { recursive: true });
});

Deno.test("writeOutputs() creates no parent directory for a failed write", async () => {
  const root = await Deno.makeTempDir();
  await checkOutputDir(`${root}/a/b/out`);
  assert.deepEqual(await entries(root), [], "the check creates nothing");
  await assert.rejects(
    () => writeOutputs(`${root}/a/b/out`, { "summary.json": "{}", "x/y": "z" }),
    OutputError,
  );
  assert.deepEqual(await entries(root), []);
  await writeOutputs(`${root}/a/b/out`, { "summary.json": "{}" });
  assert.deepEqual(await entries(`${root}/a/b`), ["out"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test("checkOutputDir() names the path problem instead of failing with a stack trace", async (t) => {
  const root = await Deno.makeTempDir();
  await Deno.writeTextFile(`${root}/file`, "x");
  await Deno.symlink(`${root}/loop`, `${root}/loop`);

  await t.step("--out under a regular file", async () => {
    await assert.rejects(
      () => checkOutputDir(`${root}/file/out`),
      (e) => e instanceof OutputError && /file is a file, not a directory/.test(e.message),
    );
  });
  await t.step("a path component longer than file systems accept", async () => {
    await assert.rejects(
      () => checkOutputDir(`${root}/${"x".repeat(300)}/out`),
      (e) => e instanceof OutputError && /300 bytes long, more than the 255/.test(e.message),
    );
    await assert.rejects(
      () => checkOutputDir(`${root}/${"x".repeat(220)}`),
      (e) => e instanceof OutputError && /220 bytes long; at most 200/.test(e.message),
    );
  });
  await t.step("a symlink loop", async () => {
    await assert.rejects(
      () => checkOutputDir(`${root}/loop/out`),
      (e) => e instanceof OutputError && /cannot inspect .*loop/.test(e.message),
    );
  });
  await Deno.remove(root, { recursive: true });
});

Deno.test("writeOutputs() removes what an interrupted write left behind, and nothing else", async () => {
  const root = await Deno.makeTempDir();
  const stale = `${root}/.out.tmp-abc123`;
  await Deno.mkdir(stale);
  await Deno.writeTextFile(`${stale}/${OUTPUT_MARKER}`, outputMarkerText("r", ["a.csv"]));
  await Deno.writeTextFile(`${stale}/a.csv`, "x");
  await Deno.mkdir(`${root}/.out.check-def456`);
  const foreign = `${root}/.out.tmp-mine`;
  await Deno.mkdir(foreign);
  await Deno.writeTextFile(`${foreign}/keep.txt`, "x");
  await writeOutputs(`${root}/out`, { "a.csv": "y" });
  assert.deepEqual(await entries(root), [".out.tmp-mine", "out"]);
  assert.deepEqual(await entries(foreign), ["keep.txt"]);
  await Deno.remove(root, { recursive: true });
});

Deno.test({
  name: "writeOutputs() removes its temporary directory on SIGINT during the write",
  ignore: Deno.build.os === "windows",
  fn: async () => {
    const root = await Deno.makeTempDir();
    const script = `${root}/write.ts`;
    const module = new URL("./write_outputs.ts", import.meta.url).href;
    await Deno.writeTextFile(
      script,
      `import { writeOutputs } from ${JSON.stringify(module)};
const files = {};
for (let i = 0; i < 20000; i++) files["f" + i + ".csv"] = "x".repeat(1000);
await writeOutputs(${JSON.stringify(`${root}/out`)}, files);
`,
    );
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", script],
      stdout: "null",
      stderr: "null",
    }).spawn();
    let sent = false;
    for (let i = 0; i < 3000 && !sent; i++) {
      const names = await entries(root);
      const temp = names.find((n) => n.startsWith(".out.tmp-"));
      if (temp && (await entries(`${root}/${temp}`)).length > 10) {
        child.kill("SIGINT");
        sent = true;
      } else await new Promise((r) => setTimeout(r, 5));
    }
    const status = await child.status;
    assert.ok(sent, "the temporary directory appeared");
    assert.equal(status.code, 130);
    assert.deepEqual(await entries(root), ["write.ts"]);
    await Deno.remove(root, { recursive: true });
  },
});
