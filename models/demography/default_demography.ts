/**
 * The default demography, built from the figures in docs/evidence.md: England's mid-2019
 * population by single year of age (to 90+), all-cause death rates by band (England & Wales
 * 2019), births and net migration per year, frailty prevalence and deterioration by band, and
 * care-home residents by band. Band figures become single-year curves with
 * {@linkcode bandProfile}; above 90 the population follows the stable-population shape of the
 * 85+ band's death and growth rates.
 * Each figure carries the docs/evidence.md anchor it comes from.
 *
 * @module
 */

import { DEFAULT_SEGMENT_PREVALENCE } from "../../scenarios/default_age_bands.ts";
import { bandProfile, type BandValue } from "./age_profile.ts";
import type { SegmentTuple } from "./cells.ts";
import type { DemographyInputs } from "./frailty_solver.ts";
import { stationaryPopulation } from "./population.ts";
import { PortableMath } from "../../sim/mod.ts";
import { ENGLAND_2019_BY_AGE, ENGLAND_2019_OPEN_AGE } from "./england_2019_population.ts";

/** A default figure with the docs/evidence.md anchor it comes from. */
export interface SourcedValue<T> {
  /** The value. */
  value: T;
  /** docs/evidence.md anchor, e.g. `docs/evidence.md#m1-mortality-by-age`. */
  source: string;
  /** True when the value rests on an assumption rather than a published figure. */
  assumption: boolean;
}

const ev = <T>(value: T, anchor: string, assumption = false): SourcedValue<T> => ({
  value,
  source: `docs/evidence.md#${anchor}`,
  assumption,
});

/** The lowest age of each default band: 0–64, 65–74, 75–84, 85+. */
export const DEFAULT_BAND_MIN_AGES: readonly number[] = [0, 65, 75, 85];

/** Oldest single year of age tracked; it is open-ended (100+). */
export const OLDEST_AGE = 100;

/**
 * Every figure behind the default demography, with its source.
 *
 * @example Death rates by band reproduce the published 85+ rate of 140.9 per 1,000
 * ```ts
 * import assert from "node:assert/strict";
 * const d = DEMOGRAPHY_EVIDENCE.deathsByBand.value[3] / DEMOGRAPHY_EVIDENCE.deathPopulationByBand.value[3];
 * assert.equal(Math.round(d * 10000) / 10, 140.9);
 * ```
 */
