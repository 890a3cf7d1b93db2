/**
 * A scenario's own population projection (a local authority's table: people by single year of
 * age for consecutive years) as the population's starting counts and its births and net
 * migration year by year. The solved demography (rates by single year of age and segment) is
 * kept; each age's people are rescaled to the table's first year, keeping the age's segment and
 * residence mix; the births and net migration that make the model's ageing and death rates
 * reproduce the table (`projectionInputs`, the residual method) are spread over each age's
 * cells in its mix, and lumped into the scenario's bands, one set of inflows per projected
 * year (the last set holds after the table ends).
 *
 * @module
 */

import { lumpIntoBands } from "../demography/band_rates.ts";
import { CELLS_PER_GROUP } from "../demography/cells.ts";
import type { GridRates } from "../demography/dynamics.ts";
import { projectionInputs, type ProjectionTable } from "../demography/projection_table.ts";

/** A projection turned into the model's inputs, in band cells (not yet scaled to a size). */
export interface ProjectedDemography {
  /** People by band cell at the start (the table's first year). */
  counts: Float64Array;
  /** Band-level rates, flux-weighted at the projected population. */
  rates: GridRates;
  /**
   * Per projected year (the table's years − 1): inflow per year by band cell, and the rate of
   * ageing out of each band cell lumped at the year's mid-point people.
   */
  byYear: { inflowPerYear: Float64Array; ageingRate: Float64Array }[];
  /** People at the start (the table's first year, all ages). */
  total: number;
}

/** Model ages that a table age stands for: itself, or every model age from it for an open age. */
function modelAges(tableAge: number, tableAges: number, modelAgesCount: number): number[] {
  if (tableAge < tableAges - 1) return tableAge < modelAgesCount ? [tableAge] : [];
  const out: number[] = [];
  for (let a = tableAge; a < modelAgesCount; a++) out.push(a);
  return out;
}

/**
 * The model's inputs that follow a projection.
 *
 * @param solution The solved demography by single year of age (rates and counts).
 * @param table The projection (ages 0 … last, the last open).
 * @param options `minAgesYears`: the scenario's bands.
 * @returns Start counts, band rates and inflows per projected year.
 * @throws {RangeError} If the table has more single ages than the model (above its open age).
 *   A band whose moves out exceed its births and moves in gets a negative inflow: the cohort
 *   moves people out of it.
 *
 * @example A projection equal to the solved population needs no migration beyond the solution's
 * ```ts
 * import assert from "node:assert/strict";
 * import { defaultDemographyInputs } from "../demography/default_demography.ts";
 * import { solveStationaryRates } from "../demography/frailty_solver.ts";
 * const solution = solveStationaryRates(defaultDemographyInputs({ population: "stationary" }));
 * const ages = solution.counts.length / 8;
 * const byAge = Float64Array.from({ length: ages }, (_, a) => solution.counts.slice(a * 8, a * 8 + 8).reduce((s, x) => s + x, 0));
 * const p = projectedDemography(solution, { years: [2025, 2026], populationByYear: [byAge, byAge] }, { minAgesYears: [0, 65, 75, 85] });
 * const inflow = p.byYear[0]!.inflowPerYear.reduce((s, x) => s + x, 0);
 * const solved = solution.rates.inflowPerYear.reduce((s, x) => s + x, 0);
 * assert.ok(Math.abs(inflow / solved - 1) < 0.01, `${inflow} vs ${solved}`);
 * ```
 */
