/**
 * The stationarity of the baseline, measured: with the stationary demography (births equal to
 * deaths, no migration), no secular trend and no care model, each age band's segment shares,
 * its emergency admissions per 1,000 people, the care-home residents' segment shares (all ages)
 * and the occupied acute beds, year by year, and the change between two windows of years with
 * the tolerance the specification test (tests/baseline_stationarity_test.ts) allows: 4 standard
 * errors of the mean change over the replications, the standard error from its sampling
 * distribution (binomial for a share of the band's people or of the residents, Poisson for
 * admissions, the spread of a run's annual means for beds) or, if larger, from the spread of the
 * replications.
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import { SystemModel } from "../models/system_model.ts";
import { bandOf, isHome, segmentIndexOf } from "../models/population/cells.ts";
import { summarize } from "../sim/mod.ts";

/** One model year of one replication. */
export interface StationarityYear {
  /** Mean people by band over the year. */
  people: number[];
  /** Mean people by band × segment (index segment − 1) over the year. */
  bySegment: number[][];
  /** Mean care-home residents by segment (index segment − 1), all bands, over the year. */
  residents: number[];
  /** Emergency admissions by band in the year. */
  admissions: number[];
  /** Mean occupied acute beds over the year. */
  occupiedBeds: number;
}

/** A stationarity run: every replication's years. */
export interface StationarityRun {
  /** Age band ids, in order. */
  bands: string[];
  /** The default bed base of the scenario (sum of the sites' acute beds). */
  baseBeds: number;
  /** Replication r, model year y (0-based). */
  years: StationarityYear[][];
}

/** Options of {@linkcode runStationary}. */
export interface StationarityOptions {
  /** People at the start. */
  size: number;
  /** Model years. */
  years: number;
  /** Replications. */
  replications: number;
  /** Master seed. */
  seed: number;
}

