/**
 * Care homes: places, residents (in the population's care-home cells, or away in hospital
 * with their place held), and two waiting lists: a waiter searches for a suitable place (the
 * fewer places free, the longer the search), then takes a free one — people in hospital first
 * (in order of joining), then people waiting at home (in order of referral).
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { RandomStream } from "../../sim/mod.ts";
import type { Patient } from "../acute/patient.ts";
import { type ModelContext, UNLIMITED } from "../context.ts";
import { careHomeCellOf, isHome, segmentOf } from "../population/cells.ts";
import type { Followed } from "../population/followed_people.ts";
import type { Population } from "../population/population.ts";
import { type PlaceSearchSpec, searchEffort, searchNeed } from "./place_search.ts";

/** Someone at home waiting for a care-home place (followed: the wait ends if they die). */
interface HomeWaiter {
  /** The waiter, followed in the population (their cell moves with them). */
  followed: Followed;
  /** Time of referral. */
  t: number;
  /** Search still needed before a suitable place is found (unit-rate exponential). */
  need: number;
  /** Whether the wait has ended (death). */
  ended: boolean;
}

/** Someone in hospital waiting for a care-home place. */
interface HospitalWaiter {
  /** The patient. */
  p: Patient;
  /** Search still needed before a suitable place is found (unit-rate exponential). */
  need: number;
}

/** Options of {@linkcode CareHomes}. */
export interface CareHomesOptions {
  /** The population (residents live in its care-home cells). */
  population: Population;
  /** Takes a hospital waiter out of where they wait (their acute bed, or home). */
  leaveHospitalWaitingPlace(p: Patient): void;
}

/**
 * The care-home part of one replication. A waiting person first has to find a suitable place
 * (area, type, price): the search ends at a rate that scales with the share of places free —
 * `careHomes.placeSearchMeanDays` on average when the homes are at `careHomes.referenceOccupancy`,
 * longer as they fill, never while they are full — then takes a free place, hospital waiters
 * first.
 */
export class CareHomes {
  /** Places (recomputed each model year when they follow the people aged 75+). */
  places: number;
  /** Residents away in hospital (their place is held). */
  away = 0;
  readonly #ctx: ModelContext;
  readonly #population: Population;
  readonly #leave: (p: Patient) => void;
  #fromHospital: HospitalWaiter[] = [];
  #fromHome: HomeWaiter[] = [];
  readonly #search: RandomStream;
  #searchedTo = 0;
  #lastFree: number | undefined;
  #placesYear = 0;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode CareHomesOptions}.
   */
  constructor(ctx: ModelContext, options: CareHomesOptions) {
    this.#ctx = ctx;
    this.#population = options.population;
    this.#leave = options.leaveHospitalWaitingPlace;
    this.places = ctx.unconstrained ? UNLIMITED : ctx.scenario.careHomes.places;
    this.#search = ctx.sim.stream("care_home_search");
  }

  /**
   * Places occupied: residents in the home plus those away in hospital.
   *
   * @returns The count.
   */
  occupied(): number {
    return this.away + this.#population.careHomeResidents();
  }

