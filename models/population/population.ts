/**
 * The population part: integer counts of people in cohort cells (age band × need segment ×
 * residence), moved once a day by the cohort step (deaths, deterioration, recovery, ageing,
 * births and net migration), and the population account over the measured period. Individuals who leave the
 * cells for a bed (ED, acute, intermediate care) are taken out with {@linkcode Population.leave}
 * and put back with {@linkcode Population.arrive}.
 *
 * @module
 */

import type { ModelContext } from "../context.ts";
import type { Integrated } from "../recording/recorder.ts";
import { PeriodCounter } from "../../sim/mod.ts";
import { AGE_GROUPS, ageGroupOf } from "./age_groups.ts";
import { bandOf, CELLS_PER_BAND, isHome, segmentOf } from "./cells.ts";
import { FollowedPeople } from "./followed_people.ts";
import {
  applyInflowYear,
  applyTrend,
  cohortDay,
  type CohortDayOutcome,
  type CohortParams,
  cohortParams,
  type CohortUniforms,
  initialCounts,
} from "./cohort.ts";

/** The population account over the measured period. */
export interface PopulationAccountState {
  /** People at day 0 (everywhere). */
  start: number;
  /** People at the end. */
  end: number;
  /** Entries over the measured period (set at the end). */
  entries: number;
  /** Deaths over the measured period (set at the end). */
  deaths: number;
  /** Entries so far. */
  entriesSoFar: number;
  /** Deaths so far. */
  deathsSoFar: number;
}

/**
 * Flows of people in and out of the two residences of the cells, by model year: entries
 * (births and net migration, at home), deaths in each residence and away from the cells (in a
 * bed or another setting), and moves out of and into each residence (admissions, discharges,
 * moves into a care home). People away from the cells are everyone else alive.
 */
export interface ResidenceFlows {
  /** Births and net migration (into home cells). */
  entries: PeriodCounter;
  /** Deaths of people at home (cohort step). */
  deathsAtHome: PeriodCounter;
  /** Deaths of care-home residents in the home (cohort step). */
  deathsInCareHome: PeriodCounter;
  /** Deaths away from the cells (in hospital or another setting). */
  deathsAway: PeriodCounter;
  /** People leaving home cells. */
  outOfHome: PeriodCounter;
  /** People arriving in home cells. */
  intoHome: PeriodCounter;
  /** People leaving care-home cells. */
  outOfCareHome: PeriodCounter;
  /** People arriving in care-home cells. */
  intoCareHome: PeriodCounter;
}

/** The population part of one replication (see the module doc). */
export class Population {
  /** Cohort parameters. */
  readonly params: CohortParams;
  /** People per cell now (at home or in a care home, not away in a bed). */
  readonly counts: Float64Array;
  /** The population account. */
  readonly account: PopulationAccountState = {
    start: 0,
    end: 0,
    entries: 0,
    deaths: 0,
    entriesSoFar: 0,
    deathsSoFar: 0,
  };
  /** People per age band at the start of the measured period. */
  startByBand: Record<string, number> = {};
  /** People at home followed one by one (home-care packages and waits, care-home waits). */
  readonly followed: FollowedPeople;
  /** Flows in and out of each residence by model year (the account of people per setting). */
  readonly flows: ResidenceFlows;
  /** People at home and in care homes at the start of the measured period. */
  startByResidence = { atHome: 0, inCareHome: 0 };
  readonly #groupOfCell: Uint8Array;
  readonly #before: Float64Array;
  readonly #ctx: ModelContext;
  readonly #uniforms: CohortUniforms;
  #trendYear = 0;
  readonly #out: CohortDayOutcome;

