/**
 * The stress case: a hospital whose downstream care homes are overloaded. Admissions arrive
 * at 400 a day, stay on the wards (ample capacity, so a plain timeout) for a lognormal time
 * (mean 5 days), and half are discharged to care homes: 2,000 places with exponential stays of mean 20 days
 * serve 100 a day of the 200 a day who need them, so the care-home queue grows by about 100 a
 * day and passes 100,000 after about 2.8 simulated years. The run reports the wall time per
 * model event in 50-day windows at several queue lengths: with O(log n) queues it must stay flat.
 *
 * @module
 */
import { type Request, Resource, Simulation } from "../../sim/mod.ts";

/** One measurement window of the stress run. */
export interface StressPoint {
  /** Care-home queue length at the start of the window. */
  queue: number;
  /** Simulated day the window starts. */
  day: number;
  /** Wall-clock microseconds per model event in the window. */
  usPerEvent: number;
  /** JavaScript heap in use at the start of the window, in MB. */
  heapMb: number;
}

/** Model events counted: ward admission, ward discharge, care-home entry, care-home exit. */
let events = 0;

/**
 * Runs the stress model until each checkpoint queue length is reached, and times a 50-day
 * window there.
 *
 * @param checkpoints Queue lengths to measure at, increasing.
 * @param clock Wall clock in milliseconds (e.g. `performance.now`).
 * @returns One point per checkpoint.
 */
export function runStress(checkpoints: readonly number[], clock: () => number): StressPoint[] {
  const sim = new Simulation({ seed: 1 });
  const homes = new Resource(sim, { name: "care homes", capacity: 2_000 });
  const arrivals = sim.stream("admissions");
  const wardStay = sim.stream("ward stay");
  const route = sim.stream("route");
  const homeStay = sim.stream("home stay");
  events = 0;

  function* patient() {
    events++;
    yield sim.timeout(wardStay.lognormal({ mean: 5, sd: 5 }));
    events++;
    if (route.random() < 0.5) {
      const place: Request = yield homes.request();
      events++;
      yield sim.timeout(homeStay.exponential(20));
      homes.release(place);
      events++;
    }
  }
  sim.process((function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / 400));
      sim.process(patient());
    }
  })());

  const points: StressPoint[] = [];
  for (const target of checkpoints) {
    while (homes.queueLength < target) sim.run({ until: sim.now + 1 });
    const point = { queue: homes.queueLength, day: sim.now, heapMb: heapMb() };
    const e0 = events;
    const t0 = clock();
    sim.run({ until: sim.now + 50 });
    points.push({ ...point, usPerEvent: (1000 * (clock() - t0)) / (events - e0) });
  }
  return points;
}

function heapMb(): number {
  return Deno.memoryUsage().heapUsed / 2 ** 20;
}
