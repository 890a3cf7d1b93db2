/**
 * Acute (G&A) beds at each site: capacity over time (base + monthly escalation + beds added
 * by interventions + surge beds opened under pressure), ED boarding while no bed is free,
 * occupancy, delayed transfers of care, and the bed-day accounting.
 *
 * @module
 */

import { type Request, Resource } from "../../sim/mod.ts";
import { type ModelContext, monthAt, UNLIMITED } from "../context.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import type { Integrated } from "../recording/recorder.ts";
import type { DelayCause, Patient } from "./patient.ts";
import { SurgeBeds } from "./surge_beds.ts";

/** The recorded level of delayed transfers of each cause. */
const DELAY_LEVEL: Record<DelayCause, Integrated> = {
  arrangement: "dtoc_arrangement",
  careHome: "dtoc_care_home",
  homeCarePackage: "dtoc_home_care",
  reablement: "dtoc_reablement",
  intermediateCare: "dtoc_intermediate_care",
};

/** The acute-beds part of one replication. */
export class AcuteBeds {
  /** Bed resources per site. */
  readonly sites: Resource[];
  /** Occupied beds per site. */
  readonly occupied: number[];
  /** Surge beds per site. */
  readonly surge: SurgeBeds;
  /** Patients boarding in ED (admitted, no bed yet). */
  inEd = 0;
  /** Delayed transfers in acute beds now. */
  delayedNow = 0;
  /** Patients in a bed now. */
  readonly occupants = new Set<Patient>();
  /** Inter-site transfer delay today, days (−1: no acute care collaboration). */
  transferDelayDays = -1;
  readonly #ctx: ModelContext;
  readonly #base: number[];
  readonly #added: number[];
  readonly #lastCapacity: number[];

  /** @param ctx The model context. */
  constructor(ctx: ModelContext) {
    this.#ctx = ctx;
    const hospitals = ctx.scenario.hospitals;
    this.#base = hospitals.map((h) => h.acuteBeds);
    this.#added = hospitals.map(() => 0);
    this.surge = new SurgeBeds(ctx.scenario, { unconstrained: ctx.unconstrained });
    this.sites = hospitals.map((h, i) =>
      new Resource(ctx.sim, {
        name: `acute:${h.id}`,
        capacity: ctx.unconstrained ? UNLIMITED : this.capacityAt(i, 0),
      })
    );
    this.#lastCapacity = this.sites.map((b) => b.capacity);
    this.occupied = hospitals.map(() => 0);
  }

