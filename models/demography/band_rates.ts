/**
 * Lumping single years of age into the model's age bands without losing stationarity: every
 * band-level rate is the flow it carries divided by the band's stock (flux-weighted), and the
 * rate of ageing out of a band is set per segment and residence from the people at its top
 * age. So people enter the next band with the segment mix of the top age of the band below,
 * and the band-level cells, run with these rates, hold the same steady state as the single
 * years they came from.
 *
 * @module
 */

import { CELLS_PER_GROUP } from "./cells.ts";
import { emptyGridRates, type GridRates } from "./dynamics.ts";
import { bandOf } from "./population.ts";

/** Band-level rates and the band-level population they were lumped at. */
export interface BandRates {
  /** Per-cell rates and inflows by band (cells laid out as by single year of age). */
  rates: GridRates;
  /** People by band cell. */
  counts: Float64Array;
}

/**
 * Lumps per-cell rates by single year of age into bands.
 *
 * @param solution Rates and counts by single year of age.
 * @param options `minAgesYears`: each band's lowest age, ascending from 0.
 * @returns Band-level rates per person-year and counts.
 * @throws {RangeError} If the bands do not start at 0 or do not ascend within the ages.
 *
 * @example Two single years lumped into one band keep their deaths
 * ```ts
 * import assert from "node:assert/strict";
 * const z = () => new Float64Array(16);
 * const deathRate = z();
 * deathRate[0] = 0.1;
 * deathRate[8] = 0.3;
 * const counts = z();
 * counts[0] = 100;
 * counts[8] = 100;
 * const rates = { deathRate, deteriorationRate: z(), recoveryRate: z(), careHomeAdmissionRate: z(), ageingRate: z(), inflowPerYear: z() };
 * const band = lumpIntoBands({ rates, counts }, { minAgesYears: [0] });
 * assert.ok(Math.abs(band.rates.deathRate[0] - 0.2) < 1e-12);
 * ```
 */
export function lumpIntoBands(
  solution: { rates: GridRates; counts: Float64Array },
  options: { minAgesYears: readonly number[] },
): BandRates {
  const bands = options.minAgesYears;
  const ages = solution.counts.length / CELLS_PER_GROUP;
  if (bands[0] !== 0 || bands.some((m, b) => b > 0 && !(m > bands[b - 1] && m < ages))) {
    throw new RangeError(
      `Cannot lump ages into bands: minAgesYears must ascend from 0 below ${ages}, received ${
        JSON.stringify(bands)
      }`,
    );
  }
  const n = bands.length * CELLS_PER_GROUP;
  const counts = new Float64Array(n);
  const flows = emptyGridRates(n);
  const r = solution.rates;
  for (let a = 0; a < ages; a++) {
    const b = bandOf(a, bands);
    const top = a === ages - 1 || bandOf(a + 1, bands) !== b;
    for (let k = 0; k < CELLS_PER_GROUP; k++) {
      const from = a * CELLS_PER_GROUP + k;
      const to = b * CELLS_PER_GROUP + k;
      const x = solution.counts[from];
      counts[to] += x;
      flows.deathRate[to] += r.deathRate[from] * x;
      flows.deteriorationRate[to] += r.deteriorationRate[from] * x;
      flows.recoveryRate[to] += r.recoveryRate[from] * x;
      flows.careHomeAdmissionRate[to] += r.careHomeAdmissionRate[from] * x;
      if (top) flows.ageingRate[to] += r.ageingRate[from] * x;
      flows.inflowPerYear[to] += r.inflowPerYear[from];
    }
  }
  const perPerson = (flow: Float64Array) => flow.map((f, c) => (counts[c] > 0 ? f / counts[c] : 0));
  return {
    counts,
    rates: {
      deathRate: perPerson(flows.deathRate),
      deteriorationRate: perPerson(flows.deteriorationRate),
      recoveryRate: perPerson(flows.recoveryRate),
      careHomeAdmissionRate: perPerson(flows.careHomeAdmissionRate),
      ageingRate: perPerson(flows.ageingRate),
      inflowPerYear: flows.inflowPerYear,
    },
  };
}
