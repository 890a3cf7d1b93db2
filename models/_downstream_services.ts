/**
 * Downstream services: intermediate care, reablement, home-care packages and care-home
 * placement.
 *
 * @module
 */

import type { Request } from "../sim/mod.ts";
import { releaseBed } from "./_acute_beds.ts";
import { levelAdd, type ModelState, onDone } from "./_model_state.ts";
import { CARE_HOME } from "./cohort.ts";

/** Starts a reablement episode on a granted slot; may end in a home-care package. */
export function startReablement(m: ModelState, req: Request, count: boolean): void {
  const now = m.sim.now;
  if (count) m.counts_.reablement_starts.add(now, 1);
  const rb = m.scenario.socialCare.reablement;
  const d = m.streams.reablement_duration.exponential(rb.durationMeanDays);
  const u = m.streams.reablement_outcome.random();
  m.sim.schedule(d, () => {
    m.reablement.release(req);
    if (u < rb.ongoingPackageShare) homeCareFromHome(m, m.sim.now, -1);
  });
}

/** Starts a home-care package requested at `requested`. */
export function startPackage(m: ModelState, requested: number, count = true): void {
  const now = m.sim.now;
  const hc = m.scenario.socialCare.homeCare;
  if (count) {
    m.counts_.home_care_package_starts.add(now, 1);
    m.counts_.home_care_wait_days_total.add(now, now - requested);
  }
  m.homeCareInUse += hc.hoursPerPackagePerWeek;
  levelAdd(m, "home_care_hours", now, hc.hoursPerPackagePerWeek);
  const d = m.streams.home_care_duration.exponential(hc.packageDurationMeanDays);
  m.sim.schedule(d, () => {
    m.homeCareInUse -= hc.hoursPerPackagePerWeek;
    levelAdd(m, "home_care_hours", m.sim.now, -hc.hoursPerPackagePerWeek);
    m.homeCare.put(hc.hoursPerPackagePerWeek);
  });
}

/** A home-care package requested from home: starts when hours are free. */
export function homeCareFromHome(m: ModelState, now: number, _cell: number): void {
  const get = m.homeCare.get(m.scenario.socialCare.homeCare.hoursPerPackagePerWeek);
  onDone(get, () => startPackage(m, now));
}

/** Admits to an intermediate-care bed (a held request, or a new one). */
export function enterIntermediate(
  m: ModelState,
  now: number,
  c: number,
  held: Request | null,
): void {
  const req = held ?? m.intermediate.request();
  m.inIntermediate++;
  levelAdd(m, "intermediate", now, 1);
  m.counts_.intermediate_care_starts.add(now, 1);
  const ic = m.scenario.community.intermediateCare;
  const d = m.streams.intermediate_los.lognormal({
    mean: ic.lengthOfStayMeanDays,
    sd: ic.lengthOfStayMeanDays * ic.lengthOfStayCv,
  });
  afterIntermediate(m, req, c, d);
}

/** Schedules the end of an intermediate-care stay of `days` and its onward destination. */
export function afterIntermediate(m: ModelState, req: Request, c: number, days: number): void {
  const u = m.streams.intermediate_outcome.random();
  m.sim.schedule(days, () => {
    const now = m.sim.now;
    m.intermediate.release(req);
    m.inIntermediate--;
    levelAdd(m, "intermediate", now, -1);
    m.counts[c]++;
    const mix = m.scenario.community.intermediateCare.dischargeMix;
    if (u < mix.homeCarePackage) homeCareFromHome(m, now, c);
    else if (u < mix.homeCarePackage + mix.careHome) {
      m.chHomeQueue.push({ cell: c, t: now });
      placeCareHome(m);
    }
  });
}

function careHomeOccupied(m: ModelState): number {
  let n = m.careHomeAway;
  for (let c = 1; c < m.counts.length; c += 2) n += m.counts[c];
  return n;
}

/** Fills free care-home places: hospital waiters first, then people waiting at home. */
export function placeCareHome(m: ModelState): void {
  const now = m.sim.now;
  let free = m.careHomePlaces - careHomeOccupied(m);
  while (free > 0) {
    const p = m.chHospitalQueue.shift();
    if (p) {
      p.placed = true;
      if (p.inBed) releaseBed(m, p);
      else m.counts[p.cell]--;
      if (p.fromCareHome) m.careHomeAway--;
      const target = p.cell | 1;
      m.counts[target]++;
      m.counts_.care_home_admissions.add(now, 1, p.seg);
      m.counts_.care_home_admissions_from_hospital.add(now, 1);
      m.counts_.care_home_wait_days_total.add(now, now - p.arrive);
      free--;
      continue;
    }
    if (m.chHomeHead >= m.chHomeQueue.length) break;
    const w = m.chHomeQueue[m.chHomeHead++];
    if (m.counts[w.cell] <= 0 || (w.cell & 1) === CARE_HOME) continue;
    m.counts[w.cell]--;
    m.counts[w.cell | 1]++;
    m.counts_.care_home_admissions.add(now, 1, ((w.cell >> 1) & 3) + 1);
    m.counts_.care_home_wait_days_total.add(now, now - w.t);
    free--;
  }
  if (m.chHomeHead > 4096 && m.chHomeHead * 2 > m.chHomeQueue.length) {
    m.chHomeQueue.splice(0, m.chHomeHead);
    m.chHomeHead = 0;
  }
}
