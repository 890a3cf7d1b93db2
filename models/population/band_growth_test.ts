/**
 * Specification test of the default population's growth by band: the model's band cells,
 * lumped from England's single years of age, grow 85+ by ageing in from 75–84 less deaths, and
 * inside the evidence range (D3: 1.9–3.3% a year) every year. The stable-population spread
 * within bands and ageing at 1 per person-year had people 85+ growing 4.1% a year.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { groupTotals } from "../demography/cells.ts";
import { defaultDemographyInputs } from "../demography/default_demography.ts";
import { projectExpected } from "../demography/dynamics.ts";
import { ageingRateByAge } from "../demography/population.ts";
import { bandOf } from "./cells.ts";
import { populationDemography } from "./demography_rates.ts";

const scenario = parseScenario({ version: 1, population: { size: 100_000 } });
const d = populationDemography(scenario);
const run = projectExpected(d.rates, { initial: d.counts, years: 5 });
const OLDEST = 3;

Deno.test("the default population's 85+ grow 1.9–3.3% a year, years 1 to 5 (D3)", () => {
  const over85 = run.countsByYear.map((c) => groupTotals(c)[OLDEST]!);
  for (let y = 1; y <= 5; y++) {
    const growth = over85[y]! / over85[y - 1]! - 1;
    assert.ok(growth > 0.019 && growth < 0.033, `year ${y}: ${(growth * 100).toFixed(2)}%`);
  }
});

Deno.test("the band cells' 85+ after one year = start + ageing in from 75–84 − deaths", () => {
  const flow = (counts: Float64Array) => {
    let net = 0;
    counts.forEach((x, c) => {
      if (bandOf(c) === OLDEST - 1) net += x * d.rates.ageingRate[c]!;
      if (bandOf(c) === OLDEST) net -= x * d.rates.deathRate[c]!;
    });
    return net;
  };
  const [start, end] = [run.countsByYear[0]!, run.countsByYear[1]!];
  const over85 = (c: Float64Array) => groupTotals(c)[OLDEST]!;
  const expected = over85(start) + (flow(start) + flow(end)) / 2;
  // 2,482 people 85+ in 100,000; a rate of ageing in 3.5% too high would add ≈ 8 a year.
  assert.ok(Math.abs(over85(end) - expected) < 0.5, `${over85(end)} vs ${expected}`);
  // The band's rate of ageing out is the survivors' flow over the 85th birthday from England's
  // 242,740 people aged 84 ÷ its 3,380,599 people (D1).
  const into85 = start.reduce(
    (s, x, c) => s + (bandOf(c) === OLDEST - 1 ? x * d.rates.ageingRate[c]! : 0),
    0,
  );
  const rate = into85 / groupTotals(start)[OLDEST - 1]!;
  const r84 = ageingRateByAge(defaultDemographyInputs().deathRateByAge)[84]!;
  assert.ok(Math.abs(rate - r84 * 242_740 / 3_380_599) < 1e-9, `${rate}`);
});
