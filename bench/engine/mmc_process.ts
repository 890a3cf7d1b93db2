/**
 * Variant (a): the M/M/c model written with generator processes, as a researcher would.
 *
 * @module
 */
import { type Request, Resource, Simulation } from "../../sim/mod.ts";
import { meanInterarrivalDays, type MmcParams, type MmcResult, TICK_EVERY } from "./mmc_model.ts";

/**
 * Runs the M/M/c model with one generator process per customer.
 *
 * @param params The model parameters.
 * @returns Customers served, mean wait and end time.
 */
export function runMmcProcess(params: MmcParams): MmcResult {
  const sim = new Simulation({ seed: params.seed });
  const servers = new Resource(sim, { name: "servers", capacity: params.servers });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const meanGap = meanInterarrivalDays(params);
  const { meanServiceDays, customers, onTick } = params;

  function* customer() {
    const serviceDays = service.exponential(meanServiceDays);
    const unit: Request = yield servers.request();
    yield sim.timeout(serviceDays);
    servers.release(unit);
  }

  function* source() {
    for (let n = 0; n < customers; n++) {
      if (onTick !== undefined && n % TICK_EVERY === 0) onTick();
      sim.process(customer());
      yield sim.timeout(arrivals.exponential(meanGap));
    }
  }

  sim.process(source());
  sim.run();
  const stats = servers.stats();
  return { served: stats.released, meanWaitDays: stats.meanWaitDays, endDays: sim.now };
}