export const DEMOGRAPHY_EVIDENCE = {
  /** England mid-2019 population by default band. */
  populationByBand: ev([45_933_245, 5_576_066, 3_380_599, 1_397_051], "d1-population-by-age"),
  /** Deaths by band, England & Wales 2019 (weekly registrations). */
  deathsByBand: ev([81_410, 87_492, 149_651, 208_681], "m1-mortality-by-age"),
  /** England & Wales mid-2019 population by band (denominator of the death rates). */
  deathPopulationByBand: ev(
    [48_423_748, 5_937_494, 3_597_153, 1_481_445],
    "m1-mortality-by-age",
  ),
  /** Observed compound growth per year by band, England mid-2015 → mid-2019 (85+: shape of ages 90+). */
  observedGrowthByBand: ev([0.0047, 0.0135, 0.0194, 0.0191], "d3-growth-by-age-band"),
  /** Live births per 1,000 people per year (UK, year to mid-2019). */
  birthsPer1000: ev(722_000 / 66_796.807, "d2-births-and-migration"),
  /** Net international migration per year, UK long-term assumption (2018-based NPP). */
  netMigrationUk: ev(190_000, "d2-births-and-migration"),
  /** UK mid-2019 population (to take England's share of UK migration). */
  populationUk: ev(66_796_807, "d2-births-and-migration"),
  /** Ages over which net migrants are spread evenly (assumption: no age profile published). */
  migrantAgesYears: ev([20, 34], "d2-births-and-migration", true),
  /** Segment shares by band (F3/B4 → segments; 85+: 58% moderate or severe). */
  prevalenceByBand: ev(
    DEFAULT_SEGMENT_PREVALENCE.map((shares) => [...shares] as SegmentTuple),
    "f1-frailty-prevalence-by-age",
  ),
  /** Segment 1 → 2 from age 50: fit → any frailty per person-year, 50–64 / 65–74 / 75–84 / 85+ (Walsh 2023). */
  fitToFrailByBand: ev([0.048, 0.13, 0.214, 0.38], "f2-frailty-transitions"),
  /** Below 50, recovery 2 → 1: prefrail → non-frail 19% per ≈2-year wave (TILDA), −ln(1 − 0.19) ÷ 2. */
  prefrailRecoveryRatePerYear: ev(-PortableMath.log(1 - 0.19) / 2, "f2-frailty-transitions", true),
  /**
   * Recovery 3 → 2 and 4 → 3 per person-year: frail → prefrail 21% per ≈2-year wave (TILDA),
   * −ln(1 − 0.21) ÷ 2; applied to both steps (the 4 → 3 figure is an assumption).
   */
  frailRecoveryRatePerYear: ev(-PortableMath.log(1 - 0.21) / 2, "f2-frailty-transitions", true),
  /** Death rate ratios by segment vs segment 1 (eFI 1-year mortality HRs, Clegg 2016). */
  mortalityRateRatios: ev([1, 1.92, 3.1, 4.52] as SegmentTuple, "m2-mortality-by-frailty-segment"),
  /** Care-home residents aged 65+, England 2016/17 (IAU). */
  residents65Plus: ev(274_000, "c1-care-home-residents"),
  /** Share of residents aged 65+ who are 85+ (Census 2011 59.2%, 2021 56.4%: midpoint). */
  residents85PlusShare: ev((0.592 + 0.564) / 2, "c1-care-home-residents"),
  /** Care-home share of 65–74 (assumption: no published split of 65–84). */
  careHomeShare65to74: ev(0.005, "c1-care-home-residents", true),
  /** Segment mix of care-home residents (assumption: residents are mostly frail). */
  residentSegmentShares: ev(
    [0.02, 0.13, 0.4, 0.45] as SegmentTuple,
    "c1-care-home-residents",
    true,
  ),
  /**
   * Deaths per resident-year, residents' average (mean stay to death 801 days ⇒ 365/801); by
   * age, the all-cause rate plus a constant excess (assumption: the age pattern is not published).
   */
  residentDeathRatePerYear: ev(365 / 801, "c2-care-home-flows-and-turnover"),
  /** Residents' deterioration: the fit → frail rate of their age at every step (assumption). */
  residentDeteriorationSource: ev(
    "fit → frail rate of the age",
    "c2-care-home-flows-and-turnover",
    true,
  ),
  /** Residents' recovery rates (assumption: none in care homes). */
  residentRecoveryRatePerYear: ev(0, "c2-care-home-flows-and-turnover", true),
  /** Share of all deaths in hospital (England 2016). */
  hospitalShareOfDeaths: ev(0.469, "m3-place-of-death"),
  /** Share of permanent residents' deaths in the care home (England 2014). */
  residentsDyingInCareHomeShare: ev(0.7, "m3-place-of-death"),
} as const;

const E = DEMOGRAPHY_EVIDENCE;
/** The fit → frailty rates are published from age 50; below it the recovery rate is given. */
const FIT_TO_FRAIL_FROM_AGE = 50;
const AGES = OLDEST_AGE + 1;

/**
 * All-cause death rate per person-year by band (deaths ÷ population, England & Wales 2019).
 *
 * @returns Rates for 0–64, 65–74, 75–84, 85+.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(Math.round(defaultDeathRateByBand()[1] * 10000) / 10, 14.7);
 * ```
 */
export function defaultDeathRateByBand(): number[] {
  return E.deathsByBand.value.map((d, b) => d / E.deathPopulationByBand.value[b]);
}

const bands = (values: readonly number[]): BandValue[] =>
  values.map((value, b) => ({ minAgeYears: DEFAULT_BAND_MIN_AGES[b], value }));

/**
 * England's mid-2019 population by single year of age: the ONS single years 0–89
 * ({@linkcode ENGLAND_2019_BY_AGE}), and the 90+ total spread over 90…100+ in the
 * stable-population shape exp(−(death rate + growth) × years past 90) of the 85+ band's rates.
 *
 * @returns People by age 0…100+.
 *
 * @example The band totals are England's, and so are the single years below 90
 * ```ts
 * import assert from "node:assert/strict";
 * const p = defaultPopulationByAge();
 * const over85 = p.slice(85).reduce((a, b) => a + b, 0);
 * assert.ok(Math.abs(over85 - 1_397_051) < 1e-6);
 * assert.equal(p[84], 242_740);
 * ```
 */
