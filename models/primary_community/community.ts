/**
 * Community services that act before admission: district nursing (visits by segment), urgent
 * crisis response (same-day visits, a daily budget, that can avert an avoidable admission) and
 * step-up to a free intermediate-care bed.
 *
 * @module
 */

import type { RandomStream } from "../../sim/mod.ts";
import type { AdmissionDraws } from "../acute/patient.ts";
import type { ModelContext } from "../context.ts";
import type { IntermediateCare } from "../downstream/intermediate_care.ts";
import type { TagAccounts, TagStats } from "../interventions/tag_accounts.ts";
import { poissonInverse } from "../inverse.ts";
import type { CapacityAdditions } from "../modifiers.ts";
import { segmentOf } from "../population/cells.ts";
import type { Population } from "../population/population.ts";

/** Options of {@linkcode CommunityServices}. */
export interface CommunityServicesOptions {
  /** The population. */
  population: Population;
  /** Step-up beds. */
  intermediate: IntermediateCare;
  /** Intervention accounts (added crisis-response capacity). */
  tags: TagAccounts;
  /** District-nursing visits per person-day, per cell. */
  districtNursingPerPersonDay: Float64Array;
}

/** A daily budget of visits accrued fractionally (whole visits used, the rest carried). */
class DailyBudget {
  #credit = 0;
  /** Visits left today. */
  left = 0;

  /**
   * Adds the day's visits and sets today's whole visits.
   *
   * @param perDay Visits per day.
   */
  accrue(perDay: number): void {
    this.#credit += perDay;
    this.left = Math.floor(this.#credit);
    this.#credit -= this.left;
  }
}

/** The community-services part of one replication. */
export class CommunityServices {
  readonly #ctx: ModelContext;
  readonly #o: CommunityServicesOptions;
  readonly #crisis = new DailyBudget();
  readonly #crisisAdded = new DailyBudget();
  #crisisAddedTag: TagStats | undefined;
  readonly #districtNursing: RandomStream;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode CommunityServicesOptions}.
   */
  constructor(ctx: ModelContext, options: CommunityServicesOptions) {
    this.#ctx = ctx;
    this.#o = options;
    this.#districtNursing = ctx.sim.stream("district_nursing");
  }

  /**
   * The day's crisis-response budget (base and added) and the tag the added visits credit.
   *
   * @param add The day's capacity additions.
   */
  startDay(add: CapacityAdditions | undefined): void {
    const sc = this.#ctx.scenario;
    const cr = sc.community.crisisResponse;
    this.#crisis.accrue(cr.visitsPerDayPer100k * sc.population.size / 1e5);
    this.#crisisAdded.accrue(add?.crisisResponseVisitsPerDay ?? 0);
    this.#crisisAddedTag = this.#o.tags.addedCapacity(add?.crisisResponseTag);
  }

  /**
   * The day's district-nursing visits: Poisson per cell, by segment.
   *
   * @param t Simulation time.
   */
  districtNursing(t: number): void {
    const people = this.#o.population.counts;
    const rate = this.#o.districtNursingPerPersonDay;
    const visits = this.#ctx.record.counts.district_nursing_visits;
    for (let c = 0; c < people.length; c++) {
      const n = poissonInverse(this.#districtNursing.random(), people[c]! * rate[c]!);
      visits.add(t, n, segmentOf(c) - 1);
    }
  }

  /**
   * Urgent crisis response, or step-up, for an admission candidate at home.
   *
   * @param now Simulation time.
   * @param c Cell index (a home cell).
   * @param draws The candidate's draws.
   * @param o Event-log `caseId`, and whether the admission's draws end in death in hospital
   *   (`dies`): averted by a crisis visit, the person dies at home instead; no step-up bed.
   * @returns True if the admission was averted.
   */
  avert(
    now: number,
    c: number,
    draws: AdmissionDraws,
    o: { caseId: string; dies: boolean },
  ): boolean {
    const caseId = o.caseId;
    const ctx = this.#ctx;
    const counts = ctx.record.counts;
    const cr = ctx.scenario.community.crisisResponse;
    const cell = this.#o.population.params.cells[c]!;
    if (cell.minAgeYears < cr.minAgeYears || draws.avoidable >= cr.avoidableShare) return false;
    const seg = cell.segment;
    let visited = false;
    let tag: TagStats | undefined;
    if (this.#crisis.left > 0) {
      this.#crisis.left--;
      visited = true;
    } else if (this.#crisisAdded.left > 0) {
      this.#crisisAdded.left--;
      visited = true;
      tag = this.#crisisAddedTag;
    }
    if (visited) {
      counts.crisis_response_visits.add(now, 1);
      if (draws.crisisAverts < cr.avertProbability) {
        counts.emergency_admissions_averted.add(now, 1, seg - 1);
        if (o.dies) this.#o.population.deathInsteadOfAdmission(now, c);
        if (tag) {
          tag.averted.add(now, 1, seg - 1);
          tag.displaced.crisisResponse.add(now, 1);
        }
        if (ctx.log.enabled) {
          ctx.log.emit(caseId, "crisis_response", "ed", "home", tag ? tag.tag : "crisis_response");
        }
        return true;
      }
    }
    const ic = ctx.scenario.community.intermediateCare;
    const intermediate = this.#o.intermediate;
    if (!o.dies && draws.stepUp < ic.stepUpProbability && intermediate.hasFreeBed()) {
      counts.step_up_admissions.add(now, 1);
      counts.emergency_admissions_averted.add(now, 1, seg - 1);
      const added = intermediate.addedBedsTag;
      if (added && intermediate.inAddedBeds()) {
        added.averted.add(now, 1, seg - 1);
        added.displaced.stepUpBed.add(now, 1);
      }
      if (ctx.log.enabled) ctx.log.emit(caseId, "step_up", "ed", "intermediate", "intermediate");
      this.#o.population.leave(c);
      intermediate.enter(now, c, null);
      return true;
    }
    return false;
  }
}
