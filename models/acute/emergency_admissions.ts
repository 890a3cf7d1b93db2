/**
 * Emergency demand and admission: the day's ED-only attendances and admission candidates per
 * cell (seasonal Poisson), each candidate's route (ED or GP referral), interventions averting
 * it, crisis response or step-up in the community, then admission — choice of site (and
 * inter-site transfer under an acute care collaboration), ED boarding until a bed is free,
 * length of stay, discharge destination — and 30-day readmission after a discharge.
 *
 * @module
 */

import { normalQuantile, PortableMath, type RandomStream } from "../../sim/mod.ts";
import { type ModelContext, monthAt, onDone, weekdayAt } from "../context.ts";
import type { CareHomes } from "../downstream/care_homes.ts";
import type { AvertedAdmissions } from "../interventions/averted_admissions.ts";
import type { CohortWatch } from "../interventions/cohort_watch.ts";
import type { DayMultipliers } from "../interventions/day_multipliers.ts";
import { poissonInverse } from "../inverse.ts";
import type { Destination } from "../modifiers.ts";
import { isHome, placeOf, segmentOf } from "../population/cells.ts";
import { type CellRates, DESTINATIONS, diesInHospital } from "../population/cell_rates.ts";
import type { Population } from "../population/population.ts";
import type { CommunityServices } from "../primary_community/community.ts";
import type { AcuteBeds } from "./acute_beds.ts";
import { type AdmissionDraws, drawAdmission, type Patient } from "./patient.ts";

/** Options of {@linkcode EmergencyAdmissions}. */
export interface EmergencyAdmissionsOptions {
  /** The population. */
  population: Population;
  /** Per-cell base rates. */
  rates: CellRates;
  /** The day's intervention multipliers. */
  multipliers: DayMultipliers;
  /** Crediting of averted admissions. */
  averted: AvertedAdmissions;
  /** Crisis response and step-up. */
  community: CommunityServices;
  /** The beds. */
  beds: AcuteBeds;
  /** Care homes (a resident's place is held while they are in hospital). */
  careHomes: CareHomes;
  /** Called when a patient in a bed becomes medically fit (the discharge pathway). */
  onMedicallyFit(p: Patient): void;
  /** Cohort accounts of watched care models, told of every ED attendance and admission. */
  watch?: CohortWatch;
}

/** How an admission is made (see {@linkcode EmergencyAdmissions.admit}). */
export interface AdmitOptions {
  /** Length-of-stay multiplier. */
  losMultiplier: number;
  /** Days added to the stay after the multiplier (floored at 0). */
  losChangeDays?: number;
  /** Discharge-mix multipliers, if any. */
  mix: Partial<Record<Destination, number>> | undefined;
  /** Discharge-to-assess probability. */
  d2a: number;
  /** Whether this is a 30-day readmission. */
  readmission: boolean;
  /** A given length of stay (census occupants), days. */
  losDays?: number;
  /** Whether the patient is placed at the census start. */
  census?: boolean;
  /** Event-log case id. */
  caseId?: string;
}

/** The emergency-admissions part of one replication (see the module doc). */
export class EmergencyAdmissions {
  readonly #ctx: ModelContext;
  readonly #o: EmergencyAdmissionsOptions;
  readonly #edOnly: RandomStream;
  readonly #candidates: RandomStream;
  readonly #extra: RandomStream;
  readonly #avert: RandomStream;
  readonly #attributes: RandomStream;
  readonly #extraAttributes: RandomStream;
  readonly #readmissionAttributes: RandomStream;
  /** ED readmissions not yet taken from the direct attendances. */
  #readmittedViaEd = 0;
  /** Today's abandoned GP requests that attend ED. */
  #afterGp = 0;

  /**
   * @param ctx The model context.
   * @param options See {@linkcode EmergencyAdmissionsOptions}.
   */
  constructor(ctx: ModelContext, options: EmergencyAdmissionsOptions) {
    this.#ctx = ctx;
    this.#o = options;
    const sim = ctx.sim;
    this.#edOnly = sim.stream("ed_attendances");
    this.#candidates = sim.stream("emergency_admissions");
    this.#extra = sim.stream("emergency_admissions_extra");
    this.#avert = sim.stream("intervention_avert");
    this.#attributes = sim.stream("admission_attributes");
    this.#extraAttributes = sim.stream("admission_extra_attributes");
    this.#readmissionAttributes = sim.stream("readmission_attributes");
  }

