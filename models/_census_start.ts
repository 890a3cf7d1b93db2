/**
 * Census start: places length-biased occupants in acute and intermediate beds, and starts
 * reablement episodes, home-care packages and waiting lists at census levels.
 *
 * @module
 */

import { admit } from "./_acute_pathway.ts";
import { bedCapacity } from "./_capacity.ts";
import {
  afterIntermediate,
  homeCareFromHome,
  startPackage,
  startReablement,
} from "./_downstream_services.ts";
import { draw, levelAdd, type ModelState, onDone } from "./_model_state.ts";
import { normalInverse } from "./inverse.ts";

/** Places the census occupants and waiting lists at time 0. */
export function startFromCensus(m: ModelState): void {
  const sc = m.scenario;
  const census = sc.start.census;
  const s = m.streams.census;
  const nCells = m.counts.length;
  // Acute occupants: cells weighted by admissions × mean LOS (length-biased).
  const w = new Float64Array(nCells);
  for (let c = 0; c < nCells; c++) {
    w[c] = m.counts[c] * m.pAdmit[c] * Math.exp(m.losMu[c]);
  }
  const size = sc.population.size;
  const nominalBeds = sc.hospitals.map((_h, i) => bedCapacity(m, i, 0));
  const totalBeds = nominalBeds.reduce((acc, b) => acc + b, 0);
  const nominalIc = Math.round(sc.community.intermediateCare.bedsPer100k * size / 1e5);
  const nominalHours = sc.socialCare.homeCare.capacityHoursPerWeekPer100k * size / 1e5;
  const acuteTotal = census.acuteOccupied ?? Math.round(census.occupancy.acute * totalBeds);
  let remaining = acuteTotal;
  sc.hospitals.forEach((h, i) => {
    const n = i === sc.hospitals.length - 1
      ? remaining
      : Math.round(acuteTotal * h.populationShare);
    remaining -= n;
    if (n > m.beds[i].capacity) {
      throw new RangeError(
        `Cannot start from census: ${n} acute patients at "${h.id}" exceed its ${
          m.beds[i].capacity
        } beds, received acuteOccupied ${acuteTotal}`,
      );
    }
    for (let k = 0; k < n; k++) {
      const c = pick(w, s.random());
      if (c < 0 || m.counts[c] <= 0) continue;
      const a = draw(s);
      a[5] = sumBefore(m.hospShares, i) + m.hospShares[i] * 0.5;
      // Residual stay of someone present at a random time: U × (length-biased draw).
      // For lognormal(μ, σ) the length-biased law is lognormal(μ + σ², σ).
      const sigma = m.losSigma;
      const lb = Math.exp(m.losMu[c] + sigma * sigma + sigma * normalInverse(a[6]));
      admit(m, 0, c, a, {
        losMultiplier: 1,
        mix: undefined,
        d2a: 0,
        readmission: false,
        losDays: s.random() * lb,
        census: true,
      });
    }
  });
  // Intermediate-care occupants.
  const icN = census.intermediateOccupied ??
    Math.round(census.occupancy.intermediate * nominalIc);
  if (icN > m.intermediate.capacity) {
    throw new RangeError(
      `Cannot start from census: ${icN} intermediate-care patients exceed ${m.intermediate.capacity} beds`,
    );
  }
  const wi = new Float64Array(nCells);
  for (let c = 0; c < nCells; c += 2) {
    wi[c] = m.counts[c] * m.pAdmit[c] *
      sc.population.ageBands[c >> 3].dischargeMix.intermediateCare;
  }
  const ic = sc.community.intermediateCare;
  const icSigma = Math.sqrt(Math.log(1 + ic.lengthOfStayCv ** 2));
  const icMu = Math.log(ic.lengthOfStayMeanDays) - icSigma * icSigma / 2;
  for (let k = 0; k < icN; k++) {
    const c = pick(wi, s.random());
    if (c < 0 || m.counts[c] <= 0) continue;
    m.counts[c]--;
    const req = m.intermediate.request();
    m.inIntermediate++;
    levelAdd(m, "intermediate", 0, 1);
    const lb = Math.exp(icMu + icSigma * icSigma + icSigma * normalInverse(s.random()));
    afterIntermediate(m, req, c, s.random() * lb);
  }
  // Reablement episodes and home-care packages (exponential durations: residual = same law).
  const rb = sc.socialCare.reablement;
  const rbN = census.reablementActive ??
    Math.round(rb.slotsPer100k * size / 1e5 * census.occupancy.reablement);
  for (let k = 0; k < rbN; k++) {
    const req = m.reablement.request();
    onDone(req, () => startReablement(m, req, false));
  }
  const hc = sc.socialCare.homeCare;
  const pkgN = census.homeCarePackages ??
    Math.floor(nominalHours * census.occupancy.homeCare / hc.hoursPerPackagePerWeek);
  if (pkgN * hc.hoursPerPackagePerWeek > m.homeCareCapacity + 1e-9) {
    throw new RangeError(
      `Cannot start from census: ${pkgN} packages × ${hc.hoursPerPackagePerWeek} h exceed ${m.homeCareCapacity} home-care hours per week`,
    );
  }
  for (let k = 0; k < pkgN; k++) {
    const get = m.homeCare.get(hc.hoursPerPackagePerWeek);
    onDone(get, () => startPackage(m, 0, false));
  }
  for (let k = 0; k < census.waitingHomeCareFromHome; k++) homeCareFromHome(m, 0, -1);
  const wc = new Float64Array(nCells);
  for (let c = 0; c < nCells; c += 2) wc[c] = m.counts[c] * m.params.pCareHomeReferral[c];
  for (let k = 0; k < census.waitingCareHomeFromHome; k++) {
    const c = pick(wc, s.random());
    if (c >= 0) m.chHomeQueue.push({ cell: c, t: 0 });
  }
}

function pick(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) return -1;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function sumBefore(xs: number[], i: number): number {
  let s = 0;
  for (let k = 0; k < i; k++) s += xs[k];
  return s;
}