  /**
   * @param ctx The model context.
   * @param options `careHomeResidents`: a census total of residents, if given.
   */
  constructor(ctx: ModelContext, options: { careHomeResidents?: number } = {}) {
    this.#ctx = ctx;
    const scenario = ctx.scenario;
    this.params = cohortParams(scenario);
    this.counts = initialCounts(scenario, { careHomeResidents: options.careHomeResidents });
    const n = this.params.cells.length;
    this.#out = {
      deaths: new Float64Array(n),
      deteriorations: new Float64Array(n),
      recoveries: new Float64Array(n),
      aged: new Float64Array(n),
      careHomeReferrals: new Float64Array(n),
      entries: 0,
    };
    this.#before = new Float64Array(n);
    const periods = { startDays: ctx.warmUpDays, lengthDays: 365, count: scenario.years };
    const years = () => new PeriodCounter({ periods });
    this.flows = {
      entries: years(),
      deathsAtHome: years(),
      deathsInCareHome: years(),
      deathsAway: years(),
      outOfHome: years(),
      intoHome: years(),
      outOfCareHome: years(),
      intoCareHome: years(),
    };
    this.#groupOfCell = Uint8Array.from(
      { length: n },
      (_x, c) => ageGroupOf(this.params.bands[bandOf(c)]!.minAgeYears),
    );
    const sim = ctx.sim;
    const followed = sim.stream("followed_people");
    this.followed = new FollowedPeople(n, () => followed.random());
    const deaths = sim.stream("deaths");
    const deterioration = sim.stream("deterioration");
    const recovery = sim.stream("recovery");
    const ageing = sim.stream("ageing");
    const careHomeReferral = sim.stream("care_home_referral");
    const entries = sim.stream("entries");
    const entryMix = sim.stream("entries_mix");
    this.#uniforms = {
      deaths: () => deaths.random(),
      deterioration: () => deterioration.random(),
      recovery: () => recovery.random(),
      ageing: () => ageing.random(),
      careHomeReferral: () => careHomeReferral.random(),
      entries: () => entries.random(),
      entryMix: () => entryMix.random(),
    };
  }

  /** Number of cells. */
  get cellCount(): number {
    return this.counts.length;
  }

  /**
   * People in cell `c` now.
   *
   * @param c Cell index.
   * @returns The count.
   */
  people(c: number): number {
    return this.counts[c]!;
  }

  /**
   * One person leaves cell `c` (for a bed).
   *
   * @param c Cell index.
   */
  leave(c: number): void {
    this.counts[c]!--;
    const f = this.flows;
    (isHome(c) ? f.outOfHome : f.outOfCareHome).add(this.#ctx.sim.now, 1);
  }

  /**
   * One person arrives in cell `c` (back from a bed, or newly placed).
   *
   * @param c Cell index.
   */
  arrive(c: number): void {
    this.counts[c]!++;
    const f = this.flows;
    (isHome(c) ? f.intoHome : f.intoCareHome).add(this.#ctx.sim.now, 1);
  }

  /**
   * The cohort step of day `t`: deaths, deterioration, recovery, ageing, births and net
   * migration. At the start of each model year a secular trend, if any, resets the year's death
   * and deterioration probabilities.
   *
   * @param t Simulation time (start of the day).
   * @param deteriorationMultiplier Per-cell multipliers, if an intervention changes them.
   * @returns New care-home referrals from home, by cell.
   */
  tick(t: number, deteriorationMultiplier: Float64Array | undefined): Float64Array {
    const year = Math.max(0, Math.floor((t - this.#ctx.warmUpDays) / 365));
    if (year !== this.#trendYear) {
      this.#trendYear = year;
      applyTrend(this.params, { year, trend: this.#ctx.scenario.population.demography.trend });
      applyInflowYear(this.params, year);
    }
    this.#before.set(this.counts);
    const out = cohortDay(this.counts, this.params, {
      uniforms: this.#uniforms,
      deteriorationMultiplier,
      out: this.#out,
    });
    this.followed.followDay(this.#before, out);
    let deaths = 0;
    for (let c = 0; c < this.counts.length; c++) {
      const k = out.deaths[c]!;
      if (k === 0) continue;
      deaths += k;
      this.#countDeathsWhereTheyLive(t, c, k);
    }
    this.flows.entries.add(t, out.entries);
    this.#accountFlows(t, out.entries, deaths);
    this.#recordPeople();
    return out.careHomeReferrals;
  }

  /**
   * A death in hospital at `t` (one of the all-cause deaths of the cells: the community death
   * rate excludes the hospital share) of someone from cell `cell`; if they were followed at
   * home, their service ends.
   *
   * @param t Simulation time.
   * @param cell The cell the person came from.
   */
  hospitalDeath(t: number, cell: number): void {
    this.#accountFlows(t, 0, 1);
    this.flows.deathsAway.add(t, 1);
    this.#countDeaths(t, cell, 1);
    if (isHome(cell)) this.followed.personGone(cell, this.counts[cell]!, "death");
  }

  /**
   * A death at `t` outside hospital of someone in cell `cell` whose emergency admission was
   * averted but whose draws had them die in it: one of the all-cause deaths, counted once, where
   * they live instead of in hospital. If they were followed at home, their service ends.
   *
   * @param t Simulation time.
   * @param cell The person's cell (they are in it).
   */
  deathInsteadOfAdmission(t: number, cell: number): void {
    this.counts[cell]!--;
    this.#countDeathsWhereTheyLive(t, cell, 1);
    this.#accountFlows(t, 0, 1);
    if (isHome(cell)) this.followed.personGone(cell, this.counts[cell]!, "death");
  }

  /**
   * People in the cells by residence.
   *
   * @returns `{ atHome, inCareHome }`.
   */
  byResidence(): { atHome: number; inCareHome: number } {
    let atHome = 0;
    let inCareHome = 0;
    for (let c = 0; c < this.counts.length; c++) {
      const n = this.counts[c]!;
      this.#ctx.record.notePlaceCount(n);
      if (isHome(c)) atHome += n;
      else inCareHome += n;
    }
    return { atHome, inCareHome };
  }

  /**
   * Care-home residents in the cells (not counting those away in hospital).
   *
   * @returns The count.
   */
  careHomeResidents(): number {
    let n = 0;
    for (let c = 0; c < this.counts.length; c++) if (!isHome(c)) n += this.counts[c]!;
    return n;
  }

  /**
   * People alive now by the account (start + entries − deaths).
   *
   * @returns The count.
   */
  accountedNow(): number {
    return this.account.start + this.account.entriesSoFar - this.account.deathsSoFar;
  }

  /**
   * Opens the account at the start of the measured period.
   *
   * @param elsewhere People away from the cells (in ED, acute and intermediate beds).
   */
  startMeasuring(elsewhere: number): void {
    this.account.start = this.#inCells() + elsewhere;
    this.startByResidence = this.byResidence();
    // Moves made at day 0 before this point (a census start) belong to the starting state.
    for (const flow of Object.values(this.flows)) flow.reset();
    this.account.entriesSoFar = 0;
    this.account.deathsSoFar = 0;
    this.startByBand = this.byBand();
  }

  /**
   * Closes the account at the end of the run.
   *
   * @param elsewhere People away from the cells.
   */
  finish(elsewhere: number): void {
    this.account.end = this.#inCells() + elsewhere;
    this.account.entries = this.account.entriesSoFar;
    this.account.deaths = this.account.deathsSoFar;
  }

  /**
   * People per age band in the cells.
   *
   * @returns Counts by band id.
   */
  byBand(): Record<string, number> {
    const out: Record<string, number> = {};
    this.params.bands.forEach((b, i) => {
      let n = 0;
      for (let c = i * CELLS_PER_BAND; c < (i + 1) * CELLS_PER_BAND; c++) n += this.counts[c]!;
      out[b.id] = n;
    });
    return out;
  }

  /** Deaths of `k` people of cell `c` at home or in their care home (out of the cells already). */
  #countDeathsWhereTheyLive(t: number, c: number, k: number): void {
    const counts = this.#ctx.record.counts;
    counts.deaths_elsewhere.add(t, k, segmentOf(c) - 1);
    if (!isHome(c)) counts.deaths_in_care_home.add(t, k);
    (isHome(c) ? this.flows.deathsAtHome : this.flows.deathsInCareHome).add(t, k);
    this.#countDeaths(t, c, k);
  }

  /** All-cause deaths of `k` people of cell `c`, counted once: in total and by age group. */
  #countDeaths(t: number, c: number, k: number): void {
    const counts = this.#ctx.record.counts;
    counts.deaths.add(t, k, segmentOf(c) - 1);
    counts[AGE_GROUPS[this.#groupOfCell[c]!]!.deaths].add(t, k);
  }

  /** Sets the recorded levels of people by age group and of residents 65+ and 85+. */
  #recordPeople(): void {
    const levels = this.#ctx.record.levels;
    const people = [0, 0, 0, 0];
    let residents65 = 0;
    let residents85 = 0;
    for (let c = 0; c < this.counts.length; c++) {
      const n = this.counts[c]!;
      const g = this.#groupOfCell[c]!;
      people[g]! += n;
      if (isHome(c) || g === 0) continue;
      residents65 += n;
      if (g === 3) residents85 += n;
    }
    const set = (name: Integrated, n: number) => levels[name].update(n);
    AGE_GROUPS.forEach((group, g) => set(group.people, people[g]!));
    set("residents_aged_65_plus", residents65);
    set("residents_aged_85_plus", residents85);
  }

  #inCells(): number {
    let n = 0;
    for (let c = 0; c < this.counts.length; c++) n += this.counts[c]!;
    return n;
  }

  #accountFlows(t: number, entries: number, deaths: number): void {
    if (t < this.#ctx.warmUpDays) return;
    this.account.entriesSoFar += entries;
    this.account.deathsSoFar += deaths;
  }
}
