/**
 * Staff of the MCP and PACS stated-ambition presets: they act on everyone at home, but staff
 * a 3% case-managed cohort as the evidence presets do, so their staffing is per person of the
 * population (per 1,000 of a 3% cohort = per 100,000 population × 3).
 *
 * @module
 */

/** Staff per 100,000 population of the stated-ambition presets. */
export const AMBITION_STAFF = {
  care_coordinator: { per: "population" as const, fte: 12.5 * 3, every: 1e5 },
  district_nurse: { per: "population" as const, fte: 2 * 3, every: 1e5 },
  social_worker: { per: "population" as const, fte: 1 * 3, every: 1e5 },
};
/** Sources of {@linkcode AMBITION_STAFF}. */
export const AMBITION_STAFF_SOURCES = {
  "staff.care_coordinator":
    "assumption: as the evidence preset for a 3% cohort (12.5 per 1,000 × 3% = 37.5 per 100,000)",
  "staff.district_nurse":
    "assumption: as the evidence preset for a 3% cohort (2 per 1,000 × 3% = 6 per 100,000)",
  "staff.social_worker":
    "assumption: as the evidence preset for a 3% cohort (1 per 1,000 × 3% = 3 per 100,000)",
};