  /**
   * Requests abandoned at the GP today whose people attend ED instead: they are among the
   * day's ED attendances not admitted (the band ED rates already hold them), so the route
   * moves attendances but never adds to the total; any beyond the day's direct attendances do
   * not attend.
   *
   * @param n Attendances.
   */
  attendAfterGp(n: number): void {
    this.#afterGp += n;
  }

  /**
   * The day's emergency demand: ED attendances that are not admitted (some after an unmet GP
   * request, see {@linkcode EmergencyAdmissions.attendAfterGp}; less the ED readmissions since
   * the last day, which the band rates also hold), and admission candidates (with extra
   * candidates when interventions raise rates), both seasonal.
   *
   * @param t Simulation time (start of the day).
   */
  demand(t: number): void {
    const ctx = this.#ctx;
    const season = ctx.scenario.seasonality.emergencyDemandByMonth[monthAt(ctx, t)]!;
    const mul = this.#o.multipliers;
    const rates = this.#o.rates;
    const people = this.#o.population.counts;
    const attendances = ctx.record.counts.ed_attendances;
    for (let c = 0; c < people.length; c++) {
      const n = people[c]!;
      const edOnly = poissonInverse(
        this.#edOnly.random(),
        n * rates.pEdOnly[c]! * season * mul.ed[c]!,
      );
      const readmitted = Math.min(edOnly, this.#readmittedViaEd);
      this.#readmittedViaEd -= readmitted;
      const afterGp = Math.min(edOnly - readmitted, this.#afterGp);
      this.#afterGp -= afterGp;
      attendances.add(t, edOnly - readmitted, segmentOf(c) - 1);
      this.#o.watch?.ed(t, c, edOnly - readmitted, "edOnly");
      if (afterGp > 0) ctx.record.counts.ed_attendances_after_gp_unmet.add(t, afterGp);
      const lambda = n * rates.pAdmit[c]! * season;
      const base = poissonInverse(this.#candidates.random(), lambda);
      // Multipliers above 1 add candidates route by route: ED attendance and conversion act on
      // the ED route only, an admission multiplier on both.
      const edShare = ctx.scenario.acute.edRouteShare;
      const extraEd = edShare * Math.max(0, mul.adm[c]! * mul.ed[c]! * mul.conv[c]! - 1);
      const extraGp = (1 - edShare) * Math.max(0, mul.adm[c]! - 1);
      const extra = poissonInverse(this.#extra.random(), lambda * (extraEd + extraGp));
      for (let i = 0; i < base; i++) {
        const uAvert = this.#avert.random();
        this.#candidate(c, drawAdmission(this.#attributes), uAvert);
      }
      const pEd = extraEd / (extraEd + extraGp);
      for (let i = 0; i < extra; i++) {
        const draws = drawAdmission(this.#extraAttributes);
        // Reuse the route uniform: below pEd an ED-route candidate, else a GP-route one.
        const u = draws.route;
        draws.route = u < pEd
          ? (u / pEd) * edShare
          : edShare + (u - pEd) / (1 - pEd) * (1 - edShare);
        this.#candidate(c, draws, 0);
      }
    }
    this.#afterGp = 0;
  }

  /** A candidate from cell `c` arriving later today; `uAvert` decides intervention averting. */
  #candidate(c: number, draws: AdmissionDraws, uAvert: number): void {
    const ctx = this.#ctx;
    const mul = this.#o.multipliers;
    const viaEd = draws.route < ctx.scenario.acute.edRouteShare;
    const mAdm = mul.adm[c]! * (viaEd ? mul.ed[c]! : 1);
    const mAll = mAdm * (viaEd ? mul.conv[c]! : 1);
    const los = mul.los[c]!;
    const losChangeDays = mul.losChange[c]!;
    const mix = mul.mix[c];
    const d2a = mul.d2a[c]!;
    const components = mul.components[c];
    ctx.sim.schedule(draws.timeOfDay, () => {
      const now = ctx.sim.now;
      const seg = segmentOf(c);
      if (this.#o.population.people(c) <= 0) return;
      const counts = ctx.record.counts;
      const log = ctx.log;
      const caseId = log.newCase();
      const dies = diesInHospital(this.#o.rates, c, draws.destination);
      if (mAll < 1 && uAvert >= mAll) {
        counts.emergency_admissions_averted.add(now, 1, seg - 1);
        if (dies) this.#o.population.deathInsteadOfAdmission(now, c);
        const edSeen = viaEd && uAvert < mAdm;
        if (edSeen) {
          counts.ed_attendances.add(now, 1, seg - 1);
          this.#o.watch?.ed(now, c, 1, "edSeen");
        }
        if (log.enabled && edSeen) log.emit(caseId, "ed_arrival", placeOf(c), "ed");
        if (components) {
          this.#o.averted.credit(now, c, { components, viaEd, u: uAvert, caseId, died: dies });
        } else if (log.enabled) log.emit(caseId, "averted", placeOf(c), placeOf(c));
        return;
      }
      if (viaEd) {
        counts.ed_attendances.add(now, 1, seg - 1);
        this.#o.watch?.ed(now, c, 1, "edSeen");
      }
      if (log.enabled) log.emit(caseId, viaEd ? "ed_arrival" : "gp_referral", placeOf(c), "ed");
      if (isHome(c) && this.#o.community.avert(now, c, draws, { caseId, dies })) return;
      this.admit(now, c, draws, {
        losMultiplier: los,
        losChangeDays,
        mix,
        d2a,
        readmission: false,
        caseId,
      });
    });
  }

  /**
   * Admits a person from cell `c`: out of the cells, to a site, boarding in ED until a bed is
   * free.
   *
   * @param now Simulation time.
   * @param c Cell index.
   * @param draws The candidate's draws.
   * @param o How (see {@linkcode AdmitOptions}).
   * @returns The patient.
   */
  admit(now: number, c: number, draws: AdmissionDraws, o: AdmitOptions): Patient {
    const ctx = this.#ctx;
    const beds = this.#o.beds;
    const seg = segmentOf(c);
    this.#o.population.leave(c);
    const fromCareHome = !isHome(c);
    if (fromCareHome) this.#o.careHomes.away++;
    if (!o.census) {
      const counts = ctx.record.counts;
      counts.emergency_admissions.add(now, 1, seg - 1);
      if (fromCareHome) counts.emergency_admissions_care_home_residents.add(now, 1);
      if (this.#o.population.params.cells[c]!.minAgeYears >= 65) {
        counts.emergency_admissions_aged_65_plus.add(now, 1);
      }
      ctx.record.admittedFrom(now, c);
      this.#o.watch?.admission(
        now,
        c,
        o.readmission
          ? "readmission"
          : draws.route < ctx.scenario.acute.edRouteShare
          ? "admitEd"
          : "admitGp",
      );
    }
    if (o.readmission) ctx.record.counts.readmissions_30d.add(now, 1, seg - 1);
    const shares = ctx.scenario.hospitals;
    let hospital = shares.length - 1;
    let cum = 0;
    for (let h = 0; h < shares.length; h++) {
      cum += shares[h]!.populationShare;
      if (draws.site < cum) {
        hospital = h;
        break;
      }
    }
    const p: Patient = {
      cell: c,
      segment: seg,
      minAgeYears: this.#o.population.params.cells[c]!.minAgeYears,
      fromCareHome,
      hospital,
      arrive: now,
      bedStart: 0,
      losDays: o.losDays ??
        this.#losDays(c, draws.lengthOfStay, o.losMultiplier, o.losChangeDays ?? 0),
      dest: this.#destination(c, draws.destination, o.mix),
      draws,
      d2aShare: o.d2a,
      req: null,
      delayed: false,
      delayCause: null,
      inBed: false,
      placed: false,
      census: o.census ?? false,
      caseId: o.caseId ?? "",
      transferDays: 0,
    };
    if (fromCareHome && p.dest !== "death") p.dest = "home";
    if (beds.transferDelayDays >= 0 && !o.census && beds.sites.length > 1) {
      this.#maybeTransfer(p, now);
    }
    const req = beds.request(p);
    if (ctx.log.enabled && !req.triggered) {
      ctx.log.emit(p.caseId, "board", "ed", "ed", ctx.scenario.hospitals[p.hospital]!.id);
    }
    if (p.transferDays > 0) {
      onDone(req, () => ctx.sim.schedule(p.transferDays, () => this.#onBed(p)));
    } else onDone(req, () => this.#onBed(p));
    return p;
  }

  /**
   * Schedules a 30-day emergency readmission for someone discharged home (not care-home
   * residents): with probability `acute.readmission30DayProbability`, uniformly within 30 days.
   *
   * @param p The discharged patient.
   */
  maybeReadmit(p: Patient): void {
    const pr = this.#ctx.scenario.acute.readmission30DayProbability;
    const u = p.draws.readmission;
    if (p.fromCareHome || u >= pr) return;
    this.readmitLater(p.cell, (u / pr) * 30, p.caseId);
  }

  /**
   * Schedules an emergency readmission of someone at home in cell `c` after `delayDays` (a
   * 30-day readmission; a census start also seeds those of people discharged before day 0).
   *
   * @param c Cell index (a home cell).
   * @param delayDays Days from now.
   * @param caseId Event-log case id of the first admission ("" if unknown).
   */
  readmitLater(c: number, delayDays: number, caseId: string): void {
    const ctx = this.#ctx;
    ctx.sim.schedule(delayDays, () => {
      if (this.#o.population.people(c) <= 0) return;
      const draws = drawAdmission(this.#readmissionAttributes);
      const t = ctx.sim.now;
      if (draws.route < ctx.scenario.acute.edRouteShare) {
        ctx.record.counts.ed_attendances.add(t, 1, segmentOf(c) - 1);
        this.#o.watch?.ed(t, c, 1, "readmission");
        this.#readmittedViaEd++;
      }
      const id = caseId === "" ? ctx.log.newCase() : caseId;
      if (ctx.log.enabled) ctx.log.emit(id, "readmit", "home", "ed");
      const mul = this.#o.multipliers;
      this.admit(t, c, draws, {
        losMultiplier: mul.los[c]!,
        losChangeDays: mul.losChange[c]!,
        mix: mul.mix[c],
        d2a: mul.d2a[c]!,
        readmission: true,
        caseId: id,
      });
    });
  }

  #destination(
    c: number,
    u: number,
    mix: Partial<Record<Destination, number>> | undefined,
  ): Destination {
    if (!mix) {
      const cum = this.#o.rates.mixCum;
      for (let i = 0; i < DESTINATIONS.length; i++) {
        if (u < cum[c * DESTINATIONS.length + i]!) return DESTINATIONS[i]!;
      }
      return "home";
    }
    const base = this.#o.rates.mix;
    const n = DESTINATIONS.length;
    let total = 0;
    for (let i = 0; i < n; i++) total += base[c * n + i]! * (mix[DESTINATIONS[i]!] ?? 1);
    let cum = 0;
    for (let i = 0; i < n; i++) {
      cum += base[c * n + i]! * (mix[DESTINATIONS[i]!] ?? 1) / total;
      if (u < cum) return DESTINATIONS[i]!;
    }
    return "home";
  }

  #losDays(c: number, u: number, multiplier: number, changeDays: number): number {
    const r = this.#o.rates;
    const zero = r.losZeroDayShare[c]!;
    if (u < zero) return changeDays > 0 ? changeDays : 0;
    const v = (u - zero) / (1 - zero);
    const los = (1 + PortableMath.exp(r.losMu[c]! + r.losSigma * normalQuantile(v))) * multiplier;
    return changeDays === 0 ? los : Math.max(0, los + changeDays);
  }

  /** Acute care collaboration: no free bed here → the site with most free beds, if any. */
  #maybeTransfer(p: Patient, now: number): void {
    const ctx = this.#ctx;
    const sites = this.#o.beds.sites;
    const here = sites[p.hospital]!;
    if (here.inUse < here.capacity && here.queueLength === 0) return;
    let best = -1;
    let bestFree = 0;
    sites.forEach((b, h) => {
      const free = b.capacity - b.inUse;
      if (h !== p.hospital && b.queueLength === 0 && free > bestFree) {
        best = h;
        bestFree = free;
      }
    });
    if (best < 0) return;
    ctx.record.counts.inter_site_transfers.add(now, 1);
    if (ctx.log.enabled) {
      const ids = ctx.scenario.hospitals;
      ctx.log.emit(
        p.caseId,
        "transfer",
        `ed:${ids[p.hospital]!.id}`,
        `acute:${ids[best]!.id}`,
        ids[best]!.id,
      );
    }
    p.hospital = best;
    p.transferDays = this.#o.beds.transferDelayDays;
  }

  /**
   * The patient takes the bed; medically fit after the length of stay (weekend rule for
   * overnight stays).
   */
  #onBed(p: Patient): void {
    const ctx = this.#ctx;
    const now = ctx.sim.now;
    this.#o.beds.occupy(p, now);
    let fit = now + p.losDays;
    const wd = weekdayAt(ctx, fit);
    // Same-day (zero-day) stays go home the day they came, weekend or not.
    const weekend = wd === 6 || wd === 0;
    if (weekend && p.losDays > 0 && p.draws.weekend >= ctx.scenario.acute.weekendDischargeRatio) {
      fit += wd === 6 ? 2 : 1;
    }
    ctx.sim.schedule(fit - now, () => this.#o.onMedicallyFit(p));
  }
}
