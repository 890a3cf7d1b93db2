import assert from "node:assert/strict";
import { createStream } from "../../sim/mod.ts";
import { parseScenario } from "../../scenarios/load.ts";
import { groupTotals, segmentShares } from "../demography/cells.ts";
import { type GridRates, projectExpected } from "../demography/dynamics.ts";
import { cellIndex, HOME } from "./cells.ts";
import { cohortDay, cohortParams, initialCounts } from "./cohort.ts";
import { populationDemography } from "./demography_rates.ts";
import { awayShareByCell } from "./time_away.ts";

function uniforms(seed: number) {
  const s = (n: string) => createStream(seed, 0, n);
  const [d, de, r, a, c, e, m] = ["d", "de", "r", "a", "c", "e", "m"].map(s);
  return {
    deaths: () => d.random(),
    deterioration: () => de.random(),
    recovery: () => r.random(),
    ageing: () => a.random(),
    careHomeReferral: () => c.random(),
    entries: () => e.random(),
    entryMix: () => m.random(),
  };
}

Deno.test("cohortDay() moves people out of segment 1 at the solved deterioration rate", () => {
  const scenario = parseScenario({ version: 1, population: { size: 1000 } });
  const params = cohortParams(scenario);
  const counts = new Float64Array(params.cells.length);
  for (let b = 0; b < 4; b++) counts[cellIndex(b, 0, HOME)] = 5_000_000;
  const u = uniforms(7);
  const events = new Float64Array(4);
  const personDays = new Float64Array(4);
  for (let day = 0; day < 60; day++) {
    for (let b = 0; b < 4; b++) personDays[b] += counts[cellIndex(b, 0, HOME)];
    const out = cohortDay(counts, params, { uniforms: u });
    for (let b = 0; b < 4; b++) events[b] += out.deteriorations[cellIndex(b, 0, HOME)];
  }
  for (let b = 0; b < 4; b++) {
    const expected = params.deteriorationRatePerYear[cellIndex(b, 0, HOME)];
    const perYear = events[b] / personDays[b] * 365;
    // Daily probability 1 − exp(−r/365) drawn after deaths: the rate per person-day at risk is
    // r to within 0.5%; the tolerance (4%) is > 3.5 SE even for the 0–64 band (≈ 9,000 events).
    assert.ok(
      Math.abs(perYear / expected - 1) < 0.04,
      `band ${b}: ${(perYear * 1000).toFixed(1)} vs ${(expected * 1000).toFixed(1)} per 1,000`,
    );
  }
});

/** The rates cohortDay applies, as the expected-value dynamics take them (no care-home moves). */
function gridRatesOf(params: ReturnType<typeof cohortParams>): GridRates {
  const rate = (p: Float64Array) => p.map((x) => -365 * Math.log(1 - x));
  const inflowPerYear = new Float64Array(params.cells.length);
  for (let b = 0; b < params.bands.length; b++) {
    for (let s = 0; s < 4; s++) {
      inflowPerYear[cellIndex(b, s, HOME)] = params.inflowPerDay[b] * 365 *
        params.inflowSegmentShares[b * 4 + s];
    }
  }
  return {
    deathRate: rate(params.pDeath),
    deteriorationRate: rate(params.pDeteriorate),
    recoveryRate: rate(params.pRecover),
    careHomeAdmissionRate: new Float64Array(params.cells.length),
    ageingRate: rate(params.pAgeOut),
    inflowPerYear,
  };
}

Deno.test("cohortDay() moves a population as the expected-value dynamics of its rates", () => {
  const scenario = parseScenario({ version: 1, population: { size: 2_000_000 } });
  const params = cohortParams(scenario);
  const counts = initialCounts(scenario);
  const expected = projectExpected(gridRatesOf(params), { initial: counts, years: 1 })
    .countsByYear[1];
  const u = uniforms(3);
  let entries = 0;
  let deaths = 0;
  const total0 = counts.reduce((x, y) => x + y, 0);
  for (let day = 0; day < 365; day++) {
    const out = cohortDay(counts, params, { uniforms: u });
    entries += out.entries;
    deaths += out.deaths.reduce((x, y) => x + y, 0);
  }
  assert.equal(counts.reduce((x, y) => x + y, 0), total0 + entries - deaths);
  const band = (x: Float64Array) => groupTotals(x);
  const got = band(counts);
  const want = band(expected);
  scenario.population.ageBands.forEach((b, i) => {
    // 85+ (≈ 48,000 people): Poisson noise of deaths and ageing ≈ 0.3%; a band that grew at
    // its old forced rate would be > 2% off.
    assert.ok(
      Math.abs(got[i] / want[i] - 1) < 0.01,
      `band ${b.id}: ${got[i]} vs expected ${want[i].toFixed(0)}`,
    );
  });
  const gotShares = segmentShares(counts);
  const wantShares = segmentShares(expected);
  for (let i = 4; i < gotShares.length; i++) {
    assert.ok(Math.abs(gotShares[i] - wantShares[i]) < 0.005, `share ${i}`);
  }
});

Deno.test("initialCounts() splits the population exactly", () => {
  const s = parseScenario({ version: 1, population: { size: 123457 } });
  const c = initialCounts(s, { careHomeResidents: 500 });
  assert.equal(c.reduce((a, b) => a + b, 0), 123457);
  let residents = 0;
  for (let i = 1; i < c.length; i += 2) residents += c[i];
  assert.ok(Math.abs(residents - 500) <= 2);
});

Deno.test("cohortParams() raises every transition by the share of the cell's people away in hospital", () => {
  // The solved rates are per person of the cell; people away in a bed do not move between
  // segments or bands, so those in the cell carry the flow: rate ÷ (1 − share away).
  const scenario = parseScenario({ version: 1, population: { size: 1000 } });
  const params = cohortParams(scenario);
  const { rates: solved, counts } = populationDemography(scenario);
  const away = awayShareByCell(scenario, params.meanRatio);
  const daily = (r: number) => 1 - Math.exp(-r / 365);
  // Segment 4 at 85+ is ≈ 1.8% away: a rate not raised is that much low.
  assert.ok(away.some((x) => x > 0.015));
  for (let c = 0; c < params.cells.length; c++) {
    if (counts[c] === 0) continue; // empty resident cells borrow a neighbour's rates
    const last = params.cells[c].bandIndex === params.bands.length - 1;
    const want = (r: Float64Array) => daily(r[c] / (1 - away[c]));
    const close = (got: number, expected: number, what: string) =>
      assert.ok(Math.abs(got - expected) <= 1e-15 + 1e-12 * expected, `cell ${c} ${what}`);
    close(params.pDeteriorate[c], want(solved.deteriorationRate), "deterioration");
    close(params.pRecover[c], want(solved.recoveryRate), "recovery");
    close(params.pAgeOut[c], last ? 0 : want(solved.ageingRate), "ageing");
  }
});
