/**
 * Home care: long-term packages of hours per week from a pool of hours (a level-based
 * container). A person asking for a package first finds a provider with a carer free in their
 * area (a search that lengthens as the hours fill, see `place_search.ts`), then takes the hours
 * when they are free, first come first served. A package lasts an exponential time and gives
 * its hours back; it ends early if its holder dies or moves into a care home, and a wait at home
 * ends the same way (the holders and the waiters at home are followed people of the
 * population). Requests come from hospital discharges, the end of reablement and intermediate
 * care, and from the community.
 *
 * @module
 */

import {
  Container,
  type ContainerRequest,
  type EventHandle,
  type RandomStream,
  SimEvent,
} from "../../sim/mod.ts";
import { type ModelContext, onDone } from "../context.ts";
import { poissonInverse } from "../inverse.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import { isHome, segmentIndexOf, segmentOf } from "../population/cells.ts";
import type { Followed } from "../population/followed_people.ts";
import type { Population } from "../population/population.ts";
import { type PlaceSearchSpec, searchEffort, searchNeed } from "./place_search.ts";

/** A package asked for and not yet started. */
interface HomeCareWaiter {
  /** Search still needed before a provider is found. */
  need: number;
  /** Succeeds with the hours when the package can start. */
  granted: SimEvent<number>;
  /** The hours asked for, once a provider is found. */
  get: ContainerRequest | null;
  /** The waiter, if they wait at home. */
  followed: Followed | null;
}

/** The home-care part of one replication. */
export class HomeCare {
  /** The pool of hours per week (what is left is free). */
  readonly hours: Container;
  /** Hours per week in use by running packages. */
  inUse = 0;
  /** Hours per week available (capacity). */
  capacity: number;
  readonly #ctx: ModelContext;
  readonly #population: Population;
  readonly #added = { hours: 0 };
  readonly #duration: RandomStream;
  readonly #referrals: RandomStream;
  readonly #search: RandomStream;
  #searching: HomeCareWaiter[] = [];
  #searchedTo = 0;

  /**
   * @param ctx The model context.
   * @param population The population (holders and waiters at home are followed in it).
   */
  constructor(ctx: ModelContext, population: Population) {
    this.#ctx = ctx;
    this.#population = population;
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
    this.#search = ctx.sim.stream("home_care_search");
  }

  /** Hours per week of one package. */
  get hoursPerPackage(): number {
    return this.#ctx.scenario.socialCare.homeCare.hoursPerPackagePerWeek;
  }

  /** Packages asked for and still searching for a provider. */
  get searching(): number {
    return this.#searching.length;
  }

