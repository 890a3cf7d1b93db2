/**
 * The individuals of the model: an admission candidate's random draws, as a named record, and
 * a patient on the ED → acute bed → discharge pathway.
 *
 * @module
 */

import type { RandomStream, Request } from "../../sim/mod.ts";
import type { Segment } from "../population/cells.ts";
import type { Destination } from "../modifiers.ts";

/**
 * The uniforms an admission candidate draws up front, in draw order, so every candidate uses
 * the same number of random numbers whatever happens to it (common random numbers).
 */
export interface AdmissionDraws {
  /** Time of day the candidate arrives (fraction of the day). */
  timeOfDay: number;
  /** Route: via ED when below `acute.edRouteShare`, otherwise a GP referral. */
  route: number;
  /** Avoidable by crisis response when below its `avoidableShare`. */
  avoidable: number;
  /** Crisis response averts the admission when below its `avertProbability`. */
  crisisAverts: number;
  /** Step-up to an intermediate bed when below its `stepUpProbability`. */
  stepUp: number;
  /** Acute site, by cumulative population share. */
  site: number;
  /** Length of stay (lognormal quantile). */
  lengthOfStay: number;
  /** Discharge destination (cumulative discharge mix). */
  destination: number;
  /** Readmission within 30 days (and when). */
  readmission: number;
  /** Weekend discharge: waits for Monday when above the weekend discharge ratio. */
  weekend: number;
  /** Discharge to assess when below the day's D2A probability. */
  dischargeToAssess: number;
  /** Exponential wait for an intermediate bed before an alternative is arranged. */
  alternative: number;
  /** Exponential discharge-arrangement time. */
  arrangement: number;
}

/**
 * Draws a candidate's uniforms from a stream (13 uniforms, in {@linkcode AdmissionDraws}
 * order).
 *
 * @param stream A named stream.
 * @returns The draws.
 */
export function drawAdmission(stream: RandomStream): AdmissionDraws {
  return {
    timeOfDay: stream.random(),
    route: stream.random(),
    avoidable: stream.random(),
    crisisAverts: stream.random(),
    stepUp: stream.random(),
    site: stream.random(),
    lengthOfStay: stream.random(),
    destination: stream.random(),
    readmission: stream.random(),
    weekend: stream.random(),
    dischargeToAssess: stream.random(),
    alternative: stream.random(),
    arrangement: stream.random(),
  };
}

/**
 * Why a medically fit patient is still in an acute bed: the time to arrange a supported
 * destination (assessment, funding, choice), or waiting for room at a full downstream service.
 */
export type DelayCause = "arrangement" | Exclude<Destination, "home" | "death">;

/** An individual in the acute pathway. */
export interface Patient {
  /** Cohort cell the patient came from (and returns to). */
  cell: number;
  /** Need segment. */
  segment: Segment;
  /** Lowest age of the patient's age band, years. */
  minAgeYears: number;
  /** Whether the patient is a care-home resident (their place is held). */
  fromCareHome: boolean;
  /** Acute site index. */
  hospital: number;
  /** Time of arrival in ED, or of joining a care-home waiting list. */
  arrive: number;
  /** Time the acute bed was taken. */
  bedStart: number;
  /** Length of stay until medically fit, days. */
  losDays: number;
  /** Discharge destination. */
  dest: Destination;
  /** The candidate's draws. */
  draws: AdmissionDraws;
  /** Discharge-to-assess probability of the day of admission. */
  d2aShare: number;
  /** The bed request. */
  req: Request | null;
  /** Whether the patient is a delayed transfer now. */
  delayed: boolean;
  /** Why the patient is delayed now (null when not delayed). */
  delayCause: DelayCause | null;
  /** Whether the patient is in an acute bed now. */
  inBed: boolean;
  /** Whether a care-home place has been found. */
  placed: boolean;
  /** Whether the patient was placed at the census start. */
  census: boolean;
  /** Event-log case id ("" when not logging). */
  caseId: string;
  /** Inter-site transfer delay, days (0: none). */
  transferDays: number;
}

/**
 * Whether the patient's supported discharge is assessed at home (discharge to assess) rather
 * than waited for in the acute bed; never for a care home.
 *
 * @param p The patient.
 * @returns True under discharge to assess.
 */
export function assessedAtHome(p: Patient): boolean {
  return p.d2aShare > 0 && p.draws.dischargeToAssess < p.d2aShare && p.dest !== "careHome";
}
