// deno-lint-ignore-file no-console
/**
 * A CI check: run a small scenario and compare it with a stored fixture, exactly (same seed →
 * byte-identical summary.csv) and statistically (another seed → within the noise), then show
 * what a failing check prints when the model changes (emergency admission rates +10%).
 *
 * Run: deno run -A examples/ci_check.ts            (compare with the stored fixture)
 *      deno run -A examples/ci_check.ts --update   (re-record the fixture after a model change)
 *
 * @module
 */

import {
  compareToFixture,
  fixtureSourceFromRun,
  formatReport,
  parseScenario,
  readFixture,
  recordFixture,
  runScenario,
  writeFixture,
} from "../mod.ts";

const fixturePath = new URL(
  "../tests/fixtures/ci_check_pilot-35k-1y.json",
  import.meta.url,
).pathname;
const acceptCommand = "deno run -A examples/ci_check.ts --update";

// A small variant of a shipped scenario: pilot-35k over one year, 5 replications.
const input = JSON.parse(
  await Deno.readTextFile(new URL("../scenarios/pilot-35k.json", import.meta.url)),
);
input.years = 1;
const scenario = parseScenario(input);
const replications = 5;

async function run(seed: number, scenarioToRun = scenario) {
  return fixtureSourceFromRun(await runScenario(scenarioToRun, { replications, seed, workers: 2 }));
}

if (Deno.args.includes("--update")) {
  const fixture = await recordFixture(await run(scenario.seed), { mode: "statistical" });
  await writeFixture(fixturePath, fixture);
  console.log(`Wrote ${fixture.rows.length} rows to the fixture.`);
  Deno.exit(0);
}
const fixture = await readFixture(fixturePath);

console.log("1. Same scenario, same seed, exact mode:");
const same = await compareToFixture(await run(scenario.seed), fixture, { mode: "exact" });
console.log(formatReport(same, { acceptCommand }));

console.log("\n2. Same scenario, another seed, statistical mode:");
const reseeded = await compareToFixture(await run(scenario.seed + 1), fixture, {
  mode: "statistical",
});
console.log(formatReport(reseeded, { acceptCommand }));

console.log("\n3. A model change (emergency admission rates +10%), statistical mode:");
const changed = parseScenario({
  ...input,
  population: {
    ...input.population,
    ageBands: scenario.population.ageBands.map((b) => ({
      ...b,
      emergencyAdmissionRatePerPersonYear: b.emergencyAdmissionRatePerPersonYear * 1.1,
    })),
  },
  careHomes: {
    ...input.careHomes,
    emergencyAdmissionRatePerResidentYear:
      scenario.careHomes.emergencyAdmissionRatePerResidentYear *
      1.1,
  },
});
const moved = await compareToFixture(await run(scenario.seed + 1, changed), fixture, {
  mode: "statistical",
});
console.log(formatReport(moved, { acceptCommand, maxRows: 8 }));
console.log(`\nA CI job would exit ${moved.matches ? 0 : 1} here (deno task compare does).`);
