/**
 * The default age bands (0–64, 65–74, 75–84, 85+) with every band-level rate, and the
 * evidence.md source of each per band. A scenario that defines its own bands inherits any
 * omitted rate from the default band containing the custom band's minimum age.
 *
 * @module
 */

import type { ParameterSource } from "./parameter_source.ts";

/** Need segments, in order: 1 healthy, 2 emerging frailty, 3 frailty with regular support, 4 severe. */
export type SegmentTuple = [number, number, number, number];

/** Discharge destination shares after an acute stay (sum to 1). */
export interface DischargeMix {
  /** Home with no new service. */
  home: number;
  /** Home with a reablement episode (needs a reablement slot). */
  reablement: number;
  /** Home with a long-term home-care package (needs home-care hours). */
  homeCarePackage: number;
  /** Step-down intermediate-care bed (needs a bed). */
  intermediateCare: number;
  /** Permanent care-home place (needs a place). */
  careHome: number;
  /** Death in hospital. */
  death: number;
}

/** Every band-level parameter, fully resolved. */
export interface AgeBand {
  /** Band id, e.g. "85+". */
  id: string;
  /** Lowest age in the band, years. */
  minAgeYears: number;
  /** Share of the registered population in this band at the start (bands sum to 1). */
  populationShare: number;
  /** Band-average GP consultation demand, per person-year. */
  gpConsultationRatePerPersonYear: number;
  /** Band-average ED attendances (admitted or not), per person-year. */
  edAttendanceRatePerPersonYear: number;
  /** Band-average emergency admissions of people at home (all routes), per person-year. */
  emergencyAdmissionRatePerPersonYear: number;
  /** Mean emergency length of stay of the band's admissions (zero-day stays as 0), days. */
  lengthOfStayMeanDays: number;
  /** Share of the band's emergency admissions discharged the same day. */
  zeroDayShare: number;
  /** Discharge destination mix after an acute stay. */
  dischargeMix: DischargeMix;
}

/** Names of the band fields that carry rates (everything except id and minAgeYears). */
export type AgeBandRateField = Exclude<keyof AgeBand, "id" | "minAgeYears">;

const S0: SegmentTuple = [0.96, 0.03, 0.008, 0.002];
const S1: SegmentTuple = [0.72, 0.2, 0.06, 0.02];
const S2: SegmentTuple = [0.45, 0.33, 0.15, 0.07];
const S3: SegmentTuple = [0.17, 0.25, 0.36, 0.22];

/**
 * Segment prevalence of the four default bands (segments 1–4, each summing to 1): the
 * demography's input, held steady by its solved transition rates. Sources (docs/evidence.md F1):
 * 0–64 assumption (eFI 50–64 3% moderate or severe); 65–74 and 75–84 assumptions from NAO 2025
 * coded frailty and Fried 75–84 9–15.7%; 85+ eFI 58% moderate or severe (Walsh 2023) → 3 + 4.
 *
 * @example Each band's shares sum to 1
 * ```ts
 * import assert from "node:assert/strict";
 * for (const s of DEFAULT_SEGMENT_PREVALENCE) {
 *   assert.ok(Math.abs(s.reduce((a, b) => a + b, 0) - 1) < 1e-9);
 * }
 * ```
 */
export const DEFAULT_SEGMENT_PREVALENCE: readonly SegmentTuple[] = [S0, S1, S2, S3];

/**
 * The four default age bands.
 *
 * @example Four bands whose shares sum to 1
 * ```ts
 * import assert from "node:assert/strict";
 * const total = DEFAULT_AGE_BANDS.reduce((s, b) => s + b.populationShare, 0);
 * assert.ok(Math.abs(total - 1) < 1e-9);
 * ```
 */
export const DEFAULT_AGE_BANDS: readonly AgeBand[] = [
  {
    id: "0-64",
    minAgeYears: 0,
    populationShare: 0.815,
    gpConsultationRatePerPersonYear: 2.7,
    edAttendanceRatePerPersonYear: 0.4,
    emergencyAdmissionRatePerPersonYear: 0.056,
    lengthOfStayMeanDays: 3.82,
    zeroDayShare: 0.374,
    dischargeMix: {
      home: 0.969,
      reablement: 0.01,
      homeCarePackage: 0.005,
      intermediateCare: 0.005,
      careHome: 0.001,
      death: 0.01,
    },
  },
  {
    id: "65-74",
    minAgeYears: 65,
    populationShare: 0.1,
    gpConsultationRatePerPersonYear: 4,
    edAttendanceRatePerPersonYear: 0.4,
    emergencyAdmissionRatePerPersonYear: 0.15,
    lengthOfStayMeanDays: 5.62,
    zeroDayShare: 0.3,
    dischargeMix: {
      home: 0.83,
      reablement: 0.04,
      homeCarePackage: 0.03,
      intermediateCare: 0.05,
      careHome: 0.01,
      death: 0.04,
    },
  },
  {
    id: "75-84",
    minAgeYears: 75,
    populationShare: 0.06,
    gpConsultationRatePerPersonYear: 5.5,
    edAttendanceRatePerPersonYear: 0.6,
    emergencyAdmissionRatePerPersonYear: 0.27,
    lengthOfStayMeanDays: 7.43,
    zeroDayShare: 0.283,
    dischargeMix: {
      home: 0.695,
      reablement: 0.06,
      homeCarePackage: 0.05,
      intermediateCare: 0.09,
      careHome: 0.025,
      death: 0.08,
    },
  },
  {
    id: "85+",
    minAgeYears: 85,
    populationShare: 0.025,
    gpConsultationRatePerPersonYear: 7.8,
    edAttendanceRatePerPersonYear: 1,
    emergencyAdmissionRatePerPersonYear: 0.42,
    lengthOfStayMeanDays: 7.74,
    zeroDayShare: 0.283,
    dischargeMix: {
      home: 0.57,
      reablement: 0.07,
      homeCarePackage: 0.07,
      intermediateCare: 0.12,
      careHome: 0.05,
      death: 0.12,
    },
  },
];

