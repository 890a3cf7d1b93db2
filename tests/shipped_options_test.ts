import assert from "node:assert/strict";
import { loadScenario } from "../scenarios/load.ts";

const SHIPPED = ["default", "south-worcestershire", "pilot-35k", "compare-care-models"];

Deno.test("shipped scenarios show the baseline once: no option is the baseline again", async (t) => {
  for (const name of SHIPPED) {
    await t.step(name, async () => {
      const scenario = await loadScenario(new URL(`../scenarios/${name}.json`, import.meta.url));
      for (const option of scenario.options ?? []) {
        const models = option.careModels.map((c) => c.model);
        assert.ok(
          models.some((m) => m !== "baseline"),
          `option ${option.id} ("${option.label}") has only the baseline care model: it repeats the baseline row`,
        );
      }
    });
  }

  await t.step("the comparison has one option per new care model and preset", async () => {
    const scenario = await loadScenario(
      new URL("../scenarios/compare-care-models.json", import.meta.url),
    );
    const ids = (scenario.options ?? []).map((o) => o.id);
    assert.deepEqual(ids, [
      "mcp",
      "pacs",
      "ehch",
      "uec",
      "acc",
      "mcp-ambition",
      "pacs-ambition",
      "ehch-ambition",
      "uec-ambition",
    ]);
  });
});
