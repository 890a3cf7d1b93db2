/**
 * Specification test of the ED total: the band ED rates (and the residents' rate) are all the
 * attendances, those after an unmet GP request and ED readmissions included; GP abandonment
 * moves attendances between routes but never adds to the total.
 */
import assert from "node:assert/strict";
import { specRun } from "../_spec_run.ts";
import { CARE_HOME, cellIndex, HOME } from "../population/cells.ts";
import { populationDemography } from "../population/demography_rates.ts";
import { annualValue } from "../result.ts";

Deno.test("ED attendances per 1,000 equal the band rates' weighted total whatever GP abandonment", async (t) => {
  const settings = [
    { abandonRatePerDay: 0, spillToEdShare: 0 },
    { abandonRatePerDay: 0.1, spillToEdShare: 0.1 },
    { abandonRatePerDay: 1, spillToEdShare: 1 },
  ];
  for (const gp of settings) {
    await t.step(`abandon ${gp.abandonRatePerDay}/day, spill ${gp.spillToEdShare}`, () => {
      const { scenario, result } = specRun({
        years: 1,
        population: { size: 60000, demography: { inputs: "stationary" } },
        seasonality: { emergencyDemandByMonth: Array(12).fill(1) },
        gp,
      });
      // Expected: people by cell (the solved stationary population) × the rates they attend at.
      const counts = populationDemography(scenario).counts;
      const ch = scenario.careHomes;
      const residentRate = Math.max(
        ch.edAttendanceRatePerResidentYear,
        ch.emergencyAdmissionRatePerResidentYear * scenario.acute.edRouteShare,
      );
      let expected = 0;
      scenario.population.ageBands.forEach((band, b) => {
        for (let s = 0; s < 4; s++) {
          expected += counts[cellIndex(b, s, HOME)]! * band.edAttendanceRatePerPersonYear;
          expected += counts[cellIndex(b, s, CARE_HOME)]! * residentRate;
        }
      });
      const observed = annualValue(result, "ed_attendances");
      const afterGp = annualValue(result, "ed_attendances_after_gp_unmet");
      // Poisson noise (sd = √expected) and the few people away in a bed, who attend nowhere.
      const tolerance = 4 * Math.sqrt(expected) + 0.005 * expected;
      assert.ok(
        Math.abs(observed - expected) < tolerance,
        `ED ${observed} vs band rates ${expected.toFixed(0)} (±${tolerance.toFixed(0)})`,
      );
      if (gp.spillToEdShare === 1) {
        // The route carries a real share, so adding it on top would break the tolerance.
        assert.ok(afterGp > 3 * tolerance, `${afterGp} after an unmet GP request`);
      }
      if (gp.abandonRatePerDay === 0) assert.equal(afterGp, 0);
    });
  }
});
