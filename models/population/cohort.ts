/**
 * The population as cohort cells (age band × need segment × residence) holding integer counts,
 * moved once a day by one-uniform binomial/Poisson draws: deaths, deterioration, recovery,
 * ageing to the next band, referrals from home to a care home, and entries so each band grows
 * at its annual rate. Pure functions over plain arrays; the caller supplies the uniforms.
 *
 * @module
 */

import type { AgeBand } from "../../scenarios/default_age_bands.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { binomialInverse, poissonInverse } from "../inverse.ts";
import type { CellKey } from "../modifiers.ts";
import {
  bandOf,
  CARE_HOME,
  cellIndex,
  CELLS_PER_BAND,
  HOME,
  residenceOf,
  segmentIndexOf,
} from "./cells.ts";

/** Per-cell daily probabilities and rates, precomputed from the scenario. */
export interface CohortParams {
  /** The scenario's bands. */
  bands: AgeBand[];
  /** Cell keys, by cell index. */
  cells: CellKey[];
  /** Daily death probability per cell. */
  pDeath: Float64Array;
  /** Daily deterioration probability per cell (0 for segment 4). */
  pDeteriorate: Float64Array;
  /** Daily recovery probability per cell (0 for segment 1). */
  pRecover: Float64Array;
  /** Daily probability of ageing into the next band per cell. */
  pAgeOut: Float64Array;
  /** Daily probability of a referral from home to a care home per cell (0 in care homes). */
  pCareHomeReferral: Float64Array;
  /** Annual growth rate per band. */
  growthRatePerYear: Float64Array;
  /** Segment shares of new entries per band (4 per band). */
  entrySegmentShares: Float64Array;
  /** Mean of a segment rate-ratio vector under each band's default segment shares. */
  meanRatio: (band: number, ratios: readonly number[]) => number;
}

const daily = (ratePerYear: number) => 1 - Math.exp(-ratePerYear / 365);

/**
 * Precomputes cell keys and daily probabilities.
 *
 * @param scenario A resolved scenario.
 * @returns The parameters.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const p = cohortParams(parseScenario({ version: 1, population: { size: 10 } }));
 * assert.equal(p.cells.length, 32);
 * ```
 */
export function cohortParams(scenario: Scenario): CohortParams {
  const bands = scenario.population.ageBands;
  const ratios = scenario.population.segmentRateRatios;
  const nCells = bands.length * CELLS_PER_BAND;
  const meanRatio = (b: number, r: readonly number[]) =>
    bands[b].segmentShares.reduce((s, share, i) => s + share * r[i], 0) || 1;
  const cells: CellKey[] = [];
  const pDeath = new Float64Array(nCells);
  const pDeteriorate = new Float64Array(nCells);
  const pRecover = new Float64Array(nCells);
  const pAgeOut = new Float64Array(nCells);
  const pCareHomeReferral = new Float64Array(nCells);
  const growth = new Float64Array(bands.length);
  const entryShares = new Float64Array(bands.length * 4);
  bands.forEach((band, b) => {
    growth[b] = band.growthRatePerYear;
    for (let s = 0; s < 4; s++) entryShares[b * 4 + s] = band.segmentShares[s];
    const deathBase = band.deathRatePerPersonYear / meanRatio(b, ratios.mortality);
    const refBase = band.careHomeReferralRatePerPersonYear / meanRatio(b, ratios.careHomeReferral);
    for (let s = 0; s < 4; s++) {
      for (let r = 0; r < 2; r++) {
        const c = cellIndex(b, s, r);
        cells[c] = {
          index: c,
          bandIndex: b,
          bandId: band.id,
          minAgeYears: band.minAgeYears,
          segment: (s + 1) as 1 | 2 | 3 | 4,
          residence: r === HOME ? "home" : "careHome",
        };
        pDeath[c] = daily(
          r === HOME
            ? deathBase * ratios.mortality[s]
            : scenario.careHomes.deathRatePerResidentYear,
        );
        pDeteriorate[c] = s < 3 ? daily(band.deteriorationRatePerPersonYear[s]) : 0;
        pRecover[c] = s > 0 ? daily(band.recoveryRatePerPersonYear[s - 1]) : 0;
        pAgeOut[c] = b < bands.length - 1 ? daily(band.ageingOutRatePerYear) : 0;
        pCareHomeReferral[c] = r === HOME ? daily(refBase * ratios.careHomeReferral[s]) : 0;
      }
    }
  });
  return {
    bands,
    cells,
    pDeath,
    pDeteriorate,
    pRecover,
    pAgeOut,
    pCareHomeReferral,
    growthRatePerYear: growth,
    entrySegmentShares: entryShares,
    meanRatio,
  };
}

