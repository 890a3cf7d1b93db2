/**
 * The day's per-cell rate multipliers from the intervention hooks (rates and components).
 *
 * @module
 */

import { tagStatsFor } from "./_intervention_tags.ts";
import type { ModelState } from "./_model_state.ts";
import type { Destination, RateMultipliers } from "./modifiers.ts";

/** Sets each cell's rate multipliers for the day and accrues cohort people-days. */
export function applyModifiers(m: ModelState, dayIndex: number): void {
  const rates = m.mods.rates;
  const components = m.mods.components;
  if (!rates && !components) return;
  const mul = m.mul;
  const measuring = dayIndex >= 0 && dayIndex < m.days;
  const y = Math.floor(dayIndex / 365);
  for (const cell of m.params.cells) {
    const r: RateMultipliers | undefined = rates?.call(m.mods, dayIndex, cell);
    const c = cell.index;
    let gp = r?.gpDemand ?? 1;
    let ed = r?.edAttendance ?? 1;
    let conv = r?.conversion ?? 1;
    let adm = r?.emergencyAdmission ?? 1;
    let det = r?.deterioration ?? 1;
    let los = r?.lengthOfStay ?? 1;
    let d2a = r?.dischargeToAssess ?? 0;
    let mix = r?.dischargeMix;
    const cs = components?.call(m.mods, dayIndex, cell);
    m.comps[c] = cs && cs.length > 0 ? cs : undefined;
    for (const k of cs ?? []) {
      const x = k.multipliers;
      gp *= x.gpDemand ?? 1;
      ed *= x.edAttendance ?? 1;
      conv *= x.conversion ?? 1;
      adm *= x.emergencyAdmission ?? 1;
      det *= x.deterioration ?? 1;
      los *= x.lengthOfStay ?? 1;
      if (x.dischargeToAssess) d2a = 1 - (1 - d2a) * (1 - x.dischargeToAssess);
      if (x.dischargeMix) {
        const merged: Partial<Record<Destination, number>> = { ...mix };
        for (const [d, v] of Object.entries(x.dischargeMix)) {
          merged[d as Destination] = (merged[d as Destination] ?? 1) * v!;
        }
        mix = merged;
      }
      if (measuring) {
        const st = tagStatsFor(m, k.tag, k.cohort);
        st.cohortPeopleDays[y] += m.counts[c] * k.share;
        st.enrolledPeopleDays[y] += m.counts[c] * k.share * k.ramp;
      }
    }
    mul.gp[c] = gp;
    mul.ed[c] = ed;
    mul.conv[c] = conv;
    mul.adm[c] = adm;
    mul.det[c] = det;
    mul.los[c] = los;
    mul.d2a[c] = d2a;
    mul.mix[c] = mix;
  }
}
