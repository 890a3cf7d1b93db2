/**
 * The population as cohort cells (age band × need segment × residence) holding integer counts,
 * moved once a day by one-uniform binomial/Poisson draws: all-cause deaths, deterioration,
 * recovery, ageing to the next band by segment, referrals from home to a care home, and births
 * and net migration by band — rates solved at set-up by `models/demography`, so with no trend
 * every age's segment mix holds and band growth emerges. Pure functions over plain arrays; the
 * caller supplies the uniforms.
 *
 * @module
 */

import type { AgeBand } from "../../scenarios/default_age_bands.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { GridRates } from "../demography/dynamics.ts";
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
import { populationDemography } from "./demography_rates.ts";
import { awayShareByCell } from "./time_away.ts";
import { type CareHomeRoutes, careHomeRoutes } from "./care_home_routes.ts";
import { PortableMath } from "../../sim/mod.ts";

/** Per-cell daily probabilities and rates, precomputed from the scenario. */
export interface CohortParams {
  /** The scenario's bands. */
  bands: AgeBand[];
  /** Cell keys, by cell index. */
  cells: CellKey[];
  /**
   * Deaths outside hospital per person-year of the cell's people at home or in a care home,
   * before any secular trend (raised by the share of its people away in hospital).
   */
  deathRatePerYear: Float64Array;
  /**
   * Deaths in hospital per person-year of the cell's people in it (the hospital share of the
   * all-cause rate of all its people, including those away in hospital); emergency admissions
   * carry them.
   */
  hospitalDeathRatePerYear: Float64Array;
  /** Deterioration per person-year per cell, before any secular trend (0 for segment 4). */
  deteriorationRatePerYear: Float64Array;
  /** Daily death probability per cell. */
  pDeath: Float64Array;
  /** Daily deterioration probability per cell (0 for segment 4). */
  pDeteriorate: Float64Array;
  /** Daily recovery probability per cell (0 for segment 1). */
  pRecover: Float64Array;
  /** Daily probability of ageing into the next band per cell (0 in the last band). */
  pAgeOut: Float64Array;
  /** Daily probability of a referral from home to a care home per cell (0 in care homes). */
  pCareHomeReferral: Float64Array;
  /** How each cell's people reach a care home: discharge weights and referrals from home. */
  careHomeRoutes: CareHomeRoutes;
  /** Births and net migration per day, by band. */
  inflowPerDay: Float64Array;
  /** Segment shares of each band's inflow (4 per band). */
  inflowSegmentShares: Float64Array;
  /**
   * With a population projection: each projected year's inflow per day by band, its segment
   * shares and the daily probability of ageing out by cell (year 0 first; the last holds after
   * the table); `applyInflowYear` installs one.
   */
  inflowByYear?: { perDay: Float64Array; segmentShares: Float64Array; pAgeOut: Float64Array }[];
  /**
   * Mean of a segment rate-ratio vector under the segment mix of each band's people at home
   * (from the solved demography), so band-average rates equal the band's input rates.
   */
  meanRatio: (band: number, ratios: readonly number[]) => number;
}

const daily = (ratePerYear: number) => 1 - PortableMath.exp(-ratePerYear / 365);

