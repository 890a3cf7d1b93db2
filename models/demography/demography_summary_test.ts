import assert from "node:assert/strict";
import {
  DEFAULT_BAND_MIN_AGES,
  defaultDeathRateByBand,
  defaultDemographyInputs,
  DEMOGRAPHY_EVIDENCE,
} from "./default_demography.ts";
import { summarizeDemography } from "./demography_summary.ts";
import { solveStationaryRates } from "./frailty_solver.ts";
import { bandTotals } from "./population.ts";

const E = DEMOGRAPHY_EVIDENCE;
const placeOfDeath = {
  hospitalShareOfDeaths: E.hospitalShareOfDeaths.value,
  residentsDyingInCareHomeShare: E.residentsDyingInCareHomeShare.value,
};
const summarize = (population: "england-2019" | "stationary") => {
  const inputs = defaultDemographyInputs({ population });
  return {
    inputs,
    summary: summarizeDemography(solveStationaryRates(inputs), {
      minAgesYears: DEFAULT_BAND_MIN_AGES,
      placeOfDeath,
    }),
  };
};

Deno.test("summarizeDemography() reports deaths by band as the evidence gives them (G1/M1)", () => {
  const { summary } = summarize("england-2019");
  defaultDeathRateByBand().forEach((rate, b) =>
    assert.ok(Math.abs(summary.deathsPer1000ByBand[b] - rate * 1000) < 1e-9, `band ${b}`)
  );
  assert.ok(Math.abs(summary.crudeDeathsPer1000 - 8.8) < 0.05);
  const all = summary.hospitalDeathShares.home * (1 - summary.residentShareOfDeaths) +
    summary.hospitalDeathShares.careHome * summary.residentShareOfDeaths;
  assert.ok(Math.abs(all - E.hospitalShareOfDeaths.value) < 1e-12);
});

Deno.test("summarizeDemography() reports care homes within the evidence (B3/F6/G6)", () => {
  const { inputs, summary } = summarize("england-2019");
  const over65 = bandTotals(inputs.populationByAge, [0, 65])[1];
  assert.ok(Math.abs(summary.residentsShareOf65Plus - E.residents65Plus.value / over65) < 1e-12);
  assert.ok(summary.residentsShareOf65Plus >= 0.025 && summary.residentsShareOf65Plus <= 0.028);
  assert.ok(summary.residentsShareOf85Plus >= 0.11 && summary.residentsShareOf85Plus <= 0.14);
  assert.ok(
    Math.abs(summary.residents85PlusShareOfResidents65Plus - E.residents85PlusShare.value) < 1e-12,
  );
  // G6: ≈124,000 entries a year on a stock of 274,000 (≈0.45), mean stay ≈2.2 years.
  const entriesPer100k = 124_000 / over65 * 100_000;
  assert.ok(Math.abs(summary.admissionsPer100k65Plus / entriesPer100k - 1) < 0.1);
  assert.ok(summary.meanStayYears > 1.9 && summary.meanStayYears < 2.6);
  summary.residentSegmentShares.forEach((x, s) =>
    assert.ok(Math.abs(x - E.residentSegmentShares.value[s]) < 1e-12)
  );
  // People move into care homes mostly from segments 3–4.
  assert.ok(summary.admittedSegmentShares[2] + summary.admittedSegmentShares[3] > 0.7);
});

Deno.test("in a stationary population care-home admissions equal residents' deaths", () => {
  const { summary } = summarize("stationary");
  // Nobody under 65 lives in a care home, so nobody ages in: admissions replace deaths only.
  assert.ok(Math.abs(summary.admissionsPerResidentYear - E.residentDeathRatePerYear.value) < 1e-9);
  assert.ok(Math.abs(summary.meanStayYears - 801 / 365) < 1e-9);
});
