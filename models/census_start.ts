/**
 * Census start: places length-biased occupants in acute and intermediate beds, and starts
 * reablement episodes, home-care packages and waiting lists at census levels, at time 0, with the
 * 30-day readmissions still to come of people discharged before it.
 * Reablement episodes go to the cells reablement is discharged from; home-care packages to
 * the cells, and unless the census gives their number or occupancy, in the number, that the
 * model's own flows sustain (`home_care_steady_state.ts`), so home care holds steady when
 * nothing changes.
 *
 * @module
 */

import { lognormalParams, normalQuantile, PortableMath, type RandomStream } from "../sim/mod.ts";
import { drawAdmission } from "./acute/patient.ts";
import { type ModelContext, onDone } from "./context.ts";
import type { DischargePathwayOptions } from "./discharge/discharge_pathway.ts";
import { bandOf, isHome, segmentOf } from "./population/cells.ts";
import { type CellRates, DESTINATIONS } from "./population/cell_rates.ts";
import { poissonInverse } from "./inverse.ts";
import type { Destination } from "./modifiers.ts";
import { homeCareFlows, steadyStatePackages } from "./downstream/home_care_steady_state.ts";

/** The parts a census start fills: those a discharge hands over to, and the base rates. */
export type CensusParts = Omit<DischargePathwayOptions, "settings"> & {
  /** Per-cell base rates. */
  rates: CellRates;
};

/**
 * Places the census occupants and waiting lists at time 0.
 *
 * @param ctx The model context.
 * @param parts The parts to fill.
 * @throws {RangeError} If the census does not fit the capacities.
 */
export function startFromCensus(ctx: ModelContext, parts: CensusParts): void {
  const sc = ctx.scenario;
  const census = sc.start.census;
  const s = ctx.sim.stream("census");
  const { population, rates, beds } = parts;
  const counts = population.counts;
  const nCells = counts.length;
  // Acute occupants: cells weighted by admissions × mean LOS (length-biased); zero-day stays
  // hold no bed overnight, so an overnight stay's mean is 1 + E[L].
  const sigma = rates.losSigma;
  const meanL = (c: number) => PortableMath.exp(rates.losMu[c]! + sigma * sigma / 2);
  const w = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    w[c] = counts[c]! * rates.pAdmit[c]! * (1 - rates.losZeroDayShare[c]!) * (1 + meanL(c));
  }
  const size = sc.population.size;
  const nominalBeds = sc.hospitals.map((_h, i) => beds.capacityAt(i, 0));
  const totalBeds = nominalBeds.reduce((acc, b) => acc + b, 0);
  const nominalIc = Math.round(sc.community.intermediateCare.bedsPer100k * size / 1e5);
  const nominalHours = sc.socialCare.homeCare.capacityHoursPerWeekPer100k * size / 1e5;
  const acuteTotal = census.acuteOccupied ?? Math.round(census.occupancy.acute * totalBeds);
  const shares = sc.hospitals.map((h) => h.populationShare);
  let remaining = acuteTotal;
  sc.hospitals.forEach((h, i) => {
    const n = i === sc.hospitals.length - 1
      ? remaining
      : Math.round(acuteTotal * h.populationShare);
    remaining -= n;
    const capacity = beds.sites[i]!.capacity;
    if (n > capacity) {
      throw new RangeError(
        `Cannot start from census: ${n} acute patients at "${h.id}" exceed its ${capacity} beds, received acuteOccupied ${acuteTotal}`,
      );
    }
    for (let k = 0; k < n; k++) {
      const c = pick(w, s.random());
      if (c < 0 || counts[c]! <= 0) continue;
      const draws = drawAdmission(s);
      draws.site = sumBefore(shares, i) + shares[i]! * 0.5;
      // Residual stay of someone present at a random time: U × (length-biased draw of 1 + L).
      // (1 + l)·f(l) ∝ f(l) + E[L]·(length-biased f)(l): with probability 1 ÷ (1 + E[L]) L is
      // lognormal(μ, σ), else lognormal(μ + σ², σ), the lognormal's length-biased law.
      const biased = s.random() >= 1 / (1 + meanL(c));
      const lb = 1 + PortableMath.exp(
        rates.losMu[c]! + (biased ? sigma * sigma : 0) + sigma * normalQuantile(draws.lengthOfStay),
      );
      parts.admissions.admit(0, c, draws, {
        losMultiplier: 1,
        mix: undefined,
        d2a: 0,
        readmission: false,
        losDays: s.random() * lb,
        census: true,
        caseId: ctx.log.newCase(),
      });
    }
  });
  // Intermediate-care occupants.
  const ic = parts.intermediate;
  const icN = census.intermediateOccupied ??
    Math.round(census.occupancy.intermediate * nominalIc);
  if (icN > ic.beds.capacity) {
    throw new RangeError(
      `Cannot start from census: ${icN} intermediate-care patients exceed ${ic.beds.capacity} beds`,
    );
  }
  const wi = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    if (!isHome(c)) continue;
    wi[c] = counts[c]! * rates.pAdmit[c]! *
      sc.population.ageBands[bandOf(c)]!.dischargeMix.intermediateCare;
  }
  const icp = sc.community.intermediateCare;
  const { mu: icMu, sigma: icSigma } = lognormalParams({
    mean: icp.lengthOfStayMeanDays,
    sd: icp.lengthOfStayMeanDays * icp.lengthOfStayCv,
  });
  for (let k = 0; k < icN; k++) {
    const c = pick(wi, s.random());
    if (c < 0 || counts[c]! <= 0) continue;
    population.leave(c);
    const req = ic.request();
    ic.occupied++;
    ctx.record.segmentLevelChange("intermediate", segmentOf(c), 1);
    const lb = PortableMath.exp(icMu + icSigma * icSigma + icSigma * normalQuantile(s.random()));
    ic.stay(req, c, s.random() * lb);
  }
  // Reablement episodes and home-care packages (exponential durations: residual = same law).
  const rb = sc.socialCare.reablement;
  const rbN = census.reablementActive ??
    Math.round(rb.slotsPer100k * size / 1e5 * census.occupancy.reablement);
  // Episodes on the cells reablement is discharged from (episodes are short: no length bias).
  const wr = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    if (isHome(c)) wr[c] = counts[c]! * rates.pAdmit[c]! * rates.mix[6 * c + 1]!;
  }
  const homeCare = parts.homeCare;
  for (let k = 0; k < rbN; k++) {
    const req = parts.reablement.request();
    const cell = pick(wr, s.random());
    onDone(req, () => parts.reablement.start(req, { count: false, cell }));
  }
  // Packages on the cells, and by default in the number, that the flows sustain.
  const hc = sc.socialCare.homeCare;
  const sustained = steadyStatePackages(
    homeCareFlows(sc, { params: population.params, rates, counts }),
    hc.communityReferralsPer100kPerYear * size / 1e5 / 365,
  );
  const pkgN = census.homeCarePackages ?? (census.occupancy.homeCare === undefined
    ? Math.min(
      Math.round(sustained.reduce((a, x) => a + x, 0)),
      Math.floor(homeCare.capacity / hc.hoursPerPackagePerWeek),
    )
    : Math.floor(nominalHours * census.occupancy.homeCare / hc.hoursPerPackagePerWeek));
  if (pkgN * hc.hoursPerPackagePerWeek > homeCare.capacity + 1e-9) {
    throw new RangeError(
      `Cannot start from census: ${pkgN} packages × ${hc.hoursPerPackagePerWeek} h exceed ${homeCare.capacity} home-care hours per week`,
    );
  }
  for (let k = 0; k < pkgN; k++) {
    const get = homeCare.hours.get(homeCare.hoursPerPackage);
    const cell = pick(sustained, s.random());
    onDone(get, () => homeCare.start(0, cell, false));
  }
  for (let k = 0; k < census.waitingHomeCareFromHome; k++) {
    const cell = homeCare.clientCell(s.random());
    if (cell >= 0) homeCare.requestFromHome(0, cell);
  }
  const wc = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    if (isHome(c)) wc[c] = counts[c]! * population.params.pCareHomeReferral[c]!;
  }
  for (let k = 0; k < census.waitingCareHomeFromHome; k++) {
    const c = pick(wc, s.random());
    if (c >= 0) parts.careHomes.waitFromHome(c, 0);
  }
  seedReadmissions(ctx, parts, s);
}

