/**
 * Reablement: short episodes of support at home in slots (a counted resource, FIFO), ending
 * either independent or with a long-term home-care package.
 *
 * @module
 */

import { type RandomStream, type Request, Resource } from "../../sim/mod.ts";
import { type ModelContext, UNLIMITED } from "../context.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import { segmentOf } from "../population/cells.ts";
import type { HomeCare } from "./home_care.ts";

/** The reablement part of one replication. */
export class Reablement {
  /** The slots. */
  readonly slots: Resource;
  readonly #ctx: ModelContext;
  readonly #homeCare: HomeCare;
  readonly #base: number;
  readonly #duration: RandomStream;
  readonly #outcome: RandomStream;

  /**
   * @param ctx The model context.
   * @param homeCare Where ongoing packages are requested.
   */
  constructor(ctx: ModelContext, homeCare: HomeCare) {
    this.#ctx = ctx;
    this.#homeCare = homeCare;
    const size = ctx.scenario.population.size;
    this.#base = ctx.unconstrained
      ? UNLIMITED
      : Math.round(ctx.scenario.socialCare.reablement.slotsPer100k * size / 1e5);
    this.slots = new Resource(ctx.sim, { name: "reablement", capacity: this.#base });
    this.#duration = ctx.sim.stream("reablement_duration");
    this.#outcome = ctx.sim.stream("reablement_outcome");
  }

  /**
   * Asks for a slot.
   *
   * @returns The request (start the episode when it is granted).
   */
  request(): Request {
    return this.slots.request();
  }

  /**
   * Starts an episode on a granted slot for someone at home in `options.cell`; it may end in a
   * home-care package.
   *
   * @param req The granted request.
   * @param options `count`: whether to count the start (false for census episodes); `cell`:
   *   the person's home cell.
   */
  start(req: Request, options: { count: boolean; cell: number }): void {
    const { count, cell } = options;
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    if (count) ctx.record.counts.reablement_starts.add(now, 1, segmentOf(cell) - 1);
    const rb = ctx.scenario.socialCare.reablement;
    const d = this.#duration.exponential(rb.durationMeanDays);
    const u = this.#outcome.random();
    ctx.sim.schedule(d, () => {
      this.slots.release(req);
      if (u < rb.ongoingPackageShare) this.#homeCare.requestFromHome(ctx.sim.now, cell);
    });
  }

  /**
   * Applies the day's added slots.
   *
   * @param add The day's capacity additions.
   */
  applyCapacity(add: CapacityAdditions | undefined): void {
    const rb = this.#base + (add?.reablementSlots ?? 0);
    if (rb !== this.slots.capacity) this.slots.setCapacity(rb);
  }
}
