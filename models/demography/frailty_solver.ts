/**
 * Solves the frailty transition rates that hold every age's segment mix steady in the open
 * population. For each single year of age, the flows into and out of each segment — ageing in
 * from the age below (with its mix) and out to the age above, deaths by segment, moves into a
 * care home, births and net migration, and the change needed to keep shares as the age group
 * grows or shrinks — leave one net flow between adjacent segments that the transitions must
 * carry. For each age and step one rate is given (evidence) and the other follows. Care-home
 * residents keep their own segment mix with their own (given) transitions, so admissions by
 * segment are what holds the residents' count and mix steady; their rates per person at home
 * are outputs. Inputs that would need a negative rate are rejected with a message naming them.
 *
 * @module
 */

import {
  AT_HOME,
  cell,
  CELLS_PER_GROUP,
  IN_CARE_HOME,
  SEGMENTS,
  type SegmentTuple,
} from "./cells.ts";
import { emptyGridRates, type GridRates } from "./dynamics.ts";
import { segmentDeathRates } from "./mortality.ts";
import { ageingRateByAge, populationGrowthPerYear, type PopulationInputs } from "./population.ts";

/** Everything the solver needs, by single year of age (index = age; the last is open-ended). */
export interface DemographyInputs extends PopulationInputs {
  /** Segment shares of each age, home and care home together: 4 per age, each age summing to 1. */
  prevalenceByAge: Float64Array;
  /**
   * Deterioration rates at home [1→2, 2→3, 3→4] per person-year, 3 per age. For each age and
   * step exactly one of deterioration and recovery is given; the other is `NaN` and is solved.
   */
  deteriorationRateByAge: Float64Array;
  /** Recovery rates at home [2→1, 3→2, 4→3] per person-year, 3 per age (`NaN` where solved). */
  recoveryRateByAge: Float64Array;
  /** Deterioration rates of care-home residents, 3 per age. */
  residentDeteriorationRateByAge: Float64Array;
  /** Recovery rates of care-home residents [2→1, 3→2, 4→3], 3 per age. */
  residentRecoveryRateByAge: Float64Array;
  /** Death rate ratio of each segment vs segment 1 (applied within each residence). */
  mortalityRateRatios: SegmentTuple;
  /** Share of each age living in a care home. */
  careHomeShareByAge: Float64Array;
  /** Segment mix of care-home residents (every age). */
  residentSegmentShares: SegmentTuple;
  /** Deaths per resident-year of care-home residents by age (part of the all-cause deaths). */
  residentDeathRateByAge: Float64Array;
}

/** The solved rates and the population they hold steady. */
export interface StationarySolution {
  /** Per-cell rates by single year of age. */
  rates: GridRates;
  /** The population by cell the rates were solved for. */
  counts: Float64Array;
}

const TOLERANCE = 1e-9;

/**
 * Solves stationary transition rates, care-home admissions and death rates by segment.
 *
 * @param inputs Population, flows, prevalence, care-home shares and given deterioration.
 * @returns Rates per cell and the population by cell.
 * @throws {TypeError} If an array has the wrong length.
 * @throws {RangeError} If an input is out of range, or the inputs make a steady mix impossible
 *   (the message names the age, the inputs and the smallest change that would work).
 *
 * @example Two ages, no care homes: the solved rates keep the mix
 * ```ts
 * import assert from "node:assert/strict";
 * import { projectExpected } from "./dynamics.ts";
 * import { segmentShares } from "./cells.ts";
 * import { stationaryPopulation } from "./population.ts";
 * const deathRateByAge = new Float64Array([0.02, 0.2]);
 * const populationByAge = stationaryPopulation(100, { deathRateByAge });
 * const solution = solveStationaryRates({
 *   populationByAge, deathRateByAge, birthsPerYear: 100, netMigrationByAge: new Float64Array(2),
 *   prevalenceByAge: new Float64Array([0.7, 0.2, 0.07, 0.03, 0.3, 0.3, 0.25, 0.15]),
 *   deteriorationRateByAge: new Float64Array([0.2, 0.2, NaN, 0.5, 0.5, NaN]),
 *   recoveryRateByAge: new Float64Array([NaN, NaN, 0.1, NaN, NaN, 0.1]),
 *   residentDeteriorationRateByAge: new Float64Array(6), residentRecoveryRateByAge: new Float64Array(6),
 *   mortalityRateRatios: [1, 2, 3, 4.5], careHomeShareByAge: new Float64Array(2),
 *   residentSegmentShares: [0, 0, 0.5, 0.5], residentDeathRateByAge: new Float64Array([0.4, 0.6]),
 * });
 * const later = projectExpected(solution.rates, { initial: solution.counts, years: 2 }).countsByYear[2];
 * assert.ok(Math.abs(segmentShares(later)[7] - 0.15) < 1e-9);
 * ```
 */
