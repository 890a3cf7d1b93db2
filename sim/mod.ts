/**
 * caresim's discrete-event engine: a clock and event calendar, generator processes, resources
 * with priority queues and capacity schedules, level-based containers, named seeded random
 * streams, monitors and parallel replications. It knows nothing about health care.
 *
 * @example A queue at a single server
 * ```ts
 * import assert from "node:assert/strict";
 * import { Resource, Simulation } from "./mod.ts";
 *
 * const sim = new Simulation({ seed: 7 });
 * const server = new Resource(sim, { name: "server", capacity: 1 });
 * const arrivals = sim.stream("arrivals");
 * const service = sim.stream("service");
 * sim.process((function* () {
 *   for (;;) {
 *     yield sim.timeout(arrivals.exponential(1));
 *     sim.process((function* () {
 *       const unit = yield server.request();
 *       yield sim.timeout(service.exponential(0.5));
 *       server.release(unit);
 *     })());
 *   }
 * })());
 * sim.run({ until: 1000 });
 * assert.ok(Math.abs(server.stats().utilisation - 0.5) < 0.1);
 * ```
 *
 * @module
 */
export * from "./simulation.ts";
export * from "./event.ts";
export * from "./condition.ts";
export * from "./process.ts";
export * from "./interrupt.ts";
export * from "./resource.ts";
export * from "./resource_records.ts";
export * from "./container.ts";
export * from "./store.ts";
export * from "./random/mod.ts";
export * from "./monitor/mod.ts";
export * from "./replicate/mod.ts";
export * from "./numerics/mod.ts";
