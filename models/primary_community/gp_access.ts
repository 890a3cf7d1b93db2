/**
 * GP access: the day's consultation demand joins a waiting list kept as a ring of days;
 * waits abandon at a daily rate (a share of those attend ED instead — attendances the band ED
 * rates already hold) and weekday appointments serve the oldest requests first.
 *
 * @module
 */

import type { RandomStream } from "../../sim/mod.ts";
import { type ModelContext, weekdayAt } from "../context.ts";
import type { DayMultipliers } from "../interventions/day_multipliers.ts";
import { binomialInverse, poissonInverse } from "../inverse.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import type { Population } from "../population/population.ts";
import { PortableMath } from "../../sim/mod.ts";

/** Days in the GP waiting-list ring; a request still waiting after it abandons. */
export const GP_RING = 90;

/** The GP-access part of one replication. */
export class GpAccess {
  readonly #ctx: ModelContext;
  readonly #population: Population;
  readonly #multipliers: DayMultipliers;
  readonly #demandPerPersonDay: Float64Array;
  /** Requests waiting, by day of request (ring). */
  readonly #queue = new Float64Array(GP_RING);
  #head = 0;
  readonly #demand: RandomStream;
  readonly #abandon: RandomStream;
  readonly #spill: RandomStream;
  readonly #spillToEd: (n: number) => void;

  /**
   * @param ctx The model context.
   * @param options The `population`, the day's `multipliers`, GP demand per person-day
   *   per cell (`demandPerPersonDay`) and where abandoned requests that attend ED go
   *   (`spillToEd`: the day's attendances after an unmet request, part of the band ED rates).
   */
  constructor(
    ctx: ModelContext,
    options: {
      population: Population;
      multipliers: DayMultipliers;
      demandPerPersonDay: Float64Array;
      spillToEd: (n: number) => void;
    },
  ) {
    this.#spillToEd = options.spillToEd;
    this.#ctx = ctx;
    this.#population = options.population;
    this.#multipliers = options.multipliers;
    this.#demandPerPersonDay = options.demandPerPersonDay;
    this.#demand = ctx.sim.stream("gp_demand");
    this.#abandon = ctx.sim.stream("gp_abandon");
    this.#spill = ctx.sim.stream("gp_spill");
  }

  /**
   * Adds requests to today's demand (e.g. an admission averted to a GP contact).
   *
   * @param n Requests.
   */
  addToday(n: number): void {
    this.#queue[this.#head]! += n;
  }

  /**
   * The day's demand, abandonment (spill to ED) and, on weekdays, appointments.
   *
   * @param t Simulation time (start of the day).
   * @param add The day's capacity additions.
   */
  tick(t: number, add: CapacityAdditions | undefined): void {
    const ctx = this.#ctx;
    const gp = ctx.scenario.gp;
    const counts = ctx.record.counts;
    const people = this.#population.counts;
    const mul = this.#multipliers.gp;
    const q = this.#queue;
    let demand = 0;
    for (let c = 0; c < people.length; c++) {
      demand += poissonInverse(
        this.#demand.random(),
        people[c]! * this.#demandPerPersonDay[c]! * mul[c]!,
      );
    }
    const today = this.#head;
    q[today]! += demand;
    // Abandonment (one uniform per queued day-cohort), and spill to ED.
    const pAbandon = 1 - PortableMath.exp(-gp.abandonRatePerDay);
    let abandoned = 0;
    for (let k = 1; k < GP_RING; k++) {
      const slot = (today - k + GP_RING) % GP_RING;
      const waiting = q[slot]!;
      const u = this.#abandon.random();
      if (waiting <= 0) continue;
      const a = k === GP_RING - 1 ? waiting : binomialInverse(u, waiting, pAbandon);
      q[slot]! -= a;
      abandoned += a;
    }
    counts.gp_unmet_demand.add(t, abandoned);
    const spill = binomialInverse(this.#spill.random(), abandoned, gp.spillToEdShare);
    if (spill > 0) this.#spillToEd(spill);
    // Serve weekdays, oldest first.
    const weekday = weekdayAt(ctx, t);
    if (weekday !== 0 && weekday !== 6) {
      const size = ctx.scenario.population.size;
      const weekly = ctx.unconstrained
        ? Infinity
        : gp.ftePer1000People * size / 1000 * gp.appointmentsPerFtePerWeek +
          gp.extendedAccessAppointmentsPerWeek + (add?.gpAppointmentsPerWeek ?? 0);
      let capacity = Math.floor(weekly / 5);
      for (let k = GP_RING - 1; k >= 0 && capacity > 0; k--) {
        const slot = (today - k + GP_RING) % GP_RING;
        const waiting = q[slot]!;
        if (waiting <= 0) continue;
        const served = Math.min(waiting, capacity);
        capacity -= served;
        q[slot]! -= served;
        counts.gp_consultations.add(t, served);
        counts.gp_wait_days_total.add(t, served * k);
      }
    }
    this.#head = (today + 1) % GP_RING;
    q[this.#head] = 0;
  }
}
