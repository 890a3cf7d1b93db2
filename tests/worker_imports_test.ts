/**
 * What a replication worker loads: the worker entries receive an already resolved scenario, so
 * the modules they import (followed through value imports; type-only imports are erased) must
 * not reach the scenario schema's validation library, zod, which took 0.10–0.14 s of every
 * worker's start.
 */
import assert from "node:assert/strict";

interface ModuleInfo {
  specifier: string;
  dependencies?: { code?: { specifier: string } }[];
}

/** The specifiers a module loads at run time: its value imports, transitively. */
async function runtimeImports(path: string): Promise<Set<string>> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", new URL(`../${path}`, import.meta.url).pathname],
    stdout: "piped",
    stderr: "null",
  }).output();
  assert.ok(out.success, `deno info ${path} failed`);
  const info = JSON.parse(new TextDecoder().decode(out.stdout)) as {
    roots: string[];
    modules: ModuleInfo[];
  };
  const deps = new Map(
    info.modules.map((m) => [m.specifier, (m.dependencies ?? []).flatMap((d) => d.code ?? [])]),
  );
  const seen = new Set<string>(info.roots);
  const stack = [...info.roots];
  while (stack.length > 0) {
    for (const { specifier } of deps.get(stack.pop()!) ?? []) {
      if (!seen.has(specifier)) {
        seen.add(specifier);
        stack.push(specifier);
      }
    }
  }
  return seen;
}

Deno.test("replication workers load no schema library", async (t) => {
  for (
    const entry of [
      "studies/record_replication.ts", // the worker entry of `deno task sim`
      "models/run_scenario.ts", // the worker entry of runScenario
      "models/simulate.ts",
    ]
  ) {
    await t.step(entry, async () => {
      const loaded = [...await runtimeImports(entry)];
      assert.ok(loaded.some((s) => s.endsWith("/models/system_model.ts")), "the model is loaded");
      assert.deepEqual(loaded.filter((s) => /zod|scenarios\/(load|schema)\.ts$/.test(s)), []);
    });
  }
});
