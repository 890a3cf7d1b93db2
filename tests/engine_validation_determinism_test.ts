/**
 * Determinism of the engine: the same seed gives identical results event for event, another
 * seed gives different ones, and replications give identical results whatever the number of
 * Web Workers (and the same as running them in this process).
 */
import assert from "node:assert/strict";
import { Resource, runReplications, type SimEvent, Simulation } from "../sim/mod.ts";
import { type MmcInput, type MmcOutput, mmcReplication } from "./testdata/mmc_replication.ts";

/** Every grant and release of a small M/M/2 queue with priorities and reneging, as a trace. */
function trace(seed: number): string[] {
  const sim = new Simulation({ seed });
  const servers = new Resource(sim, { name: "servers", capacity: 2 });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const patience = sim.stream("patience");
  const log: string[] = [];
  function* customer(id: number) {
    const request = servers.request({ priority: id % 3 });
    const first: Map<SimEvent<unknown>, unknown> = yield sim.anyOf([
      request,
      sim.timeout(patience.exponential(2)),
    ]);
    if (!first.has(request)) {
      servers.cancel(request);
      log.push(`${sim.now} ${id} reneged`);
      return;
    }
    log.push(`${sim.now} ${id} granted`);
    yield sim.timeout(service.lognormal({ mean: 1, sd: 1.5 }));
    servers.release(request);
  }
  sim.process((function* () {
    for (let id = 0; id < 2_000; id++) {
      yield sim.timeout(arrivals.exponential(0.55));
      sim.process(customer(id));
    }
  })());
  sim.run();
  return log;
}

Deno.test("same seed, same run; another seed, another run", () => {
  const first = trace(11);
  assert.deepEqual(trace(11), first);
  assert.ok(first.some((line) => line.endsWith("reneged"))); // the trace exercises reneging
  const other = trace(12);
  assert.notDeepEqual(other, first);
  assert.notEqual(other[100], first[100]);
});

Deno.test("replication results do not depend on the number of workers", async () => {
  const input: MmcInput = { servers: 3, arrivalRate: 2.4, meanServiceDays: 1, days: 2_000 };
  const module = new URL("./testdata/mmc_replication.ts", import.meta.url);
  const options = { module, exportName: "mmcReplication", input, replications: 6, seed: 5 };
  const one = await runReplications<MmcOutput, MmcInput>({ ...options, workers: 1 });
  const two = await runReplications<MmcOutput, MmcInput>({ ...options, workers: 2 });
  assert.deepEqual(two, one);
  const local = Array.from(
    { length: 6 },
    (_, r) => mmcReplication({ seed: 5, replication: r, input }),
  );
  assert.deepEqual(one, local);
  // replications are independent runs, not copies of one
  assert.equal(new Set(one.map((r) => r.meanWaitDays)).size, 6);
});
