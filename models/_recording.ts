/**
 * Output recording and population accounting: the end-of-day snapshot, the measuring start,
 * the end-of-run totals and the people counts.
 *
 * @module
 */

import type { ModelState } from "./_model_state.ts";
import { HOME } from "./cohort.ts";

/** Records the end-of-day daily series for measured day `dayIndex`. */
export function snapshot(m: ModelState, dayIndex: number): void {
  const now = m.sim.now;
  const d = m.daily;
  const occ = m.occupied.reduce((a, b) => a + b, 0);
  let cap = 0;
  m.beds.forEach((b, i) => {
    cap += b.capacity;
    m.dailyByHospital[i].push(m.occupied[i]);
  });
  let atHome = 0;
  let inCh = 0;
  for (let c = 0; c < m.counts.length; c++) {
    const n = m.counts[c];
    if (n < m.stays.minPlaceCount) m.stays.minPlaceCount = n;
    if ((c & 1) === HOME) atHome += n;
    else inCh += n;
  }
  for (const v of [m.inEd, m.inIntermediate, m.careHomeAway, m.delayedNow]) {
    if (v < m.stays.minPlaceCount) m.stays.minPlaceCount = v;
  }
  d.dayIndex.push(dayIndex);
  d.acuteOccupied.push(occ);
  d.acuteCapacity.push(m.unconstrained ? 0 : cap);
  d.edBoarders.push(m.inEd);
  d.delayedTransfers.push(m.delayedNow);
  d.intermediateOccupied.push(m.inIntermediate);
  d.intermediateCapacity.push(m.unconstrained ? 0 : m.intermediate.capacity);
  d.careHomeOccupied.push(inCh + m.careHomeAway);
  d.careHomeCapacity.push(m.unconstrained ? 0 : m.careHomePlaces);
  d.homeCareHoursInUse.push(m.homeCareInUse);
  d.homeCareCapacityHours.push(m.unconstrained ? 0 : m.homeCareCapacity);
  d.population.push(m.account.start + m.account.entriesSoFar - m.account.deathsSoFar);
  d.atHome.push(atHome);
  d.inCareHome.push(inCh);
  const y = Math.floor(dayIndex / 365);
  if (y < m.scenario.years) {
    m.dailyOccupancy[y].push(occ);
    if (!m.unconstrained && occ > 0.92 * cap) {
      m.counts_.acute_days_over_92pct.add(now - 1e-9, 1);
    }
  }
}

/** Closes the integrals and the population account at the end of the run. */
export function finish(m: ModelState, end: number): void {
  for (const l of Object.values(m.levels)) l.advance(end);
  const W = m.warmUpDays;
  // Stays still in a bed at the end.
  for (const p of m.bedOccupants) {
    const overlap = end - Math.max(p.bedStart, W);
    if (overlap > 0) m.stays.bedDaysFromStays += overlap;
  }
  m.account.end = placesTotal(m);
  m.account.entries = m.account.entriesSoFar;
  m.account.deaths = m.account.deathsSoFar;
}

/** Opens the population account at the start of the measured period. */
export function startMeasuring(m: ModelState): void {
  const total = placesTotal(m);
  m.account.start = total;
  m.account.entriesSoFar = 0;
  m.account.deathsSoFar = 0;
  m.startByBand = byBand(m);
}

/** People per age band in the cells. */
export function byBand(m: ModelState): Record<string, number> {
  const out: Record<string, number> = {};
  m.params.bands.forEach((b, i) => {
    let n = 0;
    for (let c = i * 8; c < i * 8 + 8; c++) n += m.counts[c];
    out[b.id] = n;
  });
  return out;
}

function placesTotal(m: ModelState): number {
  let n = 0;
  for (let c = 0; c < m.counts.length; c++) n += m.counts[c];
  return n + m.inEd + m.occupied.reduce((a, b) => a + b, 0) + m.inIntermediate;
}

/** Adds the day's entries and deaths to the population account (measured period only). */
export function population(m: ModelState, t: number, entries: number, deaths: number): void {
  if (t < m.warmUpDays) return;
  m.account.entriesSoFar += entries;
  m.account.deathsSoFar += deaths;
}