export function defaultPopulationByAge(): Float64Array {
  const out = new Float64Array(AGES);
  for (let a = 0; a < ENGLAND_2019_OPEN_AGE; a++) out[a] = ENGLAND_2019_BY_AGE[a];
  const oldest = DEFAULT_BAND_MIN_AGES.length - 1;
  const decay = PortableMath.exp(
    -(defaultDeathRateByBand()[oldest] + E.observedGrowthByBand.value[oldest]),
  );
  let sum = 0;
  for (let a = ENGLAND_2019_OPEN_AGE; a < AGES; a++) {
    // The open last age holds the whole geometric tail.
    out[a] = PortableMath.pow(decay, a - ENGLAND_2019_OPEN_AGE) / (a === AGES - 1 ? 1 - decay : 1);
    sum += out[a];
  }
  const open = ENGLAND_2019_BY_AGE[ENGLAND_2019_OPEN_AGE];
  for (let a = ENGLAND_2019_OPEN_AGE; a < AGES; a++) out[a] *= open / sum;
  return out;
}

/** Which population the default inputs describe. */
export interface DefaultDemographyOptions {
  /**
   * `"england-2019"` (default): England's mid-2019 population with births and net migration;
   * `"stationary"`: the stationary population of the same births and death rates, no migration.
   */
  population?: "england-2019" | "stationary";
}

/**
 * The default inputs of {@linkcode solveStationaryRates}, from docs/evidence.md.
 *
 * @param options Which population (default England mid-2019).
 * @returns Inputs by single year of age 0…100+.
 *
 * @example 2.65% of people 65+ live in a care home
 * ```ts
 * import assert from "node:assert/strict";
 * const d = defaultDemographyInputs();
 * let residents = 0, people = 0;
 * for (let a = 65; a < d.populationByAge.length; a++) {
 *   residents += d.populationByAge[a] * d.careHomeShareByAge[a];
 *   people += d.populationByAge[a];
 * }
 * assert.ok(Math.abs(residents / people - 274_000 / people) < 1e-9);
 * ```
 */
export function defaultDemographyInputs(options: DefaultDemographyOptions = {}): DemographyInputs {
  const england = defaultPopulationByAge();
  const deathRateByAge = bandProfile(bands(defaultDeathRateByBand()), england, {
    scale: "log",
    beyondEndKnots: "trend",
  });
  const total = england.reduce((a, b) => a + b, 0);
  const birthsPerYear = E.birthsPer1000.value * total / 1000;
  const stationary = options.population === "stationary";
  const populationByAge = stationary
    ? stationaryPopulation(birthsPerYear, { deathRateByAge })
    : england;
  const netMigrationByAge = new Float64Array(AGES);
  if (!stationary) {
    const [from, to] = E.migrantAgesYears.value;
    const perYear = E.netMigrationUk.value * total / E.populationUk.value;
    for (let a = from; a <= to; a++) netMigrationByAge[a] = perYear / (to - from + 1);
  }
  const fitToFrail = new Float64Array(AGES);
  fitToFrail.set(
    bandProfile(
      E.fitToFrailByBand.value.map((value, b) => ({
        minAgeYears: b === 0 ? 0 : DEFAULT_BAND_MIN_AGES[b] - FIT_TO_FRAIL_FROM_AGE,
        value,
      })),
      populationByAge.slice(FIT_TO_FRAIL_FROM_AGE),
      { scale: "log" },
    ),
    FIT_TO_FRAIL_FROM_AGE,
  );
  const deteriorationRateByAge = new Float64Array(AGES * 3).fill(NaN);
  const recoveryRateByAge = new Float64Array(AGES * 3).fill(NaN);
  for (let a = 0; a < AGES; a++) {
    if (a >= FIT_TO_FRAIL_FROM_AGE) deteriorationRateByAge[a * 3] = fitToFrail[a];
    else recoveryRateByAge[a * 3] = E.prefrailRecoveryRatePerYear.value;
    recoveryRateByAge[a * 3 + 1] = E.frailRecoveryRatePerYear.value;
    recoveryRateByAge[a * 3 + 2] = E.frailRecoveryRatePerYear.value;
  }
  const careHomeShareByAge = careHomeShareProfile(populationByAge);
  return {
    populationByAge,
    deathRateByAge,
    birthsPerYear,
    netMigrationByAge,
    prevalenceByAge: prevalenceProfile(E.prevalenceByBand.value, populationByAge),
    deteriorationRateByAge,
    recoveryRateByAge,
    residentDeteriorationRateByAge: residentDeterioration(fitToFrail),
    residentRecoveryRateByAge: new Float64Array(AGES * 3).fill(E.residentRecoveryRatePerYear.value),
    mortalityRateRatios: E.mortalityRateRatios.value,
    careHomeShareByAge,
    residentSegmentShares: E.residentSegmentShares.value,
    residentDeathRateByAge: residentDeathRates(deathRateByAge, careHomeShareByAge, populationByAge),
  };
}

