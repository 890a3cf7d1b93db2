/**
 * Discharge-to-assess pathways as the IPACS model runs them (nhs-bnssg-analytics/ipacs-model):
 * each pathway of each locality is a queue with `capacity` places (visit slots or beds),
 * Poisson referrals from acute at a rate with a weekly profile, a length of service drawn from
 * its distribution, an initial queue of delayed patients and initial occupants, and optional
 * reneging. Patients who find no place wait — in their acute bed (delayed transfers) or at
 * home (discharge to assess). Runs on the engine beside the whole-system model, one replication
 * at a time, on its own named streams. A pathway with `demand: "acute-discharges"` takes its
 * referrals from the whole-system model's own discharges in the same run
 * (`./acute_referrals.ts`) instead of its Poisson process.
 *
 * @module
 */

import { distributionFromSpec, nextArrivalTime, Simulation } from "../../sim/mod.ts";
import type { Pathway } from "../../scenarios/pathways_schema.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import type { AcuteReferrals } from "./acute_referrals.ts";

const DAYS_PER_YEAR = 365;

/** One pathway's figures in one model year. */
export interface PathwayYear {
  /** Model year, 1-based. */
  year: number;
  /** Referrals arriving. */
  arrivals: number;
  /** Patients starting service. */
  started: number;
  /** Waiting patients who gave up (reneging on). */
  reneged: number;
  /** Mean places occupied. */
  occupiedMean: number;
  /** Mean patients waiting. */
  waitingMean: number;
  /** Days spent waiting (Σ over patients): in acute beds or at home, as `waitAt` says. */
  waitingDays: number;
}

/** One pathway's result in one replication. */
export interface PathwayResult {
  /** Pathway id. */
  id: string;
  /** Locality. */
  locality: string;
  /** Pathway 1, 2 or 3. */
  pathway: 1 | 2 | 3;
  /** Where patients wait. */
  waitAt: "acute" | "home";
  /** Places occupied at the end of each day. */
  dailyOccupied: number[];
  /** Patients waiting at the end of each day. */
  dailyWaiting: number[];
  /** By year. */
  years: PathwayYear[];
}

/** Monday = 0 … Sunday = 6 of a day index from the scenario's start date. */
function weekdayOf(startDate: string, day: number): number {
  const first = (new Date(`${startDate}T00:00:00Z`).getUTCDay() + 6) % 7;
  return (first + day) % 7;
}

/**
 * The arrival rate of a pathway at time t (days from the start): `arrivalsPerDay` × the day's
 * weekly-profile weight ÷ the profile's mean.
 *
 * @param pathway A parsed pathway.
 * @param startDate The scenario's start date (sets the weekday of day 0).
 * @returns Rate per day at time t, and its maximum.
 *
 * @example Weekdays 1.2, weekends 0.5
 * ```ts
 * import assert from "node:assert/strict";
 * const p = { arrivalsPerDay: 7, weeklyProfile: [1, 1, 1, 1, 1, 1, 1] } as never;
 * assert.equal(pathwayRate(p, "2025-04-07").ratePerDay(3.5), 7);
 * ```
 */
export function pathwayRate(
  pathway: Pick<Pathway, "arrivalsPerDay" | "weeklyProfile">,
  startDate: string,
): { ratePerDay: (t: number) => number; maxRatePerDay: number } {
  const w = pathway.weeklyProfile;
  const mean = w.reduce((a, b) => a + b, 0) / 7;
  const scale = (pathway.arrivalsPerDay ?? 0) / mean;
  const byWeekday = w.map((x) => x * scale);
  return {
    ratePerDay: (t) => byWeekday[weekdayOf(startDate, Math.floor(t))]!,
    maxRatePerDay: Math.max(...byWeekday),
  };
}

/**
 * Simulates every pathway of a scenario for one replication (its `years` × 365 days from the
 * start date; no warm-up: the initial queue and occupants are the starting state, as in IPACS).
 *
 * @param scenario A resolved scenario.
 * @param options Seed and replication.
 * @param referrals The run's acute discharges by pathway, for pathways whose demand is
 *   "acute-discharges" (`acuteReferralCollector` in `./acute_referrals.ts`).
 * @returns One result per pathway, in scenario order (empty without pathways).
 * @throws {RangeError} If a pathway's demand is "acute-discharges" and no referrals are given.
 *
 * @example An unconstrained bed pathway holds about arrivals × mean stay
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 1000 }, pathways: [{
 *   id: "p2", locality: "a", pathway: 2, capacity: 100000, arrivalsPerDay: 4,
 *   lengthOfStayDays: { lognormal: { mean: 10, sd: 5 } } }] });
 * const [p] = simulatePathways(s, { seed: 1, replication: 0 });
 * assert.ok(Math.abs(p.dailyOccupied.slice(100).reduce((a, b) => a + b) / 265 / 40 - 1) < 0.2);
 * ```
 */
