import assert from "node:assert/strict";
import { bandProfile } from "./age_profile.ts";
import {
  DEFAULT_BAND_MIN_AGES,
  defaultDeathRateByBand,
  defaultDemographyInputs,
  DEMOGRAPHY_EVIDENCE,
} from "./default_demography.ts";
import {
  ageingRateByAge,
  bandTotals,
  populationGrowthPerYear,
  projectPopulation,
  stationaryPopulation,
} from "./population.ts";

Deno.test("stationaryPopulation() balances inflow and outflow at every age", () => {
  const deathRateByAge = new Float64Array([0.01, 0.02, 0.05, 0.3]);
  const p = stationaryPopulation(1000, { deathRateByAge });
  const growth = populationGrowthPerYear({
    populationByAge: p,
    deathRateByAge,
    birthsPerYear: 1000,
    netMigrationByAge: new Float64Array(4),
  });
  growth.forEach((g) => assert.ok(Math.abs(g) < 1e-9));
  // Total deaths equal births in a stationary population.
  const deaths = p.reduce((s, x, a) => s + x * deathRateByAge[a], 0);
  assert.ok(Math.abs(deaths - 1000) < 1e-9);
});

Deno.test("the default population and death rates reproduce the evidence by band", () => {
  const d = defaultDemographyInputs();
  const people = bandTotals(d.populationByAge, DEFAULT_BAND_MIN_AGES);
  people.forEach((p, b) =>
    assert.ok(Math.abs(p - DEMOGRAPHY_EVIDENCE.populationByBand.value[b]) < 1e-6)
  );
  const deaths = bandTotals(
    d.populationByAge.map((p, a) => p * d.deathRateByAge[a]),
    DEFAULT_BAND_MIN_AGES,
  );
  const rates = defaultDeathRateByBand();
  deaths.forEach((x, b) => assert.ok(Math.abs(x / people[b] / rates[b] - 1) < 1e-9, `band ${b}`));
  // Crude death rate 8.8 per 1,000 (England 2019, G1).
  const crude = deaths.reduce((a, b) => a + b, 0) / people.reduce((a, b) => a + b, 0) * 1000;
  assert.ok(Math.abs(crude - 8.8) < 0.05, `${crude}`);
  // Death rates rise with every year of age from 30 (Gompertz-like within and across bands).
  for (let a = 31; a < d.deathRateByAge.length; a++) {
    assert.ok(d.deathRateByAge[a] > d.deathRateByAge[a - 1], `age ${a}`);
  }
});

Deno.test("projectPopulation() with no deaths, births or migration just ages people", () => {
  const out = projectPopulation({
    populationByAge: new Float64Array([100, 0, 0]),
    deathRateByAge: new Float64Array(3),
    birthsPerYear: 0,
    netMigrationByAge: new Float64Array(3),
  }, { years: 2 });
  // Ageing at 1 per person-year from age 0: after t years, e^−t remain at age 0.
  assert.ok(Math.abs(out[1][0] - 100 * Math.pow(1 - 1 / 365, 365)) < 1e-9);
  assert.ok(Math.abs(out[2].reduce((a, b) => a + b, 0) - 100) < 1e-9);
});

Deno.test("bandProfile() keeps band averages on every scale", () => {
  const weights = defaultDemographyInputs().populationByAge;
  const bands = [0.04, 0.28, 0.55, 0.83].map((value, b) => ({
    minAgeYears: DEFAULT_BAND_MIN_AGES[b],
    value,
  }));
  for (const scale of ["linear", "log", "logit"] as const) {
    for (const beyondEndKnots of ["flat", "trend"] as const) {
      if (scale === "linear" && beyondEndKnots === "trend") continue;
      const curve = bandProfile(bands, weights, { scale, beyondEndKnots });
      const avg = bandTotals(curve.map((v, a) => v * weights[a]), DEFAULT_BAND_MIN_AGES)
        .map((x, b) => x / bandTotals(weights, DEFAULT_BAND_MIN_AGES)[b]);
      avg.forEach((v, b) => assert.ok(Math.abs(v - bands[b].value) < 1e-9, `${scale} band ${b}`));
    }
  }
  const logit = bandProfile(bands, weights, { scale: "logit", beyondEndKnots: "trend" });
  assert.ok(logit.every((v) => v > 0 && v < 1));
  for (let a = 1; a < logit.length; a++) assert.ok(logit[a] >= logit[a - 1]);
  assert.throws(() => bandProfile([{ minAgeYears: 5, value: 1 }], weights), /must start at age 0/);
  assert.throws(
    () => bandProfile([{ minAgeYears: 0, value: 1.2 }], weights, { scale: "logit" }),
    /expected a value strictly between 0 and 1/,
  );
});

Deno.test("ageing moves the survivors of a year of age up: a share e^(−m) of its entrants", () => {
  // One cohort at age 0 (death rate 0.07); ages 1 and 2+ have no deaths, so in the end everyone
  // who survived age 0 is at age 1 or 2+.
  const m = 0.07;
  const out = projectPopulation({
    populationByAge: new Float64Array([1000, 0, 0]),
    deathRateByAge: new Float64Array([m, 0, 0]),
    birthsPerYear: 0,
    netMigrationByAge: new Float64Array(3),
  }, { years: 40 });
  const survivors = out[40][1] + out[40][2];
  // Ageing at 1 per person-year would give 1000 / (1 + m) = 934.6 (0.2% more).
  assert.ok(Math.abs(survivors - 1000 * Math.exp(-m)) < 1e-6, `${survivors}`);
});

Deno.test("the 85+ count after one year is its start + ageing in from 84 − deaths (England 2019)", () => {
  const d = defaultDemographyInputs();
  const [start, end] = projectPopulation(d, { years: 1 });
  const r84 = ageingRateByAge(d.deathRateByAge)[84];
  // Survivors reaching 85: m·e^(−m) ÷ (1 − e^(−m)) of the people aged 84 a year.
  const m84 = d.deathRateByAge[84];
  assert.ok(Math.abs(r84 - m84 * Math.exp(-m84) / (1 - Math.exp(-m84))) < 1e-12);
  const flow = (p: Float64Array) => {
    let deaths = 0;
    for (let a = 85; a < p.length; a++) deaths += d.deathRateByAge[a] * p[a];
    return r84 * p[84] - deaths;
  };
  const over85 = (p: Float64Array) => p.slice(85).reduce((a, b) => a + b, 0);
  // Trapezoid over the year (its error here ≈ 300); ageing at 1 per person-year would add
  // ≈ 8,500 more (0.6%).
  const expected = over85(start) + (flow(start) + flow(end)) / 2;
  assert.ok(Math.abs(over85(end) - expected) < 1000, `${over85(end)} vs ${expected}`);
  // Growth within the evidence range (D3: 1.9–3.3% a year).
  const growth = over85(end) / over85(start) - 1;
  assert.ok(growth > 0.019 && growth < 0.033, `${growth}`);
  // The single years below 90 are England's (MYE2): 242,740 people aged 84.
  assert.equal(start[84], 242_740);
});
