/**
 * The population's demography at set-up: the stationary rates of `models/demography` (deaths
 * by age, segment and residence; deterioration and recovery at home and in care homes; moves
 * into a care home; ageing out of each band by segment; births and net migration by band),
 * solved once by single year of age and lumped into the scenario's age bands, with the
 * population by cell scaled to the scenario's size. A solver error becomes a
 * {@linkcode ScenarioError} naming the field.
 *
 * @module
 */

import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { lumpIntoBands } from "../demography/band_rates.ts";
import { defaultDemographyInputs, DEMOGRAPHY_EVIDENCE } from "../demography/default_demography.ts";
import type { GridRates } from "../demography/dynamics.ts";
import { solveStationaryRates } from "../demography/frailty_solver.ts";
import { type HospitalDeathShares, hospitalDeathShares } from "../demography/mortality.ts";
import { projectedDemography } from "./projection_demography.ts";

/** Band-level rates per person-year and the starting population by cell. */
export interface PopulationDemography {
  /** Per-cell rates per person-year; `inflowPerYear` already scaled to the scenario's size. */
  rates: GridRates;
  /** People by cell at the start, scaled to `population.size` (not rounded). */
  counts: Float64Array;
  /**
   * Share of all-cause deaths that happen in hospital, for people at home and for care-home
   * residents ([M3](docs/evidence.md#m3-place-of-death): 46.9% of all deaths; 30% of
   * residents' deaths).
   */
  hospitalDeathShares: HospitalDeathShares;
  /**
   * With a population projection, for each projected year: the inflow per year by cell (scaled
   * like `rates.inflowPerYear`, which holds the first year's) and the ageing-out rate by cell;
   * the last year's hold after the table.
   */
  byYear?: { inflowPerYear: Float64Array; ageingRate: Float64Array }[];
}

const cache = new Map<string, PopulationDemography>();

/**
 * Solves the scenario's demography (cached by its inputs: the bands' lowest ages, the choice of
 * inputs and the size).
 *
 * @param scenario A resolved scenario.
 * @returns Rates and starting counts in the cohort's cell layout.
 * @throws {ScenarioError} If the bands or inputs make a steady segment mix impossible (the
 *   message names the field).
 *
 * @example The default population: about 2.65% of people 65+ live in a care home
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const d = populationDemography(parseScenario({ version: 1, population: { size: 100000 } }));
 * let old = 0, residents = 0;
 * for (let c = 8; c < d.counts.length; c++) {
 *   old += d.counts[c];
 *   if (c % 2 === 1) residents += d.counts[c];
 * }
 * assert.ok(Math.abs(residents / old - 0.0265) < 0.001);
 * ```
 */
export function populationDemography(scenario: Scenario): PopulationDemography {
  const pop = scenario.population;
  const minAgesYears = pop.ageBands.map((b) => b.minAgeYears);
  const projection = pop.demography.projection?.table;
  const key = cacheKey(scenario);
  const hit = cache.get(key);
  if (hit) return hit;
  let lumped;
  let byYear: PopulationDemography["byYear"];
  try {
    const solution = solveStationaryRates(
      defaultDemographyInputs({
        population: pop.demography.inputs === "stationary" ? "stationary" : "england-2019",
      }),
    );
    if (projection) {
      const p = projectedDemography(solution, {
        years: projection.years,
        populationByYear: projection.populationByYear.map((r) => Float64Array.from(r)),
      }, { minAgesYears });
      lumped = { counts: p.counts, rates: p.rates };
      byYear = p.byYear;
    } else {
      lumped = lumpIntoBands(solution, { minAgesYears });
    }
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    const field = e.message.startsWith("Cannot lump")
      ? "population.ageBands[].minAgeYears"
      : e.message.startsWith("Cannot follow the projection")
      ? "population.demography.projection"
      : "population.demography.inputs";
    throw new ScenarioError("Cannot build the population's demography", [
      `${field}: ${e.message}`,
    ]);
  }
  const deaths = { home: 0, careHome: 0 };
  lumped.counts.forEach((x, c) => {
    if (c % 2 === 0) deaths.home += x * lumped.rates.deathRate[c];
    else deaths.careHome += x * lumped.rates.deathRate[c];
  });
  const shares = hospitalDeathShares(deaths, {
    hospitalShareOfDeaths: DEMOGRAPHY_EVIDENCE.hospitalShareOfDeaths.value,
    residentsDyingInCareHomeShare: DEMOGRAPHY_EVIDENCE.residentsDyingInCareHomeShare.value,
  });
  const total = lumped.counts.reduce((a, b) => a + b, 0);
  const scale = pop.size / total;
  const out: PopulationDemography = {
    rates: {
      ...lumped.rates,
      inflowPerYear: lumped.rates.inflowPerYear.map((x) => x * scale),
    },
    counts: lumped.counts.map((x) => x * scale),
    hospitalDeathShares: shares,
    ...(byYear
      ? {
        byYear: byYear.map((y) => ({
          inflowPerYear: y.inflowPerYear.map((x) => x * scale),
          ageingRate: y.ageingRate,
        })),
      }
      : {}),
  };
  cache.set(key, out);
  return out;
}

function cacheKey(scenario: Scenario): string {
  const pop = scenario.population;
  return JSON.stringify([
    pop.ageBands.map((b) => b.minAgeYears),
    pop.demography.inputs,
    pop.size,
    pop.demography.projection?.table ?? null,
  ]);
}

/**
 * Hands this thread a demography {@linkcode populationDemography} solved elsewhere for the
 * same scenario (a replication worker receives the one the main thread solved), so it is not
 * solved again here.
 *
 * @param scenario The resolved scenario it was solved for.
 * @param demography Its `populationDemography(scenario)`, e.g. after a structured clone.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 4321 } });
 * const solved = structuredClone(populationDemography(s));
 * usePopulationDemography(s, solved);
 * assert.equal(populationDemography(s), solved);
 * ```
 */
export function usePopulationDemography(
  scenario: Scenario,
  demography: PopulationDemography,
): void {
  cache.set(cacheKey(scenario), demography);
}
