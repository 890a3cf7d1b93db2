/**
 * Per-intervention-tag accumulators and the crediting of averted admissions to a tag and a
 * displacement destination.
 *
 * @module
 */

import { enterIntermediate } from "./_downstream_services.ts";
import { emit, origin } from "./_event_log.ts";
import type { ModelState } from "./_model_state.ts";
import { HOME } from "./cohort.ts";
import type { DisplacementTarget, ModifierComponent } from "./modifiers.ts";
import type { TagStats } from "./system_model.ts";
import { YearCounts } from "./year_accumulator.ts";

/** The cohort label of tags that add capacity rather than change rates. */
const ADDED_CAPACITY = "added capacity";
/** Where an averted admission can be displaced to, in attribution order. */
const TARGETS: DisplacementTarget[] = [
  "crisisResponse",
  "stepUpBed",
  "urgentTreatmentCentre",
  "gp",
];

/** The accumulators of an intervention tag and cohort, created on first use. */
export function tagStatsFor(m: ModelState, tag: string, cohort: string): TagStats {
  const key = `${tag}\u0000${cohort}`;
  let i = m.tagIndex.get(key);
  if (i === undefined) {
    i = m.tagStats.length;
    m.tagIndex.set(key, i);
    const W = m.warmUpDays;
    const Y = m.scenario.years;
    const displaced: Record<string, YearCounts> = {};
    for (const d of [...TARGETS, "none"]) displaced[d] = new YearCounts(W, Y);
    m.tagStats.push({
      tag,
      cohort,
      averted: new YearCounts(W, Y),
      displaced,
      cohortPeopleDays: new Float64Array(Y),
      enrolledPeopleDays: new Float64Array(Y),
    });
  }
  return m.tagStats[i];
}

/** The index in `tagStats` of an added-capacity tag. */
export function tagIdx(m: ModelState, tag: string): number {
  return m.tagStats.indexOf(tagStatsFor(m, tag, ADDED_CAPACITY));
}

/** Credits an averted admission to the component whose interval holds `u`; displaces it. */
export function creditAvert(
  m: ModelState,
  now: number,
  c: number,
  comps: readonly ModifierComponent[],
  viaEd: boolean,
  u: number,
  caseId: string,
): void {
  let hi = 1;
  for (const k of comps) {
    const x = k.multipliers;
    const mk = (x.emergencyAdmission ?? 1) *
      (viaEd ? (x.edAttendance ?? 1) * (x.conversion ?? 1) : 1);
    if (!(mk < 1)) continue;
    const lo = hi * mk;
    if (u >= lo) {
      const v = (u - lo) / (hi - lo);
      let dest: DisplacementTarget | "none" = "none";
      let cum = 0;
      for (const t of TARGETS) {
        cum += k.displacement?.[t] ?? 0;
        if (v < cum) {
          dest = t;
          break;
        }
      }
      displace(m, now, c, tagStatsFor(m, k.tag, k.cohort), dest, caseId);
      return;
    }
    hi = lo;
  }
}

function displace(
  m: ModelState,
  now: number,
  c: number,
  st: TagStats,
  dest: DisplacementTarget | "none",
  caseId: string,
): void {
  const seg = ((c >> 1) & 3) + 1;
  st.averted.add(now, 1, seg);
  let to: string = dest;
  if (dest === "stepUpBed") {
    const ic = m.intermediate;
    if ((c & 1) === HOME && ic.inUse < ic.capacity && ic.queueLength === 0) {
      m.counts_.step_up_admissions.add(now, 1);
      m.counts[c]--;
      enterIntermediate(m, now, c, null);
      to = "intermediate";
    } else dest = "crisisResponse";
  }
  if (dest === "crisisResponse") m.counts_.crisis_response_visits.add(now, 1);
  else if (dest === "urgentTreatmentCentre") m.counts_.utc_attendances.add(now, 1);
  else if (dest === "gp") m.gpQueue[m.gpHead] += 1;
  st.displaced[dest].add(now, 1);
  if (m.log) {
    emit(m, caseId, "averted", origin(c), to === "none" ? origin(c) : to, st.tag);
  }
}
