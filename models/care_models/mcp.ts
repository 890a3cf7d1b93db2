/**
 * `mcp`: multispecialty community provider. Risk stratification picks the frailest ~3% at home
 * for proactive case management by integrated community teams; extended GP access; crisis
 * response at home. Evidence preset: no effect on average at area level (Morciano 2020), with
 * individual-level case management as likely to raise as to cut admissions.
 *
 * @module
 */

import { AMBITION_STAFF, AMBITION_STAFF_SOURCES } from "./ambition_staff.ts";
import type { CareModelDefinition } from "./definition.ts";

const COHORT = { residence: ["home" as const], topRiskPercent: 3 };
const STAFF = {
  care_coordinator: { ftePer1000Cohort: 12.5 },
  district_nurse: { ftePer1000Cohort: 2 },
  social_worker: { ftePer1000Cohort: 1 },
};
const STAFF_SOURCES = {
  "staff.care_coordinator":
    "assumption: caseload 80 per case manager (not in evidence.md; QNI caution >150 per district nurse, F5)",
  "staff.district_nurse": "assumption: 2 FTE per 1,000 case-managed people (not in evidence.md)",
  "staff.social_worker": "assumption: practice-based social workers (seeds/002 S. Worcestershire)",
};

/**
 * The MCP care model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(MCP.presets.evidence[0].cohort?.topRiskPercent, 3);
 * ```
 */
export const MCP: CareModelDefinition = {
  id: "mcp",
  label: "Multispecialty community provider",
  summary:
    "Case management of the top 3% by risk at home, extended GP access, crisis response at home.",
  presets: {
    evidence: [{
      id: "mcp",
      label: "MCP (evidence)",
      rampUpMonths: 36,
      rampShape: "s-curve",
      cohort: COHORT,
      effects: {
        emergencyAdmission: { triangular: { min: 0.9, mode: 0.99, max: 1.09 } },
        edAttendance: { triangular: { min: 0.9, mode: 1, max: 1.16 } },
      },
      capacity: {
        gpAppointmentsPerWeekPer100k: 300,
        crisisResponseVisitsPerDayPer100k: 1,
      },
      displacement: { gp: 0.5, crisisResponse: 0.3 },
      staff: STAFF,
      sources: {
        rampUpMonths:
          "A1 Morciano 2020: effects significant only in year 3 (A); D lag ~1–2 years → 36 months, s-curve (at 24 months the year-2 change, −0.48%, fell below the years 1–2 interval)",
        cohort:
          "DESIGN §1 frailest ~2–4%; seeds/002 South Worcestershire: 2% of group 3; B4 top 5% use ≈50% of spend (A/B)",
        "effects.emergencyAdmission":
          "D: MCP/PACS area-level −0% to −1% (Morciano 2020, A); A3 Roland IJIC case management +9% (A); A3 Huntley 2013 community-initiated: no reduction (A) → triangular 0.90/0.99/1.09 for the cohort",
        "effects.edAttendance":
          "A3 Poupard 2019 ED presentations MD −0.26 (A); A2 NEHF ICT +33% (CI +16–54%, A/B) → triangular 0.90/1.00/1.16",
        "effects.lengthOfStay": "D: bed days null (Morciano 2020; HSJ dashboard) → omitted (1)",
        "capacity.gpAppointmentsPerWeekPer100k":
          "assumption: extended access 30 min per 1,000 people per week (GP Forward View, not in evidence.md) = 300 ten-minute appointments per 100,000",
        "capacity.crisisResponseVisitsPerDayPer100k":
          "assumption: +37% on the baseline 2.7 per 100,000 per day (F4 UCR referrals, B)",
        displacement: "assumption: averted admissions managed by GP (50%) or crisis team (30%)",
        ...STAFF_SOURCES,
      },
    }],
    "stated-ambition": [{
      id: "mcp-ambition",
      label: "MCP (stated ambition)",
      rampUpMonths: 36,
      rampShape: "linear",
      cohort: { residence: ["home"] },
      effects: { emergencyAdmission: 0.97, deterioration: 0.9 },
      capacity: {
        gpAppointmentsPerWeekPer100k: 300,
        crisisResponseVisitsPerDayPer100k: 1,
      },
      displacement: { gp: 0.5, crisisResponse: 0.3 },
      staff: AMBITION_STAFF,
      sources: {
        "effects.emergencyAdmission":
          "A1 funding-condition target: MCP emergency admissions to grow 1 point/yr less than England (HSJ, B) over 3 years ≈ −3%; F2 vanguards' own forecast −2.9% (C). A target, not an outcome.",
        "effects.deterioration":
          "assumption: the stated aim to stop segment 2 sliding into 3–4 (DESIGN §1); no figure",
        ...STAFF_SOURCES,
        ...AMBITION_STAFF_SOURCES,
      },
    }],
  },
};
