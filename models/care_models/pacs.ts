/**
 * `pacs`: integrated primary and acute care system. An MCP-like integrated care team for the
 * top 3% by risk (as in North East Hampshire & Farnham, where it raised A&E use by a third),
 * integrated triage at the ED front door, and discharge to assess for people aged 65+. The
 * teams' A&E rise is a cohort-level finding; the front-door triage brings the whole area to the
 * vanguard-wide result (A1).
 *
 * @module
 */

import type { CareModelDefinition } from "./definition.ts";
import { AMBITION_STAFF, AMBITION_STAFF_SOURCES } from "./ambition_staff.ts";

const ICT_STAFF = {
  care_coordinator: { ftePer1000Cohort: 12.5 },
  district_nurse: { ftePer1000Cohort: 2 },
  social_worker: { ftePer1000Cohort: 1 },
};
const D2A = {
  id: "pacs",
  part: "d2a",
  label: "PACS discharge to assess",
  cohort: { minAgeYears: 65 },
  effects: { dischargeToAssess: { uniform: { min: 0.1, max: 0.3 } } },
  capacity: { reablementSlotsPer100k: 5 },
  staff: { social_worker: { ftePer100kPopulation: 2 } },
  sources: {
    "effects.dischargeToAssess":
      "assumption: share of delayed patients sent home to wait (no D2A effect size in evidence.md; F4 ≥1 in 4 (home) and ~1 in 2 (bed) delayed waiting for IC, B), kept low at 0.1–0.3 because A1 found no significant bed-day change at MCP + PACS sites (Morciano 2020, A) and PACS bed days fell less than elsewhere (HSJ dashboard, B/C): at 0.2–0.5 area bed days fell 0.8–1.3% a year (docs/evidence.md E5)",
    "capacity.reablementSlotsPer100k": "assumption: +14% on the 35 per 100,000 baseline (F7)",
    "staff.social_worker": "assumption: assessment at home (not in evidence.md)",
  },
};

/**
 * Integrated triage at the ED front door for the whole population, calibrated so that the
 * evidence preset as a whole lands on the area-level result for MCP + PACS sites (A1).
 */
const TRIAGE = {
  id: "pacs",
  part: "triage",
  label: "PACS front-door triage",
  rampUpMonths: 36,
  rampShape: "s-curve" as const,
  cohort: {},
  effects: {
    conversion: { triangular: { min: 0.956, mode: 0.978, max: 1 } },
    lengthOfStay: 1.009,
  },
  displacement: { urgentTreatmentCentre: 0.5, gp: 0.5 },
  sources: {
    rampUpMonths:
      "A1 Morciano 2020: MCP + PACS sites' effect significant only in year 3 (A) → 36 months, s-curve",
    "effects.conversion":
      "D: calibrated so the whole preset lands at area level on A1 MCP + PACS year 3, −0.031 per 1,000 a month ≈ −0.4% (−0.8% to −0.0%): the ICT part alone adds ≈ +1.2% (measured); a conversion mean of 0.984 left year 5 at −0.1%, so 0.978: triangular 0.956/0.978/1 (docs/evidence.md E5)",
    "effects.lengthOfStay":
      "D: the admissions front-door triage avoids are short ones (about a third of emergency admissions are zero-day stays, H4), so the remaining stays are longer on average; calibrated so the whole preset leaves area bed days unchanged in years 3–5 (A1: no significant bed-day change at MCP + PACS sites, A): at × 1 they fell 0.8% (mean of years 3–5, measured), at × 1.022 they rose 1.1% → × 1.009 (docs/evidence.md E5)",
    displacement: "assumption: same-day emergency care at the front door (50%) or GP (50%)",
  },
};

/**
 * The PACS care model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(PACS.presets.evidence.length, 3);
 * ```
 */
export const PACS: CareModelDefinition = {
  id: "pacs",
  label: "Integrated primary and acute care system",
  summary: "Integrated care teams for the top 3% by risk, front-door triage, discharge to assess.",
  presets: {
    evidence: [
      {
        id: "pacs",
        label: "PACS integrated care teams (evidence)",
        rampUpMonths: 36,
        rampShape: "s-curve",
        cohort: { residence: ["home"], topRiskPercent: 3 },
        effects: {
          edAttendance: { triangular: { min: 1.16, mode: 1.33, max: 1.54 } },
          conversion: { triangular: { min: 0.75, mode: 0.82, max: 0.9 } },
        },
        displacement: { crisisResponse: 0.4, gp: 0.4 },
        staff: ICT_STAFF,
        sources: {
          rampUpMonths: "A1 Morciano 2020: effects only in year 3 (A) → 36 months, s-curve",
          cohort:
            "A2 NEHF ICT patients: prior-year admissions 1.93 vs 0.32 (A/B) → high-risk cohort",
          "effects.edAttendance":
            "A2 NEHF & Farnham PACS ICTs: A&E +33% (95% CI +16% to +54%) vs matched controls (A/B)",
          "effects.conversion":
            "D: set so ED-route admissions rise ≈ +9% (1.33 × 0.82; A3 Roland IJIC +9%, A; NEHF 'admitted more often', A/B)",
          "effects.lengthOfStay":
            "A1 HSJ dashboard: PACS bed-day rates fell less than non-vanguard (B/C) → omitted (1)",
          displacement: "assumption: not admitted after ED → ICT follow-up at home or GP",
          "staff.care_coordinator": "assumption: caseload 80 (not in evidence.md)",
          "staff.district_nurse": "assumption: 2 FTE per 1,000 cohort (not in evidence.md)",
          "staff.social_worker": "assumption: 1 FTE per 1,000 cohort (not in evidence.md)",
        },
      },
      TRIAGE,
      D2A,
    ],
    "stated-ambition": [{
      id: "pacs-ambition",
      label: "PACS (stated ambition)",
      rampUpMonths: 36,
      rampShape: "linear",
      cohort: { residence: ["home"] },
      effects: { emergencyAdmission: 0.91 },
      displacement: { crisisResponse: 0.4, gp: 0.4 },
      staff: AMBITION_STAFF,
      sources: {
        "effects.emergencyAdmission":
          "A1 funding-condition target: PACS emergency admissions to grow 3 points/yr less than England (HSJ, B) over 3 years ≈ −9%. A target, not an outcome.",
        ...AMBITION_STAFF_SOURCES,
      },
    }, {
      ...TRIAGE,
      id: "pacs-ambition",
      effects: { conversion: 1 },
      sources: {
        "effects.conversion":
          "the stated ambition is the main part's whole-population target; front-door triage adds nothing beyond it (1)",
      },
    }, {
      ...D2A,
      id: "pacs-ambition",
      effects: { dischargeToAssess: 0.5 },
    }],
  },
};
