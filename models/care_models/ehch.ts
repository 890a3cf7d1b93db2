/**
 * `ehch`: enhanced health in care homes. A named GP and multidisciplinary team for each home,
 * medication reviews and rehabilitation: fewer emergency admissions of care-home residents
 * (central −15%, range 0 to −25%), bed days unchanged, effect lagging 1–2 years.
 *
 * @module
 */

import type { CareModelDefinition } from "./definition.ts";

const STAFF = {
  gp: { ftePer1000Cohort: 1 },
  district_nurse: { ftePer1000Cohort: 2 },
  care_coordinator: { ftePer1000Cohort: 1 },
};
const STAFF_SOURCES = {
  "staff.gp": "assumption: weekly named-GP round ≈ 1 FTE per 1,000 residents (not in evidence.md)",
  "staff.district_nurse": "assumption: MDT nursing in-reach (not in evidence.md)",
  "staff.care_coordinator": "assumption: MDT coordination (not in evidence.md)",
};

/**
 * The EHCH care model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(EHCH.presets.evidence[0].cohort, { residence: ["careHome"] });
 * ```
 */
export const EHCH: CareModelDefinition = {
  id: "ehch",
  label: "Enhanced health in care homes",
  summary: "Named GP and MDT for care homes: fewer emergency admissions of residents.",
  presets: {
    evidence: [{
      id: "ehch",
      label: "EHCH (evidence)",
      rampUpMonths: 24,
      rampShape: "s-curve",
      cohort: { residence: ["careHome"] },
      effects: {
        emergencyAdmission: { triangular: { min: 0.75, mode: 0.85, max: 1 } },
        lengthOfStay: 1.154,
      },
      displacement: { gp: 0.7, crisisResponse: 0.2 },
      staff: STAFF,
      sources: {
        rampUpMonths:
          "D: lag of ~1–2 years; A1 Morciano 2020 care-home sites significant only in year 3 (A)",
        "effects.emergencyAdmission":
          "D: −0% to −25% (central ~−15%): A2 Rushcliffe −23%, Nottingham −18%, Wakefield PAA −27% / overall n.s., Sutton n.s. (A/B)",
        "effects.edAttendance":
          "A2 mixed: Rushcliffe −29%, Nottingham and Wakefield no difference (A/B) → omitted (1)",
        "effects.lengthOfStay":
          "A2 Rushcliffe: bed days not reduced while admissions fell 23% (A/B), so the admissions avoided were short ones; A1 Morciano 2020: no bed-day change at care-home sites (A) → D: the residents' remaining stays lengthen by 1 ÷ the admission ratio's mean (0.75 + 0.85 + 1) ÷ 3 = 0.867, i.e. × 1.154, so residents' bed days are unchanged on average",
        displacement: "assumption: managed in the home by the named GP (70%) or crisis team (20%)",
        ...STAFF_SOURCES,
      },
    }],
    "stated-ambition": [{
      id: "ehch-ambition",
      label: "EHCH (stated ambition)",
      rampUpMonths: 12,
      rampShape: "linear",
      cohort: { residence: ["careHome"] },
      effects: { emergencyAdmission: 0.67 },
      displacement: { gp: 0.7, crisisResponse: 0.2 },
      staff: STAFF,
      sources: {
        "effects.emergencyAdmission":
          "A2 Calderdale Quest for Quality −33% admissions from care homes (C, vendor, uncontrolled); Airedale −39% admission costs (C)",
        ...STAFF_SOURCES,
      },
    }],
  },
};
