/**
 * The population by single year of age and its flows: births into age 0, all-cause deaths by
 * age, net migration by age, and ageing. Ageing is the expected-value form of birthdays spread
 * over the year: a year of age is left by a birthday at the rate that makes the share of its
 * entrants who reach the next birthday exp(−death rate), and their mean time in it
 * (1 − exp(−death rate)) ÷ death rate, as in a cohort with that death rate over the year (the
 * last age, e.g. 100+, is open). Band growth is never an input: it emerges from these flows.
 *
 * @module
 */

import { cell, CELLS_PER_GROUP } from "./cells.ts";
import { emptyGridRates, projectExpected } from "./dynamics.ts";
import { PortableMath } from "../../sim/mod.ts";

/**
 * The rate of leaving a single year of age by a birthday, per person-year, at a death rate `m`
 * over the year: m·e^(−m) ÷ (1 − e^(−m)), so that of the people entering the year a share
 * e^(−m) reach the next birthday and the rest die, after a mean (1 − e^(−m)) ÷ m years in it,
 * as in a cohort. A rate of 1 (each person a year in the age) would overstate the people
 * reaching the next age by about m ÷ 2 of the age's stock a year: at 84, about 3.5%.
 *
 * @param deathRatePerYear All-cause death rate of the age, per person-year (0 or more).
 * @returns The ageing rate per person-year (1 at a death rate of 0).
 *
 * @example Survival to the next birthday is exp(−m)
 * ```ts
 * import assert from "node:assert/strict";
 * const m = 0.07;
 * const r = ageingRatePerYear(m);
 * assert.ok(Math.abs(r / (r + m) - Math.exp(-m)) < 1e-12);
 * assert.equal(ageingRatePerYear(0), 1);
 * ```
 */
export function ageingRatePerYear(deathRatePerYear: number): number {
  if (!(deathRatePerYear > 1e-9)) return 1 - deathRatePerYear / 2;
  const survive = PortableMath.exp(-deathRatePerYear);
  return deathRatePerYear * survive / (1 - survive);
}

/**
 * The ageing rate of every single year of age ({@linkcode ageingRatePerYear}); 0 for the open
 * last age.
 *
 * @param deathRateByAge All-cause death rates by age.
 * @returns Ageing rates per person-year by age.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = ageingRateByAge(new Float64Array([0, 0.1, 0.3]));
 * assert.equal(r[0], 1);
 * assert.equal(r[2], 0);
 * ```
 */
export function ageingRateByAge(deathRateByAge: Float64Array): Float64Array {
  const n = deathRateByAge.length;
  return deathRateByAge.map((m, a) => (a === n - 1 ? 0 : ageingRatePerYear(m)));
}

/** The demographic inputs, by single year of age (index = age; the last age is open-ended). */
export interface PopulationInputs {
  /** People by single year of age at the start. */
  populationByAge: Float64Array;
  /** All-cause deaths per person-year by age (every setting: home, care home, hospital). */
  deathRateByAge: Float64Array;
  /** Live births per year (they enter age 0). */
  birthsPerYear: number;
  /** Net migration by age, people per year (negative: net emigration). */
  netMigrationByAge: Float64Array;
}

/**
 * The rate of change of each single year of age, people per year, at the current population:
 * ageing in − ageing out − deaths + migration (+ births at age 0).
 *
 * @param inputs Population and flows.
 * @returns d(people)/dt by age.
 * @throws {RangeError} If the arrays differ in length.
 *
 * @example A stationary population does not change
 * ```ts
 * import assert from "node:assert/strict";
 * const deathRateByAge = new Float64Array([0.5, 1]);
 * const populationByAge = stationaryPopulation(3, { deathRateByAge });
 * const growth = populationGrowthPerYear({ populationByAge, deathRateByAge, birthsPerYear: 3, netMigrationByAge: new Float64Array(2) });
 * assert.ok(growth.every((g) => Math.abs(g) < 1e-12));
 * ```
 */
export function populationGrowthPerYear(inputs: PopulationInputs): Float64Array {
  const n = checkLengths(inputs);
  const { populationByAge: p, deathRateByAge: m, netMigrationByAge: mig } = inputs;
  const ageing = ageingRateByAge(m);
  const out = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const ageIn = a === 0 ? inputs.birthsPerYear : ageing[a - 1] * p[a - 1];
    const ageOut = ageing[a] * p[a];
    out[a] = ageIn - ageOut - m[a] * p[a] + mig[a];
  }
  return out;
}

