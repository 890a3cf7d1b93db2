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
/** Transition rates between adjacent segments: [1↔2, 2↔3, 3↔4]. */
export type StepTuple = [number, number, number];

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
  /** Target annual growth of the band's size (entries are set so the band grows at this rate). */
  growthRatePerYear: number;
  /** Rate at which members age into the next band, per person-year (0 for the last band). */
  ageingOutRatePerYear: number;
  /** Share of the band in segments 1–4 at the start (sum to 1); also the mix of new entries. */
  segmentShares: SegmentTuple;
  /** Share of the band living in a care home at the start (empty-start mode). */
  careHomeShare: number;
  /** Band-average death rate of people living at home, per person-year. */
  deathRatePerPersonYear: number;
  /** Deterioration rates [1→2, 2→3, 3→4], per person-year. */
  deteriorationRatePerPersonYear: StepTuple;
  /** Recovery rates [2→1, 3→2, 4→3], per person-year. */
  recoveryRatePerPersonYear: StepTuple;
  /** Band-average GP consultation demand, per person-year. */
  gpConsultationRatePerPersonYear: number;
  /** Band-average ED attendances (admitted or not), per person-year. */
  edAttendanceRatePerPersonYear: number;
  /** Band-average emergency admissions of people at home (all routes), per person-year. */
  emergencyAdmissionRatePerPersonYear: number;
  /** Band-average referrals from home to a permanent care-home place, per person-year. */
  careHomeReferralRatePerPersonYear: number;
  /** Mean emergency length of stay of the band's admissions (zero-day stays as 0), days. */
  lengthOfStayMeanDays: number;
  /** Share of the band's emergency admissions discharged the same day. */
  zeroDayShare: number;
  /** Discharge destination mix after an acute stay. */
  dischargeMix: DischargeMix;
}

/** Names of the band fields that carry rates (everything except id and minAgeYears). */
export type AgeBandRateField = Exclude<keyof AgeBand, "id" | "minAgeYears">;

/** Recovery by detailed balance: r_i = p_i·d_i / p_{i+1}, so the default shares are stationary. */
function balance(shares: SegmentTuple, det: StepTuple): StepTuple {
  return [0, 1, 2].map((i) =>
    Math.round((shares[i] * det[i] / shares[i + 1]) * 1000) / 1000
  ) as StepTuple;
}