/**
 * Precomputes cell keys and daily probabilities from the solved demography
 * ({@linkcode populationDemography}): deaths outside hospital (the all-cause rate less its
 * hospital share, which emergency admissions carry), deterioration and recovery per cell
 * (residents with their own), ageing out of each band by segment, births and net migration by
 * band, and referrals from home to a care home — the solved admission flow less the flow the
 * hospital discharges into care homes, cell by cell ({@linkcode careHomeRoutes}), so that the
 * two together hold the residents' number and mix steady. Deaths and transitions reach only the
 * people in the cells, so their rates are raised by the share of the cell's people away in
 * hospital.
 *
 * @param scenario A resolved scenario.
 * @returns The parameters.
 * @throws {ScenarioError} If a band's discharges to care homes exceed its solved care-home
 *   admissions, or the demography cannot be solved for the bands.
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
  const nCells = bands.length * CELLS_PER_BAND;
  const demography = populationDemography(scenario);
  const homeMix = bands.map((_b, i) => {
    const home = [0, 1, 2, 3].map((s) => demography.counts[cellIndex(i, s, HOME)]);
    const total = home.reduce((a, x) => a + x, 0);
    return home.map((x) => (total > 0 ? x / total : 0.25));
  });
  const meanRatio = (b: number, r: readonly number[]) =>
    homeMix[b].reduce((s, share, i) => s + share * r[i], 0) || 1;
  const rates = residentFallback(demography.rates, demography.counts);
  const cells: CellKey[] = [];
  const shares = demography.hospitalDeathShares;
  const inHospital = (c: number) => residenceOf(c) === HOME ? shares.home : shares.careHome;
  // All-cause deaths reach the people away in hospital too: the cell's rates carry them.
  const away = awayShareByCell(scenario, meanRatio);
  const deathRate = rates.deathRate.map((x, c) => x * (1 - inHospital(c)) / (1 - away[c]));
  const hospitalDeathRate = rates.deathRate.map((x, c) => x * inHospital(c) / (1 - away[c]));
  const routes = careHomeRoutes(scenario, {
    counts: demography.counts,
    rates,
    away,
    hospitalDeathRate,
    meanRatio,
  });
  // Transitions reach only the people in the cells: their rates are raised like the deaths'.
  const perPersonInCell = (x: Float64Array) => x.map((v, c) => v / (1 - away[c]!));
  const deterioration = perPersonInCell(rates.deteriorationRate);
  const recovery = perPersonInCell(rates.recoveryRate);
  const ageing = perPersonInCell(rates.ageingRate);
  const pDeath = new Float64Array(nCells);
  const pDeteriorate = new Float64Array(nCells);
  const pRecover = new Float64Array(nCells);
  const pAgeOut = new Float64Array(nCells);
  const pCareHomeReferral = new Float64Array(nCells);
  bands.forEach((band, b) => {
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
        pDeath[c] = daily(deathRate[c]);
        pDeteriorate[c] = daily(deterioration[c]);
        pRecover[c] = daily(recovery[c]);
        pAgeOut[c] = b < bands.length - 1 ? daily(ageing[c]) : 0;
        pCareHomeReferral[c] = daily(routes.referralRatePerYear[c]);
      }
    }
  });
  const inflow = bandInflows(rates.inflowPerYear, bands.length);
  const params: CohortParams = {
    bands,
    cells,
    deathRatePerYear: deathRate,
    hospitalDeathRatePerYear: hospitalDeathRate,
    deteriorationRatePerYear: deterioration,
    pDeath,
    pDeteriorate,
    pRecover,
    pAgeOut,
    pCareHomeReferral,
    careHomeRoutes: routes,
    inflowPerDay: inflow.perDay,
    inflowSegmentShares: inflow.segmentShares,
    ...(demography.byYear
      ? {
        inflowByYear: demography.byYear.map((y) => ({
          ...bandInflows(y.inflowPerYear, bands.length),
          pAgeOut: pAgeOut.map((_, c) =>
            bandOf(c) < bands.length - 1 ? daily(y.ageingRate[c] / (1 - away[c])) : 0
          ),
        })),
      }
      : {}),
    meanRatio,
  };
  applyInflowYear(params, 0);
  return params;
}

/** Births and net migration per day by band, and each band's inflow segment shares. */
function bandInflows(
  inflowPerYear: Float64Array,
  nBands: number,
): { perDay: Float64Array; segmentShares: Float64Array } {
  const perDay = new Float64Array(nBands);
  const segmentShares = new Float64Array(nBands * 4);
  for (let b = 0; b < nBands; b++) {
    for (let s = 0; s < 4; s++) {
      for (const r of [HOME, CARE_HOME]) perDay[b] += inflowPerYear[cellIndex(b, s, r)] / 365;
    }
    for (let s = 0; s < 4; s++) {
      const inflow = inflowPerYear[cellIndex(b, s, HOME)] +
        inflowPerYear[cellIndex(b, s, CARE_HOME)];
      segmentShares[b * 4 + s] = perDay[b] > 0 ? inflow / 365 / perDay[b] : 0;
    }
  }
  return { perDay, segmentShares };
}

/**
 * Net migration out of band `b` (a projection's band whose moves out exceed its moves in):
 * `k` people leave its home cells in proportion to the people in them (three uniforms of the
 * entry mix, as entries draw), never more than are there.
 *
 * @returns How many left.
 */
