/**
 * A replication function for the determinism tests: an M/M/c queue on the engine, run from
 * (seed, replication). Loaded by `runReplications` in Web Workers.
 *
 * @module
 */
import { type Request, Resource, Simulation } from "../../sim/mod.ts";

/** Input of {@linkcode mmcReplication}. */
export interface MmcInput {
  /** Number of servers. */
  readonly servers: number;
  /** Arrival rate per day. */
  readonly arrivalRate: number;
  /** Mean service time, in days. */
  readonly meanServiceDays: number;
  /** Run length, in days. */
  readonly days: number;
}

/** Result of {@linkcode mmcReplication}. */
export interface MmcOutput {
  /** Replication index. */
  readonly replication: number;
  /** Mean wait in queue, in days. */
  readonly meanWaitDays: number;
  /** Utilisation of the servers. */
  readonly utilisation: number;
  /** Customers served. */
  readonly granted: number;
}

/**
 * Runs one replication of an M/M/c queue with generator processes.
 *
 * @param context Seed, replication index and model input.
 * @returns Wait, utilisation and count.
 */
export function mmcReplication(
  { seed, replication, input }: { seed: number; replication: number; input: MmcInput },
): MmcOutput {
  const sim = new Simulation({ seed, replication });
  const servers = new Resource(sim, { name: "servers", capacity: input.servers });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  function* customer() {
    const unit: Request = yield servers.request();
    yield sim.timeout(service.exponential(input.meanServiceDays));
    servers.release(unit);
  }
  sim.process((function* () {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / input.arrivalRate));
      sim.process(customer());
    }
  })());
  sim.run({ until: input.days });
  const stats = servers.stats();
  return {
    replication,
    meanWaitDays: stats.meanWaitDays,
    utilisation: stats.utilisation,
    granted: stats.granted,
  };
}
