/**
 * Crediting an admission averted by interventions: to the component whose interval holds the
 * candidate's averting uniform, then displacing it (crisis response, a step-up bed, an urgent
 * treatment centre, a GP contact, or nowhere) by the component's displacement shares.
 *
 * @module
 */

import type { ModelContext } from "../context.ts";
import type { IntermediateCare } from "../downstream/intermediate_care.ts";
import type { DisplacementTarget, ModifierComponent } from "../modifiers.ts";
import { isHome, placeOf, segmentOf } from "../population/cells.ts";
import type { Population } from "../population/population.ts";
import type { GpAccess } from "../primary_community/gp_access.ts";
import { DISPLACEMENT_TARGETS, type TagAccounts, type TagStats } from "./tag_accounts.ts";

/** Options of {@linkcode AvertedAdmissions}. */
export interface AvertedAdmissionsOptions {
  /** Intervention accounts. */
  tags: TagAccounts;
  /** The population (a step-up takes a person out of the cells). */
  population: Population;
  /** Step-up beds. */
  intermediate: IntermediateCare;
  /** GP contacts. */
  gp: GpAccess;
}

/** Credits and displaces averted admissions (see the module doc). */
export class AvertedAdmissions {
  readonly #ctx: ModelContext;
  readonly #o: AvertedAdmissionsOptions;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode AvertedAdmissionsOptions}.
   */
  constructor(ctx: ModelContext, options: AvertedAdmissionsOptions) {
    this.#ctx = ctx;
    this.#o = options;
  }

  /**
   * Credits an averted admission to the component whose interval holds `u`: with component
   * multipliers m₁, m₂, … of the candidate's route, u in [m₁, 1) goes to the first, in
   * [m₁m₂, m₁) to the second, and so on; then displaces it.
   *
   * @param now Simulation time.
   * @param c Cell index.
   * @param options The cell's `components`, whether the candidate came `viaEd`, its averting
   *   uniform `u`, event-log `caseId`, and whether the person `died` instead (then no step-up
   *   bed: the displacement falls to crisis response, as when no bed is free).
   */
  credit(
    now: number,
    c: number,
    options: {
      components: readonly ModifierComponent[];
      viaEd: boolean;
      u: number;
      caseId: string;
      died?: boolean;
    },
  ): void {
    const { u, viaEd } = options;
    let hi = 1;
    for (const k of options.components) {
      const x = k.multipliers;
      const mk = (x.emergencyAdmission ?? 1) *
        (viaEd ? (x.edAttendance ?? 1) * (x.conversion ?? 1) : 1);
      if (!(mk < 1)) continue;
      const lo = hi * mk;
      if (u >= lo) {
        const v = (u - lo) / (hi - lo);
        let dest: DisplacementTarget | "none" = "none";
        let cum = 0;
        for (const t of DISPLACEMENT_TARGETS) {
          cum += k.displacement?.[t] ?? 0;
          if (v < cum) {
            dest = t;
            break;
          }
        }
        this.#displace(now, c, this.#o.tags.for(k.tag, k.cohort), dest, options);
        return;
      }
      hi = lo;
    }
  }

  #displace(
    now: number,
    c: number,
    st: TagStats,
    target: DisplacementTarget | "none",
    o: { caseId: string; died?: boolean },
  ): void {
    const ctx = this.#ctx;
    const counts = ctx.record.counts;
    let dest = target;
    st.averted.add(now, 1, segmentOf(c) - 1);
    let to: string = dest;
    if (dest === "stepUpBed") {
      const ic = this.#o.intermediate;
      if (isHome(c) && !o.died && ic.hasFreeBed()) {
        counts.step_up_admissions.add(now, 1);
        this.#o.population.leave(c);
        ic.enter(now, c, null);
        to = "intermediate";
      } else dest = "crisisResponse";
    }
    if (dest === "crisisResponse") counts.crisis_response_visits.add(now, 1);
    else if (dest === "urgentTreatmentCentre") counts.utc_attendances.add(now, 1);
    else if (dest === "gp") this.#o.gp.addToday(1);
    st.displaced[dest].add(now, 1);
    if (ctx.log.enabled) {
      ctx.log.emit(o.caseId, "averted", placeOf(c), to === "none" ? placeOf(c) : to, st.tag);
    }
  }
}