function moveOut(
  counts: Float64Array,
  delta: Float64Array,
  b: number,
  k: number,
  u: CohortUniforms,
): number {
  let rest = 0;
  for (let s = 0; s < 4; s++) rest += counts[cellIndex(b, s, HOME)] + delta[cellIndex(b, s, HOME)];
  let left = 0;
  for (let s = 0; s < 4; s++) {
    const c = cellIndex(b, s, HOME);
    const here = counts[c] + delta[c];
    const ks = s < 3
      ? Math.min(here, binomialInverse(u.entryMix(), k, rest > 0 ? Math.min(1, here / rest) : 0))
      : Math.min(here, k);
    delta[c] -= ks;
    k -= ks;
    left += ks;
    rest -= here;
  }
  return left;
}

/**
 * Installs model year `year`'s (0-based) births, net migration and ageing out of each band of a
 * population projection; no change without one. Runs once a year, never per event.
 *
 * @param params Cohort parameters (modified).
 * @param year Model year; past the projection's last year its last year's inflow holds.
 *
 * @example Without a projection nothing changes
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const p = cohortParams(parseScenario({ version: 1, population: { size: 1000 } }));
 * const before = p.inflowPerDay.slice();
 * applyInflowYear(p, 3);
 * assert.deepEqual(p.inflowPerDay, before);
 * ```
 */
export function applyInflowYear(params: CohortParams, year: number): void {
  const byYear = params.inflowByYear;
  if (!byYear || byYear.length === 0) return;
  const y = byYear[Math.min(year, byYear.length - 1)]!;
  params.inflowPerDay.set(y.perDay);
  params.inflowSegmentShares.set(y.segmentShares);
  params.pAgeOut.set(y.pAgeOut);
}

/**
 * Sets the daily death and deterioration probabilities for model year `year` (0-based) under a
 * secular trend: each rate × (1 + change a year)^year. Runs once a year, never per event.
 *
 * @param params Cohort parameters (modified).
 * @param options `year` and the scenario's `trend`.
 *
 * @example Deaths falling 1% a year: year 2's rate is 0.99² of year 0's
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const p = cohortParams(parseScenario({ version: 1, population: { size: 10 } }));
 * applyTrend(p, { year: 2, trend: { deteriorationPerYear: 0, mortalityPerYear: -0.01 } });
 * const c = 31;
 * assert.ok(Math.abs(p.pDeath[c] - (1 - Math.exp(-p.deathRatePerYear[c] * 0.99 ** 2 / 365))) < 1e-15);
 * ```
 */
export function applyTrend(
  params: CohortParams,
  options: { year: number; trend: { deteriorationPerYear: number; mortalityPerYear: number } },
): void {
  const death = PortableMath.pow(1 + options.trend.mortalityPerYear, options.year);
  const det = PortableMath.pow(1 + options.trend.deteriorationPerYear, options.year);
  for (let c = 0; c < params.pDeath.length; c++) {
    params.pDeath[c] = daily(params.deathRatePerYear[c] * death);
    params.pDeteriorate[c] = daily(params.deteriorationRatePerYear[c] * det);
  }
}

/**
 * Residents' rates where the steady state has no residents (e.g. under 65): a person who is
 * discharged into a care home there dies, deteriorates and recovers like residents of the same
 * segment in the nearest band that has them, and ages at the rate of people at home.
 */
function residentFallback(rates: GridRates, counts: Float64Array): GridRates {
  const out: GridRates = {
    deathRate: rates.deathRate.slice(),
    deteriorationRate: rates.deteriorationRate.slice(),
    recoveryRate: rates.recoveryRate.slice(),
    careHomeAdmissionRate: rates.careHomeAdmissionRate,
    ageingRate: rates.ageingRate.slice(),
    inflowPerYear: rates.inflowPerYear,
  };
  const nBands = counts.length / CELLS_PER_BAND;
  for (let b = 0; b < nBands; b++) {
    for (let s = 0; s < 4; s++) {
      const c = cellIndex(b, s, CARE_HOME);
      if (counts[c] > 0) continue;
      let from = -1;
      for (let d = 1; d < nBands && from < 0; d++) {
        for (const nb of [b + d, b - d]) {
          if (nb >= 0 && nb < nBands && counts[cellIndex(nb, s, CARE_HOME)] > 0) {
            from = cellIndex(nb, s, CARE_HOME);
            break;
          }
        }
      }
      const home = cellIndex(b, s, HOME);
      const src = from >= 0 ? from : home;
      out.deathRate[c] = rates.deathRate[src];
      out.deteriorationRate[c] = rates.deteriorationRate[src];
      out.recoveryRate[c] = rates.recoveryRate[src];
      out.ageingRate[c] = rates.ageingRate[home];
    }
  }
  return out;
}

