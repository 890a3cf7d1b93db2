/**
 * The discharge pathway, from medically fit: the time to arrange a supported destination
 * (spent in the acute bed as a delayed transfer), then the hand-over to each destination —
 * home, reablement, a home-care package, an intermediate-care bed, a care home, or death. When
 * the destination has no room the patient stays in the acute bed (a delayed transfer) until it
 * has, or, under discharge to assess, waits at home.
 *
 * @module
 */

import type { Request } from "../../sim/mod.ts";
import type { AcuteBeds } from "../acute/acute_beds.ts";
import type { EmergencyAdmissions } from "../acute/emergency_admissions.ts";
import { assessedAtHome, type Patient } from "../acute/patient.ts";
import { type ModelContext, onDone } from "../context.ts";
import type { CareHomes } from "../downstream/care_homes.ts";
import type { HomeCare } from "../downstream/home_care.ts";
import type { IntermediateCare } from "../downstream/intermediate_care.ts";
import type { Reablement } from "../downstream/reablement.ts";
import type { Population } from "../population/population.ts";
import type { SettingPart } from "../settings/setting.ts";
import { PortableMath } from "../../sim/mod.ts";

/** The parts a discharge hands over to. */
export interface DischargePathwayOptions {
  /** The population (people return to their cell). */
  population: Population;
  /** Acute beds. */
  beds: AcuteBeds;
  /** Readmissions after going home. */
  admissions: EmergencyAdmissions;
  /** Intermediate-care beds. */
  intermediate: IntermediateCare;
  /** Reablement slots. */
  reablement: Reablement;
  /** Home-care hours. */
  homeCare: HomeCare;
  /** Care-home places. */
  careHomes: CareHomes;
  /** Pluggable settings offered each patient at medically fit, in order. */
  settings: readonly SettingPart[];
}

/** The discharge-pathway part of one replication (see the module doc). */
export class DischargePathway {
  readonly #ctx: ModelContext;
  readonly #o: DischargePathwayOptions;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode DischargePathwayOptions}.
   */
  constructor(ctx: ModelContext, options: DischargePathwayOptions) {
    this.#ctx = ctx;
    this.#o = options;
  }

  /**
   * A patient becomes medically fit: discharge after any arrangement time.
   *
   * @param p The patient.
   */
  medicallyFit(p: Patient): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    if (ctx.log.enabled) {
      const where = `acute:${ctx.scenario.hospitals[p.hospital]!.id}`;
      ctx.log.emit(p.caseId, "discharge_ready", where, where, p.dest);
    }
    for (const s of this.#o.settings) if (s.takeDischarge(p, now)) return;
    const arrange = this.arrangementDays(p);
    if (arrange > 0) {
      this.#o.beds.startDelay(p, "arrangement");
      ctx.sim.schedule(arrange, () => this.#discharge(p));
    } else this.#discharge(p);
  }

  /**
   * Days from medically fit to a supported destination being arranged (assessment, funding,
   * choice): exponential with the destination's mean; 0 for home, death, under discharge to
   * assess (assessed at home) and in unconstrained runs.
   *
   * @param p The patient.
   * @returns Days.
   */
  arrangementDays(p: Patient): number {
    const ctx = this.#ctx;
    if (ctx.unconstrained || p.dest === "home" || p.dest === "death") return 0;
    if (assessedAtHome(p)) return 0;
    const mean = ctx.scenario.acute.dischargeArrangementMeanDays[p.dest];
    return mean > 0 ? -mean * PortableMath.log(1 - p.draws.arrangement) : 0;
  }

  /**
   * Takes a patient who has a care-home place out of where they waited (acute bed or home).
   *
   * @param p The patient.
   */
  leaveForCareHome(p: Patient): void {
    if (p.inBed) this.#o.beds.release(p);
    else this.#o.population.leave(p.cell);
  }

  #discharge(p: Patient): void {
    const ctx = this.#ctx;
    const o = this.#o;
    const now = ctx.sim.now;
    switch (p.dest) {
      case "death":
        o.beds.release(p);
        ctx.record.counts.deaths_in_hospital.add(now, 1, p.segment - 1);
        o.population.hospitalDeath(now, p.cell);
        if (p.fromCareHome) {
          o.careHomes.away--;
          o.careHomes.place();
        }
        return;
      case "home":
        o.beds.release(p);
        this.#returnHome(p);
        o.admissions.maybeReadmit(p);
        return;
      case "careHome":
        o.careHomes.waitFromHospital(p, now);
        o.careHomes.place();
        if (!p.placed) this.#waitInBedOrHome(p);
        return;
      case "reablement": {
        const req = o.reablement.request();
        if (!req.triggered) this.#waitInBedOrHome(p);
        if (!p.inBed) o.admissions.maybeReadmit(p);
        onDone(req, () => {
          this.#leaveBedForHome(p);
          o.reablement.start(req, { count: true, cell: p.cell });
        });
        return;
      }
      case "homeCarePackage": {
        const get = o.homeCare.request(assessedAtHome(p) ? p.cell : null);
        if (!get.triggered) this.#waitInBedOrHome(p);
        if (!p.inBed) o.admissions.maybeReadmit(p);
        onDone(get, () => {
          this.#leaveBedForHome(p);
          o.homeCare.start(now, p.cell);
        });
        return;
      }
      case "intermediateCare": {
        const req = o.intermediate.request();
        if (!req.triggered) {
          this.#waitInBedOrHome(p);
          if (p.inBed) this.#alternativeToIntermediate(p, req);
        }
        onDone(req, () => {
          if (p.inBed) o.beds.release(p);
          else o.population.leave(p.cell);
          if (p.fromCareHome) o.careHomes.away--;
          o.intermediate.enter(ctx.sim.now, p.cell, req);
        });
        return;
      }
    }
  }

