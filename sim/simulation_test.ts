import assert from "node:assert/strict";
import { Resource, type ResourceRequest } from "./resource.ts";
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

Deno.test("Simulation.run(until) takes a number, an event or { until } and rejects the rest", async (t) => {
  await t.step("a number runs until that time, as { until } does", () => {
    const sim = new Simulation();
    const log: number[] = [];
    for (const day of [1, 5, 12]) sim.schedule(day, () => log.push(day));
    sim.run(10);
    assert.deepEqual(log, [1, 5]);
    assert.equal(sim.now, 10);
    sim.run({ until: 20 });
    assert.deepEqual(log, [1, 5, 12]);
  });
  await t.step("an event runs until it is processed and returns its value", () => {
    const sim = new Simulation();
    const later: number[] = [];
    const child = sim.process((function* () {
      yield sim.timeout(7);
      return "done";
    })());
    sim.schedule(9, () => later.push(sim.now));
    assert.equal(sim.run(child), "done");
    assert.equal(sim.now, 7);
    assert.deepEqual(later, []);
    assert.equal(sim.run({ until: child }), "done"); // already processed: returns at once
    assert.equal(sim.now, 7);
  });
  await t.step("an event that fails is thrown from run", () => {
    const sim = new Simulation();
    const broken = sim.event<number>();
    sim.schedule(2, () => broken.fail(new Error("no beds")));
    assert.throws(() => sim.run(broken), { message: "no beds" });
    assert.equal(sim.now, 2);
  });
  await t.step("an event nothing can trigger is reported when the calendar empties", () => {
    const sim = new Simulation();
    sim.schedule(3, () => {});
    assert.throws(() => sim.run(sim.event()), {
      name: "Error",
      message: /no event was left at 3 days and it had not fired/,
    });
  });
  await t.step("anything else is a TypeError naming what was given", () => {
    const sim = new Simulation();
    // deno-lint-ignore no-explicit-any
    const run = sim.run.bind(sim) as (until: any) => void;
    assert.throws(() => run("10"), {
      name: "TypeError",
      message:
        'Cannot run the simulation: until must be a number of days, an event or { until }, received string "10" (convert it with Number())',
    });
    assert.throws(() => run(null), { name: "TypeError", message: /received null/ });
    assert.throws(() => run([10]), { name: "TypeError", message: /received an array/ });
    assert.throws(() => run({ until: "10" }), { name: "TypeError", message: /received string/ });
    assert.throws(() => run(-1), { name: "RangeError", message: /until must be >= now/ });
    assert.throws(() => run(new Simulation().event()), {
      name: "TypeError",
      message: /another simulation/,
    });
  });
});

Deno.test("Simulation trace reports processes and resource steps in order", () => {
  const lines: string[] = [];
  const sim = new Simulation({
    trace: (e) => lines.push(`${e.timeDays} ${e.process ?? "-"} ${e.what}`),
  });
  const desk = new Resource(sim, { name: "desk", capacity: 1 });
  function* visit() {
    const unit: ResourceRequest = yield desk.request();
    yield sim.timeout(2);
    desk.release(unit);
  }
  sim.process(visit(), { name: "ann" });
  sim.process(visit(), { name: "bob" });
  sim.run();
  assert.deepEqual(lines, [
    "0 ann start",
    '0 ann request "desk" (granted)',
    "0 ann wait timeout or triggered event",
    "0 bob start",
    '0 bob request "desk" (queued, 1 waiting)',
    '0 bob wait request "desk"',
    "2 ann resume after timeout or triggered event",
    '2 ann release "desk"',
    '2 bob grant "desk"',
    "2 ann finish",
    '2 bob resume after request "desk"',
    "2 bob wait timeout or triggered event",
    "4 bob resume after timeout or triggered event",
    '4 bob release "desk"',
    "4 bob finish",
  ]);
  assert.throws(() => new Simulation({ trace: "yes" as never }), {
    name: "TypeError",
    message: /trace must be a function/,
  });
});

Deno.test("Simulation.process() names processes; unnamed ones are numbered as read", () => {
  const sim = new Simulation();
  const named = sim.process((function* () {})(), { name: "ann" });
  const a = sim.process((function* () {})());
  const b = sim.process((function* () {})());
  assert.equal(named.name, "ann");
  assert.equal(b.name, "process-0");
  assert.equal(a.name, "process-1");
});
