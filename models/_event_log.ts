/**
 * The model's optional person-level event log: one row per move of an individual.
 *
 * @module
 */

import type { ModelState } from "./_model_state.ts";
import { HOME } from "./cohort.ts";

/** Logs one person-level move at the current time. */
export function emit(
  m: ModelState,
  caseId: string,
  activity: string,
  from: string,
  to: string,
  resource = "",
): void {
  m.log!({
    caseId,
    activity,
    timeDays: m.sim.now - m.warmUpDays,
    from,
    to,
    resource,
  });
}

/** The log location of cell `c` ("home" or "care_home"). */
export function origin(c: number): string {
  return (c & 1) === HOME ? "home" : "care_home";
}