export function simulatePathways(
  scenario: Scenario,
  options: { seed: number; replication: number },
  referrals?: AcuteReferrals,
): PathwayResult[] {
  return scenario.pathways.map((p) => {
    if (p.demand === "standalone") return simulatePathway(scenario, p, options);
    if (!referrals) {
      throw new RangeError(
        `Cannot simulate pathway "${p.id}": its demand is "acute-discharges" but no acute discharges were given (run it with the whole-system model)`,
      );
    }
    return simulatePathway(scenario, p, options, referrals[p.pathway]);
  });
}

interface Waiting {
  renege?: { cancel(): void };
  left: boolean;
}

function simulatePathway(
  scenario: Scenario,
  p: Pathway,
  options: { seed: number; replication: number },
  arrivalTimes?: readonly number[],
): PathwayResult {
  const sim = new Simulation({ seed: options.seed, replication: options.replication });
  const years = scenario.years;
  const horizon = years * DAYS_PER_YEAR;
  const los = distributionFromSpec(p.lengthOfStayDays);
  const arrivalsStream = sim.stream(`pathway:${p.id}:arrivals`);
  const losStream = sim.stream(`pathway:${p.id}:los`);
  const censusStream = sim.stream(`pathway:${p.id}:census`);
  const renegeStream = sim.stream(`pathway:${p.id}:renege`);
  const rate = pathwayRate(p, scenario.startDate);
  const out: PathwayYear[] = Array.from({ length: years }, (_, i) => ({
    year: i + 1,
    arrivals: 0,
    started: 0,
    reneged: 0,
    occupiedMean: 0,
    waitingMean: 0,
    waitingDays: 0,
  }));
  const yearOf = (t: number) => Math.min(years - 1, Math.floor(t / DAYS_PER_YEAR));
  let occupied = 0;
  const queue: Waiting[] = [];
  let waiting = 0;
  let last = 0;
  // Time integrals of occupied places and waiting patients, split at year ends.
  const advance = (to: number) => {
    while (last < to) {
      const end = Math.min(to, (Math.floor(last / DAYS_PER_YEAR) + 1) * DAYS_PER_YEAR);
      const y = out[yearOf(last)]!;
      y.occupiedMean += occupied * (end - last);
      y.waitingDays += waiting * (end - last);
      last = end;
    }
  };
  const finish = () => {
    advance(sim.now);
    occupied--;
    startNext();
  };
  const start = (stayDays: number) => {
    advance(sim.now);
    occupied++;
    sim.schedule(stayDays, finish);
  };
  const startNext = () => {
    while (occupied < p.capacity && queue.length > 0) {
      const w = queue.shift()!;
      if (w.left) continue;
      w.renege?.cancel();
      waiting--;
      if (sim.now < horizon) out[yearOf(sim.now)]!.started++;
      start(los.sample(losStream));
    }
  };
  const wait = () => {
    advance(sim.now);
    const w: Waiting = { left: false };
    queue.push(w);
    waiting++;
    if (p.reneging.enabled) {
      w.renege = sim.schedule(renegeStream.exponential(p.reneging.meanDays), () => {
        advance(sim.now);
        w.left = true;
        waiting--;
        if (sim.now < horizon) out[yearOf(sim.now)]!.reneged++;
      });
    }
  };
  const arrive = () => {
    if (sim.now < horizon) out[yearOf(sim.now)]!.arrivals++;
    if (occupied < p.capacity && waiting === 0) {
      if (sim.now < horizon) out[yearOf(sim.now)]!.started++;
      start(los.sample(losStream));
    } else wait();
  };
  for (let i = 0; i < p.initialOccupants; i++) {
    start(los.sample(censusStream) * censusStream.random());
  }
  for (let i = 0; i < p.initialQueue; i++) wait();
  startNext();
  const scheduleArrival = () => {
    const t = nextArrivalTime(arrivalsStream, sim.now, { ...rate, horizonDays: horizon });
    if (!Number.isFinite(t)) return;
    sim.schedule(t - sim.now, () => {
      arrive();
      scheduleArrival();
    });
  };
  if (arrivalTimes) {
    for (const t of arrivalTimes) sim.schedule(t, arrive);
  } else scheduleArrival();
  const dailyOccupied: number[] = [];
  const dailyWaiting: number[] = [];
  for (let d = 1; d <= horizon; d++) {
    sim.run({ until: d });
    dailyOccupied.push(occupied);
    dailyWaiting.push(waiting);
  }
  advance(horizon);
  for (const y of out) {
    y.occupiedMean /= DAYS_PER_YEAR;
    y.waitingMean = y.waitingDays / DAYS_PER_YEAR;
  }
  return {
    id: p.id,
    locality: p.locality,
    pathway: p.pathway,
    waitAt: p.waitAt,
    dailyOccupied,
    dailyWaiting,
    years: out,
  };
}
