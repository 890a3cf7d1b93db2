/**
 * Statistical validation of the engine on an M/G/∞ system (a resource that never runs out):
 * the time-average number in use must be λ·E[S] whatever the service distribution (gamma and
 * lognormal here), the resource's statistics must agree with a TimeWeighted monitor, and
 * Little's law L = λW must hold on the resource. Means over independent replications with a
 * tolerance of a few standard errors.
 */
import assert from "node:assert/strict";
import { type Request, Resource, Simulation, Tally, TimeWeighted } from "../sim/mod.ts";
import { meanAndSe, SE_MULTIPLIER } from "./testdata/queueing.ts";

const REPLICATIONS = 20;
const WARMUP_DAYS = 100;
const DAYS = 3_000;
const ARRIVALS_PER_DAY = 20;
const MEAN_STAY_DAYS = 2;

type Stay = "gamma" | "lognormal";

function runMgInf(stay: Stay, replication: number) {
  const sim = new Simulation({ seed: 31, replication });
  const places = new Resource(sim, { name: "places", capacity: 1_000_000 });
  const occupancy = new TimeWeighted(sim, { initial: 0 });
  const stays = new Tally();
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const draw = () =>
    stay === "gamma"
      ? service.gamma({ mean: MEAN_STAY_DAYS, sd: 3 })
      : service.lognormal({ mean: MEAN_STAY_DAYS, sd: 4 });
  function* visit() {
    const place: Request = yield places.request();
    occupancy.update(places.inUse);
    const stayDays = draw();
    if (sim.now >= WARMUP_DAYS) stays.add(stayDays);
    yield sim.timeout(stayDays);
    places.release(place);
    occupancy.update(places.inUse);
  }
  sim.process((function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / ARRIVALS_PER_DAY));
      sim.process(visit());
    }
  })());
  sim.run({ until: WARMUP_DAYS });
  places.resetStats();
  occupancy.reset();
  sim.run({ until: WARMUP_DAYS + DAYS });
  const stats = places.stats();
  return {
    meanInUse: stats.meanInUse,
    monitored: occupancy.mean(),
    // Little: L = λ W with λ the observed admission rate and W the mean (whole) stay of those
    // admitted in the window
    littleProduct: (stats.granted / stats.observedDays) * stays.mean,
    maxQueue: stats.maxQueueLength,
  };
}

Deno.test("M/G/∞ occupancy is λ·E[S] and Little's law holds on the resource", async (t) => {
  for (const stay of ["gamma", "lognormal"] as const) {
    await t.step(`${stay} stays`, () => {
      const runs = Array.from({ length: REPLICATIONS }, (_, r) => runMgInf(stay, r));
      const expected = ARRIVALS_PER_DAY * MEAN_STAY_DAYS;
      const l = meanAndSe(runs.map((r) => r.meanInUse));
      assert.ok(
        Math.abs(l.mean - expected) < SE_MULTIPLIER * l.se,
        `L = ${l.mean.toFixed(3)} ± ${l.se.toFixed(3)}, λE[S] = ${expected}`,
      );
      assert.ok(SE_MULTIPLIER * l.se < 0.02 * expected, `L SE too large: ${l.se}`);
      // L·T and λW·T differ per replication only by the stays of those present at the start
      // (inside the window) and at the end (beyond it), which cancel in expectation: the mean
      // difference over replications must be 0 within a few standard errors
      const gap = meanAndSe(runs.map((r) => r.meanInUse - r.littleProduct));
      assert.ok(
        Math.abs(gap.mean) < SE_MULTIPLIER * gap.se + 1e-9,
        `L − λW = ${gap.mean} ± ${gap.se}`,
      );
      for (const r of runs) {
        assert.ok(Math.abs(r.meanInUse - r.monitored) < 1e-9 * r.monitored);
        assert.equal(r.maxQueue, 0);
      }
    });
  }
});
