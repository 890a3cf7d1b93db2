/**
 * Error paths of the population's demography: bands the solver cannot lump into, and discharges
 * into care homes that exceed the solved admissions, are ScenarioErrors naming the field.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import { cohortParams } from "./cohort.ts";
import { populationDemography } from "./demography_rates.ts";

Deno.test("a band above the oldest age tracked (100+) is a ScenarioError naming minAgeYears", () => {
  const s = parseScenario({
    version: 1,
    population: {
      size: 1000,
      ageBands: [
        { id: "0-104", minAgeYears: 0, populationShare: 0.9 },
        { id: "105+", minAgeYears: 105, populationShare: 0.1 },
      ],
    },
  });
  assert.throws(
    () => populationDemography(s),
    (e: unknown) =>
      e instanceof ScenarioError && /population\.ageBands\[\]\.minAgeYears/.test(e.message),
  );
});

Deno.test("discharges into care homes above the solved admissions are a ScenarioError naming dischargeMix.careHome", () => {
  const s = parseScenario({
    version: 1,
    population: {
      size: 1000,
      ageBands: [{
        id: "all",
        minAgeYears: 0,
        populationShare: 1,
        dischargeMix: {
          home: 0.6,
          reablement: 0.05,
          homeCarePackage: 0.05,
          intermediateCare: 0.05,
          careHome: 0.2,
          death: 0.05,
        },
      }],
    },
  });
  assert.throws(
    () => cohortParams(s),
    (e: unknown) =>
      e instanceof ScenarioError &&
      /population\.ageBands\[0\]\.dischargeMix\.careHome/.test(e.message),
  );
});
