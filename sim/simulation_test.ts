import assert from "node:assert/strict";
import { Simulation } from "./simulation.ts";

Deno.test("Simulation.schedule() orders events by time, then priority, then insertion", () => {
  const sim = new Simulation();
  const log: string[] = [];
  sim.schedule(2, () => log.push("t2 first"));
  sim.schedule(1, () => log.push("t1 p0 a"));
  sim.schedule(1, () => log.push("t1 p-1"), { priority: -1 });
  sim.schedule(1, () => log.push("t1 p0 b"));
  sim.schedule(2, () => log.push("t2 second"));
  sim.run();
  assert.deepEqual(log, ["t1 p-1", "t1 p0 a", "t1 p0 b", "t2 first", "t2 second"]);
  assert.equal(sim.now, 2);
});

Deno.test("Simulation.schedule() handles can be cancelled", () => {
  const sim = new Simulation();
  const log: number[] = [];
  const handle = sim.schedule(1, () => log.push(1));
  sim.schedule(2, () => log.push(2));
  assert.equal(handle.time, 1);
  handle.cancel();
  handle.cancel();
  assert.equal(handle.cancelled, true);
  sim.run();
  assert.deepEqual(log, [2]);
});

Deno.test("Simulation.run({ until }) stops before events due at until and sets the clock", () => {
  const sim = new Simulation();
  const log: number[] = [];
  for (const t of [1, 5, 10, 12]) sim.schedule(t, () => log.push(sim.now));
  sim.run({ until: 10 });
  assert.deepEqual(log, [1, 5]);
  assert.equal(sim.now, 10);
  assert.equal(sim.peek(), 10);
  sim.run({ until: 20 });
  assert.deepEqual(log, [1, 5, 10, 12]);
  assert.equal(sim.now, 20);
});

Deno.test("Simulation.step() processes one event at a time", () => {
  const sim = new Simulation();
  const log: number[] = [];
  sim.schedule(3, () => log.push(3));
  sim.schedule(4, () => log.push(4));
  assert.equal(sim.step(), true);
  assert.deepEqual(log, [3]);
  assert.equal(sim.now, 3);
  assert.equal(sim.step(), true);
  assert.equal(sim.step(), false);
});

Deno.test("Simulation rejects misuse with messages naming the value and the rule", async (t) => {
  const sim = new Simulation();
  await t.step("negative delay", () => {
    assert.throws(() => sim.schedule(-1, () => {}), {
      name: "RangeError",
      message: "Cannot schedule an event: delay must be >= 0 and finite, received -1",
    });
  });
  await t.step("NaN delay in a timeout", () => {
    assert.throws(() => sim.timeout(NaN), /delay must be >= 0 and finite, received NaN/);
  });
  await t.step("until in the past", () => {
    sim.run({ until: 5 });
    assert.throws(() => sim.run({ until: 2 }), /until must be >= now \(5\), received 2/);
  });
  await t.step("bad seed and replication", () => {
    assert.throws(
      () => new Simulation({ seed: -3 }),
      /seed must be a non-negative integer, received -3/,
    );
    assert.throws(
      () => new Simulation({ replication: 1.5 }),
      /replication must be a non-negative integer/,
    );
  });
});

Deno.test("Simulation.stream() returns the same stream for a name and depends on seed and replication", () => {
  const a = new Simulation({ seed: 1, replication: 0 });
  const b = new Simulation({ seed: 1, replication: 0 });
  const c = new Simulation({ seed: 1, replication: 1 });
  assert.equal(a.stream("x"), a.stream("x"));
  const draws = (sim: Simulation) => Array.from({ length: 5 }, () => sim.stream("x").random());
  const fromA = draws(a);
  assert.deepEqual(fromA, draws(b));
  assert.notDeepEqual(fromA, draws(c));
});

Deno.test("Simulation.stream() is unaffected by adding other streams", () => {
  const plain = new Simulation({ seed: 4 });
  const busy = new Simulation({ seed: 4 });
  busy.stream("other").random();
  busy.stream("another").random();
  assert.equal(plain.stream("x").random(), busy.stream("x").random());
});