const A = (source: string): ParameterSource => ({
  source: `assumption: ${source}`,
  assumption: true,
});
const E = (source: string): ParameterSource => ({ source, assumption: false });
const all = (s: ParameterSource): Record<string, ParameterSource> => ({
  "0-64": s,
  "65-74": s,
  "75-84": s,
  "85+": s,
});

/**
 * The source of every band-level default, per band id.
 *
 * @example The 85+ emergency admission rate comes from Devon
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(AGE_BAND_SOURCES.emergencyAdmissionRatePerPersonYear["85+"].source, /Devon/);
 * ```
 */
export const AGE_BAND_SOURCES: Record<AgeBandRateField, Record<string, ParameterSource>> = {
  populationShare: {
    "0-64": E("B6 'Older people share' 1 in 6 aged 65+ (B); F1b Census 2021 65+ 18.4% (D)"),
    "65-74": A(
      "split of the 18.4% aged 65+ (F1b, D) across bands; age-band split not in evidence.md",
    ),
    "75-84": A(
      "split of the 18.4% aged 65+ (F1b, D) across bands; age-band split not in evidence.md",
    ),
    "85+": E("B6 'Older people share' 1 in 44 aged 85+ (B)"),
  },
  gpConsultationRatePerPersonYear: {
    "0-64": A(
      "B1 Hobbs 5.16/py all clinicians (A) × F1c 62% GP share (A); age bands not retrieved ⚠",
    ),
    "65-74": A("interpolated; F1c age-band GP rates not retrieved ⚠ (F8 #4)"),
    "75-84": A("interpolated; F1c age-band GP rates not retrieved ⚠ (F8 #4)"),
    "85+": A("F1c 85–89 13.3–13.8/py all clinicians (A ⚠ sex split) × 62% GP share (A)"),
  },
  edAttendanceRatePerPersonYear: {
    "0-64": E("F1b A&E attendance rate <65 ≈423/1,000/yr (D)"),
    "65-74": A("F1b 65+ ≈529/1,000/yr (D ⚠) split by age; age bands not retrieved (F8 #2)"),
    "75-84": A("F1b 65+ ≈529/1,000/yr (D ⚠) split by age; age bands not retrieved (F8 #2)"),
    "85+": A("F1b attendance highest at 80+ (A); 85+ rate not retrieved (F8 #2)"),
  },
  emergencyAdmissionRatePerPersonYear: {
    "0-64": E("F1a Devon CCG 0–66 pooled 53.8/1,000/yr (A local)"),
    "65-74": A("F1a 65+ ≈239/1,000/yr (D ⚠) split by age; age bands not retrieved (F8 #2)"),
    "75-84": A("F1a 65+ ≈239/1,000/yr (D ⚠) split by age; age bands not retrieved (F8 #2)"),
    "85+": E("B1 Devon 85+ 420/1,000/yr (A, single county); D ~400–450"),
  },
  lengthOfStayMeanDays: all(
    E(
      "H4: overnight means 7.9 d all ages and 10.8 d at 85+ (Health Foundation 2019), 62% of bed days 65+, band ratios from all-method means by age; × (1 − zero-day share) (models/demography/default_length_of_stay.ts)",
    ),
  ),
  zeroDayShare: {
    "0-64": E(
      "H4: about a third of emergency admissions are zero-day; the rest of the all-ages share after the older bands",
    ),
    "65-74": A("H4: between the all-ages third and the 75+ figure"),
    "75-84": E("H4: 28.3% short stays of people 75+ (Yorkshire & Humber 2011–14)"),
    "85+": E("H4: 28.3% short stays of people 75+ (Yorkshire & Humber 2011–14)"),
  },
  dischargeMix: all(
    A("B3/F4 step-down IC 39k/month ≈ 8% of emergency admissions, 4× care-home discharges (B); in-hospital deaths and reablement/package shares not in evidence.md"),
  ),
};
