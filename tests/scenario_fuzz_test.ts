import assert from "node:assert/strict";
import { formatFuzzReport, runFuzz } from "./fuzz/run_fuzz.ts";
import { checkScenario } from "./fuzz/check_scenario.ts";

Deno.test("every mutated scenario is rejected with a ScenarioError or runs with the invariants holding (500 cases)", async () => {
  const report = await runFuzz({ runs: 500, seed: 20261126, processes: 2 });
  const total = Object.values(report.counts).reduce((a, b) => a + b, 0);
  assert.equal(total, 500);
  assert.deepEqual(report.failures, [], formatFuzzReport(report));
  assert.ok((report.counts.ran ?? 0) >= 50, `enough cases ran: ${formatFuzzReport(report)}`);
  assert.ok(
    (report.counts.rejected ?? 0) >= 50,
    `enough cases rejected: ${formatFuzzReport(report)}`,
  );
});

Deno.test("checkScenario() tells the outcomes apart", async (t) => {
  await t.step("a ScenarioError is a rejection", () => {
    assert.equal(checkScenario({ version: 1, population: { size: -1 } }).kind, "rejected");
  });
  await t.step("a valid scenario runs its baseline and options", () => {
    const outcome = checkScenario({
      version: 1,
      years: 1,
      population: { size: 2000 },
      careModels: [{ model: "ehch" }],
    });
    assert.deepEqual(outcome, { kind: "ran", variants: 2 });
  });
});
