// deno-lint-ignore-file no-console
/**
 * M/M/3 in caresim, as in docs/from-simpy.md: arrivals at 2.4 a day, service 1 day on average,
 * three servers, run for 50,000 days. Run: `deno run docs/from-simpy/mmc.ts`.
 *
 * @module
 */
import { Resource, ResourceRecords, Simulation } from "../../mod.ts";

/** Mean wait in queue and customers served over `days` (seed 1). */
export function mmc(days = 50_000): { meanWaitDays: number; served: number } {
  const sim = new Simulation({ seed: 1 });
  const records = new ResourceRecords();
  const servers = new Resource(sim, { name: "servers", capacity: 3, records });
  const arrivals = sim.stream("arrivals"); // named streams: common random numbers
  const service = sim.stream("service");

  function* customer() {
    using server = servers.request(); // released when customer() ends (SimPy's `with`)
    yield server;
    yield sim.timeout(service.exponential(1)); // by MEAN (days), not rate
  }
  function* source() {
    for (;;) {
      yield sim.timeout(arrivals.exponential(1 / 2.4));
      sim.process(customer());
    }
  }
  sim.process(source());
  sim.run(days);
  const rows = records.rows(); // one row per served customer, like get_mon_arrivals()
  const meanWaitDays = rows.reduce((sum, r) => sum + r.waitDays, 0) / rows.length;
  return { meanWaitDays, served: rows.length };
}

if (import.meta.main) {
  const started = performance.now();
  const { meanWaitDays, served } = mmc();
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ served, meanWaitDays, seconds }));
}