  /**
   * A patient waiting in an acute bed for an intermediate bed: after an exponential wait home
   * support is arranged instead and they go home.
   */
  #alternativeToIntermediate(p: Patient, req: Request): void {
    const ctx = this.#ctx;
    const mean = ctx.scenario.community.intermediateCare.alternativeAfterMeanDays;
    if (!(mean > 0) || ctx.unconstrained) return;
    const wait = -mean * PortableMath.log(1 - p.draws.alternative);
    ctx.sim.schedule(wait, () => {
      if (req.triggered || !p.inBed) return;
      this.#o.intermediate.cancel(req);
      ctx.record.counts.intermediate_care_alternatives.add(ctx.sim.now, 1);
      this.#o.beds.release(p, "home");
      this.#returnHome(p);
      this.#o.admissions.maybeReadmit(p);
    });
  }

  /**
   * Leaves the acute bed (if still in it) for home, where the 30-day readmission window starts;
   * under D2A the wait continued at home and the window started when they left.
   */
  #leaveBedForHome(p: Patient): void {
    if (p.inBed) {
      this.#o.beds.release(p);
      this.#returnHome(p);
      this.#o.admissions.maybeReadmit(p);
    }
  }

  #waitInBedOrHome(p: Patient): void {
    if (assessedAtHome(p)) {
      this.#o.beds.release(p, "home_discharge_to_assess");
      this.#returnHome(p);
      return;
    }
    if (p.dest !== "home" && p.dest !== "death") this.#o.beds.startDelay(p, p.dest);
  }

  /**
   * A patient who left the acute bed for another setting dies there: counted in the population
   * account; a care-home resident's place is freed.
   *
   * @param p The patient.
   */
  dieOutsideHospital(p: Patient): void {
    const now = this.#ctx.sim.now;
    this.#o.population.hospitalDeath(now, p.cell);
    if (p.fromCareHome) {
      this.#o.careHomes.away--;
      this.#o.careHomes.place();
    }
  }

  /**
   * The patient goes home to their cell (a care-home resident back to their held place).
   *
   * @param p The patient.
   */
  returnHome(p: Patient): void {
    this.#returnHome(p);
  }

  #returnHome(p: Patient): void {
    this.#o.population.arrive(p.cell);
    if (p.fromCareHome) this.#o.careHomes.away--;
  }
}
