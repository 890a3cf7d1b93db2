/**
 * The community referral rate of home care, fitted so the model's flows sustain the home-care
 * hours in use that the evidence describes. S2's ≈7,700 hours a week per 100,000 (the default
 * capacity) are hours delivered; the default holds 90% of them in use, the utilisation at which
 * the provider search was calibrated (`socialCare.homeCare.referenceUtilisation`). Packages
 * from hospital discharges, reablement and intermediate care follow from evidence figures;
 * the rate of packages asked for from home is the one free assumption, so it is fitted:
 * packages in the steady state are linear in it (`home_care_steady_state.ts`), and the fit
 * is exact (no simulation, no noise).
 *
 * @module
 */

import { parseScenario } from "../scenarios/load.ts";
import { cellRates } from "../models/population/cell_rates.ts";
import { cohortParams, initialCounts } from "../models/population/cohort.ts";
import { homeCareFlows, steadyStatePackages } from "../models/downstream/home_care_steady_state.ts";

/** The target: share of the home-care hours in use in the steady state. */
export const HOME_CARE_TARGET_UTILISATION = 0.9;

/** The result of {@linkcode fitCommunityReferrals}. */
export interface CommunityReferralFit {
  /** The fitted `socialCare.homeCare.communityReferralsPer100kPerYear`. */
  value: number;
  /** Hours per week in use in the steady state at the scenario's own rate. */
  hoursAtScenarioRate: number;
  /** The target hours per week in use. */
  targetHours: number;
  /** Share of the target that hospital discharges, reablement and intermediate care sustain. */
  hospitalShare: number;
}

/**
 * Fits the community referral rate so the scenario's package flows sustain
 * {@linkcode HOME_CARE_TARGET_UTILISATION} of its home-care hours in use.
 *
 * @param input A scenario input (plain data), e.g. scenarios/default.json.
 * @returns The fit.
 * @throws {RangeError} If the other flows alone sustain more than the target.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const fit = fitCommunityReferrals({ version: 1, population: { size: 100000 } });
 * assert.ok(fit.value > 0 && fit.hospitalShare < 1);
 * ```
 */
export function fitCommunityReferrals(input: Record<string, unknown>): CommunityReferralFit {
  const scenario = parseScenario(input);
  const params = cohortParams(scenario);
  const census = scenario.start.mode === "census";
  const counts = initialCounts(scenario, {
    careHomeResidents: census ? scenario.start.census.careHomeResidents : undefined,
  });
  const flows = homeCareFlows(scenario, { params, rates: cellRates(scenario, params), counts });
  const hc = scenario.socialCare.homeCare;
  const perDay = scenario.population.size / 1e5 / 365;
  const hours = (ratePer100k: number) =>
    hc.hoursPerPackagePerWeek *
    steadyStatePackages(flows, ratePer100k * perDay).reduce((a, x) => a + x, 0);
  const targetHours = HOME_CARE_TARGET_UTILISATION * hc.capacityHoursPerWeekPer100k *
    scenario.population.size / 1e5;
  const fromHospital = hours(0);
  if (fromHospital > targetHours) {
    throw new RangeError(
      `Cannot fit socialCare.homeCare.communityReferralsPer100kPerYear: hospital discharges, reablement and intermediate care alone sustain ${
        fromHospital.toFixed(0)
      } home-care hours a week, above the target ${
        targetHours.toFixed(0)
      }; raise capacityHoursPerWeekPer100k or shorten packageDurationMeanDays`,
    );
  }
  // Linear in the rate: hours(r) = hours(0) + r × (hours(1) − hours(0)).
  const value = (targetHours - fromHospital) / (hours(1) - fromHospital);
  return {
    value,
    hoursAtScenarioRate: hours(hc.communityReferralsPer100kPerYear),
    targetHours,
    hospitalShare: fromHospital / targetHours,
  };
}