/**
 * The stationary population of constant births and death rates with no migration: each age
 * holds what flows in divided by the rate of leaving it.
 *
 * @param birthsPerYear Live births per year.
 * @param options `deathRateByAge` (its length sets the number of ages; the last is open-ended
 *   and must have a death rate above 0).
 * @returns People by single year of age.
 * @throws {RangeError} If the last age's death rate is not above 0.
 *
 * @example Age 0 holds births × (1 − e^(−m)) ÷ m; the open age the survivors ÷ its death rate
 * ```ts
 * import assert from "node:assert/strict";
 * const p = stationaryPopulation(100, { deathRateByAge: new Float64Array([0.25, 0.5]) });
 * assert.ok(Math.abs(p[0] - 100 * (1 - Math.exp(-0.25)) / 0.25) < 1e-9);
 * assert.ok(Math.abs(p[1] - 100 * Math.exp(-0.25) / 0.5) < 1e-9);
 * ```
 */
export function stationaryPopulation(
  birthsPerYear: number,
  options: { deathRateByAge: Float64Array },
): Float64Array {
  const m = options.deathRateByAge;
  const n = m.length;
  if (!(m[n - 1] > 0)) {
    throw new RangeError(
      `Cannot build a stationary population: deathRateByAge[${
        n - 1
      }] (the open last age) must be above 0, received ${m[n - 1]}`,
    );
  }
  const p = new Float64Array(n);
  const ageing = ageingRateByAge(m);
  for (let a = 0; a < n; a++) {
    const ageIn = a === 0 ? birthsPerYear : ageing[a - 1] * p[a - 1];
    const leave = ageing[a] + m[a];
    p[a] = ageIn / leave;
  }
  return p;
}

/**
 * Sums single years of age into bands.
 *
 * @param byAge Values by single year of age.
 * @param minAgesYears Each band's lowest age, ascending from 0 (the last band is open).
 * @returns Band totals.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual([...bandTotals(new Float64Array([1, 2, 3, 4]), [0, 1, 3])], [1, 5, 4]);
 * ```
 */
export function bandTotals(byAge: Float64Array, minAgesYears: readonly number[]): Float64Array {
  const out = new Float64Array(minAgesYears.length);
  for (let a = 0; a < byAge.length; a++) out[bandOf(a, minAgesYears)] += byAge[a];
  return out;
}

/**
 * The band index holding a single year of age.
 *
 * @param age Age in years.
 * @param minAgesYears Each band's lowest age, ascending from 0.
 * @returns The band index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(bandOf(70, [0, 65, 75, 85]), 1);
 * ```
 */
export function bandOf(age: number, minAgesYears: readonly number[]): number {
  let b = 0;
  while (b + 1 < minAgesYears.length && age >= minAgesYears[b + 1]) b++;
  return b;
}

/**
 * Projects the population by single year of age with the expected-value dynamics (daily
 * steps): births, deaths, net migration and ageing, nothing else.
 *
 * @param inputs Population and flows (constant over the projection).
 * @param options `years` to project.
 * @returns People by age at the start and at the end of each year (years + 1 arrays).
 *
 * @example A stationary population stays put
 * ```ts
 * import assert from "node:assert/strict";
 * const deathRateByAge = new Float64Array([0.1, 0.5]);
 * const populationByAge = stationaryPopulation(10, { deathRateByAge });
 * const out = projectPopulation({ populationByAge, deathRateByAge, birthsPerYear: 10, netMigrationByAge: new Float64Array(2) }, { years: 3 });
 * assert.ok(Math.abs(out[3][1] - populationByAge[1]) < 1e-9);
 * ```
 */
export function projectPopulation(
  inputs: PopulationInputs,
  options: { years: number },
): Float64Array[] {
  const ages = checkLengths(inputs);
  const n = ages * CELLS_PER_GROUP;
  const rates = emptyGridRates(n);
  const initial = new Float64Array(n);
  const ageing = ageingRateByAge(inputs.deathRateByAge);
  for (let a = 0; a < ages; a++) {
    const c = cell(a, 0, 0);
    initial[c] = inputs.populationByAge[a];
    rates.deathRate[c] = inputs.deathRateByAge[a];
    rates.ageingRate[c] = ageing[a];
    rates.inflowPerYear[c] = inputs.netMigrationByAge[a] + (a === 0 ? inputs.birthsPerYear : 0);
  }
  const run = projectExpected(rates, { initial, years: options.years });
  return run.countsByYear.map((counts) => {
    const out = new Float64Array(ages);
    for (let a = 0; a < ages; a++) out[a] = counts[cell(a, 0, 0)];
    return out;
  });
}

function checkLengths(inputs: PopulationInputs): number {
  const n = inputs.populationByAge.length;
  for (const key of ["deathRateByAge", "netMigrationByAge"] as const) {
    if (inputs[key].length !== n) {
      throw new RangeError(
        `Cannot use population inputs: ${key} has ${
          inputs[key].length
        } ages but populationByAge has ${n}`,
      );
    }
  }
  return n;
}
