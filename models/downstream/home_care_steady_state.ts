/**
 * The home-care packages the model's own flows sustain, worked out at set-up from the per-cell
 * rates: package starts per day from each home cell — hospital discharges needing a package,
 * reablement episodes ending in one (`ongoingPackageShare`), intermediate-care stays ending in
 * one (the admissions behind both from the same discharge mix), 30-day readmissions included —
 * and the share of community referrals each cell receives; and the mean days a package started
 * in a cell runs, until its exponential end, the holder's death (at home or in hospital) or
 * their move into a care home (from home or from hospital), the holder moving between cells
 * (deterioration, recovery, ageing) meanwhile. By Little's law the packages running in the
 * steady state, by the cell they began in (the segment the recorder keeps), are starts ×
 * mean duration. The census places its packages on this mix, and the calibration fits the
 * community referral rate so the default scenario's flows sustain its target level.
 *
 * @module
 */

import { PortableMath } from "../../sim/mod.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import { bandOf, cellIndex, HOME, isHome, segmentIndexOf } from "../population/cells.ts";
import type { CellRates } from "../population/cell_rates.ts";
import type { CohortParams } from "../population/cohort.ts";
import { isCommunityClientCell } from "./home_care.ts";

/** The package flows of a scenario, by cohort cell (0 for care-home cells). */
export interface HomeCareFlows {
  /** Package starts per day through hospital discharges, reablement and intermediate care. */
  hospitalStartsPerDay: Float64Array;
  /** Share of community referrals each cell receives (sums to 1, or all 0 if nobody is eligible). */
  communityShare: Float64Array;
  /** Mean days a package begun in the cell runs. */
  meanPackageDays: Float64Array;
}

/** Positions in the discharge mix (see `DESTINATIONS`). */
const REABLEMENT = 1;
const HOME_CARE = 2;
const INTERMEDIATE = 3;
const CARE_HOME_DEST = 4;
const DEATH = 5;

/** A daily probability as a rate per day. */
const perDay = (p: number) => -PortableMath.log(1 - p);

/**
 * The package flows of a scenario at the given cell counts.
 *
 * @param scenario A resolved scenario.
 * @param parts `params` (cohort parameters), `rates` (per-cell base rates), `counts` (people
 *   per cell).
 * @returns The flows (see {@linkcode HomeCareFlows}).
 *
 * @example A package outlives nobody: its mean duration is below the scenario's mean
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * import { cohortParams, initialCounts } from "../population/cohort.ts";
 * import { cellRates } from "../population/cell_rates.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 100000 } });
 * const params = cohortParams(scenario);
 * const flows = homeCareFlows(scenario, {
 *   params,
 *   rates: cellRates(scenario, params),
 *   counts: initialCounts(scenario),
 * });
 * const mean = scenario.socialCare.homeCare.packageDurationMeanDays;
 * assert.ok(flows.meanPackageDays.every((d) => d <= mean));
 * assert.ok(flows.hospitalStartsPerDay.some((x) => x > 0));
 * ```
 */
export function homeCareFlows(
  scenario: Scenario,
  parts: { params: CohortParams; rates: CellRates; counts: Float64Array },
): HomeCareFlows {
  const { params, rates, counts } = parts;
  const n = counts.length;
  const readmit = scenario.acute.readmission30DayProbability;
  const ic = scenario.community.intermediateCare.dischargeMix;
  const rb = scenario.socialCare.reablement.ongoingPackageShare;
  const hospitalStartsPerDay = new Float64Array(n);
  const communityShare = new Float64Array(n);
  const exitPerDay = new Float64Array(n);
  let eligible = 0;
  for (let c = 0; c < n; c++) if (isCommunityClientCell(c)) eligible += counts[c]!;
  const end = 1 / scenario.socialCare.homeCare.packageDurationMeanDays;
  for (let c = 0; c < n; c++) {
    if (!isHome(c)) continue;
    const mix = (k: number) => rates.mix[6 * c + k]!;
    // Readmissions (of those discharged home, with reablement or with a package) add admissions.
    const admitted = rates.pAdmit[c]! /
      (1 - readmit * (1 - mix(INTERMEDIATE) - mix(CARE_HOME_DEST) - mix(DEATH)));
    hospitalStartsPerDay[c] = counts[c]! * admitted *
      (mix(HOME_CARE) + mix(REABLEMENT) * rb + mix(INTERMEDIATE) * ic.homeCarePackage);
    if (eligible > 0 && isCommunityClientCell(c)) communityShare[c] = counts[c]! / eligible;
    exitPerDay[c] = end + perDay(params.pDeath[c]!) + perDay(params.pCareHomeReferral[c]!) +
      admitted * (mix(DEATH) + mix(CARE_HOME_DEST) + mix(INTERMEDIATE) * ic.careHome);
  }
  return {
    hospitalStartsPerDay,
    communityShare,
    meanPackageDays: meanDaysToEnd(params, exitPerDay),
  };
}

/**
 * Mean days to a package's end from each home cell, T = (1 + Σ moves × T elsewhere) ÷ (exits +
 * moves), solved by Gauss–Seidel sweeps (a contraction: every cell exits at least at the
 * package's own end rate).
 */
function meanDaysToEnd(params: CohortParams, exitPerDay: Float64Array): Float64Array {
  const n = exitPerDay.length;
  const t = new Float64Array(n);
  const bands = n / 8;
  for (let sweep = 0; sweep < 10_000; sweep++) {
    let change = 0;
    for (let c = 0; c < n; c++) {
      if (!isHome(c)) continue;
      const b = bandOf(c);
      const s = segmentIndexOf(c);
      const det = perDay(params.pDeteriorate[c]!);
      const rec = perDay(params.pRecover[c]!);
      const age = b + 1 < bands ? perDay(params.pAgeOut[c]!) : 0;
      const inflow = 1 +
        (det > 0 ? det * t[cellIndex(b, s + 1, HOME)]! : 0) +
        (rec > 0 ? rec * t[cellIndex(b, s - 1, HOME)]! : 0) +
        (age > 0 ? age * t[cellIndex(b + 1, s, HOME)]! : 0);
      const next = inflow / (exitPerDay[c]! + det + rec + age);
      change = Math.max(change, Math.abs(next - t[c]!));
      t[c] = next;
    }
    if (change < 1e-9) break;
  }
  return t;
}

/**
 * Packages running in the steady state, by the cell they began in: starts per day × mean
 * days (Little's law), community referrals at `communityPerDay` shared as they are drawn.
 *
 * @param flows The package flows ({@linkcode homeCareFlows}).
 * @param communityPerDay Community referrals per day.
 * @returns Packages by cell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const flows = {
 *   hospitalStartsPerDay: Float64Array.of(1, 0),
 *   communityShare: Float64Array.of(0, 1),
 *   meanPackageDays: Float64Array.of(300, 200),
 * };
 * assert.deepEqual([...steadyStatePackages(flows, 0.5)], [300, 100]);
 * ```
 */
export function steadyStatePackages(flows: HomeCareFlows, communityPerDay: number): Float64Array {
  return flows.meanPackageDays.map((d, c) =>
    (flows.hospitalStartsPerDay[c]! + communityPerDay * flows.communityShare[c]!) * d
  );
}
