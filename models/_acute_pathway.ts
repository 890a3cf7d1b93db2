/**
 * The acute pathway: admission candidates, ED boarding, choice of site (and inter-site
 * transfer), length of stay and discharge destination, the bed stay and 30-day readmission.
 *
 * @module
 */

import { occupy } from "./_acute_beds.ts";
import { DESTINATIONS } from "./_cell_rates.ts";
import { avertInCommunity } from "./_community.ts";
import { onFit } from "./_discharge_pathway.ts";
import { emit, origin } from "./_event_log.ts";
import { creditAvert } from "./_intervention_tags.ts";
import { draw, type ModelState, onDone, type Patient } from "./_model_state.ts";
import { CARE_HOME, HOME } from "./cohort.ts";
import { normalInverse } from "./inverse.ts";
import type { Destination } from "./modifiers.ts";

/**
 * attrs: 0 time, 1 route, 2 avoidable, 3 crisis, 4 step-up, 5 hospital, 6 los, 7 dest,
 * 8 readmit, 9 weekend, 10 d2a, 11 wait for an intermediate bed before an alternative,
 * 12 discharge arrangement time.
 */
export function candidate(m: ModelState, c: number, a: number[], uAvert: number): void {
  const mul = m.mul;
  const viaEd = a[1] < m.scenario.acute.edRouteShare;
  const mAdm = mul.adm[c] * (viaEd ? mul.ed[c] : 1);
  const mAll = mAdm * (viaEd ? mul.conv[c] : 1);
  const los = mul.los[c];
  const mix = mul.mix[c];
  const d2a = mul.d2a[c];
  const comps = m.comps[c];
  m.sim.schedule(a[0], () => {
    const now = m.sim.now;
    const seg = ((c >> 1) & 3) + 1;
    if (m.counts[c] <= 0) return;
    const caseId = m.log ? `c${++m.caseSeq}` : "";
    if (mAll < 1 && uAvert >= mAll) {
      m.counts_.emergency_admissions_averted.add(now, 1, seg);
      const edSeen = viaEd && uAvert < mAdm;
      if (edSeen) m.counts_.ed_attendances.add(now, 1, seg);
      if (m.log && edSeen) emit(m, caseId, "ed_arrival", origin(c), "ed");
      if (comps) creditAvert(m, now, c, comps, viaEd, uAvert, caseId);
      else if (m.log) emit(m, caseId, "averted", origin(c), origin(c));
      return;
    }
    if (viaEd) m.counts_.ed_attendances.add(now, 1, seg);
    if (m.log) {
      emit(m, caseId, viaEd ? "ed_arrival" : "gp_referral", origin(c), "ed");
    }
    if ((c & 1) === HOME && avertInCommunity(m, now, c, a, caseId)) return;
    admit(m, now, c, a, { losMultiplier: los, mix, d2a, readmission: false, caseId });
  });
}

function pickDestination(
  m: ModelState,
  c: number,
  u: number,
  mix: Partial<Record<Destination, number>> | undefined,
): Destination {
  if (!mix) {
    for (let i = 0; i < 6; i++) if (u < m.mixCum[c * 6 + i]) return DESTINATIONS[i];
    return "home";
  }
  const base = m.scenario.population.ageBands[c >> 3].dischargeMix;
  let total = 0;
  for (const d of DESTINATIONS) total += base[d] * (mix[d] ?? 1);
  let cum = 0;
  for (const d of DESTINATIONS) {
    cum += base[d] * (mix[d] ?? 1) / total;
    if (u < cum) return d;
  }
  return "home";
}

function losDays(m: ModelState, c: number, u: number, multiplier: number): number {
  return Math.exp(m.losMu[c] + m.losSigma * normalInverse(u)) * multiplier;
}