const mean = (xs: readonly number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;

/** Standard error of the mean of `xs` from their spread (sd ÷ √n, as `summarize` gives the sd). */
const spreadSe = (xs: readonly number[]) => {
  const s = summarize(xs);
  return s.sd / Math.sqrt(s.n);
};

/**
 * Runs the zero-growth baseline. Capacities are unconstrained: demand, not queueing, is under
 * test (the stationary population is older than England's, so the default bed base would fill
 * and hold people in ED).
 *
 * @param options Size, years, replications, seed.
 * @returns Every replication's figures by model year.
 */
export function runStationary(options: StationarityOptions): StationarityRun {
  const scenario = parseScenario({
    version: 1,
    years: options.years,
    population: { size: options.size, demography: { inputs: "stationary" } },
  });
  const bands = scenario.population.ageBands.map((b) => b.id);
  const years = Array.from({ length: options.replications }, (_, replication) => {
    const model = new SystemModel(scenario, {
      seed: options.seed,
      replication,
      unconstrained: true,
    });
    model.run();
    const rec = model.record;
    return Array.from({ length: options.years }, (_, year): StationarityYear => {
      const people = new Array(bands.length).fill(0);
      const bySegment = bands.map(() => [0, 0, 0, 0]);
      const residents = [0, 0, 0, 0];
      const admissions = new Array(bands.length).fill(0);
      rec.personDaysByCell[year]!.forEach((d, c) => {
        people[bandOf(c)] += (d ?? 0) / 365;
        bySegment[bandOf(c)]![segmentIndexOf(c)] += (d ?? 0) / 365;
        if (!isHome(c)) residents[segmentIndexOf(c)]! += (d ?? 0) / 365;
      });
      rec.admissionsByCell[year]!.forEach((n, c) => (admissions[bandOf(c)] += n ?? 0));
      const occupied = rec.daily.acuteOccupied.slice(year * 365, (year + 1) * 365);
      return { people, bySegment, residents, admissions, occupiedBeds: mean(occupied) };
    });
  });
  const baseBeds = scenario.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
  return { bands, baseBeds, years };
}

/** One figure compared between two windows of years. */
export interface StationarityRow {
  /** What it is, e.g. "band 85+ segment 3 share". */
  what: string;
  /** Which kind of figure. */
  kind: "segment share" | "residents' segment share" | "admissions per 1,000" | "occupied beds";
  /** Band id (absent for beds). */
  band?: string;
  /** Segment 1–4 (segment shares only). */
  segment?: number;
  /** Mean over the replications in the first window. */
  first: number;
  /** Mean over the replications in the last window. */
  last: number;
  /** Mean change. */
  change: number;
  /** Allowed |change|: 4 standard errors. */
  tolerance: number;
}

/**
 * Compares the first `window` model years with the years `from` … `from + window − 1`, each
 * figure with its tolerance (see the module doc).
 *
 * @param run A stationarity run (at least 2 replications).
 * @param window Years pooled at each end.
 * @param from First model year (0-based) of the last window.
 * @returns One row per band × segment share, per band's admissions per 1,000, and beds.
 */
export function compareWindows(
  run: StationarityRun,
  window: number,
  from: number,
): StationarityRow[] {
  const replications = run.years.length;
  const pooled = (ys: StationarityYear[], first: number) => {
    const span = ys.slice(first, first + window);
    const avg = (f: (y: StationarityYear) => number) => mean(span.map(f));
    return {
      people: run.bands.map((_, b) => avg((y) => y.people[b]!)),
      bySegment: run.bands.map((_, b) => [0, 1, 2, 3].map((s) => avg((y) => y.bySegment[b]![s]!))),
      residents: [0, 1, 2, 3].map((s) => avg((y) => y.residents[s]!)),
      admissions: run.bands.map((_, b) => avg((y) => y.admissions[b]!)),
      beds: avg((y) => y.occupiedBeds),
    };
  };
  const ends = run.years.map((ys) => [pooled(ys, 0), pooled(ys, from)] as const);
  const rows: StationarityRow[] = [];
  const row = (
    base: Omit<StationarityRow, "first" | "last" | "change" | "tolerance">,
    first: number[],
    last: number[],
    sampleSe: number,
  ) => {
    const change = last.map((x, i) => x - first[i]!);
    rows.push({
      ...base,
      first: mean(first),
      last: mean(last),
      change: mean(change),
      tolerance: 4 * Math.max(sampleSe, spreadSe(change)),
    });
  };
  run.bands.forEach((band, b) => {
    const n = mean(ends.map(([f]) => f.people[b]!));
    for (let s = 0; s < 4; s++) {
      const share = (f: (typeof ends)[number][0]) => f.bySegment[b]![s]! / f.people[b]!;
      const p = mean(ends.map(([f]) => share(f)));
      // Binomial se of a share of n people, for the difference of the two ends, averaged over
      // the replications (the windows' years are not independent draws of the mix: no pooling).
      row(
        {
          what: `band ${band} segment ${s + 1} share`,
          kind: "segment share",
          band,
          segment: s + 1,
        },
        ends.map(([f]) => share(f)),
        ends.map(([, l]) => share(l)),
        Math.sqrt(2 * p * (1 - p) / n / replications),
      );
    }
    const rate = (f: (typeof ends)[number][0]) => 1000 * f.admissions[b]! / f.people[b]!;
    const admissions = mean(ends.map(([f]) => f.admissions[b]!));
    // Poisson se of a window's rate (`window` years of admissions), for the difference of the
    // two ends, over the replications.
    row(
      { what: `band ${band} admissions per 1,000`, kind: "admissions per 1,000", band },
      ends.map(([f]) => rate(f)),
      ends.map(([, l]) => rate(l)),
      mean(ends.map(([f]) => rate(f))) * Math.sqrt(2 / (admissions * window) / replications),
    );
  });
  const residents = mean(ends.map(([f]) => f.residents.reduce((a, x) => a + x, 0)));
  for (let s = 0; s < 4; s++) {
    const share = (f: (typeof ends)[number][0]) =>
      f.residents[s]! / f.residents.reduce((a, x) => a + x, 0);
    const p = mean(ends.map(([f]) => share(f)));
    row(
      {
        what: `care-home residents segment ${s + 1} share`,
        kind: "residents' segment share",
        segment: s + 1,
      },
      ends.map(([f]) => share(f)),
      ends.map(([, l]) => share(l)),
      Math.sqrt(2 * p * (1 - p) / residents / replications),
    );
  }
  // Beds: the se of an annual mean is the spread of a run's annual means (days within a year
  // are correlated through stays; any drift only widens it), over the window's years.
  const annualSd = mean(
    run.years.map((ys) => spreadSe(ys.map((y) => y.occupiedBeds)) * Math.sqrt(ys.length)),
  );
  row(
    { what: "occupied acute beds", kind: "occupied beds" },
    ends.map(([f]) => f.beds),
    ends.map(([, l]) => l.beds),
    annualSd * Math.sqrt(2 / window / replications),
  );
  return rows;
}
