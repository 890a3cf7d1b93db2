/**
 * Site capacity over time: acute beds (base + monthly escalation + added + surge), the day's
 * capacity schedule of every service, and the hourly surge-bed review.
 *
 * @module
 */

import { tagIdx } from "./_intervention_tags.ts";
import type { ModelState } from "./_model_state.ts";

/** Acute beds at site `h` at time `t`: base + monthly escalation + added + open surge beds. */
export function bedCapacity(m: ModelState, h: number, t: number): number {
  const day = Math.floor(t) - m.warmUpDays;
  const month = m.calendar.month[day - m.calendar.firstDay];
  return m.bedBase[h] + m.scenario.hospitals[h].escalationExtraBedsByMonth[month] +
    m.bedExtra[h] + m.surge.openBeds(h);
}

/** Applies the day's capacity (crisis-response credit, added beds, slots and hours). */
export function capacitySchedule(m: ModelState, t: number): void {
  const add = m.mods.capacity?.call(m.mods, t - m.warmUpDays);
  const size = m.scenario.population.size;
  const cr = m.scenario.community.crisisResponse;
  m.crisisCredit += cr.visitsPerDayPer100k * size / 1e5;
  m.crisisLeft = Math.floor(m.crisisCredit);
  m.crisisCredit -= m.crisisLeft;
  m.crisisAddCredit += add?.crisisResponseVisitsPerDay ?? 0;
  m.crisisAddLeft = Math.floor(m.crisisAddCredit);
  m.crisisAddCredit -= m.crisisAddLeft;
  m.crisisTag = add?.crisisResponseTag ? tagIdx(m, add.crisisResponseTag) : -1;
  m.icTag = add?.intermediateBedsTag ? tagIdx(m, add.intermediateBedsTag) : -1;
  m.transferDelayDays = add?.interSiteTransferDelayHours !== undefined
    ? add.interSiteTransferDelayHours / 24
    : -1;
  if (m.unconstrained) return;
  m.scenario.hospitals.forEach((h, i) => {
    m.bedExtra[i] = add?.acuteBeds?.[h.id] ?? 0;
    applyBedCapacity(m, i, t);
  });
  const ic = m.icBase + (add?.intermediateBeds ?? 0);
  if (ic !== m.intermediate.capacity) m.intermediate.setCapacity(ic);
  const rb = m.reabBase + (add?.reablementSlots ?? 0);
  if (rb !== m.reablement.capacity) m.reablement.setCapacity(rb);
  const hc = add?.homeCareHoursPerWeek ?? 0;
  if (hc > m.homeCareAdded) {
    m.homeCare.put(hc - m.homeCareAdded);
    m.homeCareCapacity += hc - m.homeCareAdded;
    m.homeCareAdded = hc;
  }
}

function applyBedCapacity(m: ModelState, h: number, t: number): void {
  const cap = bedCapacity(m, h, t);
  if (cap !== m.lastBedCaps[h]) {
    m.beds[h].setCapacity(cap);
    m.lastBedCaps[h] = cap;
  }
}

/** Hourly bed review: opens or closes each site's surge beds (OPEL escalation). */
export function surgeReview(m: ModelState): void {
  const now = m.sim.now;
  for (let h = 0; h < m.beds.length; h++) {
    const b = m.beds[h];
    const change = m.surge.review(h, now, {
      boarders: b.queueLength,
      inUse: b.inUse,
      capacity: b.capacity,
    });
    if (change === 0) continue;
    m.levels.acute_surge_beds.add(now, change);
    if (change > 0) m.counts_.acute_surge_openings.add(now, 1);
    applyBedCapacity(m, h, now);
  }
}