/**
 * Initial cell counts: `size` people split by band share, segment share and care-home share;
 * care-home residents use `residentSegmentShares` and, when given, a census total.
 * Largest-remainder rounding keeps the total exactly `size`.
 *
 * @param scenario A resolved scenario.
 * @param options `careHomeResidents` (census total, optional).
 * @returns Counts by cell index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const c = initialCounts(parseScenario({ version: 1, population: { size: 1001 } }));
 * assert.equal(c.reduce((a, b) => a + b, 0), 1001);
 * ```
 */
export function initialCounts(
  scenario: Scenario,
  options: { careHomeResidents?: number } = {},
): Float64Array {
  const bands = scenario.population.ageBands;
  const size = scenario.population.size;
  const resShares = scenario.population.careHomeResidentSegmentShares;
  const target = new Float64Array(bands.length * CELLS_PER_BAND);
  const defaultResidents = bands.reduce((s, b) => s + b.populationShare * b.careHomeShare, 0) *
    size;
  const scale = options.careHomeResidents !== undefined && defaultResidents > 0
    ? options.careHomeResidents / defaultResidents
    : 1;
  bands.forEach((band, b) => {
    const people = band.populationShare * size;
    const residents = Math.min(people, people * band.careHomeShare * scale);
    for (let s = 0; s < 4; s++) {
      target[cellIndex(b, s, CARE_HOME)] = residents * resShares[s];
      target[cellIndex(b, s, HOME)] = (people - residents) * band.segmentShares[s];
    }
  });
  return largestRemainder(target, size);
}

function largestRemainder(target: Float64Array, total: number): Float64Array {
  const out = new Float64Array(target.length);
  let assigned = 0;
  const rest: [number, number][] = [];
  target.forEach((t, i) => {
    out[i] = Math.floor(t);
    assigned += out[i];
    rest.push([t - out[i], i]);
  });
  rest.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < total - assigned && k < rest.length; k++) out[rest[k][1]]++;
  return out;
}

/** Uniform sources for one cohort day, one per flow (each a named stream's `random`). */
export interface CohortUniforms {
  /** Deaths. */
  deaths(): number;
  /** Deterioration. */
  deterioration(): number;
  /** Recovery. */
  recovery(): number;
  /** Ageing. */
  ageing(): number;
  /** Care-home referrals. */
  careHomeReferral(): number;
  /** Entry counts. */
  entries(): number;
  /** Segment mix of entries. */
  entryMix(): number;
}

/** What happened in one cohort day. */
export interface CohortDayOutcome {
  /** Deaths by cell index. */
  deaths: Float64Array;
  /** Moves out of segment 1 (deterioration) by cell index of origin. */
  deteriorations: Float64Array;
  /** New care-home referrals from home by cell index. */
  careHomeReferrals: Float64Array;
  /** Entries (all bands). */
  entries: number;
}

