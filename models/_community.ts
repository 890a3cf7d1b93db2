/**
 * Community services that act before admission: district nursing, urgent crisis response
 * and step-up to an intermediate-care bed.
 *
 * @module
 */

import { enterIntermediate } from "./_downstream_services.ts";
import { emit } from "./_event_log.ts";
import type { ModelState } from "./_model_state.ts";
import { poissonInverse } from "./inverse.ts";

/** District-nursing visits for the day: Poisson per cell, by segment. */
export function districtNursingTick(m: ModelState, t: number): void {
  const s = m.streams;
  for (let c = 0; c < m.counts.length; c++) {
    const visits = poissonInverse(s.district_nursing.random(), m.counts[c] * m.pDn[c]);
    m.counts_.district_nursing_visits.add(t, visits, ((c >> 1) & 3) + 1);
  }
}

/** Urgent crisis response or step-up for an avoidable candidate; true if averted. */
export function avertInCommunity(
  m: ModelState,
  now: number,
  c: number,
  a: number[],
  caseId: string,
): boolean {
  const cr = m.scenario.community.crisisResponse;
  const cell = m.params.cells[c];
  if (cell.minAgeYears < cr.minAgeYears || a[2] >= cr.avoidableShare) return false;
  const seg = cell.segment;
  let crisisTag = -2;
  if (m.crisisLeft > 0) {
    m.crisisLeft--;
    crisisTag = -1;
  } else if (m.crisisAddLeft > 0) {
    m.crisisAddLeft--;
    crisisTag = m.crisisTag;
  }
  if (crisisTag > -2) {
    m.counts_.crisis_response_visits.add(now, 1);
    if (a[3] < cr.avertProbability) {
      m.counts_.emergency_admissions_averted.add(now, 1, seg);
      if (crisisTag >= 0) {
        const st = m.tagStats[crisisTag];
        st.averted.add(now, 1, seg);
        st.displaced.crisisResponse.add(now, 1);
      }
      if (m.log) {
        emit(
          m,
          caseId,
          "crisis_response",
          "ed",
          "home",
          crisisTag >= 0 ? m.tagStats[crisisTag].tag : "crisis_response",
        );
      }
      return true;
    }
  }
  const ic = m.scenario.community.intermediateCare;
  if (
    a[4] < ic.stepUpProbability && m.intermediate.inUse < m.intermediate.capacity &&
    m.intermediate.queueLength === 0
  ) {
    m.counts_.step_up_admissions.add(now, 1);
    m.counts_.emergency_admissions_averted.add(now, 1, seg);
    if (m.icTag >= 0 && m.intermediate.inUse >= m.icBase) {
      const st = m.tagStats[m.icTag];
      st.averted.add(now, 1, seg);
      st.displaced.stepUpBed.add(now, 1);
    }
    if (m.log) emit(m, caseId, "step_up", "ed", "intermediate", "intermediate");
    m.counts[c]--;
    enterIntermediate(m, now, c, null);
    return true;
  }
  return false;
}