export function solveStationaryRates(inputs: DemographyInputs): StationarySolution {
  const ages = checkInputs(inputs);
  const growth = populationGrowthPerYear(inputs);
  const n = ages * CELLS_PER_GROUP;
  const rates = emptyGridRates(n);
  const counts = new Float64Array(n);
  const rho = inputs.residentSegmentShares;
  const ageing = ageingRateByAge(inputs.deathRateByAge);
  for (let a = 0; a < ages; a++) {
    const people = inputs.populationByAge[a];
    const residents = inputs.careHomeShareByAge[a] * people;
    const home = new Float64Array(SEGMENTS);
    const res = new Float64Array(SEGMENTS);
    let homeTotal = 0;
    for (let s = 0; s < SEGMENTS; s++) {
      res[s] = rho[s] * residents;
      home[s] = inputs.prevalenceByAge[a * SEGMENTS + s] * people - res[s];
      if (home[s] < -TOLERANCE * people) {
        throw new RangeError(
          `Cannot hold segment shares steady at age ${a}: care-home residents in segment ${
            s + 1
          } (residentSegmentShares[${s}] ${rho[s]} × careHomeShareByAge[${a}] ${
            inputs.careHomeShareByAge[a]
          }) exceed the age's share in that segment (prevalenceByAge[${a * SEGMENTS + s}] ${
            inputs.prevalenceByAge[a * SEGMENTS + s]
          }); lower the care-home share or the residents' share of segment ${s + 1}`,
        );
      }
      home[s] = Math.max(0, home[s]);
      homeTotal += home[s];
      counts[cell(a, s, AT_HOME)] = home[s];
      counts[cell(a, s, IN_CARE_HOME)] = res[s];
    }
    const homeMix = home.map((x) => (homeTotal > 0 ? x / homeTotal : 0));
    const ageOut = ageing[a];
    // Deaths: residents at their own rate; the rest of the all-cause deaths at home.
    const deaths = inputs.deathRateByAge[a] * people;
    const residentDeaths = inputs.residentDeathRateByAge[a] * residents;
    if (residentDeaths > deaths * (1 + TOLERANCE)) {
      throw new RangeError(
        `Cannot split deaths at age ${a}: care-home residents alone would die at ${residentDeaths} a year (residentDeathRateByAge[${a}] ${
          inputs.residentDeathRateByAge[a]
        } × careHomeShareByAge[${a}] ${
          inputs.careHomeShareByAge[a]
        } × people) but deathRateByAge[${a}] ${
          inputs.deathRateByAge[a]
        } gives ${deaths} deaths in all; lower the care-home share or the residents' death rate at this age`,
      );
    }
    const homeRates = segmentDeathRates(Math.max(0, deaths - residentDeaths), {
      people: home,
      rateRatios: inputs.mortalityRateRatios,
    });
    const resRates = segmentDeathRates(residentDeaths, {
      people: res,
      rateRatios: inputs.mortalityRateRatios,
    });
    // Inflows: ageing in from the age below, or births; net migration at the home mix.
    const inHome = new Float64Array(SEGMENTS);
    const inRes = new Float64Array(SEGMENTS);
    for (let s = 0; s < SEGMENTS; s++) {
      const migrants = inputs.netMigrationByAge[a] * homeMix[s];
      const entrants = a === 0 ? inputs.birthsPerYear * homeMix[s] : 0;
      rates.inflowPerYear[cell(a, s, AT_HOME)] = migrants + entrants;
      inHome[s] = migrants + entrants +
        (a > 0 ? ageing[a - 1] * counts[cell(a - 1, s, AT_HOME)] : 0);
      inRes[s] = a > 0 ? ageing[a - 1] * counts[cell(a - 1, s, IN_CARE_HOME)] : 0;
    }
    const shareOfGrowth = people > 0 ? growth[a] / people : 0;
    // Residents: their own transitions are given, so admissions by segment make up the rest.
    const resDet = inputs.residentDeteriorationRateByAge.subarray(a * 3, a * 3 + 3);
    const resRec = inputs.residentRecoveryRateByAge.subarray(a * 3, a * 3 + 3);
    const admitted = new Float64Array(SEGMENTS);
    const admissionRate = new Float64Array(SEGMENTS);
    for (let s = 0; s < SEGMENTS; s++) {
      const moves = (s < 3 ? resDet[s] * res[s] - resRec[s] * res[s + 1] : 0) -
        (s > 0 ? resDet[s - 1] * res[s - 1] - resRec[s - 1] * res[s] : 0);
      const needed = ageOut * res[s] + resRates[s] * res[s] + shareOfGrowth * res[s] + moves -
        inRes[s];
      if (needed < -TOLERANCE * Math.max(people, 1)) {
        throw new RangeError(
          `Cannot hold care-home residents steady at age ${a}: segment ${
            s + 1
          } would need ${-needed} residents a year to leave for home, which the model does not allow; make careHomeShareByAge[${a}] fall less steeply from age ${
            a - 1
          }, or change residentSegmentShares or residentDeteriorationRateByAge so that fewer residents reach segment ${
            s + 1
          }`,
        );
      }
      admitted[s] = Math.max(0, needed);
      if (admitted[s] > TOLERANCE * Math.max(people, 1) && !(home[s] > 0)) {
        throw new RangeError(
          `Cannot admit anyone in segment ${
            s + 1
          } to a care home at age ${a}: prevalenceByAge leaves nobody at home in that segment; lower residentSegmentShares[${s}] or raise prevalenceByAge[${
            a * SEGMENTS + s
          }]`,
        );
      }
      admissionRate[s] = home[s] > 0 ? admitted[s] / home[s] : 0;
    }
    const homeNet = new Float64Array(SEGMENTS);
    for (let s = 0; s < SEGMENTS; s++) {
      homeNet[s] = inHome[s] - ageOut * home[s] - homeRates[s] * home[s] - admitted[s] -
        shareOfGrowth * home[s];
    }
    const chain = solveChain(homeNet, home, { inputs, age: a, people });
    for (let s = 0; s < SEGMENTS; s++) {
      const h = cell(a, s, AT_HOME);
      const r = cell(a, s, IN_CARE_HOME);
      rates.deathRate[h] = homeRates[s];
      rates.deathRate[r] = resRates[s];
      rates.ageingRate[h] = ageOut;
      rates.ageingRate[r] = ageOut;
      rates.careHomeAdmissionRate[h] = admissionRate[s];
      if (s < 3) {
        rates.deteriorationRate[h] = chain.deterioration[s];
        rates.deteriorationRate[r] = resDet[s];
      }
      if (s > 0) {
        rates.recoveryRate[h] = chain.recovery[s - 1];
        rates.recoveryRate[r] = resRec[s - 1];
      }
    }
  }
  return { rates, counts };
}

