/**
 * Care homes: places, residents (in the population's care-home cells, or away in hospital
 * with their place held), and two waiting lists served when a place is free — people in
 * hospital first (in order of joining), then people waiting at home (in order of referral).
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";
import { ScenarioError } from "../../scenarios/scenario_error.ts";
import type { Patient } from "../acute/patient.ts";
import { type ModelContext, UNLIMITED } from "../context.ts";
import { careHomeCellOf, isHome, segmentOf } from "../population/cells.ts";
import type { Population } from "../population/population.ts";

/** Someone at home waiting for a care-home place. */
interface HomeWaiter {
  /** Cell they wait in. */
  cell: number;
  /** Time of referral. */
  t: number;
}

/** Options of {@linkcode CareHomes}. */
export interface CareHomesOptions {
  /** The population (residents live in its care-home cells). */
  population: Population;
  /** Takes a hospital waiter out of where they wait (their acute bed, or home). */
  leaveHospitalWaitingPlace(p: Patient): void;
}

/** The care-home part of one replication. */
export class CareHomes {
  /** Places. */
  readonly places: number;
  /** Residents away in hospital (their place is held). */
  away = 0;
  readonly #ctx: ModelContext;
  readonly #population: Population;
  readonly #leave: (p: Patient) => void;
  readonly #fromHospital: Patient[] = [];
  readonly #fromHome: HomeWaiter[] = [];
  #homeHead = 0;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode CareHomesOptions}.
   */
  constructor(ctx: ModelContext, options: CareHomesOptions) {
    this.#ctx = ctx;
    this.#population = options.population;
    this.#leave = options.leaveHospitalWaitingPlace;
    this.places = ctx.unconstrained ? UNLIMITED : ctx.scenario.careHomes.places;
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
   * A patient in hospital joins the waiting list at `now`.
   *
   * @param p The patient (destination care home).
   * @param now Simulation time.
   */
  waitFromHospital(p: Patient, now: number): void {
    this.#fromHospital.push(p);
    p.arrive = now;
  }

  /**
   * Someone at home in cell `cell` joins the waiting list at `t`.
   *
   * @param cell Cell index (a home cell).
   * @param t Simulation time.
   */
  waitFromHome(cell: number, t: number): void {
    this.#fromHome.push({ cell, t });
  }

  /** Fills free places: hospital waiters first, then people waiting at home. */
  place(): void {
    const ctx = this.#ctx;
    const counts = ctx.record.counts;
    const pop = this.#population;
    const now = ctx.sim.now;
    let free = this.places - this.occupied();
    while (free > 0) {
      const p = this.#fromHospital.shift();
      if (p) {
        p.placed = true;
        this.#leave(p);
        if (p.fromCareHome) this.away--;
        pop.arrive(careHomeCellOf(p.cell));
        counts.care_home_admissions.add(now, 1, p.segment - 1);
        counts.care_home_admissions_from_hospital.add(now, 1);
        counts.care_home_wait_days_total.add(now, now - p.arrive);
        free--;
        continue;
      }
      if (this.#homeHead >= this.#fromHome.length) break;
      const w = this.#fromHome[this.#homeHead++]!;
      if (pop.people(w.cell) <= 0 || !isHome(w.cell)) continue;
      pop.leave(w.cell);
      pop.arrive(careHomeCellOf(w.cell));
      counts.care_home_admissions.add(now, 1, segmentOf(w.cell) - 1);
      counts.care_home_wait_days_total.add(now, now - w.t);
      free--;
    }
    if (this.#homeHead > 4096 && this.#homeHead * 2 > this.#fromHome.length) {
      this.#fromHome.splice(0, this.#homeHead);
      this.#homeHead = 0;
    }
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