/**
 * Initial cell counts: the solved steady-state population by cell ({@linkcode
 * populationDemography}) scaled to `size`; a census total of care-home residents, when given,
 * rescales the residents of every band (each band keeps its size, the difference at home in the
 * band's home mix). Largest-remainder rounding keeps the total exactly `size`.
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
  const size = scenario.population.size;
  const target = populationDemography(scenario).counts.slice();
  const nBands = target.length / CELLS_PER_BAND;
  let residents = 0;
  for (let c = 0; c < target.length; c++) if (residenceOf(c) === CARE_HOME) residents += target[c];
  if (options.careHomeResidents !== undefined && residents > 0) {
    const scale = options.careHomeResidents / residents;
    for (let b = 0; b < nBands; b++) {
      let home = 0;
      let moved = 0;
      for (let s = 0; s < 4; s++) {
        home += target[cellIndex(b, s, HOME)];
        const c = cellIndex(b, s, CARE_HOME);
        const next = target[c] * scale;
        moved += next - target[c];
        target[c] = next;
      }
      if (moved > home) {
        throw new ScenarioError("Cannot start from the census", [
          `start.census.careHomeResidents: expected at most the people old enough to live in a care home, found ${options.careHomeResidents}; lower it`,
        ]);
      }
      for (let s = 0; s < 4; s++) target[cellIndex(b, s, HOME)] *= home > 0 ? 1 - moved / home : 1;
    }
  }
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
  /** Recoveries (one segment down) by cell index of origin. */
  recoveries: Float64Array;
  /** Moves into the next age band by cell index of origin. */
  aged: Float64Array;
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
 * @param options `uniforms`, optional `deteriorationMultiplier` per cell, and `out` buffers to
 *   reuse.
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
    out?: CohortDayOutcome;
  },
): CohortDayOutcome {
  const u = options.uniforms;
  const n = counts.length;
  const out = options.out ?? {
    deaths: new Float64Array(n),
    deteriorations: new Float64Array(n),
    recoveries: new Float64Array(n),
    aged: new Float64Array(n),
    careHomeReferrals: new Float64Array(n),
    entries: 0,
  };
  out.deaths.fill(0);
  out.deteriorations.fill(0);
  out.recoveries.fill(0);
  out.aged.fill(0);
  out.careHomeReferrals.fill(0);
  out.entries = 0;
  const delta = new Float64Array(n);
  const nBands = params.bands.length;
  const detMul = options.deteriorationMultiplier;
  for (let c = 0; c < n; c++) {
    const people = counts[c];
    const b = bandOf(c);
    const s = segmentIndexOf(c);
    const r = residenceOf(c);
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
    out.recoveries[c] = rec;
    out.aged[c] = aged;
    delta[c] -= dead + det + rec + aged;
    if (det > 0) delta[cellIndex(b, s + 1, r)] += det;
    if (rec > 0) delta[cellIndex(b, s - 1, r)] += rec;
    if (aged > 0) delta[cellIndex(b + 1, s, r)] += aged;
  }
  for (let b = 0; b < nBands; b++) {
    if (params.inflowPerDay[b] < 0) {
      out.entries -= moveOut(
        counts,
        delta,
        b,
        poissonInverse(u.entries(), -params.inflowPerDay[b]),
        u,
      );
      continue;
    }
    let k = poissonInverse(u.entries(), params.inflowPerDay[b]);
    out.entries += k;
    let restShare = 1;
    for (let s = 0; s < 3; s++) {
      const share = params.inflowSegmentShares[b * 4 + s];
      const ks = binomialInverse(
        u.entryMix(),
        k,
        restShare > 0 ? Math.min(1, share / restShare) : 0,
      );
      delta[cellIndex(b, s, HOME)] += ks;
      k -= ks;
      restShare -= share;
    }
    delta[cellIndex(b, 3, HOME)] += k;
  }
  for (let c = 0; c < n; c++) counts[c] += delta[c];
  return out;
}
