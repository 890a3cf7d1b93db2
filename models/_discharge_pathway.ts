/**
 * The discharge pathway from medically fit: arrangement time, waiting in the bed or at home
 * (discharge to assess), and the hand-over to each destination.
 *
 * @module
 */

import type { Request } from "../sim/mod.ts";
import { releaseBed, startDelay } from "./_acute_beds.ts";
import { maybeReadmit } from "./_acute_pathway.ts";
import {
  enterIntermediate,
  placeCareHome,
  startPackage,
  startReablement,
} from "./_downstream_services.ts";
import { emit } from "./_event_log.ts";
import { type ModelState, onDone, type Patient } from "./_model_state.ts";
import { population } from "./_recording.ts";

/** A patient becomes medically fit: discharge after any arrangement time. */
export function onFit(m: ModelState, p: Patient): void {
  const now = m.sim.now;
  if (m.log) {
    const where = `acute:${m.scenario.hospitals[p.hospital].id}`;
    emit(m, p.caseId, "discharge_ready", where, where, p.dest);
  }
  const arrange = arrangementDays(m, p);
  if (arrange > 0) {
    startDelay(m, p, now);
    m.sim.schedule(arrange, () => discharge(m, p));
  } else discharge(m, p);
}

/**
 * Days from medically fit to a supported destination being arranged (assessment, funding,
 * choice), spent in the acute bed as a delayed transfer; 0 for home, death, under
 * discharge to assess (assessed at home) and in unconstrained runs.
 */
function arrangementDays(m: ModelState, p: Patient): number {
  if (m.unconstrained || p.dest === "home" || p.dest === "death") return 0;
  if (p.d2aShare > 0 && p.uD2a < p.d2aShare && p.dest !== "careHome") return 0;
  const mean = m.scenario.acute.dischargeArrangementMeanDays[p.dest];
  return mean > 0 ? -mean * Math.log(1 - p.uArrange) : 0;
}

function discharge(m: ModelState, p: Patient): void {
  const now = m.sim.now;
  switch (p.dest) {
    case "death":
      releaseBed(m, p);
      m.counts_.deaths_in_hospital.add(now, 1, p.seg);
      m.hospitalDeathsByBand[p.band]++;
      population(m, now, 0, 1);
      if (p.fromCareHome) {
        m.careHomeAway--;
        placeCareHome(m);
      }
      return;
    case "home":
      releaseBed(m, p);
      returnHome(m, p);
      maybeReadmit(m, p);
      return;
    case "careHome":
      m.chHospitalQueue.push(p);
      p.arrive = now;
      placeCareHome(m);
      if (!p.placed) waitInBedOrHome(m, p, now);
      return;
    case "reablement": {
      const req = m.reablement.request();
      if (!req.triggered) waitInBedOrHome(m, p, now);
      onDone(req, () => {
        leaveBedForHome(m, p);
        startReablement(m, req, true);
      });
      maybeReadmit(m, p);
      return;
    }
    case "homeCarePackage": {
      const hours = m.scenario.socialCare.homeCare.hoursPerPackagePerWeek;
      const get = m.homeCare.get(hours);
      if (!get.triggered) waitInBedOrHome(m, p, now);
      onDone(get, () => {
        leaveBedForHome(m, p);
        startPackage(m, now);
      });
      maybeReadmit(m, p);
      return;
    }
    case "intermediateCare": {
      const req = m.intermediate.request();
      if (!req.triggered) {
        waitInBedOrHome(m, p, now);
        if (p.inBed) alternativeToIntermediate(m, p, req);
      }
      onDone(req, () => {
        if (p.inBed) releaseBed(m, p);
        else m.counts[p.cell]--;
        if (p.fromCareHome) m.careHomeAway--;
        enterIntermediate(m, m.sim.now, p.cell, req);
      });
      return;
    }
  }
}

/**
 * A patient waiting in an acute bed for an intermediate bed: after an exponential wait
 * (attribute 11) home-based support is arranged instead and they go home.
 */
function alternativeToIntermediate(m: ModelState, p: Patient, req: Request): void {
  const mean = m.scenario.community.intermediateCare.alternativeAfterMeanDays;
  if (!(mean > 0) || m.unconstrained) return;
  const wait = -mean * Math.log(1 - p.uAlternative);
  m.sim.schedule(wait, () => {
    if (req.triggered || !p.inBed) return;
    m.intermediate.cancel(req);
    m.counts_.intermediate_care_alternatives.add(m.sim.now, 1);
    releaseBed(m, p, "home");
    returnHome(m, p);
    maybeReadmit(m, p);
  });
}

/** Leaves the acute bed (if still in it) for home; the wait continues at home under D2A. */
function leaveBedForHome(m: ModelState, p: Patient): void {
  if (p.inBed) {
    releaseBed(m, p);
    returnHome(m, p);
  }
}

function waitInBedOrHome(m: ModelState, p: Patient, now: number): void {
  if (p.d2aShare > 0 && p.uD2a < p.d2aShare && p.dest !== "careHome") {
    releaseBed(m, p, "home_discharge_to_assess");
    returnHome(m, p);
    return;
  }
  startDelay(m, p, now);
}

function returnHome(m: ModelState, p: Patient): void {
  m.counts[p.cell]++;
  if (p.fromCareHome) m.careHomeAway--;
}