const S0: SegmentTuple = [0.96, 0.03, 0.008, 0.002];
const S1: SegmentTuple = [0.72, 0.2, 0.06, 0.02];
const S2: SegmentTuple = [0.45, 0.33, 0.15, 0.07];
const S3: SegmentTuple = [0.17, 0.25, 0.36, 0.22];
const D0: StepTuple = [0.048, 0.08, 0.1];
const D1: StepTuple = [0.13, 0.1, 0.12];
const D2: StepTuple = [0.214, 0.13, 0.15];
const D3: StepTuple = [0.38, 0.18, 0.2];

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
    growthRatePerYear: 0.003,
    ageingOutRatePerYear: 0.0145,
    segmentShares: S0,
    careHomeShare: 0.0003,
    deathRatePerPersonYear: 0.0015,
    deteriorationRatePerPersonYear: D0,
    recoveryRatePerPersonYear: balance(S0, D0),
    gpConsultationRatePerPersonYear: 2.7,
    edAttendanceRatePerPersonYear: 0.4,
    emergencyAdmissionRatePerPersonYear: 0.056,
    careHomeReferralRatePerPersonYear: 0.00005,
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
    growthRatePerYear: 0.022,
    ageingOutRatePerYear: 0.088,
    segmentShares: S1,
    careHomeShare: 0.006,
    deathRatePerPersonYear: 0.015,
    deteriorationRatePerPersonYear: D1,
    recoveryRatePerPersonYear: balance(S1, D1),
    gpConsultationRatePerPersonYear: 4,
    edAttendanceRatePerPersonYear: 0.4,
    emergencyAdmissionRatePerPersonYear: 0.15,
    careHomeReferralRatePerPersonYear: 0.001,
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
    growthRatePerYear: 0.03,
    ageingOutRatePerYear: 0.072,
    segmentShares: S2,
    careHomeShare: 0.045,
    deathRatePerPersonYear: 0.04,
    deteriorationRatePerPersonYear: D2,
    recoveryRatePerPersonYear: balance(S2, D2),
    gpConsultationRatePerPersonYear: 5.5,
    edAttendanceRatePerPersonYear: 0.6,
    emergencyAdmissionRatePerPersonYear: 0.27,
    careHomeReferralRatePerPersonYear: 0.02,
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
    growthRatePerYear: 0.033,
    ageingOutRatePerYear: 0,
    segmentShares: S3,
    careHomeShare: 0.16,
    deathRatePerPersonYear: 0.11,
    deteriorationRatePerPersonYear: D3,
    recoveryRatePerPersonYear: balance(S3, D3),
    gpConsultationRatePerPersonYear: 7.8,
    edAttendanceRatePerPersonYear: 1,
    emergencyAdmissionRatePerPersonYear: 0.42,
    careHomeReferralRatePerPersonYear: 0.1,
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
  growthRatePerYear: {
    "0-64": A("under-65 growth not in evidence.md"),
    "65-74": E("B6 England growth 2011→2021 65+ +24% ≈2.2%/yr (B/D)"),
    "75-84": A("between B6 65+ 2.2%/yr and 85+ 3.3%/yr; 75+ growth not retrieved ⚠ (B6)"),
    "85+": E("B6 England growth 2011→2021 85+ +39% ≈3.3%/yr (B/D)"),
  },
  ageingOutRatePerYear: all(
    A("D: chosen so the next band's inflow covers its deaths and growth (1/width overstates it)"),
  ),
  segmentShares: {
    "0-64": A("no segment prevalence under 65 in evidence.md; F3 eFI 50–64 3% moderate/severe (A)"),
    "65-74": A("F3 NAO 2025 coded moderate 10.2% / severe 4.3% of 65+ (D ⚠)"),
    "75-84": A("F3 NAO 2025 coded frailty (D ⚠); B4 Fried 75–84 9–15.7% (B)"),
    "85+": E("F3 eFI 85+: 58% moderate or severe (Walsh 2023, A) → segments 3+4"),
  },
  careHomeShare: {
    "0-64": A("care-home residents under 65 not in evidence.md"),
    "65-74": A("B3 share of 65+ in care homes 2.5–2.8% (A) split by age"),
    "75-84": A("B3 share of 65+ in care homes 2.5–2.8% (A) split by age"),
    "85+": E("B3 share of 85+ in care homes ~1 in 7 (A/B)"),
  },
  deathRatePerPersonYear: all(A("age-band mortality (ONS life tables) not in evidence.md")),
  deteriorationRatePerPersonYear: {
    "0-64": A(
      "1→2: B4 Walsh 2023 fit→frailty 48/1,000 py for 50–64 (A) applied to 0–64 ⚠; 2→3, 3→4 not in evidence.md",
    ),
    "65-74": A("1→2: B4 Walsh 2023 130/1,000 py (A); 2→3, 3→4 not in evidence.md"),
    "75-84": A("1→2: B4 Walsh 2023 214/1,000 py (A); 2→3, 3→4 not in evidence.md"),
    "85+": A("1→2: B4 Walsh 2023 380/1,000 py (A); 2→3, 3→4 not in evidence.md"),
  },
  recoveryRatePerPersonYear: all(
    A("D: detailed balance r_i = p_i·d_i/p_(i+1) so the default segment shares are stationary"),
  ),
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
  careHomeReferralRatePerPersonYear: all(
    A("set so care-home admissions ≈ deaths (B3 ASCOF 584/100,000 65+ council-funded only, A)"),
  ),
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