/** Admits a person from cell `c` with attributes `a`: ED boarding until a bed is free. */
export function admit(
  m: ModelState,
  now: number,
  c: number,
  a: number[],
  o: {
    losMultiplier: number;
    mix: Partial<Record<Destination, number>> | undefined;
    d2a: number;
    readmission: boolean;
    losDays?: number;
    census?: boolean;
    caseId?: string;
  },
): Patient {
  const seg = ((c >> 1) & 3) + 1;
  m.counts[c]--;
  const fromCareHome = (c & 1) === CARE_HOME;
  if (fromCareHome) m.careHomeAway++;
  if (!o.census) m.counts_.emergency_admissions.add(now, 1, seg);
  if (o.readmission) m.counts_.readmissions_30d.add(now, 1, seg);
  let hospital = m.hospShares.length - 1;
  let cum = 0;
  for (let h = 0; h < m.hospShares.length; h++) {
    cum += m.hospShares[h];
    if (a[5] < cum) {
      hospital = h;
      break;
    }
  }
  const p: Patient = {
    cell: c,
    seg,
    band: c >> 3,
    fromCareHome,
    hospital,
    arrive: now,
    bedStart: 0,
    losDays: o.losDays ?? losDays(m, c, a[6], o.losMultiplier),
    dest: pickDestination(m, c, a[7], o.mix),
    uReadmit: a[8],
    uWeekend: a[9],
    uD2a: a[10],
    uAlternative: a[11],
    uArrange: a[12],
    d2aShare: o.d2a,
    req: null,
    delayed: false,
    inBed: false,
    placed: false,
    census: o.census ?? false,
    caseId: o.caseId ?? "",
    transferDays: 0,
  };
  if (fromCareHome && p.dest !== "death") p.dest = "home";
  m.inEd++;
  if (m.transferDelayDays >= 0 && !o.census && m.beds.length > 1) {
    maybeTransfer(m, p, now);
  }
  const req = m.beds[p.hospital].request();
  p.req = req;
  if (m.log && !req.triggered) {
    emit(m, p.caseId, "board", "ed", "ed", m.scenario.hospitals[p.hospital].id);
  }
  if (p.transferDays > 0) {
    onDone(req, () => m.sim.schedule(p.transferDays, () => onBed(m, p)));
  } else onDone(req, () => onBed(m, p));
  return p;
}

/** Acute care collaboration: no free bed here → the site with most free beds, if any. */
function maybeTransfer(m: ModelState, p: Patient, now: number): void {
  const here = m.beds[p.hospital];
  if (here.inUse < here.capacity && here.queueLength === 0) return;
  let best = -1;
  let bestFree = 0;
  m.beds.forEach((b, h) => {
    const free = b.capacity - b.inUse;
    if (h !== p.hospital && b.queueLength === 0 && free > bestFree) {
      best = h;
      bestFree = free;
    }
  });
  if (best < 0) return;
  m.counts_.inter_site_transfers.add(now, 1);
  if (m.log) {
    const ids = m.scenario.hospitals;
    emit(
      m,
      p.caseId,
      "transfer",
      `ed:${ids[p.hospital].id}`,
      `acute:${ids[best].id}`,
      ids[best].id,
    );
  }
  p.hospital = best;
  p.transferDays = m.transferDelayDays;
}

function onBed(m: ModelState, p: Patient): void {
  const now = m.sim.now;
  m.inEd--;
  m.counts_.ed_boarding_hours.add(now, Math.max(0, now - p.arrive - p.transferDays) * 24);
  if (m.log) {
    emit(m, p.caseId, "admit", "ed", `acute:${m.scenario.hospitals[p.hospital].id}`);
  }
  occupy(m, p, now, 1);
  p.bedStart = now;
  p.inBed = true;
  if (now >= m.warmUpDays && !p.census) m.stays.started++;
  m.bedOccupants.add(p);
  let fit = now + p.losDays;
  const day = Math.floor(fit) - m.warmUpDays - m.calendar.firstDay;
  const wd = m.calendar.weekday[Math.min(day, m.calendar.weekday.length - 1)];
  if ((wd === 6 || wd === 0) && p.uWeekend >= m.scenario.acute.weekendDischargeRatio) {
    fit += wd === 6 ? 2 : 1;
  }
  m.sim.schedule(fit - now, () => onFit(m, p));
}

/** Schedules a 30-day emergency readmission (attribute 8) for someone discharged home. */
export function maybeReadmit(m: ModelState, p: Patient): void {
  const pr = m.scenario.acute.readmission30DayProbability;
  if (p.fromCareHome || p.uReadmit >= pr) return;
  const delay = (p.uReadmit / pr) * 30;
  const c = p.cell;
  m.sim.schedule(delay, () => {
    if (m.counts[c] <= 0) return;
    const a = draw(m.streams.readmission_attributes);
    const t = m.sim.now;
    const seg = ((c >> 1) & 3) + 1;
    if (a[1] < m.scenario.acute.edRouteShare) m.counts_.ed_attendances.add(t, 1, seg);
    if (m.log) emit(m, p.caseId, "readmit", "home", "ed");
    admit(m, t, c, a, {
      losMultiplier: m.mul.los[c],
      mix: m.mul.mix[c],
      d2a: m.mul.d2a[c],
      readmission: true,
      caseId: p.caseId,
    });
  });
}
