import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { ScenarioError } from "../scenarios/scenario_error.ts";
import { checkModelSetup } from "./check_setup.ts";
import { initialCounts } from "./population/cohort.ts";
import { CARE_HOME, residenceOf } from "./population/cells.ts";

const base = { version: 1, years: 1, population: { size: 3000 } };

function rejects(input: unknown, fragment: string | RegExp): void {
  const scenario = parseScenario(input);
  assert.throws(
    () => checkModelSetup(scenario),
    (e) => {
      assert.ok(e instanceof ScenarioError, `a ScenarioError, not ${(e as Error).name}`);
      if (typeof fragment === "string") assert.ok(e.message.includes(fragment), e.message);
      else assert.match(e.message, fragment);
      return true;
    },
  );
}

/** Residents at day 0 as the population part counts them. */
function residents(input: unknown): number {
  const counts = initialCounts(parseScenario(input));
  let n = 0;
  counts.forEach((c, i) => (n += residenceOf(i) === CARE_HOME ? c : 0));
  return n;
}

Deno.test("the model's set-up checks care-home places against the residents at day 0", async (t) => {
  await t.step("no places", () => {
    const n = residents(base);
    assert.ok(n > 0);
    rejects(
      { ...base, careHomes: { places: 0 } },
      `careHomes.places: expected room for the ${n} care-home residents at day 0 (from the population's demography), found 0 places`,
    );
  });
  await t.step("exactly as many places as residents runs; one fewer does not", () => {
    const n = residents(base);
    checkModelSetup(parseScenario({ ...base, careHomes: { places: n } }));
    rejects({ ...base, careHomes: { places: n - 1 } }, `found ${n - 1} places`);
  });
  await t.step("a single age band (no one 75+, so no places by default)", () => {
    rejects(
      {
        ...base,
        population: { size: 3000, ageBands: [{ id: "all", minAgeYears: 0, populationShare: 1 }] },
      },
      /careHomes\.places: expected room for the \d+ care-home residents at day 0/,
    );
  });
  await t.step("a census above the places", () => {
    rejects(
      { ...base, careHomes: { places: 10 }, start: { census: { careHomeResidents: 11 } } },
      // Whole people per cell by largest remainder can round 11 residents up by one.
      /careHomes\.places: expected room for the 1[12] care-home residents at day 0 \(from start\.census\.careHomeResidents\), found 10 places/,
    );
  });
});
