/**
 * Referrals to discharge-to-assess pathways taken from the whole-system model's own acute
 * discharges: every patient who becomes medically fit for discharge to a destination that a
 * pathway serves (pathway 1: reablement or a home-care package; 2: an intermediate-care bed;
 * 3: a care home) is one referral to that pathway, at that time, in the same run.
 *
 * @module
 */

import type { EventLogRow } from "../modifiers.ts";

/** Destinations of acute discharges that each D2A pathway serves. */
export const PATHWAY_DESTINATIONS: Readonly<Record<1 | 2 | 3, readonly string[]>> = {
  1: ["reablement", "homeCarePackage"],
  2: ["intermediateCare"],
  3: ["careHome"],
};

/** Referral times (days from day 0, measured period only) by pathway number. */
export type AcuteReferrals = Readonly<Record<1 | 2 | 3, readonly number[]>>;

/**
 * Collects, from the event log of one run, the times at which patients became fit for
 * discharge to each pathway's destinations within the measured period [0, horizon).
 *
 * @param horizonDays Measured days (years × 365).
 * @returns `sink` to pass as the run's event log, and `referrals` to read after it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = acuteReferralCollector(10);
 * c.sink({ caseId: "c1", activity: "discharge_ready", timeDays: 2.5, from: "", to: "", resource: "intermediateCare" });
 * c.sink({ caseId: "c2", activity: "discharge_ready", timeDays: -1, from: "", to: "", resource: "careHome" });
 * c.sink({ caseId: "c3", activity: "discharge_ready", timeDays: 3, from: "", to: "", resource: "home" });
 * assert.deepEqual(c.referrals, { 1: [], 2: [2.5], 3: [] });
 * ```
 */
export function acuteReferralCollector(
  horizonDays: number,
): { sink: (row: EventLogRow) => void; referrals: AcuteReferrals } {
  const referrals: Record<1 | 2 | 3, number[]> = { 1: [], 2: [], 3: [] };
  const pathwayOf = new Map<string, 1 | 2 | 3>();
  for (const k of [1, 2, 3] as const) {
    for (const d of PATHWAY_DESTINATIONS[k]) pathwayOf.set(d, k);
  }
  return {
    referrals,
    sink: (row) => {
      if (row.activity !== "discharge_ready") return;
      if (row.timeDays < 0 || row.timeDays >= horizonDays) return;
      const k = pathwayOf.get(row.resource);
      if (k !== undefined) referrals[k].push(row.timeDays);
    },
  };
}