/**
 * Care-home share by band for 65–74, 75–84 and 85+: 65–74 assumed, 85+ from the residents' age
 * mix, 75–84 the rest of the 65+ residents.
 *
 * @param populationByAge People by single year of age (for the band totals).
 * @returns Shares for 65–74, 75–84, 85+.
 *
 * @example About 11% of people 85+ live in a care home
 * ```ts
 * import assert from "node:assert/strict";
 * const s = defaultCareHomeShareByBand(defaultPopulationByAge());
 * assert.ok(s[2] > 0.11 && s[2] < 0.12);
 * ```
 */
export function defaultCareHomeShareByBand(
  populationByAge: Float64Array,
): [number, number, number] {
  const sum = (a: number, b: number) => populationByAge.slice(a, b).reduce((x, y) => x + y, 0);
  const [p65, p75, p85] = [sum(65, 75), sum(75, 85), sum(85, AGES)];
  const over85 = E.residents65Plus.value * E.residents85PlusShare.value;
  const at65 = E.careHomeShare65to74.value * p65;
  const at75 = E.residents65Plus.value - over85 - at65;
  return [E.careHomeShare65to74.value, at75 / p75, over85 / p85];
}

/** No care-home residents under 65; a smooth curve through the three older bands. */
function careHomeShareProfile(populationByAge: Float64Array): Float64Array {
  const shares = defaultCareHomeShareByBand(populationByAge);
  const older = bandProfile(
    shares.map((value, b) => ({ minAgeYears: DEFAULT_BAND_MIN_AGES[b + 1] - 65, value })),
    populationByAge.slice(65),
    { scale: "logit", beyondEndKnots: "trend" },
  );
  const out = new Float64Array(AGES);
  out.set(older, 65);
  return out;
}

/** Smooth prevalence: the cumulative shares P(segment ≥ 2), P(≥ 3), P(= 4) each follow a curve. */
function prevalenceProfile(
  byBand: readonly SegmentTuple[],
  populationByAge: Float64Array,
): Float64Array {
  const cumulative = [1, 2, 3].map((from) =>
    bandProfile(
      byBand.map((shares, b) => ({
        minAgeYears: DEFAULT_BAND_MIN_AGES[b],
        value: shares.slice(from).reduce((x, y) => x + y, 0),
      })),
      populationByAge,
      { scale: "logit", beyondEndKnots: "trend" },
    )
  );
  const out = new Float64Array(AGES * 4);
  for (let a = 0; a < AGES; a++) {
    const c = [1, cumulative[0][a], cumulative[1][a], cumulative[2][a], 0];
    for (let s = 0; s < 4; s++) out[a * 4 + s] = c[s] - c[s + 1];
  }
  return out;
}

/**
 * Residents die at the all-cause rate of their age plus a constant excess, set so that the
 * residents' average is the published deaths per resident-year (an additive excess hazard).
 */
function residentDeathRates(
  deathRateByAge: Float64Array,
  careHomeShareByAge: Float64Array,
  populationByAge: Float64Array,
): Float64Array {
  let residents = 0;
  let baseDeaths = 0;
  for (let a = 0; a < AGES; a++) {
    const r = careHomeShareByAge[a] * populationByAge[a];
    residents += r;
    baseDeaths += r * deathRateByAge[a];
  }
  const excess = E.residentDeathRatePerYear.value - baseDeaths / residents;
  return deathRateByAge.map((m) => m + excess);
}

/** Residents deteriorate at the fit → frail rate of their age at every step (assumption). */
function residentDeterioration(fitToFrail: Float64Array): Float64Array {
  const out = new Float64Array(AGES * 3);
  for (let a = 0; a < AGES; a++) out.fill(fitToFrail[a], a * 3, a * 3 + 3);
  return out;
}
