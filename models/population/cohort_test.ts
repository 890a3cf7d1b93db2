import assert from "node:assert/strict";
import { createStream } from "../../sim/mod.ts";
import { parseScenario } from "../../scenarios/load.ts";
import { cellIndex, HOME } from "./cells.ts";
import { cohortDay, cohortParams, initialCounts } from "./cohort.ts";

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

Deno.test("cohortDay() reproduces deterioration out of segment 1 at 48/130/214/380 per 1,000 py", () => {
  const scenario = parseScenario({ version: 1, population: { size: 1000 } });
  const params = cohortParams(scenario);
  const counts = new Float64Array(params.cells.length);
  for (let b = 0; b < 4; b++) counts[cellIndex(b, 0, HOME)] = 1_000_000;
  const u = uniforms(7);
  const events = new Float64Array(4);
  const personDays = new Float64Array(4);
  for (let day = 0; day < 60; day++) {
    for (let b = 0; b < 4; b++) personDays[b] += counts[cellIndex(b, 0, HOME)];
    const out = cohortDay(counts, params, { uniforms: u });
    for (let b = 0; b < 4; b++) events[b] += out.deteriorations[cellIndex(b, 0, HOME)];
  }
  const expected = [48, 130, 214, 380];
  for (let b = 0; b < 4; b++) {
    const per1000 = events[b] / personDays[b] * 365 * 1000;
    // Daily probability 1 − exp(−r/365) drawn after deaths: the rate per person-day at risk
    // is r to within 0.5%; the tolerance (4%) is > 4 SE even for the 0–64 band.
    assert.ok(
      Math.abs(per1000 / expected[b] - 1) < 0.04,
      `band ${b}: ${per1000.toFixed(1)} vs ${expected[b]}`,
    );
  }
});

Deno.test("cohortDay() grows each band at its annual rate with entries", () => {
  const scenario = parseScenario({ version: 1, population: { size: 2_000_000 } });
  const params = cohortParams(scenario);
  const counts = initialCounts(scenario);
  const size = (b: number) => counts.slice(b * 8, b * 8 + 8).reduce((x, y) => x + y, 0);
  const start = [0, 1, 2, 3].map(size);
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
  scenario.population.ageBands.forEach((band, b) => {
    const growth = size(b) / start[b] - 1;
    assert.ok(
      Math.abs(growth - band.growthRatePerYear) < 0.006,
      `band ${band.id}: grew ${(growth * 100).toFixed(2)}% vs ${band.growthRatePerYear * 100}%`,
    );
  });
});

Deno.test("initialCounts() splits the population exactly", () => {
  const s = parseScenario({ version: 1, population: { size: 123457 } });
  const c = initialCounts(s, { careHomeResidents: 500 });
  assert.equal(c.reduce((a, b) => a + b, 0), 123457);
  let residents = 0;
  for (let i = 1; i < c.length; i += 2) residents += c[i];
  assert.ok(Math.abs(residents - 500) <= 2);
});
