/**
 * GP access: the day's demand joins a waiting-list ring, waits abandon (some spill to ED),
 * and weekday appointments serve the oldest first.
 *
 * @module
 */

import { GP_RING, type ModelState } from "./_model_state.ts";
import { binomialInverse, poissonInverse } from "./inverse.ts";

/** The day's GP demand, abandonment (spill to ED) and weekday appointments. */
export function gpTick(m: ModelState, t: number): void {
  const s = m.streams;
  const gp = m.scenario.gp;
  const size = m.scenario.population.size;
  const n = m.counts.length;
  let demand = 0;
  for (let c = 0; c < n; c++) {
    demand += poissonInverse(s.gp_demand.random(), m.counts[c] * m.pGp[c] * m.mul.gp[c]);
  }
  const today = m.gpHead;
  m.gpQueue[today] += demand;
  // Abandonment (one uniform per queued day-cohort), and spill to ED.
  const pAbandon = 1 - Math.exp(-gp.abandonRatePerDay);
  let abandoned = 0;
  for (let k = 1; k < GP_RING; k++) {
    const slot = (today - k + GP_RING) % GP_RING;
    const q = m.gpQueue[slot];
    const u = s.gp_abandon.random();
    if (q <= 0) continue;
    const a = k === GP_RING - 1 ? q : binomialInverse(u, q, pAbandon);
    m.gpQueue[slot] -= a;
    abandoned += a;
  }
  m.counts_.gp_unmet_demand.add(t, abandoned);
  const spill = binomialInverse(s.gp_spill.random(), abandoned, gp.spillToEdShare);
  m.counts_.ed_attendances.add(t, spill);
  // Serve weekdays, oldest first.
  const weekday = m.calendar.weekday[Math.floor(t) - m.warmUpDays - m.calendar.firstDay];
  if (weekday !== 0 && weekday !== 6) {
    const add = m.mods.capacity?.call(m.mods, t - m.warmUpDays)?.gpAppointmentsPerWeek ?? 0;
    const weekly = m.unconstrained
      ? Infinity
      : gp.ftePer1000People * size / 1000 * gp.appointmentsPerFtePerWeek +
        gp.extendedAccessAppointmentsPerWeek + add;
    let capacity = Math.floor(weekly / 5);
    for (let k = GP_RING - 1; k >= 0 && capacity > 0; k--) {
      const slot = (today - k + GP_RING) % GP_RING;
      const q = m.gpQueue[slot];
      if (q <= 0) continue;
      const served = Math.min(q, capacity);
      capacity -= served;
      m.gpQueue[slot] -= served;
      m.counts_.gp_consultations.add(t, served);
      m.counts_.gp_wait_days_total.add(t, served * k);
    }
  }
  m.gpHead = (today + 1) % GP_RING;
  m.gpQueue[m.gpHead] = 0;
}
