/**
 * Deterministic (expected-value) dynamics of the cells: each day every flow moves its expected
 * number of people — deaths, deterioration, recovery, moves into a care home, ageing into the
 * next age group, births and net migration. This is the mean of the model's stochastic cohort
 * tick, used to check that solved rates hold a population steady and to project band growth.
 *
 * @module
 */

import { CELLS_PER_GROUP, IN_CARE_HOME, SEGMENTS } from "./cells.ts";
import { PortableMath } from "../../sim/mod.ts";

/** Per-cell rates (per person-year) and inflows (people per year) of an age grid. */
export interface GridRates {
  /** All-cause deaths per person-year. */
  deathRate: Float64Array;
  /** Moves to the next segment (s → s+1) per person-year; 0 in segment 4. */
  deteriorationRate: Float64Array;
  /** Moves to the previous segment (s → s−1) per person-year; 0 in segment 1. */
  recoveryRate: Float64Array;
  /** Moves from home into a care home (same segment) per person-year; 0 in care homes. */
  careHomeAdmissionRate: Float64Array;
  /** Moves into the next age group (same segment and residence) per person-year. */
  ageingRate: Float64Array;
  /** People entering the cell per year: births (first group) and net migration. */
  inflowPerYear: Float64Array;
}

/**
 * Rates of a grid with every rate and inflow 0.
 *
 * @param cells Number of cells (8 per age group).
 * @returns Zero rates, ready to fill.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(emptyGridRates(16).ageingRate.length, 16);
 * ```
 */
export function emptyGridRates(cells: number): GridRates {
  return {
    deathRate: new Float64Array(cells),
    deteriorationRate: new Float64Array(cells),
    recoveryRate: new Float64Array(cells),
    careHomeAdmissionRate: new Float64Array(cells),
    ageingRate: new Float64Array(cells),
    inflowPerYear: new Float64Array(cells),
  };
}

/** A secular trend: compound relative change per year of age-specific rates. */
export interface SecularTrend {
  /** Relative change per year of every deterioration rate (0.01 = +1% a year). */
  deteriorationPerYear?: number;
  /** Relative change per year of every death rate (−0.01 = −1% a year). */
  mortalityPerYear?: number;
}

/** Year-by-year results of {@linkcode projectExpected}. */
export interface ExpectedProjection {
  /** Counts by cell at the start and at the end of each year (years + 1 snapshots). */
  countsByYear: Float64Array[];
  /** Expected deaths by cell during each year. */
  deathsByYear: Float64Array[];
  /** Expected moves from home into a care home by cell during each year. */
  careHomeAdmissionsByYear: Float64Array[];
}

/**
 * Runs the expected-value dynamics with daily steps.
 *
 * @param rates Per-cell rates and inflows.
 * @param options `initial` counts by cell, `years`, optional `stepsPerYear` (default 365) and
 *   `trend`.
 * @returns Counts at the start and end of each year, with deaths and care-home admissions.
 * @throws {RangeError} If the arrays do not all have the same whole number of age groups.
 *
 * @example One cell with deaths only decays like exp(−rate)
 * ```ts
 * import assert from "node:assert/strict";
 * const z = () => new Float64Array(8);
 * const deathRate = z();
 * deathRate[0] = 0.1;
 * const initial = z();
 * initial[0] = 1000;
 * const out = projectExpected(
 *   { deathRate, deteriorationRate: z(), recoveryRate: z(), careHomeAdmissionRate: z(), ageingRate: z(), inflowPerYear: z() },
 *   { initial, years: 1, stepsPerYear: 10000 },
 * );
 * assert.ok(Math.abs(out.countsByYear[1][0] - 1000 * Math.exp(-0.1)) < 0.01);
 * ```
 */
export function projectExpected(
  rates: GridRates,
  options: {
    initial: Float64Array;
    years: number;
    stepsPerYear?: number;
    trend?: SecularTrend;
  },
): ExpectedProjection {
  const n = options.initial.length;
  for (const [key, array] of Object.entries(rates)) {
    if (array.length !== n || n % CELLS_PER_GROUP !== 0) {
      throw new RangeError(
        `Cannot project: rates.${key} has ${array.length} cells but initial has ${n}; expected the same multiple of ${CELLS_PER_GROUP}`,
      );
    }
  }
  checkMoves(rates);
  const steps = options.stepsPerYear ?? 365;
  const h = 1 / steps;
  const detTrend = 1 + (options.trend?.deteriorationPerYear ?? 0);
  const deathTrend = 1 + (options.trend?.mortalityPerYear ?? 0);
  const counts = options.initial.slice();
  const delta = new Float64Array(n);
  const countsByYear = [counts.slice()];
  const deathsByYear: Float64Array[] = [];
  const careHomeAdmissionsByYear: Float64Array[] = [];
  for (let year = 0; year < options.years; year++) {
    const deaths = new Float64Array(n);
    const admissions = new Float64Array(n);
    for (let k = 0; k < steps; k++) {
      const t = year + k * h;
      const detF = PortableMath.pow(detTrend, t);
      const deathF = PortableMath.pow(deathTrend, t);
      delta.fill(0);
      for (let c = 0; c < n; c++) {
        const x = counts[c];
        const dead = x * rates.deathRate[c] * deathF * h;
        const det = x * rates.deteriorationRate[c] * detF * h;
        const rec = x * rates.recoveryRate[c] * h;
        const adm = x * rates.careHomeAdmissionRate[c] * h;
        const aged = x * rates.ageingRate[c] * h;
        deaths[c] += dead;
        admissions[c] += adm;
        delta[c] += rates.inflowPerYear[c] * h - dead - det - rec - adm - aged;
        if (det !== 0) delta[c + 2] += det;
        if (rec !== 0) delta[c - 2] += rec;
        if (adm !== 0) delta[c + IN_CARE_HOME] += adm;
        if (aged !== 0) delta[c + CELLS_PER_GROUP] += aged;
      }
      for (let c = 0; c < n; c++) counts[c] += delta[c];
    }
    countsByYear.push(counts.slice());
    deathsByYear.push(deaths);
    careHomeAdmissionsByYear.push(admissions);
  }
  return { countsByYear, deathsByYear, careHomeAdmissionsByYear };
}

/** Rejects moves that would leave the grid: past segment 4, below segment 1, out of the last group. */
function checkMoves(rates: GridRates): void {
  const n = rates.deathRate.length;
  for (let c = 0; c < n; c++) {
    const s = (c >> 1) % SEGMENTS;
    const residence = c & 1;
    const bad = (s === SEGMENTS - 1 && rates.deteriorationRate[c] !== 0)
      ? "deteriorationRate"
      : (s === 0 && rates.recoveryRate[c] !== 0)
      ? "recoveryRate"
      : (residence === IN_CARE_HOME && rates.careHomeAdmissionRate[c] !== 0)
      ? "careHomeAdmissionRate"
      : (c >= n - CELLS_PER_GROUP && rates.ageingRate[c] !== 0)
      ? "ageingRate"
      : undefined;
    if (bad) {
      throw new RangeError(
        `Cannot project: rates.${bad}[${c}] is ${
          rates[bad][c]
        } but that move would leave the grid; expected 0`,
      );
    }
  }
}
