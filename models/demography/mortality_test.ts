import assert from "node:assert/strict";
import { AT_HOME, cell, CELLS_PER_GROUP, IN_CARE_HOME } from "./cells.ts";
import { defaultDemographyInputs, DEMOGRAPHY_EVIDENCE } from "./default_demography.ts";
import { solveStationaryRates } from "./frailty_solver.ts";
import {
  deathProbabilityPerAdmission,
  hospitalDeathShares,
  segmentDeathRates,
} from "./mortality.ts";

Deno.test("segmentDeathRates() keeps the deaths and the rate ratios", () => {
  const people = [700, 200, 70, 30];
  const ratios = [1, 1.92, 3.1, 4.52] as const;
  const r = segmentDeathRates(50, { people, rateRatios: ratios });
  assert.ok(Math.abs(r.reduce((s, x, i) => s + x * people[i], 0) - 50) < 1e-9);
  r.forEach((x, i) => assert.ok(Math.abs(x / r[0] - ratios[i]) < 1e-12));
});

Deno.test("hospital deaths are a share of all-cause deaths, 46.9% overall", () => {
  const { rates, counts } = solveStationaryRates(defaultDemographyInputs());
  let home = 0;
  let careHome = 0;
  for (let c = 0; c < counts.length; c++) {
    const d = rates.deathRate[c] * counts[c];
    if ((c & 1) === AT_HOME) home += d;
    else careHome += d;
  }
  const shares = hospitalDeathShares({ home, careHome }, {
    hospitalShareOfDeaths: DEMOGRAPHY_EVIDENCE.hospitalShareOfDeaths.value,
    residentsDyingInCareHomeShare: DEMOGRAPHY_EVIDENCE.residentsDyingInCareHomeShare.value,
  });
  const inHospital = shares.home * home + shares.careHome * careHome;
  assert.ok(Math.abs(inHospital / (home + careHome) - 0.469) < 1e-12);
  // Deaths in care homes: 70% of residents' deaths (G2: 21.8% of all deaths incl. temporary).
  const inCareHome = 0.7 * careHome / (home + careHome);
  assert.ok(inCareHome > 0.14 && inCareHome < 0.218, `${inCareHome}`);
  assert.throws(
    () =>
      hospitalDeathShares({ home: 10, careHome: 90 }, {
        hospitalShareOfDeaths: 0.1,
        residentsDyingInCareHomeShare: 0.5,
      }),
    /leaves a hospital share of -3.5 for people at home/,
  );
  // Residents die faster than people at home of the same age and segment.
  const a = 85;
  for (let s = 0; s < 4; s++) {
    assert.ok(rates.deathRate[cell(a, s, IN_CARE_HOME)] > rates.deathRate[cell(a, s, AT_HOME)]);
  }
  assert.equal(counts.length % CELLS_PER_GROUP, 0);
});

Deno.test("deathProbabilityPerAdmission() spreads the deaths over readmissions too", () => {
  const o = { admissionsPerYear: 0.8, readmissionProbability: 0.07, readmittedShareOfLiving: 0.9 };
  const p = deathProbabilityPerAdmission(0.05, o);
  // Admissions in all: first ones, and readmissions after the living discharged home.
  const all = 0.8 / (1 - 0.07 * 0.9 * (1 - p));
  assert.ok(Math.abs(all * p - 0.05) < 1e-15);
  assert.ok(p < 0.05 / 0.8);
  assert.equal(deathProbabilityPerAdmission(0.05, { ...o, readmissionProbability: 0 }), 0.05 / 0.8);
  assert.equal(deathProbabilityPerAdmission(0, { ...o, admissionsPerYear: 0 }), 0);
  assert.throws(() => deathProbabilityPerAdmission(0.9, o), RangeError);
  assert.throws(
    () => deathProbabilityPerAdmission(0.1, { ...o, admissionsPerYear: 0 }),
    /no admissions/,
  );
});