export function projectedDemography(
  solution: { rates: GridRates; counts: Float64Array },
  table: ProjectionTable,
  options: { minAgesYears: readonly number[] },
): ProjectedDemography {
  const G = CELLS_PER_GROUP;
  const nAges = solution.counts.length / G;
  const tableAges = table.populationByYear[0]!.length;
  if (tableAges > nAges) {
    throw new RangeError(
      `Cannot follow the projection: it has single ages up to ${
        tableAges - 1
      }, above the model's open age ${nAges - 1}+; make ${nAges - 1} the open age`,
    );
  }
  const peopleAt = (a: number) => {
    let s = 0;
    for (let k = 0; k < G; k++) s += solution.counts[a * G + k]!;
    return s;
  };
  // Each table age's people over its model ages in the solution's shape and mix.
  const countsAt = (row: ArrayLike<number>) => {
    const counts = new Float64Array(solution.counts.length);
    for (let t = 0; t < tableAges; t++) {
      const ages = modelAges(t, tableAges, nAges);
      const solved = ages.reduce((s, a) => s + peopleAt(a), 0);
      for (const a of ages) {
        for (let k = 0; k < G; k++) {
          const c = a * G + k;
          counts[c] = solved > 0 ? solution.counts[c]! * row[t]! / solved : 0;
        }
      }
    }
    return counts;
  };
  const deathByTableAge = new Float64Array(tableAges);
  for (let t = 0; t < tableAges; t++) {
    const ages = modelAges(t, tableAges, nAges);
    let deaths = 0;
    let people = 0;
    for (const a of ages) {
      for (let k = 0; k < G; k++) {
        deaths += solution.rates.deathRate[a * G + k]! * solution.counts[a * G + k]!;
        people += solution.counts[a * G + k]!;
      }
    }
    deathByTableAge[t] = people > 0 ? deaths / people : 0;
  }
  const start = table.populationByYear[0]!;
  const counts = countsAt(start);
  const flows = projectionInputs(table, { deathRateByAge: deathByTableAge });
  // Inflow of a model age split over its cells: the solution's own inflow mix at that age, or
  // (where the solution has none) the age's people at home by segment.
  const split = (a: number): Float64Array => {
    const w = new Float64Array(G);
    let sum = 0;
    for (let k = 0; k < G; k++) sum += solution.rates.inflowPerYear[a * G + k]!;
    if (sum > 0) {
      for (let k = 0; k < G; k++) w[k] = solution.rates.inflowPerYear[a * G + k]! / sum;
      return w;
    }
    let home = 0;
    for (let k = 0; k < G; k += 2) home += solution.counts[a * G + k]!;
    for (let k = 0; k < G; k += 2) w[k] = home > 0 ? solution.counts[a * G + k]! / home : 0;
    return w;
  };
  const lumpedAt = (inflowPerYear: Float64Array, at = counts) =>
    lumpIntoBands({ rates: { ...solution.rates, inflowPerYear }, counts: at }, options);
  const byYear = flows.map((f, y) => {
    const inflow = new Float64Array(solution.counts.length);
    for (let t = 0; t < tableAges; t++) {
      const amount = t === 0 ? f.birthsPerYear : f.netMigrationByAge[t]!;
      const ages = modelAges(t, tableAges, nAges);
      const solved = ages.reduce((s, a) => s + peopleAt(a), 0);
      for (const a of ages) {
        const share = ages.length === 1 ? 1 : solved > 0 ? peopleAt(a) / solved : 0;
        const w = split(a);
        for (let k = 0; k < G; k++) inflow[a * G + k] = amount * share * w[k]!;
      }
    }
    // Band rates lumped at the year's mid-point people, so each band's ageing out follows the
    // table's people at its top age as cohorts move through.
    const mid = table.populationByYear[y]!.map((x, t) =>
      (x + table.populationByYear[y + 1]![t]!) / 2
    );
    const lumped = lumpedAt(inflow, countsAt(mid)).rates;
    const band = lumped.inflowPerYear;
    options.minAgesYears.forEach((_, b) => {
      let net = 0;
      let gains = 0;
      for (let k = 0; k < G; k++) {
        net += band[b * G + k]!;
        gains += Math.max(0, band[b * G + k]!);
      }
      // Cells with a net outflow (out-migration at some ages of the band) are netted against
      // the band's gains, which keep their mix: the band's total inflow is unchanged.
      for (let k = 0; k < G; k++) {
        const c = b * G + k;
        band[c] = gains > 0 && net >= 0 ? Math.max(0, band[c]!) * net / gains : band[c]!;
      }
    });
    return { inflowPerYear: band, ageingRate: lumped.ageingRate };
  });
  const lumped = lumpedAt(solution.rates.inflowPerYear);
  return {
    counts: lumped.counts,
    rates: {
      ...lumped.rates,
      inflowPerYear: byYear[0]?.inflowPerYear ?? lumped.rates.inflowPerYear,
    },
    byYear,
    total: start.reduce((s, x) => s + x, 0),
  };
}