/**
 * The home transitions of one age: per step, the given rate and the solved one. The net flow
 * that must cross from segment s to s+1 is the sum of the other net flows into segments 1..s.
 */
function solveChain(
  net: Float64Array,
  stock: Float64Array,
  context: { inputs: DemographyInputs; age: number; people: number },
): { deterioration: [number, number, number]; recovery: [number, number, number] } {
  const { inputs, age: a } = context;
  const deterioration: [number, number, number] = [0, 0, 0];
  const recovery: [number, number, number] = [0, 0, 0];
  let cross = 0;
  const slack = TOLERANCE * Math.max(context.people, 1);
  for (let s = 0; s < 3; s++) {
    cross += net[s];
    const i = a * 3 + s;
    if (Number.isNaN(inputs.recoveryRateByAge[i])) {
      deterioration[s] = inputs.deteriorationRateByAge[i];
      const back = deterioration[s] * stock[s] - cross;
      if (back < -slack || (stock[s + 1] === 0 && Math.abs(back) > slack)) {
        const needed = stock[s] > 0 ? cross / stock[s] : Infinity;
        throw new RangeError(
          `Cannot hold segment shares steady at age ${a}: ${
            cross.toPrecision(4)
          } people a year at home must move from segment ${s + 1} to ${
            s + 2
          }, but deteriorationRateByAge[${i}] = ${deterioration[s]} per person-year moves only ${
            (deterioration[s] * stock[s]).toPrecision(4)
          }, so recovery would be negative; raise deteriorationRateByAge[${i}] to at least ${
            needed.toPrecision(4)
          }, or make prevalenceByAge rise less steeply into segments ${s + 2}–4 at age ${a}`,
        );
      }
      recovery[s] = stock[s + 1] > 0 ? Math.max(0, back) / stock[s + 1] : 0;
    } else {
      recovery[s] = inputs.recoveryRateByAge[i];
      const forward = cross + recovery[s] * stock[s + 1];
      if (forward < -slack || (stock[s] === 0 && Math.abs(forward) > slack)) {
        throw new RangeError(
          `Cannot hold segment shares steady at age ${a}: ${
            (-cross).toPrecision(4)
          } people a year at home must move back from segment ${s + 2} to ${
            s + 1
          }, more than recoveryRateByAge[${i}] = ${
            recovery[s]
          } per person-year gives, so deterioration would be negative; raise recoveryRateByAge[${i}] to at least ${
            (stock[s + 1] > 0 ? -cross / stock[s + 1] : Infinity).toPrecision(4)
          }, or make prevalenceByAge fall less steeply out of segments ${s + 2}–4 at age ${a}`,
        );
      }
      deterioration[s] = stock[s] > 0 ? Math.max(0, forward) / stock[s] : 0;
    }
  }
  return { deterioration, recovery };
}

