/**
 * `uec`: urgent and emergency care network: clinical triage (NHS 111, clinical hubs), urgent
 * treatment centres and ambulatory care. Evidence preset: A&E attendances rose (+13.6% in
 * Northumberland) with no fall in emergency admissions; ambulatory care lowers conversion.
 *
 * @module
 */

import type { CareModelDefinition } from "./definition.ts";

const STAFF = {
  gp: { ftePer100kPopulation: 1 },
  practice_nurse: { ftePer100kPopulation: 2 },
};
const STAFF_SOURCES = {
  "staff.gp": "assumption: GP sessions in the urgent treatment centre and clinical hub",
  "staff.practice_nurse": "assumption: nurse practitioners in the urgent treatment centre",
};

/**
 * The UEC care model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(UEC.id, "uec");
 * ```
 */
export const UEC: CareModelDefinition = {
  id: "uec",
  label: "Urgent and emergency care network",
  summary: "Triage, urgent treatment centres and ambulatory care at the front door.",
  presets: {
    evidence: [{
      id: "uec",
      label: "UEC (evidence)",
      rampUpMonths: 6,
      rampShape: "linear",
      cohort: {},
      effects: {
        edAttendance: { triangular: { min: 1, mode: 1.136, max: 1.2 } },
        conversion: { triangular: { min: 0.83, mode: 0.868, max: 1 } },
      },
      displacement: { urgentTreatmentCentre: 1 },
      staff: STAFF,
      sources: {
        "effects.edAttendance":
          "A2 Northumberland UEC redesign: A&E +13.6% vs expected (IAU, A/B); F2 vanguards' forecast A&E +4% (C)",
        "effects.conversion":
          "A2 Northumberland: no evidence of fewer admissions (A/B) → D: conversion mean = 1 ÷ the A&E ratio's mean (1 + 1.136 + 1.2) ÷ 3 = 1.112, i.e. 0.8993, so ED-route admissions are unchanged on average: triangular 0.83/0.868/1 (mean (0.83 + 0.868 + 1) ÷ 3 = 0.8993)",
        displacement: "ambulatory / same-day emergency care instead of admission",
        ...STAFF_SOURCES,
      },
    }],
    "stated-ambition": [{
      id: "uec-ambition",
      label: "UEC (stated ambition)",
      rampUpMonths: 12,
      rampShape: "linear",
      cohort: {},
      effects: { edAttendance: 0.95, conversion: 0.95 },
      displacement: { urgentTreatmentCentre: 1 },
      staff: STAFF,
      sources: {
        "effects.edAttendance":
          "F2 vanguards' forecast: 109,000 ED attendances and 43,000 admissions avoided by 2020/21 (C) → −5% read as the ambition (D)",
        "effects.conversion": "assumption: ambulatory care ambition −5% (DESIGN §1)",
        ...STAFF_SOURCES,
      },
    }],
  },
};
