/**
 * The shipped scenarios against their fixtures in tests/fixtures/ (see tests/fixtures/README.md).
 *
 * Each fixture is recorded at fixture scale — the scenario as shipped (population, years, seed)
 * with FIXTURE_REPLICATIONS replications — so `deno task test` checks all three in seconds:
 * - exact: the same seed again gives a byte-identical summary.csv;
 * - statistical: another seed passes the statistical comparison.
 *
 * After an intended model change, refresh them with
 * `deno test -A tests/fixtures_test.ts -- --update` (or per scenario with `deno task compare
 * OUT_DIR tests/fixtures/NAME.json --update`) and review the diff.
 */
import { assertMatchesFixture, fixtureSourceFromRun } from "../ci_fixtures/mod.ts";
import { runScenario } from "../models/run_scenario.ts";
import { loadScenario } from "../scenarios/load.ts";

/** Replications of the shipped fixtures. */
const FIXTURE_REPLICATIONS = 5;
const SHIPPED = ["default", "south-worcestershire", "pilot-35k"];
const here = (path: string) => new URL(path, import.meta.url).pathname;
const update = Deno.args.includes("--update");

for (const name of SHIPPED) {
  Deno.test(`shipped scenario ${name} matches tests/fixtures/${name}.json`, async (t) => {
    const scenario = await loadScenario(here(`../scenarios/${name}.json`));
    const fixturePath = here(`./fixtures/${name}.json`);
    const options = { testFile: "tests/fixtures_test.ts" };
    const run = await runScenario(scenario, { replications: FIXTURE_REPLICATIONS, workers: 2 });
    const source = await fixtureSourceFromRun(run);
    if (update) {
      await assertMatchesFixture(source, fixturePath, { ...options, update, mode: "statistical" });
      return;
    }
    await t.step("exact: the same seed gives a byte-identical summary.csv", async () => {
      await assertMatchesFixture(source, fixturePath, { ...options, mode: "exact", update: false });
    });
    await t.step("statistical: another seed is within the noise", async () => {
      const rerun = await runScenario(scenario, {
        replications: FIXTURE_REPLICATIONS,
        seed: scenario.seed + 1,
        workers: 2,
      });
      await assertMatchesFixture(await fixtureSourceFromRun(rerun), fixturePath, {
        ...options,
        mode: "statistical",
        update: false,
      });
    });
  });
}