function checkInputs(inputs: DemographyInputs): number {
  const ages = inputs.populationByAge.length;
  const lengths: [keyof DemographyInputs, number][] = [
    ["deathRateByAge", ages],
    ["netMigrationByAge", ages],
    ["prevalenceByAge", ages * 4],
    ["deteriorationRateByAge", ages * 3],
    ["recoveryRateByAge", ages * 3],
    ["residentDeteriorationRateByAge", ages * 3],
    ["residentRecoveryRateByAge", ages * 3],
    ["careHomeShareByAge", ages],
    ["residentDeathRateByAge", ages],
  ];
  for (const [key, length] of lengths) {
    const got = (inputs[key] as Float64Array).length;
    if (got !== length) {
      throw new TypeError(
        `Cannot solve demography: ${key} has ${got} values but ${length} were expected for ${ages} ages`,
      );
    }
  }
  for (let i = 0; i < ages * 3; i++) {
    const det = inputs.deteriorationRateByAge[i];
    const rec = inputs.recoveryRateByAge[i];
    if (Number.isNaN(det) === Number.isNaN(rec)) {
      throw new RangeError(
        `Cannot solve demography: at age ${Math.floor(i / 3)}, step ${i % 3 + 1}↔${
          i % 3 + 2
        } needs exactly one given rate, received deteriorationRateByAge[${i}] = ${det} and recoveryRateByAge[${i}] = ${rec}; set the solved one to NaN`,
      );
    }
    const given = Number.isNaN(det) ? ["recoveryRateByAge", rec] : ["deteriorationRateByAge", det];
    if (!(Number(given[1]) >= 0) || !Number.isFinite(Number(given[1]))) {
      throw new RangeError(
        `Cannot solve demography: ${given[0]}[${i}] must be a finite number ≥ 0, received ${
          given[1]
        }`,
      );
    }
  }
  const nonNegative: (keyof DemographyInputs)[] = [
    "populationByAge",
    "deathRateByAge",
    "prevalenceByAge",
    "residentDeteriorationRateByAge",
    "residentRecoveryRateByAge",
    "careHomeShareByAge",
    "residentDeathRateByAge",
    "residentSegmentShares",
    "mortalityRateRatios",
  ];
  for (const key of nonNegative) {
    const values = inputs[key] as ArrayLike<number>;
    for (let i = 0; i < values.length; i++) {
      if (!(values[i] >= 0) || !Number.isFinite(values[i])) {
        throw new RangeError(
          `Cannot solve demography: ${key}[${i}] must be a finite number ≥ 0, received ${
            values[i]
          }`,
        );
      }
    }
  }
  for (let a = 0; a < ages; a++) {
    let sum = 0;
    for (let s = 0; s < SEGMENTS; s++) sum += inputs.prevalenceByAge[a * SEGMENTS + s];
    if (Math.abs(sum - 1) > 1e-6) {
      throw new RangeError(
        `Cannot solve demography: prevalenceByAge at age ${a} sums to ${sum}; expected 1`,
      );
    }
    if (inputs.careHomeShareByAge[a] > 1) {
      throw new RangeError(
        `Cannot solve demography: careHomeShareByAge[${a}] is ${
          inputs.careHomeShareByAge[a]
        }; expected a share in [0, 1]`,
      );
    }
  }
  const rhoSum = inputs.residentSegmentShares.reduce((a, b) => a + b, 0);
  if (Math.abs(rhoSum - 1) > 1e-6) {
    throw new RangeError(
      `Cannot solve demography: residentSegmentShares sum to ${rhoSum}; expected 1`,
    );
  }
  return ages;
}
