/**
 * Statistical validation of the engine against queueing theory: M/M/c queues written with
 * generator processes and a Resource, checked against Erlang C (mean wait in queue and
 * probability of waiting), plus utilisation ≈ ρ and Little's law L_q = λ W_q on the resource's
 * statistics.
 * Every estimate is a mean over independent replications (fixed seeds), with a tolerance of a
 * few standard errors across replications.
 */
import assert from "node:assert/strict";
import { type Request, Resource, Simulation } from "../sim/mod.ts";
import { erlangC, meanAndSe, mmcMeanWaitDays, SE_MULTIPLIER } from "./testdata/queueing.ts";

interface MmcCase {
  servers: number;
  rho: number;
  /** Observation window per replication, in days (mean service time is 1 day). */
  days: number;
  /** Warm-up before the statistics are reset, in days. */
  warmupDays: number;
}

interface MmcRun {
  meanWaitDays: number;
  probWait: number;
  utilisation: number;
  /** Time-average queue length × window, from the resource's statistics. */
  queueArea: number;
  /** Σ waits of customers granted in the window (granted × mean wait), from the statistics. */
  waitSum: number;
  /** Waiting before the window by customers queued at its start and granted within it. */
  waitBeforeWindow: number;
  /** Waiting within the window by customers still queued at its end. */
  waitAfterGrants: number;
}

const REPLICATIONS = 20;

function runMmc(c: MmcCase, replication: number): MmcRun {
  const sim = new Simulation({ seed: 2024, replication });
  const servers = new Resource(sim, { name: "servers", capacity: c.servers });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const lambda = c.rho * c.servers; // per day, with a mean service time of 1 day
  const waiting = new Set<Request>();
  let arrived = 0;
  let waited = 0;
  function* customer() {
    const counted = sim.now >= c.warmupDays;
    const request = servers.request();
    if (!request.triggered) waiting.add(request);
    const unit: Request = yield request;
    waiting.delete(unit);
    if (counted) {
      arrived++;
      if (sim.now > unit.requestedAtDays) waited++;
    }
    yield sim.timeout(service.exponential(1));
    servers.release(unit);
  }
  sim.process((function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / lambda));
      sim.process(customer());
    }
  })());
  sim.run({ until: c.warmupDays });
  servers.resetStats();
  const queuedAtStart = [...waiting];
  sim.run({ until: c.warmupDays + c.days });
  const s = servers.stats();
  let waitBeforeWindow = 0;
  for (const r of queuedAtStart) {
    if (r.status === "granted" || r.status === "released") {
      waitBeforeWindow += c.warmupDays - r.requestedAtDays;
    }
  }
  let waitAfterGrants = 0;
  for (const r of waiting) waitAfterGrants += sim.now - Math.max(r.requestedAtDays, c.warmupDays);
  return {
    meanWaitDays: s.meanWaitDays,
    probWait: waited / arrived,
    utilisation: s.utilisation,
    queueArea: s.meanQueueLength * s.observedDays,
    waitSum: s.meanWaitDays * s.granted,
    waitBeforeWindow,
    waitAfterGrants,
  };
}

const CASES: MmcCase[] = [
  { servers: 3, rho: 0.5, days: 20_000, warmupDays: 50 },
  { servers: 5, rho: 0.8, days: 8_000, warmupDays: 100 },
  { servers: 10, rho: 0.9, days: 20_000, warmupDays: 200 },
];

Deno.test("M/M/c queues on generator processes match Erlang C", async (t) => {
  for (const c of CASES) {
    await t.step(`c = ${c.servers}, ρ = ${c.rho}`, () => {
      const runs = Array.from({ length: REPLICATIONS }, (_, r) => runMmc(c, r));
      const lambda = c.rho * c.servers;
      const wq = meanAndSe(runs.map((r) => r.meanWaitDays));
      const pw = meanAndSe(runs.map((r) => r.probWait));
      const util = meanAndSe(runs.map((r) => r.utilisation));
      const expectedWq = mmcMeanWaitDays(c.servers, lambda, 1);
      const expectedPw = erlangC(c.servers, lambda);
      const msg = (what: string, got: { mean: number; se: number }, want: number) =>
        `${what}: ${got.mean.toFixed(4)} ± ${got.se.toFixed(4)} (SE), Erlang ${want.toFixed(4)}`;
      assert.ok(Math.abs(wq.mean - expectedWq) < SE_MULTIPLIER * wq.se, msg("W_q", wq, expectedWq));
      assert.ok(
        Math.abs(pw.mean - expectedPw) < SE_MULTIPLIER * pw.se,
        msg("P(wait)", pw, expectedPw),
      );
      assert.ok(
        Math.abs(util.mean - c.rho) < SE_MULTIPLIER * util.se,
        msg("utilisation", util, c.rho),
      );
      // the tolerances are tight enough to matter: an engine 10 % off in W_q or 3 % off in
      // P(wait) would be caught
      assert.ok(SE_MULTIPLIER * wq.se < 0.1 * expectedWq, `W_q SE too large: ${wq.se}`);
      assert.ok(SE_MULTIPLIER * pw.se < 0.03 * expectedPw, `P(wait) SE too large: ${pw.se}`);
      for (const r of runs) {
        // Little's law L_q·T = Σ waits in the window, exactly: the resource's time-average
        // queue length against its granted count and mean wait, corrected for the customers
        // queued at either edge of the window
        const fromWaits = r.waitSum - r.waitBeforeWindow + r.waitAfterGrants;
        assert.ok(
          Math.abs(r.queueArea - fromWaits) <= 1e-9 * r.queueArea,
          `L_q·T = ${r.queueArea}, Σ waits = ${fromWaits}`,
        );
      }
    });
  }
});