  /**
   * People waiting for a place now, from hospital and from home.
   *
   * @returns `{ fromHospital, fromHome }`.
   */
  waiting(): { fromHospital: number; fromHome: number } {
    let fromHome = 0;
    for (const w of this.#fromHome) if (!w.ended) fromHome++;
    return { fromHospital: this.#fromHospital.length, fromHome };
  }

  /**
   * A patient in hospital joins the waiting list at `now`.
   *
   * @param p The patient (destination care home).
   * @param now Simulation time.
   */
  waitFromHospital(p: Patient, now: number): void {
    this.#fromHospital.push({ p, need: this.#searchNeed() });
    p.arrive = now;
  }

  /**
   * Someone at home in cell `cell` joins the waiting list at `t`.
   *
   * @param cell Cell index (a home cell).
   * @param t Simulation time.
   */
  waitFromHome(cell: number, t: number): void {
    const w: HomeWaiter = { followed: null!, t, need: this.#searchNeed(), ended: false };
    w.followed = this.#population.followed.add(cell, "careHomeWait", () => {
      w.ended = true;
      this.#ctx.record.counts.care_home_waits_ended.add(this.#ctx.sim.now, 1);
    });
    this.#fromHome.push(w);
  }

  /**
   * Advances every waiter's search to now, then fills free places with those who have found
   * one: hospital waiters first, then people waiting at home, each in order of joining.
   */
  place(): void {
    const now = this.#ctx.sim.now;
    this.#yearlyPlaces(now);
    const free = this.places - this.occupied();
    const effort = this.#effortSinceLastCall(now, this.#lastFree ?? free);
    if (effort > 0) {
      for (const w of this.#fromHospital) w.need -= effort;
      for (const w of this.#fromHome) w.need -= effort;
    }
    this.#fill(now, free);
    this.#lastFree = this.places - this.occupied();
  }

  /** Fills up to `free` places with waiters who have found one. */
  #fill(now: number, free: number): void {
    const counts = this.#ctx.record.counts;
    const pop = this.#population;
    if (free <= 0) return;
    if (this.#fromHospital.some((w) => w.need <= 0)) {
      this.#fromHospital = this.#fromHospital.filter((w) => {
        if (free <= 0 || w.need > 0) return true;
        const p = w.p;
        p.placed = true;
        this.#leave(p);
        if (p.fromCareHome) this.away--;
        else pop.followed.personGone(p.cell, pop.people(p.cell), "careHome", "careHomeWait");
        pop.arrive(careHomeCellOf(p.cell));
        counts.care_home_admissions.add(now, 1, p.segment - 1);
        counts.care_home_admissions_from_hospital.add(now, 1);
        counts.care_home_wait_days_total.add(now, now - p.arrive);
        free--;
        return false;
      });
    }
    if (this.#fromHome.some((w) => w.ended)) {
      this.#fromHome = this.#fromHome.filter((w) => !w.ended);
    }
    if (free <= 0 || !this.#fromHome.some((w) => w.need <= 0)) return;
    this.#fromHome = this.#fromHome.filter((w) => {
      if (free <= 0 || w.need > 0) return true;
      const cell = w.followed.cell;
      pop.followed.remove(w.followed);
      if (pop.people(cell) <= 0 || !isHome(cell)) return false;
      pop.leave(cell);
      pop.followed.personGone(cell, pop.people(cell), "careHome", "careHomeWait");
      pop.arrive(careHomeCellOf(cell));
      counts.care_home_admissions.add(now, 1, segmentOf(cell) - 1);
      counts.care_home_wait_days_total.add(now, now - w.t);
      free--;
      return false;
    });
  }

  /** At the start of each model year, places per 1,000 people 75+ × the people 75+ now. */
  #yearlyPlaces(now: number): void {
    const ctx = this.#ctx;
    const ch = ctx.scenario.careHomes;
    if (ctx.unconstrained || !ch.placesFollowAged75Plus) return;
    const year = Math.floor((now - ctx.warmUpDays) / 365);
    if (year <= this.#placesYear) return;
    this.#placesYear = year;
    const pop = this.#population;
    const byBand = pop.byBand();
    let aged75 = 0;
    for (const b of pop.params.bands) if (b.minAgeYears >= 75) aged75 += byBand[b.id]!;
    this.places = Math.round(ch.placesPer1000Aged75Plus * aged75 / 1000);
  }

  /** A new waiter's search need. */
  #searchNeed(): number {
    return searchNeed(this.#search.random(), this.#spec(), this.#ctx.unconstrained);
  }

  /** The search of a care-home place. */
  #spec(): PlaceSearchSpec {
    const ch = this.#ctx.scenario.careHomes;
    return { meanDays: ch.placeSearchMeanDays, referenceUse: ch.referenceOccupancy };
  }

  /** Search effort since the last call, with the places free as the last call left them. */
  #effortSinceLastCall(now: number, free: number): number {
    const dt = now - this.#searchedTo;
    this.#searchedTo = now;
    if (this.places <= 0) return 0;
    return searchEffort(dt, free / this.places, this.#spec());
  }
}

/**
 * Checks that the care-home residents at day 0 fit the places (a scenario whose population
 * starts with more residents than places would run over capacity from its first day).
 *
 * @param scenario The resolved scenario.
 * @param residents Residents at day 0 (from the population's demography, or the census).
 * @throws {ScenarioError} Naming `careHomes.places` when they do not fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const scenario = parseScenario({
 *   version: 1,
 *   population: { size: 3000 },
 *   careHomes: { places: 10 },
 * });
 * assert.throws(() => checkCareHomePlaces(scenario, 11), /careHomes\.places/);
 * ```
 */
export function checkCareHomePlaces(scenario: Scenario, residents: number): void {
  const places = scenario.careHomes.places;
  if (residents <= places) return;
  const census = scenario.start.mode === "census" &&
    scenario.start.census.careHomeResidents !== undefined;
  throw new ScenarioError("Cannot start the care homes", [
    `careHomes.places: expected room for the ${residents} care-home residents at day 0 (from ${
      census ? "start.census.careHomeResidents" : "the population's demography"
    }), found ${places} places; give more places or fewer residents`,
  ]);
}
