import assert from "node:assert/strict";
import { lognormalParams } from "../../sim/mod.ts";
import { parseScenario } from "../../scenarios/load.ts";
import { annualValue } from "../result.ts";
import { runPairedReplication } from "../run_scenario.ts";
import { pathwayRate, simulatePathways } from "./pathway_model.ts";

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 via erf, |error| < 1.5e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 +
                t * (-1.453152027 + t * 1.061405429)))) *
      Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

// IPACS pathway 2 (bedded), one locality: referrals fall at weekends; lognormal stays.
const P2 = {
  id: "bristol-p2",
  locality: "bristol",
  pathway: 2,
  arrivalsPerDay: 3,
  weeklyProfile: [1.3, 1.3, 1.2, 1.1, 1.0, 0.6, 0.5],
  lengthOfStayDays: { lognormal: { mean: 18, sd: 12 } },
} as const;

Deno.test("an unconstrained IPACS pathway-2 bed model matches the M_t/G/∞ mean, day of week by day of week", () => {
  const scenario = parseScenario({
    version: 1,
    years: 2,
    startDate: "2025-04-07",
    population: { size: 1000 },
    pathways: [{ ...P2, capacity: 1_000_000 }],
  });
  const parsed = scenario.pathways[0]!;
  // M_t/G/∞: m(t) = ∫ λ(t − u) S(u) du, S the survival of the length of stay.
  const { mu, sigma } = lognormalParams({ mean: 18, sd: 12 });
  const rate = pathwayRate(parsed, scenario.startDate);
  const du = 0.005;
  const analytic = (t: number) => {
    let m = 0;
    for (let u = du / 2; u < 400; u += du) {
      m += rate.ratePerDay(t - u + 7 * 100) * (1 - normalCdf((Math.log(u) - mu) / sigma)) * du;
    }
    return m;
  };
  const FROM = 150; // the start is empty: the longest stays are long gone by day 150
  const days = 730 - FROM;
  const means: number[] = [];
  // Per replication, each weekday's census minus the replication's mean: the weekly wave.
  const waves = Array.from({ length: 7 }, () => [] as number[]);
  for (let replication = 0; replication < 20; replication++) {
    const [r] = simulatePathways(scenario, { seed: 8, replication });
    const occ = r!.dailyOccupied.slice(FROM);
    const mean = occ.reduce((a, b) => a + b, 0) / days;
    means.push(mean);
    const sums = new Array(7).fill(0);
    const counts = new Array(7).fill(0);
    // dailyOccupied[i] is the census at time i + 1 (end of day i); day 0 is a Monday.
    occ.forEach((x, i) => {
      sums[(FROM + i + 1) % 7] += x;
      counts[(FROM + i + 1) % 7]++;
    });
    for (let w = 0; w < 7; w++) waves[w]!.push(sums[w] / counts[w] - mean);
  }
  const meanSe = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
    return { m, se: Math.sqrt(v / xs.length) };
  };
  const expected = Array.from({ length: 7 }, (_, w) => analytic(w));
  const overall = expected.reduce((a, b) => a + b, 0) / 7;
  // λ̄·E[S] = 3 × 18: the periodic mean averages to the stationary M/G/∞ mean.
  assert.ok(Math.abs(overall / 54 - 1) < 1e-3, `analytic ${overall} vs 54`);
  const level = meanSe(means);
  assert.ok(level.se < 0.02 * overall, `standard error ${level.se} too large to test against`);
  assert.ok(Math.abs(level.m - overall) < 4 * level.se, `simulated ${level.m} ± ${level.se}`);
  // The weekly wave (arrivals fall at weekends, stays run on): about ±1.3 beds around the
  // mean; each weekday's deviation within 4 standard errors of the analytic one, with
  // standard errors small enough that a flat profile would fail.
  for (let w = 0; w < 7; w++) {
    const dev = meanSe(waves[w]!);
    assert.ok(dev.se < 0.15, `weekday ${w}: standard error ${dev.se}`);
    assert.ok(
      Math.abs(dev.m - (expected[w]! - overall)) < 4 * dev.se,
      `weekday ${w}: ${dev.m} vs ${expected[w]! - overall} (se ${dev.se})`,
    );
  }
});

Deno.test("a full pathway queues: the initial queue waits, reneging empties it, waiting days by hand", () => {
  const base = {
    ...P2,
    arrivalsPerDay: 0,
    weeklyProfile: [1, 1, 1, 1, 1, 1, 1],
    capacity: 2,
    initialOccupants: 2,
    initialQueue: 10,
    lengthOfStayDays: 1000,
  };
  const run = (extra: Record<string, unknown>) =>
    simulatePathways(
      parseScenario({
        version: 1,
        years: 1,
        population: { size: 1000 },
        pathways: [{ ...base, ...extra }],
      }),
      { seed: 2, replication: 0 },
    )[0]!;
  // Occupants hold both beds all year (residual stays of up to 100,000 days are all but surely
  // longer than a year): nobody waiting starts, and 10 wait 365 days each.
  const held = run({ lengthOfStayDays: 100000 });
  assert.equal(held.years[0]!.waitingDays, 10 * 365);
  assert.equal(held.dailyWaiting.at(-1), 10);
  assert.equal(held.dailyOccupied.at(-1), 2);
  // Reneging after a mean of 3 days: the queue empties; expected waiting days 10 × 3.
  const gave = run({ lengthOfStayDays: 100000, reneging: { enabled: true, meanDays: 3 } });
  assert.equal(gave.years[0]!.reneged, 10);
  assert.ok(
    Math.abs(gave.years[0]!.waitingDays - 30) < 4 * 3 * Math.sqrt(10),
    `${gave.years[0]!.waitingDays}`,
  );
});

Deno.test("pathways: occupants over capacity are a scenario error naming the field", () => {
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        pathways: [{ ...P2, capacity: 2, initialOccupants: 3 }],
      }),
    /pathways\[0\]\.initialOccupants/,
  );
});

Deno.test("pathway outputs: waiting in acute is delayed bed days (costed), waiting at home apart", () => {
  const scenario = parseScenario({
    version: 1,
    years: 1,
    population: { size: 2000 },
    costs: { unitCosts: { delayedBedDay: 250 } },
    pathways: [
      { ...P2, id: "a-p2", capacity: 40 },
      { ...P2, id: "a-p1", pathway: 1, capacity: 30, waitAt: "home" },
    ],
  });
  const paired = runPairedReplication({
    seed: 6,
    replication: 0,
    input: { scenario, options: [], replicationsPerSample: 1 },
  });
  const [p2, p1] = simulatePathways(scenario, { seed: 6, replication: 0 });
  const v = (m: Parameters<typeof annualValue>[1]) => annualValue(paired.baseline, m, { year: 1 });
  assert.ok(p2!.years[0]!.waitingDays > 0 && p1!.years[0]!.waitingDays > 0, "both queue");
  assert.equal(v("d2a_delayed_bed_days"), p2!.years[0]!.waitingDays);
  assert.equal(v("d2a_days_waiting_at_home"), p1!.years[0]!.waitingDays);
  assert.equal(v("cost_d2a_delayed_days"), p2!.years[0]!.waitingDays * 250);
  assert.equal(v("d2a_occupied_mean"), p2!.years[0]!.occupiedMean + p1!.years[0]!.occupiedMean);
});

Deno.test("pathways: a repeated id is a scenario error naming the field", () => {
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        pathways: [{ ...P2, capacity: 2 }, { ...P2, capacity: 3 }],
      }),
    /pathways\[1\]\.id: expected a unique pathway id/,
  );
});
