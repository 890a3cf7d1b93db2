/**
 * Specification test of the population part: each band grows at its growth rate, with deaths
 * in hospital counted among all-cause deaths (replaced by entries), not as extra deaths.
 */
import assert from "node:assert/strict";
import { specRun } from "../_spec_run.ts";

Deno.test("a band grows at growthRatePerYear, hospital deaths included in its deaths", () => {
  const { result } = specRun({
    years: 2,
    start: { mode: "empty" },
    population: {
      size: 100000,
      ageBands: [{
        id: "all",
        minAgeYears: 0,
        populationShare: 1,
        growthRatePerYear: 0.01,
        careHomeShare: 0,
        deathRatePerPersonYear: 0.05,
        emergencyAdmissionRatePerPersonYear: 0.3,
        dischargeMix: {
          home: 0.6,
          reablement: 0.05,
          homeCarePackage: 0.05,
          intermediateCare: 0.05,
          careHome: 0.05,
          death: 0.2,
        },
      }],
    },
  });
  const { start, end, deaths, entries } = result.population;
  const growth = Math.pow(end / start, 1 / 2) - 1;
  assert.ok(Math.abs(growth - 0.01) < 0.003, `growth ${growth} per year`);
  assert.equal(end, start + entries - deaths);
});
