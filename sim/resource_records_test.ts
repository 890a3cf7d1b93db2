import assert from "node:assert/strict";
import { Interrupt } from "./interrupt.ts";
import { Resource } from "./resource.ts";
import { ResourceRecords } from "./resource_records.ts";
import { Simulation } from "./simulation.ts";

Deno.test("ResourceRecords keeps one row per ended request, with its outcome", () => {
  const sim = new Simulation({ replication: 3 });
  const records = new ResourceRecords();
  const ward = new Resource(sim, { name: "ward", capacity: 1, preemptive: true, records });
  const desk = new Resource(sim, { name: "desk", capacity: 1, records });
  function* holder() {
    try {
      using bed = ward.request({ priority: 2 });
      yield bed;
      yield sim.timeout(10);
    } catch (error) {
      assert.ok(error instanceof Interrupt);
    }
  }
  function* urgent() {
    yield sim.timeout(1);
    using bed = ward.request({ priority: 0, preempt: true });
    yield bed;
    using seat = desk.request();
    yield seat;
    yield sim.timeout(2);
  }
  function* impatient() {
    yield sim.timeout(1.5);
    const bed = ward.request({ priority: 1 });
    const outcome: Map<unknown, unknown> = yield sim.anyOf([bed, sim.timeout(0.5)]);
    if (!outcome.has(bed)) ward.cancel(bed);
  }
  sim.process(holder(), { name: "h" });
  sim.process(urgent(), { name: "u" });
  sim.process(impatient(), { name: "i" });
  sim.run();
  const rows = records.rows().map((
    r,
  ) => [
    r.entity,
    r.resource,
    r.arrivalDays,
    r.startDays,
    r.endDays,
    r.queueLengthAtArrival,
    r.outcome,
  ]);
  assert.deepEqual(rows, [
    ["h", "ward", 0, 0, 1, 0, "preempted"],
    ["i", "ward", 1.5, NaN, 2, 0, "cancelled"],
    ["u", "desk", 1, 1, 3, 0, "released"],
    ["u", "ward", 1, 1, 3, 0, "released"],
  ]);
  const cancelled = records.rows()[1];
  assert.equal(cancelled.waitDays, 0.5);
  assert.ok(Number.isNaN(cancelled.activityDays));
  assert.equal(records.rows()[0].replication, 3);
  records.clear();
  assert.equal(records.size, 0);
});

Deno.test("a request declared with `using` is withdrawn when an interrupt ends its wait", () => {
  const sim = new Simulation();
  const desk = new Resource(sim, { name: "desk", capacity: 1 });
  const held = desk.request();
  let ended = "";
  const waiter = sim.process((function* () {
    try {
      using unit = desk.request();
      yield unit;
      ended = "served";
    } catch (error) {
      ended = error instanceof Interrupt ? `gave up: ${error.cause}` : "failed";
    }
  })());
  sim.schedule(4, () => waiter.interrupt("impatient"));
  sim.run(5);
  assert.equal(ended, "gave up: impatient");
  assert.deepEqual(desk.queue, []);
  assert.equal(desk.stats().cancelled, 1);
  desk.release(held);
  assert.equal(desk.inUse, 0); // nobody left to take the unit
});
