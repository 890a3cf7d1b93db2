/**
 * Acute bed occupancy accounting: occupying and releasing a bed, and delayed transfers of
 * care.
 *
 * @module
 */

import { emit } from "./_event_log.ts";
import type { ModelState, Patient } from "./_model_state.ts";

/** Adds `delta` occupied beds at the patient's site (and to the bed-day integrals). */
export function occupy(m: ModelState, p: Patient, now: number, delta: number): void {
  m.occupied[p.hospital] += delta;
  m.bedLevel.add(now, delta);
  m.bedLevels[p.seg - 1].add(now, delta);
  if (m.occupied[p.hospital] > m.beds[p.hospital].capacity && delta > 0) {
    m.stays.overCapacityEvents++;
  }
}

/** Frees the patient's acute bed (logged as a move to `to`), ending any delayed transfer. */
export function releaseBed(m: ModelState, p: Patient, to: string = p.dest): void {
  const now = m.sim.now;
  if (!p.inBed) return;
  if (m.log) {
    const where = `acute:${m.scenario.hospitals[p.hospital].id}`;
    emit(m, p.caseId, to === "death" ? "death" : "discharge", where, to);
  }
  p.inBed = false;
  m.bedOccupants.delete(p);
  m.beds[p.hospital].release(p.req!);
  occupy(m, p, now, -1);
  if (p.delayed) {
    p.delayed = false;
    m.delayedNow--;
    m.dtocLevel.add(now, -1);
    m.dtocLevels[p.seg - 1].add(now, -1);
  }
  const W = m.warmUpDays;
  const end = W + m.days;
  const overlap = Math.min(now, end) - Math.max(p.bedStart, W);
  if (overlap > 0) m.stays.bedDaysFromStays += overlap;
  if (p.bedStart >= W && now <= end && !p.census) {
    m.stays.completedSum += now - p.bedStart;
    m.stays.completed++;
  }
}

/** Starts a delayed transfer of care for a patient in an acute bed. */
export function startDelay(m: ModelState, p: Patient, now: number): void {
  if (p.delayed) return;
  if (m.log) {
    const where = `acute:${m.scenario.hospitals[p.hospital].id}`;
    emit(m, p.caseId, "delayed", where, where, p.dest);
  }
  p.delayed = true;
  m.delayedNow++;
  m.dtocLevel.add(now, 1);
  m.dtocLevels[p.seg - 1].add(now, 1);
}
