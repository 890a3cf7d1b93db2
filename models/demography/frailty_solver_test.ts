import assert from "node:assert/strict";
import { lumpIntoBands } from "./band_rates.ts";
import {
  AT_HOME,
  cell,
  CELLS_PER_GROUP,
  groupTotals,
  IN_CARE_HOME,
  segmentShares,
} from "./cells.ts";
import { DEFAULT_BAND_MIN_AGES, defaultDemographyInputs } from "./default_demography.ts";
import { projectExpected } from "./dynamics.ts";
import { solveStationaryRates } from "./frailty_solver.ts";

const maxShareChange = (a: Float64Array, b: Float64Array) => {
  const sa = segmentShares(a);
  const sb = segmentShares(b);
  return sa.reduce((worst, x, i) => Math.max(worst, Math.abs(x - sb[i])), 0);
};

const careHomeShares = (counts: Float64Array) => {
  const totals = groupTotals(counts);
  return totals.map((t, g) => {
    let r = 0;
    for (let s = 0; s < 4; s++) r += counts[cell(g, s, IN_CARE_HOME)];
    return t > 0 ? r / t : 0;
  });
};

Deno.test("solveStationaryRates() holds every age's segment mix steady for 10 years", async (t) => {
  const inputs = defaultDemographyInputs({ population: "stationary" });
  const solution = solveStationaryRates(inputs);
  const run = projectExpected(solution.rates, { initial: solution.counts, years: 10 });
  const last = run.countsByYear[10];

  await t.step("single years of age: shares, people and care-home shares", () => {
    assert.ok(
      maxShareChange(solution.counts, last) < 1e-9,
      `${maxShareChange(solution.counts, last)}`,
    );
    const before = groupTotals(solution.counts);
    const after = groupTotals(last);
    before.forEach((p, a) => assert.ok(Math.abs(after[a] / p - 1) < 1e-9, `age ${a}`));
    const chBefore = careHomeShares(solution.counts);
    const chAfter = careHomeShares(last);
    chBefore.forEach((c, a) => assert.ok(Math.abs(chAfter[a] - c) < 1e-10, `age ${a}`));
  });

  await t.step("the model's four bands, lumped: shares stay put", () => {
    const band = lumpIntoBands(solution, { minAgesYears: DEFAULT_BAND_MIN_AGES });
    const bandRun = projectExpected(band.rates, { initial: band.counts, years: 10 });
    assert.ok(maxShareChange(band.counts, bandRun.countsByYear[10]) < 1e-9);
    // and the band shares are the published band prevalence (F3/B4).
    const shares = segmentShares(band.counts);
    assert.ok(Math.abs(shares[12 + 2] + shares[12 + 3] - 0.58) < 1e-9);
  });

  await t.step("a closed-band balance (today's recovery rule) would drift far", () => {
    // Recovery by detailed balance within each age, ignoring deaths, ageing and care homes.
    const rates = { ...solution.rates, recoveryRate: solution.rates.recoveryRate.slice() };
    const ages = solution.counts.length / CELLS_PER_GROUP;
    for (let a = 0; a < ages; a++) {
      for (let s = 1; s < 4; s++) {
        const c = cell(a, s, AT_HOME);
        const below = solution.counts[cell(a, s - 1, AT_HOME)];
        rates.recoveryRate[c] = solution.counts[c] > 0
          ? rates.deteriorationRate[cell(a, s - 1, AT_HOME)] * below / solution.counts[c]
          : 0;
      }
    }
    const drift = projectExpected(rates, { initial: solution.counts, years: 10 });
    assert.ok(maxShareChange(solution.counts, drift.countsByYear[10]) > 0.05);
  });
});

Deno.test("solveStationaryRates() counts all-cause deaths once, residents included", () => {
  const inputs = defaultDemographyInputs();
  const { rates, counts } = solveStationaryRates(inputs);
  const ages = counts.length / CELLS_PER_GROUP;
  for (let a = 0; a < ages; a++) {
    let deaths = 0;
    let residentDeaths = 0;
    for (let s = 0; s < 4; s++) {
      deaths += rates.deathRate[cell(a, s, AT_HOME)] * counts[cell(a, s, AT_HOME)];
      const r = cell(a, s, IN_CARE_HOME);
      residentDeaths += rates.deathRate[r] * counts[r];
    }
    deaths += residentDeaths;
    const expected = inputs.deathRateByAge[a] * inputs.populationByAge[a];
    assert.ok(Math.abs(deaths / expected - 1) < 1e-9, `age ${a}: ${deaths} vs ${expected}`);
    const residents = inputs.careHomeShareByAge[a] * inputs.populationByAge[a];
    assert.ok(Math.abs(residentDeaths - inputs.residentDeathRateByAge[a] * residents) < 1e-6);
  }
});