/**
 * Advances the cohort one day, in place. Each flow uses exactly one uniform per cell (entries:
 * one per band plus three for the segment mix), so streams stay aligned across variants.
 *
 * @param counts Cell counts (modified).
 * @param params Precomputed parameters.
 * @param options `uniforms`, optional `deteriorationMultiplier` per cell, `otherDeaths` per band
 *   (deaths outside the cells, replaced by entries), and `out` buffers to reuse.
 * @returns The day's deaths, deteriorations, referrals and entries.
 *
 * @example Nobody to move, nothing happens
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const p = cohortParams(parseScenario({ version: 1, population: { size: 10 } }));
 * const u = () => 0.5;
 * const uniforms = { deaths: u, deterioration: u, recovery: u, ageing: u, careHomeReferral: u, entries: u, entryMix: u };
 * const out = cohortDay(new Float64Array(32), p, { uniforms });
 * assert.equal(out.entries, 0);
 * ```
 */
export function cohortDay(
  counts: Float64Array,
  params: CohortParams,
  options: {
    uniforms: CohortUniforms;
    deteriorationMultiplier?: Float64Array;
    /** Deaths per band since the last tick that happened outside the cells (in hospital). */
    otherDeaths?: Float64Array;
    out?: CohortDayOutcome;
  },
): CohortDayOutcome {
  const u = options.uniforms;
  const n = counts.length;
  const out = options.out ?? {
    deaths: new Float64Array(n),
    deteriorations: new Float64Array(n),
    careHomeReferrals: new Float64Array(n),
    entries: 0,
  };
  out.deaths.fill(0);
  out.deteriorations.fill(0);
  out.careHomeReferrals.fill(0);
  out.entries = 0;
  const delta = new Float64Array(n);
  const nBands = params.bands.length;
  const bandSize = new Float64Array(nBands);
  const expDeaths = new Float64Array(nBands);
  const expAgeOut = new Float64Array(nBands);
  const detMul = options.deteriorationMultiplier;
  for (let c = 0; c < n; c++) {
    const people = counts[c];
    const b = bandOf(c);
    const s = segmentIndexOf(c);
    const r = residenceOf(c);
    bandSize[b] += people;
    expDeaths[b] += people * params.pDeath[c];
    expAgeOut[b] += people * params.pAgeOut[c];
    const dead = binomialInverse(u.deaths(), people, params.pDeath[c]);
    let left = people - dead;
    const pDet = Math.min(1, params.pDeteriorate[c] * (detMul ? detMul[c] : 1));
    const det = binomialInverse(u.deterioration(), left, pDet);
    left -= det;
    const rec = binomialInverse(u.recovery(), left, params.pRecover[c]);
    left -= rec;
    const aged = binomialInverse(u.ageing(), left, params.pAgeOut[c]);
    out.careHomeReferrals[c] = binomialInverse(
      u.careHomeReferral(),
      people - dead,
      params.pCareHomeReferral[c],
    );
    out.deaths[c] = dead;
    out.deteriorations[c] = det;
    delta[c] -= dead + det + rec + aged;
    if (det > 0) delta[cellIndex(b, s + 1, r)] += det;
    if (rec > 0) delta[cellIndex(b, s - 1, r)] += rec;
    if (aged > 0) delta[cellIndex(b + 1, s, r)] += aged;
  }
  for (let b = 0; b < nBands; b++) {
    const ageIn = b > 0 ? expAgeOut[b - 1] : 0;
    const growth = bandSize[b] * (Math.pow(1 + params.growthRatePerYear[b], 1 / 365) - 1);
    const other = options.otherDeaths ? options.otherDeaths[b] : 0;
    const expected = Math.max(0, growth + expDeaths[b] + other + expAgeOut[b] - ageIn);
    let k = poissonInverse(u.entries(), expected);
    out.entries += k;
    let restShare = 1;
    for (let s = 0; s < 3; s++) {
      const share = params.entrySegmentShares[b * 4 + s];
      const ks = binomialInverse(u.entryMix(), k, restShare > 0 ? share / restShare : 0);
      delta[cellIndex(b, s, HOME)] += ks;
      k -= ks;
      restShare -= share;
    }
    delta[cellIndex(b, 3, HOME)] += k;
  }
  for (let c = 0; c < n; c++) counts[c] += delta[c];
  return out;
}