  /**
   * Asks for a package's hours; start the package when the returned event succeeds (at once
   * when there is no search and the hours are free).
   *
   * @param waitingAt The home cell the person waits in, or null while they wait in an acute
   *   bed (only people at home are followed).
   * @returns The event (its value is the hours).
   */
  request(waitingAt: number | null = null): SimEvent<number> {
    const need = searchNeed(this.#search.random(), this.#spec(), this.#ctx.unconstrained);
    if (need <= 0) {
      const get = this.hours.get(this.hoursPerPackage);
      if (!get.triggered && waitingAt !== null) this.#followWait(get, waitingAt);
      return get;
    }
    const w: HomeCareWaiter = {
      need,
      granted: new SimEvent<number>(this.#ctx.sim),
      get: null,
      followed: null,
    };
    this.#searching.push(w);
    if (waitingAt !== null) {
      w.followed = this.#population.followed.add(
        waitingAt,
        "homeCareWait",
        () => this.#endWait(w),
      );
    }
    return w.granted;
  }

  /**
   * Starts a package whose hours were granted; it was requested at `requested`. Its holder,
   * at home in `cell`, is followed: the package ends early if they die or move into a care home.
   *
   * @param requested Simulation time of the request (for the wait).
   * @param cell The holder's home cell.
   * @param count Whether to count the start (false for census packages).
   */
  start(requested: number, cell: number, count = true): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    const h = this.hoursPerPackage;
    if (count) {
      ctx.record.counts.home_care_package_starts.add(now, 1);
      ctx.record.counts.home_care_wait_days_total.add(now, now - requested);
    }
    this.inUse += h;
    const segment = cell >= 0 ? segmentOf(cell) : undefined;
    ctx.record.segmentLevelChange("home_care_hours", segment, h);
    const d = this.#duration.exponential(ctx.scenario.socialCare.homeCare.packageDurationMeanDays);
    let followed: Followed | null = null;
    const end = () => {
      this.inUse -= h;
      ctx.record.segmentLevelChange("home_care_hours", segment, -h);
      this.hours.put(h);
    };
    const handle: EventHandle = ctx.sim.schedule(d, () => {
      if (followed) this.#population.followed.remove(followed);
      end();
    });
    if (cell < 0 || !isHome(cell)) return;
    followed = this.#population.followed.add(cell, "homeCarePackage", (why) => {
      handle.cancel();
      const counts = ctx.record.counts;
      const t = ctx.sim.now;
      if (why === "death") counts.home_care_packages_ended_by_death.add(t, 1);
      else counts.home_care_packages_ended_by_care_home.add(t, 1);
      end();
    });
  }

  /**
   * A package requested from home at `now` by someone in `cell`: it starts when a provider is
   * found and the hours are free, unless they die or move into a care home first.
   *
   * @param now Simulation time of the request.
   * @param cell Their home cell.
   */
  requestFromHome(now: number, cell: number): void {
    const granted = this.request(cell);
    onDone(granted, () => this.start(now, cell));
  }

  /**
   * The day's search progress (with today's share of hours free) and referrals from the
   * community (Poisson at the scenario's rate), each to someone at home in segment 3 or 4.
   *
   * @param t Simulation time.
   */
  communityReferrals(t: number): void {
    this.#advanceSearch(t);
    const sc = this.#ctx.scenario;
    const refs = poissonInverse(
      this.#referrals.random(),
      sc.socialCare.homeCare.communityReferralsPer100kPerYear * sc.population.size / 1e5 / 365,
    );
    for (let i = 0; i < refs; i++) {
      const cell = this.clientCell(this.#referrals.random());
      if (cell >= 0) this.requestFromHome(t, cell);
    }
  }

  /**
   * A home cell for a package whose holder the model does not know (a community referral, a
   * census package): people at home in segments 3–4, drawn in proportion to their numbers.
   *
   * @param u A uniform in [0, 1).
   * @returns The cell, or −1 if nobody is at home in segments 3–4.
   */
  clientCell(u: number): number {
    const counts = this.#population.counts;
    let total = 0;
    for (let c = 0; c < counts.length; c++) if (isCommunityClientCell(c)) total += counts[c]!;
    if (!(total > 0)) return -1;
    let x = u * total;
    for (let c = 0; c < counts.length; c++) {
      if (!isCommunityClientCell(c)) continue;
      x -= counts[c]!;
      if (x < 0) return c;
    }
    return -1;
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

  /** The search for a provider. */
  #spec(): PlaceSearchSpec {
    const hc = this.#ctx.scenario.socialCare.homeCare;
    return { meanDays: hc.providerSearchMeanDays, referenceUse: hc.referenceUtilisation };
  }

  /** Search effort since the last day, with today's share of hours free; found → ask for hours. */
  #advanceSearch(t: number): void {
    const days = t - this.#searchedTo;
    this.#searchedTo = t;
    if (this.#searching.length === 0 || !(this.capacity > 0)) return;
    const effort = searchEffort(days, this.hours.level / this.capacity, this.#spec());
    if (!(effort > 0)) return;
    this.#searching = this.#searching.filter((w) => {
      w.need -= effort;
      if (w.need > 0) return true;
      const get = this.hours.get(this.hoursPerPackage);
      w.get = get;
      onDone(get, () => {
        if (w.followed) this.#population.followed.remove(w.followed);
        w.granted.succeed(get.value);
      });
      return false;
    });
  }

  /** Follows someone waiting at home for hours already asked for. */
  #followWait(get: ContainerRequest, cell: number): void {
    const w: HomeCareWaiter = { need: 0, granted: get, get, followed: null };
    w.followed = this.#population.followed.add(cell, "homeCareWait", () => this.#endWait(w));
    onDone(get, () => {
      if (w.followed) this.#population.followed.remove(w.followed);
    });
  }

  /** A waiter at home died or moved into a care home: the request is withdrawn. */
  #endWait(w: HomeCareWaiter): void {
    w.followed = null;
    const i = this.#searching.indexOf(w);
    if (i >= 0) this.#searching.splice(i, 1);
    else if (w.get && !w.get.triggered) this.hours.cancel(w.get);
    this.#ctx.record.counts.home_care_waits_ended.add(this.#ctx.sim.now, 1);
  }
}

/**
 * Whether a cell holds the people a community referral goes to: at home, in segment 3 or 4.
 *
 * @param c Cell index.
 * @returns Whether it does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { cellIndex, HOME } from "../population/cells.ts";
 * assert.equal(isCommunityClientCell(cellIndex(3, 2, HOME)), true);
 * assert.equal(isCommunityClientCell(cellIndex(3, 0, HOME)), false);
 * ```
 */
export function isCommunityClientCell(c: number): boolean {
  return isHome(c) && segmentIndexOf(c) >= 2;
}