  /**
   * Beds at site `h` at time `t`: base + the month's escalation + added + open surge beds.
   *
   * @param h Site index.
   * @param t Simulation time.
   * @returns Beds.
   */
  capacityAt(h: number, t: number): number {
    const month = monthAt(this.#ctx, t);
    return this.#base[h]! + this.#ctx.scenario.hospitals[h]!.escalationExtraBedsByMonth[month]! +
      this.#added[h]! + this.surge.openBeds(h);
  }

  /**
   * Occupied beds, all sites.
   *
   * @returns The count.
   */
  totalOccupied(): number {
    return this.occupied.reduce((a, b) => a + b, 0);
  }

  /**
   * Open beds, all sites.
   *
   * @returns The count.
   */
  totalCapacity(): number {
    let cap = 0;
    for (const b of this.sites) cap += b.capacity;
    return cap;
  }

  /**
   * The day's transfer delay (acute care collaboration), if any.
   *
   * @param add The day's capacity additions.
   */
  applyTransfers(add: CapacityAdditions | undefined): void {
    this.transferDelayDays = add?.interSiteTransferDelayHours !== undefined
      ? add.interSiteTransferDelayHours / 24
      : -1;
  }

  /**
   * The day's capacity at every site (escalation and added beds).
   *
   * @param t Simulation time.
   * @param add The day's capacity additions.
   */
  applyCapacity(t: number, add: CapacityAdditions | undefined): void {
    this.#ctx.scenario.hospitals.forEach((h, i) => {
      this.#added[i] = add?.acuteBeds?.[h.id] ?? 0;
      this.#setCapacity(i, t);
    });
  }

  /** Hourly bed review: opens or closes each site's surge beds (OPEL escalation). */
  surgeReview(): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    for (let h = 0; h < this.sites.length; h++) {
      const b = this.sites[h]!;
      const change = this.surge.review(h, now, {
        boarders: b.queueLength,
        inUse: b.inUse,
        capacity: b.capacity,
      });
      if (change === 0) continue;
      ctx.record.levels.acute_surge_beds.add(change);
      if (change > 0) ctx.record.counts.acute_surge_openings.add(now, 1);
      this.#setCapacity(h, now);
    }
  }

  /**
   * Asks for a bed at the patient's site; the patient boards in ED until it is granted.
   *
   * @param p The patient.
   * @returns The request.
   */
  request(p: Patient): Request {
    this.inEd++;
    const req = this.sites[p.hospital]!.request();
    p.req = req;
    return req;
  }

  /**
   * The patient takes the granted bed at `now` (ends ED boarding).
   *
   * @param p The patient.
   * @param now Simulation time.
   */
  occupy(p: Patient, now: number): void {
    const ctx = this.#ctx;
    this.inEd--;
    ctx.record.counts.ed_boarding_hours.add(now, Math.max(0, now - p.arrive - p.transferDays) * 24);
    if (ctx.log.enabled) {
      ctx.log.emit(p.caseId, "admit", "ed", `acute:${ctx.scenario.hospitals[p.hospital]!.id}`);
    }
    this.#change(p, 1);
    p.bedStart = now;
    p.inBed = true;
    if (now >= ctx.warmUpDays && !p.census) ctx.record.stays.started++;
    this.occupants.add(p);
  }

  /**
   * Frees the patient's bed (logged as a move to `to`), ending any delayed transfer.
   *
   * @param p The patient.
   * @param to Where the patient goes (event log).
   */
  release(p: Patient, to: string = p.dest): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    if (!p.inBed) return;
    if (ctx.log.enabled) {
      const where = `acute:${ctx.scenario.hospitals[p.hospital]!.id}`;
      ctx.log.emit(p.caseId, to === "death" ? "death" : "discharge", where, to);
    }
    p.inBed = false;
    this.occupants.delete(p);
    this.sites[p.hospital]!.release(p.req!);
    this.#change(p, -1);
    if (p.delayed) {
      p.delayed = false;
      this.delayedNow--;
      ctx.record.delayChange(p.segment, -1);
      ctx.record.levels[DELAY_LEVEL[p.delayCause!]].add(-1);
      p.delayCause = null;
    }
    const W = ctx.warmUpDays;
    const end = W + ctx.days;
    const stays = ctx.record.stays;
    const overlap = Math.min(now, end) - Math.max(p.bedStart, W);
    if (overlap > 0) stays.bedDaysFromStays += overlap;
    if (p.bedStart >= W && now <= end && !p.census) {
      stays.completedSum += now - p.bedStart;
      stays.completed++;
    }
    if (!p.census) this.#countStay(p, now);
  }

  /**
   * Starts a delayed transfer of care for a patient in a bed, or changes its cause when the
   * patient is already delayed (the arrangement time is over and the destination is full).
   *
   * @param p The patient.
   * @param cause Why the patient waits.
   */
  startDelay(p: Patient, cause: DelayCause): void {
    if (p.delayCause === cause) return;
    const ctx = this.#ctx;
    const levels = ctx.record.levels;
    const where = `acute:${ctx.scenario.hospitals[p.hospital]!.id}`;
    if (p.delayed) levels[DELAY_LEVEL[p.delayCause!]].add(-1);
    else {
      if (ctx.log.enabled) ctx.log.emit(p.caseId, "delayed", where, where, p.dest);
      p.delayed = true;
      this.delayedNow++;
      ctx.record.delayChange(p.segment, 1);
    }
    if (ctx.log.enabled) ctx.log.emit(p.caseId, "delay_cause", where, where, cause);
    p.delayCause = cause;
    levels[DELAY_LEVEL[cause]].add(1);
  }

  /**
   * Adds the bed days of patients still in a bed at the end of the run.
   *
   * @param end Simulation time of the end.
   */
  finish(end: number): void {
    const W = this.#ctx.warmUpDays;
    for (const p of this.occupants) {
      const overlap = end - Math.max(p.bedStart, W);
      if (overlap > 0) this.#ctx.record.stays.bedDaysFromStays += overlap;
    }
  }

  /** Counts an ended stay: same-day (under a day in the bed) and, at 65+, over 21 days. */
  #countStay(p: Patient, now: number): void {
    const counts = this.#ctx.record.counts;
    const days = now - p.bedStart;
    counts.acute_stays_ended.add(now, 1);
    if (days < 1) counts.acute_stays_zero_day.add(now, 1);
    if (p.minAgeYears < 65) return;
    counts.acute_stays_ended_aged_65_plus.add(now, 1);
    if (days > 21) counts.acute_stays_over_21_days_aged_65_plus.add(now, 1);
  }

  #change(p: Patient, delta: number): void {
    this.occupied[p.hospital]! += delta;
    this.#ctx.record.bedChange(p.segment, delta);
    if (this.occupied[p.hospital]! > this.sites[p.hospital]!.capacity && delta > 0) {
      this.#ctx.record.stays.overCapacityEvents++;
    }
  }

  #setCapacity(h: number, t: number): void {
    const cap = this.capacityAt(h, t);
    if (cap !== this.#lastCapacity[h]) {
      this.sites[h]!.setCapacity(cap);
      this.#lastCapacity[h] = cap;
    }
  }
}
