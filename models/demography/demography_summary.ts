/**
 * The figures a planner checks a demography against: deaths per 1,000 by band and where they
 * happen, care-home residents as shares of people 65+ and 85+, care-home admissions, turnover
 * and mean stay, the residents' and admitted people's segment mix, and the band-level
 * transition rates the model would use.
 *
 * @module
 */

import { lumpIntoBands } from "./band_rates.ts";
import { AT_HOME, cell, CELLS_PER_GROUP, IN_CARE_HOME, SEGMENTS } from "./cells.ts";
import type { GridRates } from "./dynamics.ts";
import {
  type HospitalDeathShares,
  hospitalDeathShares,
  type PlaceOfDeathInputs,
} from "./mortality.ts";
import { bandOf } from "./population.ts";

/** Band-level rates per person-year of people living at home, by segment. */
export interface BandTransitionRates {
  /** Band's lowest age. */
  minAgeYears: number;
  /** Deaths per person-year by segment. */
  deathRate: number[];
  /** Deterioration [1→2, 2→3, 3→4]. */
  deteriorationRate: number[];
  /** Recovery [2→1, 3→2, 4→3]. */
  recoveryRate: number[];
  /** Moves into a care home by segment. */
  careHomeAdmissionRate: number[];
  /** Ageing into the next band by segment. */
  ageingRate: number[];
}

/** Key figures of a solved demography. */
export interface DemographySummary {
  /** All-cause deaths per 1,000 people a year, by band. */
  deathsPer1000ByBand: number[];
  /** All-cause deaths per 1,000 people a year, all ages. */
  crudeDeathsPer1000: number;
  /** Share of each residence's deaths in hospital. */
  hospitalDeathShares: HospitalDeathShares;
  /** Share of all deaths that are care-home residents' deaths. */
  residentShareOfDeaths: number;
  /** Care-home residents as a share of people 65+. */
  residentsShareOf65Plus: number;
  /** Care-home residents as a share of people 85+. */
  residentsShareOf85Plus: number;
  /** Share of residents 65+ who are 85+. */
  residents85PlusShareOfResidents65Plus: number;
  /** Moves into a care home a year per resident (turnover). */
  admissionsPerResidentYear: number;
  /** Moves into a care home a year per 100,000 people 65+. */
  admissionsPer100k65Plus: number;
  /** Mean stay of a resident, years (residents ÷ admissions, Little's law). */
  meanStayYears: number;
  /** Segment mix of residents. */
  residentSegmentShares: number[];
  /** Segment mix of people moving into a care home. */
  admittedSegmentShares: number[];
  /** Band-level rates of people at home. */
  bands: BandTransitionRates[];
}

/**
 * Summarises a solved demography.
 *
 * @param solution Rates and counts by single year of age.
 * @param options `minAgesYears` of the bands to report; `placeOfDeath` shares.
 * @returns The key figures.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defaultDemographyInputs, DEFAULT_BAND_MIN_AGES } from "./default_demography.ts";
 * import { solveStationaryRates } from "./frailty_solver.ts";
 * const s = summarizeDemography(solveStationaryRates(defaultDemographyInputs()), {
 *   minAgesYears: DEFAULT_BAND_MIN_AGES,
 *   placeOfDeath: { hospitalShareOfDeaths: 0.469, residentsDyingInCareHomeShare: 0.7 },
 * });
 * assert.ok(Math.abs(s.crudeDeathsPer1000 - 8.8) < 0.05);
 * ```
 */
export function summarizeDemography(
  solution: { rates: GridRates; counts: Float64Array },
  options: { minAgesYears: readonly number[]; placeOfDeath: PlaceOfDeathInputs },
): DemographySummary {
  const { rates, counts } = solution;
  const bands = options.minAgesYears;
  const ages = counts.length / CELLS_PER_GROUP;
  const people = new Array<number>(bands.length).fill(0);
  const deaths = new Array<number>(bands.length).fill(0);
  const residentShares = new Array<number>(SEGMENTS).fill(0);
  const admittedShares = new Array<number>(SEGMENTS).fill(0);
  let homeDeaths = 0;
  let residentDeaths = 0;
  let over65 = 0;
  let over85 = 0;
  let residents65 = 0;
  let residents85 = 0;
  let admissions65 = 0;
  for (let a = 0; a < ages; a++) {
    const b = bandOf(a, bands);
    for (let s = 0; s < SEGMENTS; s++) {
      const h = cell(a, s, AT_HOME);
      const r = cell(a, s, IN_CARE_HOME);
      people[b] += counts[h] + counts[r];
      deaths[b] += rates.deathRate[h] * counts[h] + rates.deathRate[r] * counts[r];
      homeDeaths += rates.deathRate[h] * counts[h];
      residentDeaths += rates.deathRate[r] * counts[r];
      if (a >= 65) {
        over65 += counts[h] + counts[r];
        residents65 += counts[r];
        residentShares[s] += counts[r];
        const admitted = rates.careHomeAdmissionRate[h] * counts[h];
        admittedShares[s] += admitted;
        admissions65 += admitted;
      }
      if (a >= 85) {
        over85 += counts[h] + counts[r];
        residents85 += counts[r];
      }
    }
  }
  const band = lumpIntoBands(solution, { minAgesYears: bands });
  const perSegment = (x: Float64Array, b: number, from: number, to: number) => {
    const out: number[] = [];
    for (let s = from; s < to; s++) out.push(x[cell(b, s, AT_HOME)]);
    return out;
  };
  const totalPeople = people.reduce((x, y) => x + y, 0);
  return {
    deathsPer1000ByBand: deaths.map((d, b) => d / people[b] * 1000),
    crudeDeathsPer1000: deaths.reduce((x, y) => x + y, 0) / totalPeople * 1000,
    hospitalDeathShares: hospitalDeathShares(
      { home: homeDeaths, careHome: residentDeaths },
      options.placeOfDeath,
    ),
    residentShareOfDeaths: residentDeaths / (homeDeaths + residentDeaths),
    residentsShareOf65Plus: residents65 / over65,
    residentsShareOf85Plus: residents85 / over85,
    residents85PlusShareOfResidents65Plus: residents85 / residents65,
    admissionsPerResidentYear: admissions65 / residents65,
    admissionsPer100k65Plus: admissions65 / over65 * 100_000,
    meanStayYears: residents65 / admissions65,
    residentSegmentShares: residentShares.map((x) => x / residents65),
    admittedSegmentShares: admittedShares.map((x) => x / admissions65),
    bands: bands.map((minAgeYears, b) => ({
      minAgeYears,
      deathRate: perSegment(band.rates.deathRate, b, 0, 4),
      deteriorationRate: perSegment(band.rates.deteriorationRate, b, 0, 3),
      recoveryRate: perSegment(band.rates.recoveryRate, b, 1, 4),
      careHomeAdmissionRate: perSegment(band.rates.careHomeAdmissionRate, b, 0, 4),
      ageingRate: perSegment(band.rates.ageingRate, b, 0, 4),
    })),
  };
}
