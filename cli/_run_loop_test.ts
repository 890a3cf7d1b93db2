import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { ScenarioError } from "../scenarios/scenario_error.ts";
import { checkpointDir } from "../report/checkpoint.ts";
import { runCheckpointed } from "./_run_loop.ts";

const small = { version: 1, years: 1, population: { size: 2000 } };

Deno.test("runCheckpointed() starts the workers before its set-up check", async (t) => {
  const root = await Deno.makeTempDir();
  try {
    await t.step("a set-up error stops them and leaves nothing on disk", async () => {
      // 2,000 people have about 14 care-home residents at the start: no places is an error
      // the model's set-up finds, while the early workers are already loading.
      const scenario = parseScenario({ ...small, careHomes: { places: 0 } });
      const out = `${root}/bad`;
      await assert.rejects(
        runCheckpointed(scenario, { replications: 4, seed: 1, workers: 2, out, resume: false }),
        (e) => e instanceof ScenarioError && /careHomes\.places/.test(e.message),
      );
      assert.deepEqual([...Deno.readDirSync(root)], []);
      assert.throws(() => Deno.statSync(checkpointDir(out)), Deno.errors.NotFound);
    });
    await t.step("results are those of a run whose workers start later (--resume)", async () => {
      const scenario = parseScenario(small);
      const run = (out: string, resume: boolean) =>
        runCheckpointed(scenario, { replications: 3, seed: 5, workers: 2, out, resume });
      const early = await run(`${root}/early`, false);
      const late = await run(`${root}/late`, true);
      assert.deepEqual(early.summary, late.summary);
      for (const r of [0, 1, 2]) {
        assert.deepEqual(await early.checkpoint.figures(r), await late.checkpoint.figures(r));
      }
      await early.checkpoint.remove();
      await late.checkpoint.remove();
    });
  } finally {
    await Deno.remove(root, { recursive: true });
  }
});
