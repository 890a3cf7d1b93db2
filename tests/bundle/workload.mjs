// The same work for every runtime the bundle is tested in (Deno from source, Node and headless
// Chromium from the bundle): an engine model, one replication of a scenario, replications of it
// in parallel on workers, and the output files a run writes (summary.json, summary.csv, the
// annual, daily and workforce CSVs, report.html). Takes caresim's module namespace; returns
// plain JSON data.

/**
 * @param {Record<string, any>} caresim The caresim module namespace.
 * @param {{ workers: number }} options Workers for the parallel run.
 */
export async function workload(caresim, { workers }) {
  const { Simulation, Resource, ResourceRecords, parseScenario, simulateReplication, runScenario } =
    caresim;
  const { buildOutputs, runMeta, runTables } = caresim;
  const sim = new Simulation({ seed: 5 });
  const records = new ResourceRecords();
  const servers = new Resource(sim, { name: "servers", capacity: 3, records });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  sim.process((function* () {
    for (let i = 0; i < 2000; i++) {
      yield sim.timeout(arrivals.exponential(1 / 2.4));
      sim.process((function* () {
        const unit = servers.request();
        yield unit;
        yield sim.timeout(service.exponential(1));
        servers.release(unit);
      })());
    }
  })());
  sim.run();
  const rows = records.rows();
  const engine = {
    served: servers.stats().released,
    meanWaitDays: servers.stats().meanWaitDays,
    lastRecord: rows[rows.length - 1],
  };
  const scenario = parseScenario({
    version: 1,
    name: "tiny",
    years: 1,
    population: { size: 3000 },
    careModels: [{ model: "ehch", rampUpMonths: 0 }],
  });
  const single = simulateReplication(scenario, { seed: 1, replication: 0 });
  const parallel = await runScenario(scenario, { replications: 3, seed: 2, workers });
  const files = buildOutputs(await runMeta(parallel), runTables(parallel)).files;
  return JSON.parse(JSON.stringify({ engine, single, parallel: parallel.results, files }));
}
