/**
 * Specification test of deaths in hospital: each cell's admissions — 30-day readmissions
 * included — carry exactly its share of the all-cause deaths, and the cell's death rates reach
 * its people away in hospital; so with no crisis response averting admissions, 46.9% of deaths
 * are in hospital (M3). Drawing the probability per first admission and applying it to
 * readmissions too gave 47.6–48%.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { DEMOGRAPHY_EVIDENCE } from "../demography/default_demography.ts";
import { annualValue } from "../result.ts";
import { simulateReplication } from "../simulate.ts";
import { meanSe } from "../_spec_run.ts";
import { cellRates, DESTINATIONS } from "./cell_rates.ts";
import { isHome } from "./cells.ts";
import { cohortParams } from "./cohort.ts";
import { populationDemography } from "./demography_rates.ts";
import { awayShareByCell } from "./time_away.ts";

const NO_CRISIS_RESPONSE = { community: { crisisResponse: { visitsPerDayPer100k: 0 } } };

Deno.test("every cell's admissions, readmissions included, carry its deaths in hospital", () => {
  const scenario = parseScenario({ version: 1, population: { size: 100_000 } });
  const params = cohortParams(scenario);
  const rates = cellRates(scenario, params);
  const demography = populationDemography(scenario);
  const away = awayShareByCell(scenario, params.meanRatio);
  const pr = scenario.acute.readmission30DayProbability;
  const shares = demography.hospitalDeathShares;
  const death = DESTINATIONS.indexOf("death");
  for (let c = 0; c < params.cells.length; c++) {
    const band = params.bands[params.cells[c]!.bandIndex]!;
    const mix = band.dischargeMix;
    const pDie = rates.mix[c * DESTINATIONS.length + death]!;
    // A discharge home, to reablement or to a home-care package may be followed by a
    // readmission, which may itself end in death or another readmission.
    const readmittable = isHome(c)
      ? (mix.home + mix.reablement + mix.homeCarePackage) / (1 - mix.death) * (1 - pDie)
      : 0;
    const admissions = rates.pAdmit[c]! * 365 / (1 - pr * readmittable);
    const target = params.hospitalDeathRatePerYear[c]!;
    assert.ok(Math.abs(admissions * pDie - target) < 1e-12, `cell ${c}`);
    if (demography.counts[c] === 0) continue; // empty resident cells borrow a neighbour's rates
    // Per person in the cell: each place's share of the all-cause deaths of all its people.
    const allCause = demography.rates.deathRate[c]!;
    const share = isHome(c) ? shares.home : shares.careHome;
    assert.ok(Math.abs(target - allCause * share / (1 - away[c]!)) < 1e-15, `cell ${c}`);
    assert.ok(
      Math.abs(params.deathRatePerYear[c]! - allCause * (1 - share) / (1 - away[c]!)) < 1e-15,
    );
  }
});

Deno.test("with no admissions averted, 46.9% of deaths are in hospital (M3)", () => {
  const scenario = parseScenario({
    version: 1,
    years: 5,
    population: { size: 150_000 },
    ...NO_CRISIS_RESPONSE,
  });
  const shares: number[] = [];
  for (let replication = 0; replication < 4; replication++) {
    const r = simulateReplication(scenario, { seed: 3, replication });
    for (let year = 1; year <= 5; year++) {
      const inHospital = annualValue(r, "deaths_in_hospital", { year });
      shares.push(inHospital / (inHospital + annualValue(r, "deaths_elsewhere", { year })));
    }
  }
  const { mean, se } = meanSe(shares);
  // ≈1,300 deaths a year: se ≈ 0.3 points; the readmissions' extra deaths gave ≈ +1.3 points.
  assert.ok(se < 0.004, `se ${se}`);
  const target = DEMOGRAPHY_EVIDENCE.hospitalShareOfDeaths.value;
  assert.ok(Math.abs(mean - target) < 0.006, `${(mean * 100).toFixed(2)}%`);
});
