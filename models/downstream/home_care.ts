/**
 * Home care: long-term packages of hours per week from a pool of hours (a level-based
 * container). A package starts when its hours are free, first come first served, lasts an
 * exponential time and gives its hours back. Requests come from hospital discharges, the end
 * of reablement and intermediate care, and from the community.
 *
 * @module
 */

import { Container, type ContainerRequest, type RandomStream } from "../../sim/mod.ts";
import { type ModelContext, onDone } from "../context.ts";
import { poissonInverse } from "../inverse.ts";
import type { CapacityAdditions } from "../modifiers.ts";

/** The home-care part of one replication. */
export class HomeCare {
  /** The pool of hours per week (what is left is free). */
  readonly hours: Container;
  /** Hours per week in use by running packages. */
  inUse = 0;
  /** Hours per week available (capacity). */
  capacity: number;
  readonly #ctx: ModelContext;
  readonly #added = { hours: 0 };
  readonly #duration: RandomStream;
  readonly #referrals: RandomStream;

  /** @param ctx The model context. */
  constructor(ctx: ModelContext) {
    this.#ctx = ctx;
    const size = ctx.scenario.population.size;
    const cap = ctx.unconstrained
      ? 1e12
      : ctx.scenario.socialCare.homeCare.capacityHoursPerWeekPer100k * size / 1e5;
    this.hours = new Container(ctx.sim, {
      name: "home_care_hours",
      capacity: Infinity,
      initial: cap,
    });
    this.capacity = cap;
    this.#duration = ctx.sim.stream("home_care_duration");
    this.#referrals = ctx.sim.stream("home_care_referral");
  }

  /** Hours per week of one package. */
  get hoursPerPackage(): number {
    return this.#ctx.scenario.socialCare.homeCare.hoursPerPackagePerWeek;
  }

  /**
   * Asks for a package's hours (a container `get`); start the package when it is granted.
   *
   * @returns The engine's get event.
   */
  request(): ContainerRequest {
    return this.hours.get(this.hoursPerPackage);
  }

  /**
   * Starts a package whose hours were granted; it was requested at `requested`.
   *
   * @param requested Simulation time of the request (for the wait).
   * @param count Whether to count the start (false for census packages).
   */
  start(requested: number, count = true): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    const h = this.hoursPerPackage;
    if (count) {
      ctx.record.counts.home_care_package_starts.add(now, 1);
      ctx.record.counts.home_care_wait_days_total.add(now, now - requested);
    }
    this.inUse += h;
    ctx.record.levels.home_care_hours.add(h);
    const d = this.#duration.exponential(ctx.scenario.socialCare.homeCare.packageDurationMeanDays);
    ctx.sim.schedule(d, () => {
      this.inUse -= h;
      ctx.record.levels.home_care_hours.add(-h);
      this.hours.put(h);
    });
  }

  /**
   * A package requested from home at `now`: it starts when hours are free.
   *
   * @param now Simulation time of the request.
   */
  requestFromHome(now: number): void {
    const get = this.request();
    onDone(get, () => this.start(now));
  }

  /**
   * The day's referrals from the community (Poisson at the scenario's rate).
   *
   * @param t Simulation time.
   */
  communityReferrals(t: number): void {
    const sc = this.#ctx.scenario;
    const refs = poissonInverse(
      this.#referrals.random(),
      sc.socialCare.homeCare.communityReferralsPer100kPerYear * sc.population.size / 1e5 / 365,
    );
    for (let i = 0; i < refs; i++) this.requestFromHome(t);
  }

  /**
   * Applies the day's added hours (additions only; removals are not modelled).
   *
   * @param add The day's capacity additions.
   */
  applyCapacity(add: CapacityAdditions | undefined): void {
    const hc = add?.homeCareHoursPerWeek ?? 0;
    if (hc > this.#added.hours) {
      this.hours.put(hc - this.#added.hours);
      this.capacity += hc - this.#added.hours;
      this.#added.hours = hc;
    }
  }
}
