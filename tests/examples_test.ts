/**
 * Runs each example and diffs its output against examples/expected/<name>.txt. To accept a
 * deliberate change: CARESIM_UPDATE_EXPECTED=1 deno test -A tests/examples_test.ts
 */
import assert from "node:assert/strict";

const ROOT = new URL("../", import.meta.url).pathname;
const update = Deno.env.get("CARESIM_UPDATE_EXPECTED") === "1";

for (const name of ["planner_compare", "custom_model", "ci_check", "custom_care_models"]) {
  Deno.test(`examples/${name}.ts prints its expected output`, async () => {
    const source = await Deno.readTextFile(`${ROOT}examples/${name}.ts`);
    const imports = [...source.matchAll(/from "([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual([...new Set(imports)], ["../mod.ts"], "examples import mod.ts alone");
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", `${ROOT}examples/${name}.ts`],
      cwd: ROOT,
      env: { NO_COLOR: "1" },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(out.stdout);
    assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
    const expectedPath = `${ROOT}examples/expected/${name}.txt`;
    if (update) await Deno.writeTextFile(expectedPath, stdout);
    assert.equal(stdout, await Deno.readTextFile(expectedPath));
  });
}
