/**
 * Variant (b): the M/M/c model written with plain scheduled callbacks and the same Resource,
 * without generator processes.
 *
 * @module
 */
import { type Request, Resource, Simulation } from "../../sim/mod.ts";
import { meanInterarrivalDays, type MmcParams, type MmcResult, TICK_EVERY } from "./mmc_model.ts";

/**
 * Runs the M/M/c model with scheduled callbacks.
 *
 * @param params The model parameters.
 * @returns Customers served, mean wait and end time.
 */
export function runMmcCallback(params: MmcParams): MmcResult {
  const sim = new Simulation({ seed: params.seed });
  const servers = new Resource(sim, { name: "servers", capacity: params.servers });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const meanGap = meanInterarrivalDays(params);
  const { meanServiceDays, customers, onTick } = params;
  let arrived = 0;

  const startService = (request: Request, serviceDays: number) => {
    sim.schedule(serviceDays, () => servers.release(request));
  };

  const arrive = () => {
    if (onTick !== undefined && arrived % TICK_EVERY === 0) onTick();
    const serviceDays = service.exponential(meanServiceDays);
    const request = servers.request();
    if (request.processed) startService(request, serviceDays);
    else request.addCallback(() => startService(request, serviceDays));
    if (++arrived < customers) sim.schedule(arrivals.exponential(meanGap), arrive);
  };

  sim.schedule(0, arrive);
  sim.run();
  const stats = servers.stats();
  return { served: stats.released, meanWaitDays: stats.meanWaitDays, endDays: sim.now };
}
