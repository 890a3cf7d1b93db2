/**
 * Intermediate care: community beds for step-up (instead of an admission) and step-down (after
 * one), a counted resource served FIFO; a stay of lognormal length ends at home, with a
 * home-care package, or on the care-home waiting list.
 *
 * @module
 */

import { type RandomStream, type Request, Resource } from "../../sim/mod.ts";
import { type ModelContext, UNLIMITED } from "../context.ts";
import type { TagAccounts, TagStats } from "../interventions/tag_accounts.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import type { Population } from "../population/population.ts";
import { segmentOf } from "../population/cells.ts";
import type { CareHomes } from "./care_homes.ts";
import type { HomeCare } from "./home_care.ts";

/** Options of {@linkcode IntermediateCare}. */
export interface IntermediateCareOptions {
  /** People return to their cell after a stay. */
  population: Population;
  /** Onward home-care packages. */
  homeCare: HomeCare;
  /** Onward care-home places. */
  careHomes: CareHomes;
  /** Intervention accounts (for added beds). */
  tags: TagAccounts;
}

/** The intermediate-care part of one replication. */
export class IntermediateCare {
  /** The beds. */
  readonly beds: Resource;
  /** Base beds (before any added by an intervention). */
  readonly baseBeds: number;
  /** People in a bed now. */
  occupied = 0;
  /** The account credited with step-ups into added beds, if any, today. */
  addedBedsTag: TagStats | undefined;
  readonly #ctx: ModelContext;
  readonly #o: IntermediateCareOptions;
  readonly #los: RandomStream;
  readonly #outcome: RandomStream;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode IntermediateCareOptions}.
   */
  constructor(ctx: ModelContext, options: IntermediateCareOptions) {
    this.#ctx = ctx;
    this.#o = options;
    const size = ctx.scenario.population.size;
    this.baseBeds = ctx.unconstrained
      ? UNLIMITED
      : Math.round(ctx.scenario.community.intermediateCare.bedsPer100k * size / 1e5);
    this.beds = new Resource(ctx.sim, { name: "intermediate", capacity: this.baseBeds });
    this.#los = ctx.sim.stream("intermediate_los");
    this.#outcome = ctx.sim.stream("intermediate_outcome");
  }

  /**
   * Whether a bed is free now with nobody queueing (step-up takes only a free bed).
   *
   * @returns True when free.
   */
  hasFreeBed(): boolean {
    return this.beds.inUse < this.beds.capacity && this.beds.queueLength === 0;
  }

  /**
   * Whether a step-up now lands in a bed an intervention added.
   *
   * @returns True when every base bed is taken.
   */
  inAddedBeds(): boolean {
    return this.beds.inUse >= this.baseBeds;
  }

  /**
   * Asks for a bed (step-down waits in the queue).
   *
   * @returns The request.
   */
  request(): Request {
    return this.beds.request();
  }

  /**
   * Withdraws a waiting request.
   *
   * @param req The request.
   */
  cancel(req: Request): void {
    this.beds.cancel(req);
  }

  /**
   * Admits someone from cell `c` (already out of the cells) on a held request or a new one.
   *
   * @param now Simulation time.
   * @param c Cell index.
   * @param held A granted request, or null to request now.
   */
  enter(now: number, c: number, held: Request | null): void {
    const req = held ?? this.beds.request();
    this.occupied++;
    this.#ctx.record.segmentLevelChange("intermediate", segmentOf(c), 1);
    this.#ctx.record.counts.intermediate_care_starts.add(now, 1);
    const ic = this.#ctx.scenario.community.intermediateCare;
    const d = this.#los.lognormal({
      mean: ic.lengthOfStayMeanDays,
      sd: ic.lengthOfStayMeanDays * ic.lengthOfStayCv,
    });
    this.stay(req, c, d);
  }

  /**
   * Schedules the end of a stay of `days` and its onward destination.
   *
   * @param req The bed's request.
   * @param c Cell index the person returns to.
   * @param days Remaining stay, days.
   */
  stay(req: Request, c: number, days: number): void {
    const ctx = this.#ctx;
    const u = this.#outcome.random();
    ctx.sim.schedule(days, () => {
      const now = ctx.sim.now;
      this.beds.release(req);
      this.occupied--;
      ctx.record.segmentLevelChange("intermediate", segmentOf(c), -1);
      this.#o.population.arrive(c);
      const mix = ctx.scenario.community.intermediateCare.dischargeMix;
      // Weighted by segment like a hospital discharge's (care_home_routes.ts).
      const careHome = mix.careHome * this.#o.population.params.careHomeRoutes.dischargeWeight[c]!;
      if (u < mix.homeCarePackage) this.#o.homeCare.requestFromHome(now, c);
      else if (u < mix.homeCarePackage + careHome) {
        this.#o.careHomes.waitFromHome(c, now);
        this.#o.careHomes.place();
      }
    });
  }

  /**
   * Applies the day's added beds and the tag they are credited to.
   *
   * @param add The day's capacity additions.
   */
  applyTag(add: CapacityAdditions | undefined): void {
    this.addedBedsTag = this.#o.tags.addedCapacity(add?.intermediateBedsTag);
  }

  /**
   * Sets the day's capacity (base + added).
   *
   * @param add The day's capacity additions.
   */
  applyCapacity(add: CapacityAdditions | undefined): void {
    const ic = this.baseBeds + (add?.intermediateBeds ?? 0);
    if (ic !== this.beds.capacity) this.beds.setCapacity(ic);
  }
}