Deno.test("projectExpected() conserves people in each setting", () => {
  const { rates, counts } = solveStationaryRates(defaultDemographyInputs());
  const run = projectExpected(rates, { initial: counts, years: 1 });
  const sum = (x: Float64Array, residence?: number) =>
    x.reduce((s, v, c) => (residence === undefined || (c & 1) === residence ? s + v : s), 0);
  const inflow = sum(rates.inflowPerYear);
  const deaths = run.deathsByYear[0];
  const change = sum(run.countsByYear[1]) - sum(counts);
  assert.ok(Math.abs(change - (inflow - sum(deaths))) < 1e-6 * sum(counts));
  const chChange = sum(run.countsByYear[1], IN_CARE_HOME) - sum(counts, IN_CARE_HOME);
  const admitted = sum(run.careHomeAdmissionsByYear[0]);
  assert.ok(Math.abs(chChange - (admitted - sum(deaths, IN_CARE_HOME))) < 1e-6 * sum(counts));
});

Deno.test("projectExpected() applies a secular trend on top of the steady rates", async (t) => {
  const solution = solveStationaryRates(defaultDemographyInputs({ population: "stationary" }));
  await t.step("rising deterioration moves the 85+ mix toward segment 4 every year", () => {
    const band = lumpIntoBands(solution, { minAgesYears: DEFAULT_BAND_MIN_AGES });
    const run = projectExpected(band.rates, {
      initial: band.counts,
      years: 5,
      trend: { deteriorationPerYear: 0.02 },
    });
    const severe = run.countsByYear.map((c) => segmentShares(c)[15]);
    for (let y = 1; y <= 5; y++) assert.ok(severe[y] > severe[y - 1] + 1e-4, `year ${y}`);
  });
  await t.step("falling mortality cuts year-1 deaths by the year's mean factor", () => {
    const base = projectExpected(solution.rates, { initial: solution.counts, years: 1 });
    const trend = projectExpected(solution.rates, {
      initial: solution.counts,
      years: 1,
      trend: { mortalityPerYear: -0.01 },
    });
    const total = (x: Float64Array) => x.reduce((a, b) => a + b, 0);
    const ratio = total(trend.deathsByYear[0]) / total(base.deathsByYear[0]);
    const meanFactor = (0.99 - 1) / Math.log(0.99); // ∫₀¹ 0.99^t dt
    assert.ok(Math.abs(ratio - meanFactor) < 1e-3, `${ratio} vs ${meanFactor}`);
  });
});

Deno.test("solveStationaryRates() names the inputs that make a steady mix impossible", async (t) => {
  await t.step("deterioration too slow for the rise in prevalence", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    for (let a = 70; a < 75; a++) inputs.deteriorationRateByAge[a * 3] = 0.01;
    assert.throws(() => solveStationaryRates(inputs), (e: Error) => {
      assert.ok(e instanceof RangeError);
      assert.match(e.message, /^Cannot hold segment shares steady at age 70/);
      assert.match(e.message, /raise deteriorationRateByAge\[210\] to at least/);
      return true;
    });
  });
  await t.step("care-home residents dying faster than the age's all-cause rate", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    inputs.residentDeathRateByAge[90] = 5;
    assert.throws(
      () => solveStationaryRates(inputs),
      /Cannot split deaths at age 90.*residentDeathRateByAge\[90\]/,
    );
  });
  await t.step("care-home share falling with age", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    inputs.careHomeShareByAge[95] = inputs.careHomeShareByAge[94] / 4;
    assert.throws(
      () => solveStationaryRates(inputs),
      /Cannot hold care-home residents steady at age 95/,
    );
  });
  await t.step("residents frailer than the whole age", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    inputs.careHomeShareByAge[66] = 0.5;
    assert.throws(
      () => solveStationaryRates(inputs),
      /care-home residents in segment \d .* exceed the age's share/,
    );
  });
  await t.step("both or neither rate of a step given", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    inputs.recoveryRateByAge[70 * 3] = 0.1;
    assert.throws(() => solveStationaryRates(inputs), /step 1↔2 needs exactly one given rate/);
  });
  await t.step("prevalence not summing to 1", () => {
    const inputs = defaultDemographyInputs({ population: "stationary" });
    inputs.prevalenceByAge[0] += 0.1;
    assert.throws(() => solveStationaryRates(inputs), /prevalenceByAge at age 0 sums to 1\.1/);
  });
});