/**
 * The 30-day readmissions still to come at day 0 of people discharged home in the 30 days
 * before it, cell by cell: Poisson with mean (discharges home a day × readmission probability ×
 * 15 days), each at 30 × (1 − √(1 − u)) days (density ∝ 30 − t: a discharge s days before day 0
 * is readmitted uniformly over its remaining 30 − s days). Without them the first month would
 * lack about half a month of readmissions.
 */
function seedReadmissions(ctx: ModelContext, parts: CensusParts, s: RandomStream): void {
  const pr = ctx.scenario.acute.readmission30DayProbability;
  const { population, rates } = parts;
  const n = DESTINATIONS.length;
  const readmittable = ["home", "reablement", "homeCarePackage"].map((d) =>
    DESTINATIONS.indexOf(d as Destination)
  );
  for (let c = 0; c < population.counts.length; c++) {
    if (!isHome(c)) continue;
    const home = readmittable.reduce((a, i) => a + rates.mix[c * n + i]!, 0);
    // Admissions a day, readmissions included: first admissions ÷ (1 − pr × home share).
    const admissions = population.counts[c]! * rates.pAdmit[c]! / (1 - pr * home);
    const k = poissonInverse(s.random(), admissions * home * pr * 15);
    for (let i = 0; i < k; i++) {
      parts.admissions.readmitLater(c, 30 * (1 - Math.sqrt(1 - s.random())), "");
    }
  }
}

function pick(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i]!;
  if (!(total > 0)) return -1;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function sumBefore(xs: number[], i: number): number {
  let s = 0;
  for (let k = 0; k < i; k++) s += xs[k]!;
  return s;
}
