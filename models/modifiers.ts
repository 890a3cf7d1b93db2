/**
 * Hooks through which interventions (care models) change the model: per cohort-cell rate
 * multipliers and system capacity additions, both functions of the day so ramp-ups are
 * possible. The model asks once per cell per day (rates) and once per day (capacity), so a
 * hook should be cheap; return `undefined` for "no change".
 *
 * Common random numbers: every admission candidate draws its uniforms before any multiplier is
 * applied; a multiplier below 1 averts a candidate when its own uniform (stream
 * "intervention_avert") is ≥ the multiplier; a multiplier above 1 adds candidates from
 * separate streams. A hook that returns identity multipliers therefore leaves every random
 * draw, and the result, unchanged.
 *
 * @module
 */

/** Where a person lives. */
export type Residence = "home" | "careHome";

/** Discharge destinations after an acute stay. */
export type Destination =
  | "home"
  | "reablement"
  | "homeCarePackage"
  | "intermediateCare"
  | "careHome"
  | "death";

/** A cohort cell: age band × need segment × residence. */
export interface CellKey {
  /** Cell index (stable within a run). */
  index: number;
  /** Age band index (0-based, scenario order). */
  bandIndex: number;
  /** Age band id. */
  bandId: string;
  /** Lowest age of the band, years. */
  minAgeYears: number;
  /** Need segment 1–4. */
  segment: 1 | 2 | 3 | 4;
  /** Where the cell's people live. */
  residence: Residence;
}

/** Multipliers (1 = no change) for one cell on one day. All optional. */
export interface RateMultipliers {
  /** GP consultation demand. */
  gpDemand?: number;
  /** ED attendances (non-admitted attendances, and the ED route of admissions). */
  edAttendance?: number;
  /** Conversion of ED attendances to admission. */
  conversion?: number;
  /** Emergency admissions (all routes). */
  emergencyAdmission?: number;
  /** Deterioration between segments. */
  deterioration?: number;
  /** Acute length of stay. */
  lengthOfStay?: number;
  /** Days added to each acute stay (negative: shorter; the stay is floored at 0). */
  lengthOfStayChangeDays?: number;
  /** Multipliers of discharge-destination shares (renormalised to sum 1). */
  dischargeMix?: Partial<Record<Destination, number>>;
  /**
   * Discharge to assess: probability that a patient whose destination has no room leaves the
   * acute bed and waits at home instead of staying as a delayed transfer.
   */
  dischargeToAssess?: number;
}

/** Capacity added on a day (system-wide, on top of the scenario). All optional. */
export interface CapacityAdditions {
  /** Crisis-response visits per day. */
  crisisResponseVisitsPerDay?: number;
  /** Intermediate-care beds (step-down and step-up share them). */
  intermediateBeds?: number;
  /** GP appointments per week (extended access). */
  gpAppointmentsPerWeek?: number;
  /** Home-care hours per week (only additions; removals are not modelled). */
  homeCareHoursPerWeek?: number;
  /** Reablement slots. */
  reablementSlots?: number;
  /** Extra acute beds per hospital id. */
  acuteBeds?: Record<string, number>;
  /**
   * Acute care collaboration: when set, a patient with no free bed at their site transfers to
   * the site with most free beds (after this delay, hours) instead of boarding.
   */
  interSiteTransferDelayHours?: number;
  /** Tag credited with admissions averted by the added crisis-response visits. */
  crisisResponseTag?: string;
  /** Tag credited with step-up admissions into the added intermediate beds. */
  intermediateBedsTag?: string;
}

/** Where an averted admission goes instead. */
export type DisplacementTarget = "crisisResponse" | "stepUpBed" | "urgentTreatmentCentre" | "gp";

/**
 * One intervention's effect on one cell on one day: its rate multipliers (already scaled by
 * ramp-up and by the share of the cell in its cohort), with the tag and cohort that averted
 * admissions are credited to, and where they go instead.
 */
export interface ModifierComponent {
  /** Intervention tag, e.g. "mcp". */
  tag: string;
  /** Cohort label. */
  cohort: string;
  /** Share of the cell's people in the cohort (0–1). */
  share: number;
  /** Share of full effect reached (ramp-up, 0–1). */
  ramp: number;
  /** Multipliers for the cell (1 = none). */
  multipliers: RateMultipliers;
  /** Displacement shares of averted admissions (rest: no alternative contact). */
  displacement?: Partial<Record<DisplacementTarget, number>>;
}

/** The hooks the model reads. Both optional; omit for the baseline. */
export interface ModelModifiers {
  /**
   * Rate multipliers for a cell on a day (dayIndex 0 = startDate; negative in warm-up).
   * @param dayIndex The day.
   * @param cell The cohort cell.
   * @returns Multipliers, or undefined for none.
   */
  rates?(dayIndex: number, cell: CellKey): RateMultipliers | undefined;
  /**
   * Capacity additions on a day.
   * @param dayIndex The day.
   * @returns Additions, or undefined for none.
   */
  capacity?(dayIndex: number): CapacityAdditions | undefined;
  /**
   * Per-intervention effects on a cell on a day; the model multiplies them (and `rates`) and
   * credits each averted admission to one component: with component multipliers m₁, m₂, … of
   * the candidate's route, a candidate whose averting uniform u falls in [m₁, 1) goes to the
   * first, in [m₁m₂, m₁) to the second, and so on.
   * @param dayIndex The day.
   * @param cell The cohort cell.
   * @returns Components, or undefined for none.
   */
  components?(dayIndex: number, cell: CellKey): readonly ModifierComponent[] | undefined;
  /**
   * Sees the people in each cell at the start of a day, before `components` is asked (risk
   * stratified cohorts re-rank on them).
   * @param dayIndex The day.
   * @param people People by cell index.
   */
  observe?(dayIndex: number, people: ArrayLike<number>): void;
}

/** One person-level move, for an event log (process mining, debugging). */
export interface EventLogRow {
  /** Case id: one per admission candidate ("c17"). */
  caseId: string;
  /** What happened: ed_arrival, averted, crisis_response, step_up, admit, board, transfer,
   * discharge_ready, delayed, discharge, death, readmit. */
  activity: string;
  /** Simulation time, days from day 0 (negative in warm-up). */
  timeDays: number;
  /** Place before. */
  from: string;
  /** Place after. */
  to: string;
  /** Resource involved (hospital id, "intermediate", care-model tag, …) or "". */
  resource: string;
}

/**
 * The identity modifiers (baseline).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(NO_MODIFIERS.rates, undefined);
 * ```
 */
export const NO_MODIFIERS: ModelModifiers = Object.freeze({});
