/**
 * Specification test of the baseline's stationarity: with the stationary demography (zero
 * growth, no migration) and no secular trend or care model, every band's size and segment
 * mix, admissions per 1,000 (and their segment mix) and occupied acute beds hold over 10 years. Before the solved
 * rates, people 85+ in segments 3–4 fell from 62% to 31% in 5 years and admissions per 1,000
 * at 85+ from 437 to 346: many times these tolerances.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { SystemModel } from "../system_model.ts";
import { CELLS_PER_BAND, segmentIndexOf } from "./cells.ts";

const YEARS = 10;

function frailShares(counts: Float64Array, bands: number): number[] {
  const out: number[] = [];
  for (let b = 0; b < bands; b++) {
    let all = 0;
    let frail = 0;
    for (let c = b * CELLS_PER_BAND; c < (b + 1) * CELLS_PER_BAND; c++) {
      all += counts[c]!;
      if (segmentIndexOf(c) >= 2) frail += counts[c]!;
    }
    out.push(frail / all);
  }
  return out;
}

Deno.test("a stationary baseline holds band sizes, segment mix, admissions and occupied beds over 10 years", () => {
  const scenario = parseScenario({
    version: 1,
    years: YEARS,
    population: { size: 60000, demography: { inputs: "stationary" } },
  });
  // Unconstrained capacities: the stationary population is older than England's, so the default
  // bed base would saturate and hold people in ED; demand, not queueing, is under test.
  const model = new SystemModel(scenario, { seed: 11, replication: 0, unconstrained: true });
  const bands = scenario.population.ageBands;
  const startShares = frailShares(model.parts.population.counts, bands.length);
  const startBands = model.parts.population.byBand();
  model.run();
  const endShares = frailShares(model.parts.population.counts, bands.length);
  const endBands = model.parts.population.byBand();
  bands.forEach((band, b) => {
    const growth = endBands[band.id]! / startBands[band.id]! - 1;
    // 85+ (≈ 900 people): binomial noise of 10 years of deaths and ageing ≈ 4%.
    assert.ok(
      Math.abs(growth) < 0.1,
      `band ${band.id}: size changed ${(growth * 100).toFixed(1)}%`,
    );
    assert.ok(
      Math.abs(endShares[b]! - startShares[b]!) < 0.05,
      `band ${band.id}: segments 3–4 ${(startShares[b]! * 100).toFixed(1)}% → ${
        (endShares[b]! * 100).toFixed(1)
      }%`,
    );
  });
  // Admissions: per 1,000 people, and the share from segments 3–4 (which the old drift halved).
  const adm = model.record.counts.emergency_admissions;
  const pop = model.record.daily.population;
  const perThousand = (y: number) =>
    1000 * adm.get(y) / (pop.slice(y * 365, (y + 1) * 365).reduce((a, x) => a + x, 0) / 365);
  // categories are segment − 1: segments 3 and 4 are categories 2 and 3
  const frailAdmissions = (y: number) => (adm.get(y, 2) + adm.get(y, 3)) / adm.get(y);
  // ≈ 5,500 admissions a year: se of a year's rate ≈ 1.4%, of the difference ≈ 2%.
  assert.ok(
    Math.abs(perThousand(YEARS - 1) / perThousand(0) - 1) < 0.06,
    `admissions per 1,000 ${perThousand(0).toFixed(1)} → ${perThousand(YEARS - 1).toFixed(1)}`,
  );
  assert.ok(
    Math.abs(frailAdmissions(YEARS - 1) - frailAdmissions(0)) < 0.04,
    `segments 3–4 share of admissions ${frailAdmissions(0)} → ${frailAdmissions(YEARS - 1)}`,
  );
  const daily = model.record.daily;
  const yearMean = (series: number[], y: number) =>
    series.slice(y * 365, (y + 1) * 365).reduce((a, x) => a + x, 0) / 365;
  const beds = (y: number) => yearMean(daily.acuteOccupied, y);
  // ≈ 240 beds occupied: the annual mean's se ≈ 2–3% (stays are correlated over days).
  assert.ok(
    Math.abs(beds(YEARS - 1) / beds(0) - 1) < 0.08,
    `occupied beds ${beds(0).toFixed(1)} → ${beds(YEARS - 1).toFixed(1)}`,
  );
});
