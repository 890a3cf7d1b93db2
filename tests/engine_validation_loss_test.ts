/**
 * Statistical validation of the engine on an Erlang loss system: arrivals that find every
 * unit busy are turned away. With lognormal holding times the blocking probability must still
 * equal Erlang B (insensitivity), and the carried load must be a·(1 − B). Means over
 * independent replications, tolerance a few standard errors across replications.
 */
import assert from "node:assert/strict";
import { Resource, Simulation } from "../sim/mod.ts";
import { erlangB, meanAndSe, SE_MULTIPLIER } from "./testdata/queueing.ts";

interface LossCase {
  units: number;
  offeredErlangs: number;
  holdingSdDays: number;
  /** How an arrival finding no free unit is turned away. */
  turnAway: "check inUse" | "cancel at once";
  days: number;
}

const REPLICATIONS = 20;
const WARMUP_DAYS = 100;

function runLoss(c: LossCase, replication: number) {
  const sim = new Simulation({ seed: 99, replication });
  const units = new Resource(sim, { name: "units", capacity: c.units });
  const arrivals = sim.stream("arrivals");
  const holding = sim.stream("holding");
  let offered = 0;
  let blocked = 0;
  function* arrival() {
    const counted = sim.now >= WARMUP_DAYS;
    if (counted) offered++;
    if (c.turnAway === "check inUse" && units.inUse >= units.capacity) {
      if (counted) blocked++;
      return;
    }
    const request = units.request();
    if (!request.triggered) {
      units.cancel(request);
      if (counted) blocked++;
      return;
    }
    yield request;
    yield sim.timeout(holding.lognormal({ mean: 1, sd: c.holdingSdDays }));
    units.release(request);
  }
  sim.process((function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / c.offeredErlangs)); // mean holding is 1 day
      sim.process(arrival());
    }
  })());
  sim.run({ until: WARMUP_DAYS });
  units.resetStats();
  sim.run({ until: WARMUP_DAYS + c.days });
  const stats = units.stats();
  return { blocking: blocked / offered, meanInUse: stats.meanInUse, cancelled: stats.cancelled };
}

const CASES: LossCase[] = [
  { units: 10, offeredErlangs: 8, holdingSdDays: 2, turnAway: "check inUse", days: 12_000 },
  { units: 5, offeredErlangs: 3, holdingSdDays: 0.5, turnAway: "cancel at once", days: 12_000 },
];

Deno.test("a loss system with lognormal holding times blocks as Erlang B says", async (t) => {
  for (const c of CASES) {
    const name = `${c.units} units, a = ${c.offeredErlangs}, lognormal sd ${c.holdingSdDays}`;
    await t.step(`${name}, ${c.turnAway}`, () => {
      const runs = Array.from({ length: REPLICATIONS }, (_, r) => runLoss(c, r));
      const b = meanAndSe(runs.map((r) => r.blocking));
      const carried = meanAndSe(runs.map((r) => r.meanInUse));
      const expectedB = erlangB(c.units, c.offeredErlangs);
      const expectedCarried = c.offeredErlangs * (1 - expectedB);
      assert.ok(
        Math.abs(b.mean - expectedB) < SE_MULTIPLIER * b.se,
        `blocking ${b.mean.toFixed(4)} ± ${b.se.toFixed(4)}, Erlang B ${expectedB.toFixed(4)}`,
      );
      assert.ok(
        Math.abs(carried.mean - expectedCarried) < SE_MULTIPLIER * carried.se,
        `carried ${carried.mean.toFixed(4)} ± ${
          carried.se.toFixed(4)
        }, a(1 − B) ${expectedCarried}`,
      );
      // an engine 5 % off in blocking would be caught
      assert.ok(SE_MULTIPLIER * b.se < 0.05 * expectedB, `blocking SE too large: ${b.se}`);
      if (c.turnAway === "cancel at once") assert.ok(runs.every((r) => r.cancelled > 0));
    });
  }
});
