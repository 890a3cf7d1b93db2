/**
 * The daily population tick: the day boundary sequence, the cohort step and the day's
 * emergency demand (ED-only attendances and admission candidates) and community home-care
 * referrals.
 *
 * @module
 */

import { candidate } from "./_acute_pathway.ts";
import { capacitySchedule } from "./_capacity.ts";
import { districtNursingTick } from "./_community.ts";
import { homeCareFromHome, placeCareHome } from "./_downstream_services.ts";
import { gpTick } from "./_gp_access.ts";
import { draw, type ModelState } from "./_model_state.ts";
import { applyModifiers } from "./_rate_modifiers.ts";
import { population, snapshot, startMeasuring } from "./_recording.ts";
import { cohortDay } from "./cohort.ts";
import { poissonInverse } from "./inverse.ts";

/** The day-boundary sequence at day `t`: record yesterday, then the day's flows. */
export function dayBoundary(m: ModelState, t: number): void {
  const W = m.warmUpDays;
  if (t > 0 && t - 1 >= W) snapshot(m, t - 1 - W);
  if (t === W) startMeasuring(m);
  if (t >= W + m.days) return;
  applyModifiers(m, t - W);
  capacitySchedule(m, t);
  cohortTick(m, t);
  gpTick(m, t);
  districtNursingTick(m, t);
  demandTick(m, t);
}

function cohortTick(m: ModelState, t: number): void {
  const s = m.streams;
  const out = cohortDay(m.counts, m.params, {
    uniforms: {
      deaths: () => s.deaths.random(),
      deterioration: () => s.deterioration.random(),
      recovery: () => s.recovery.random(),
      ageing: () => s.ageing.random(),
      careHomeReferral: () => s.care_home_referral.random(),
      entries: () => s.entries.random(),
      entryMix: () => s.entries_mix.random(),
    },
    deteriorationMultiplier: m.mods.rates ? m.mul.det : undefined,
    otherDeaths: m.hospitalDeathsByBand,
    out: m.cohortOut,
  });
  m.hospitalDeathsByBand.fill(0);
  let deaths = 0;
  for (let c = 0; c < m.counts.length; c++) {
    const k = out.deaths[c];
    if (k === 0) continue;
    deaths += k;
    m.counts_.deaths_elsewhere.add(t, k, ((c >> 1) & 3) + 1);
  }
  population(m, t, out.entries, deaths);
  for (let c = 0; c < m.counts.length; c++) {
    const k = out.careHomeReferrals[c];
    for (let i = 0; i < k; i++) m.chHomeQueue.push({ cell: c, t });
  }
  placeCareHome(m);
}

function demandTick(m: ModelState, t: number): void {
  const s = m.streams;
  const sc = m.scenario;
  const day = Math.floor(t) - m.warmUpDays;
  const season = sc.seasonality.emergencyDemandByMonth[m.calendar.month[day - m.calendar.firstDay]];
  const mul = m.mul;
  const n = m.counts.length;
  for (let c = 0; c < n; c++) {
    const people = m.counts[c];
    const seg = ((c >> 1) & 3) + 1;
    const edOnly = poissonInverse(
      s.ed_attendances.random(),
      people * m.pEdOnly[c] * season * mul.ed[c],
    );
    m.counts_.ed_attendances.add(t, edOnly, seg);
    const lambda = people * m.pAdmit[c] * season;
    const base = poissonInverse(s.emergency_admissions.random(), lambda);
    const mAll = mul.adm[c] * mul.ed[c] * mul.conv[c];
    const extra = poissonInverse(
      s.emergency_admissions_extra.random(),
      lambda * Math.max(0, mAll - 1),
    );
    for (let i = 0; i < base; i++) {
      const uAvert = s.intervention_avert.random();
      candidate(m, c, draw(s.admission_attributes), uAvert);
    }
    for (let i = 0; i < extra; i++) {
      candidate(m, c, draw(s.admission_extra_attributes), 0);
    }
  }
  // Home-care referrals from the community.
  const hc = sc.socialCare.homeCare;
  const refs = poissonInverse(
    s.home_care_referral.random(),
    hc.communityReferralsPer100kPerYear * sc.population.size / 1e5 / 365,
  );
  for (let i = 0; i < refs; i++) homeCareFromHome(m, t, -1);
}
