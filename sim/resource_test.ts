import assert from "node:assert/strict";
import { Interrupt } from "./interrupt.ts";
import { type Preemption, type Request, Resource } from "./resource.ts";
import { Simulation } from "./simulation.ts";

function hold(sim: Simulation, res: Resource, log: string[], name: string, options: {
  at: number;
  days: number;
  priority?: number;
  preempt?: boolean;
}) {
  sim.process((function* () {
    yield sim.timeout(options.at);
    const unit: Request = yield res.request({
      priority: options.priority,
      preempt: options.preempt,
    });
    log.push(`${sim.now} ${name} in`);
    try {
      yield sim.timeout(options.days);
      res.release(unit);
      log.push(`${sim.now} ${name} out`);
    } catch (error) {
      assert.ok(error instanceof Interrupt);
      const cause = error.cause as Preemption;
      log.push(`${sim.now} ${name} pre-empted (held since ${cause.usageSinceDays})`);
    }
  })());
}

Deno.test("Resource.request() queues by priority, FIFO within a priority", () => {
  const sim = new Simulation();
  const res = new Resource(sim, { name: "unit", capacity: 1 });
  const log: string[] = [];
  hold(sim, res, log, "first", { at: 0, days: 5 });
  hold(sim, res, log, "low-a", { at: 1, days: 1, priority: 2 });
  hold(sim, res, log, "high-a", { at: 2, days: 1, priority: 1 });
  hold(sim, res, log, "low-b", { at: 2, days: 1, priority: 2 });
  hold(sim, res, log, "high-b", { at: 3, days: 1, priority: 1 });
  sim.run();
  assert.deepEqual(log, [
    "0 first in",
    "5 first out",
    "5 high-a in",
    "6 high-a out",
    "6 high-b in",
    "7 high-b out",
    "7 low-a in",
    "8 low-a out",
    "8 low-b in",
    "9 low-b out",
  ]);
  const stats = res.stats();
  assert.equal(stats.granted, 5);
  assert.equal(stats.maxQueueLength, 4);
  assert.equal(stats.meanWaitDays, (0 + 6 + 3 + 6 + 3) / 5);
  assert.equal(stats.meanInUse, 1);
  assert.equal(stats.utilisation, 1);
});

Deno.test("Resource pre-emption takes the unit of the worst-priority holder", () => {
  const sim = new Simulation();
  const res = new Resource(sim, { name: "theatre", capacity: 2, preemptive: true });
  const log: string[] = [];
  hold(sim, res, log, "routine-1", { at: 0, days: 10, priority: 5 });
  hold(sim, res, log, "routine-2", { at: 1, days: 10, priority: 5 });
  hold(sim, res, log, "urgent", { at: 2, days: 3, priority: 0, preempt: true });
  hold(sim, res, log, "equal", { at: 3, days: 1, priority: 5, preempt: true });
  sim.run();
  assert.deepEqual(log, [
    "0 routine-1 in",
    "1 routine-2 in",
    "2 urgent in",
    "2 routine-2 pre-empted (held since 1)",
    "5 urgent out",
    "5 equal in",
    "6 equal out",
    "10 routine-1 out",
  ]);
  assert.equal(res.stats().preempted, 1);
  assert.throws(
    () => new Resource(sim, { name: "plain", capacity: 1 }).request({ preempt: true }),
    /Cannot pre-empt on "plain": create the resource with \{ preemptive: true \}/,
  );
});

Deno.test("Resource.stats() counts a withdrawn request in the queue only while it waited", () => {
  const sim = new Simulation();
  const desk = new Resource(sim, { name: "desk", capacity: 1 });
  const first = desk.request(); // granted at 0
  const second = desk.request(); // waits from 0 to 10
  let third: Request | undefined;
  sim.schedule(1, () => (third = desk.request())); // waits from 1 ...
  sim.schedule(3, () => desk.cancel(third!)); // ... to 3
  sim.schedule(10, () => desk.release(first));
  sim.schedule(12, () => desk.release(second));
  sim.run();
  const stats = desk.stats();
  // queue: 1 on [0, 1), 2 on [1, 3), 1 on [3, 10), 0 on [10, 12]
  assert.equal(stats.meanQueueLength, (1 * 1 + 2 * 2 + 1 * 7) / 12);
  assert.equal(stats.maxQueueLength, 2);
  assert.equal(stats.meanInUse, 1);
  assert.deepEqual([stats.requests, stats.granted, stats.cancelled], [3, 2, 1]);
});

Deno.test("Resource.cancel() lets a waiting process renege", () => {
  const sim = new Simulation();
  const res = new Resource(sim, { name: "desk", capacity: 1 });
  const log: string[] = [];
  hold(sim, res, log, "holder", { at: 0, days: 5 });
  sim.process((function* () {
    yield sim.timeout(1);
    const req = res.request();
    const fired: Map<unknown, unknown> = yield sim.anyOf([req, sim.timeout(2)]);
    if (!fired.has(req)) {
      res.cancel(req);
      log.push(`${sim.now} impatient reneges (${req.status})`);
    }
  })());
  hold(sim, res, log, "patient", { at: 2, days: 1 });
  sim.run();
  assert.deepEqual(log, [
    "0 holder in",
    "3 impatient reneges (cancelled)",
    "5 holder out",
    "5 patient in",
    "6 patient out",
  ]);
  assert.equal(res.stats().cancelled, 1);
});

Deno.test("Resource capacity follows a repeating schedule; cuts close units as holders leave", () => {
  const sim = new Simulation();
  const res = new Resource(sim, {
    name: "wards",
    capacity: 2,
    capacitySchedule: { timesDays: [0, 4], capacities: [2, 1], periodDays: 8 },
  });
  const log: string[] = [];
  hold(sim, res, log, "a", { at: 0, days: 6 });
  hold(sim, res, log, "b", { at: 0, days: 5 });
  hold(sim, res, log, "c", { at: 1, days: 1 });
  hold(sim, res, log, "d", { at: 1, days: 1 });
  sim.run({ until: 12 });
  assert.deepEqual(log, [
    "0 a in",
    "0 b in",
    "5 b out",
    "6 a out",
    "6 c in",
    "7 c out",
    "7 d in",
    "8 d out",
  ]);
  assert.equal(res.capacity, 2); // back to 2 at 8 (the change at 12 is not processed yet)
  sim.run({ until: 13 });
  assert.equal(res.capacity, 1); // 12 -> 1 again
  sim.run({ until: 17 });
  assert.equal(res.capacity, 2); // 16 = 8 + 8 -> 2
});

Deno.test("Resource statistics reset at the end of a warm-up", () => {
  const sim = new Simulation();
  const res = new Resource(sim, { name: "r", capacity: 1 });
  const log: string[] = [];
  hold(sim, res, log, "a", { at: 0, days: 10 });
  sim.run({ until: 5 });
  res.resetStats();
  sim.run({ until: 15 });
  const stats = res.stats();
  assert.equal(stats.observedDays, 10);
  assert.equal(stats.meanInUse, 0.5);
  assert.equal(stats.released, 1);
  assert.equal(stats.requests, 0);
});

Deno.test("Resource rejects misuse", async (t) => {
  const sim = new Simulation();
  await t.step("capacity below 0", () => {
    assert.throws(() => new Resource(sim, { name: "x", capacity: -1 }), {
      name: "RangeError",
      message:
        'Cannot set the capacity of "x": capacity must be a non-negative integer, received -1',
    });
  });
  await t.step("releasing a grant twice", () => {
    const res = new Resource(sim, { name: "y", capacity: 1 });
    const req = res.request();
    res.release(req);
    assert.throws(
      () => res.release(req),
      /the request is released, not granted \(released twice\?\)/,
    );
  });
  await t.step("releasing another resource's request", () => {
    const a = new Resource(sim, { name: "a", capacity: 1 });
    const b = new Resource(sim, { name: "b", capacity: 1 });
    assert.throws(() => b.release(a.request()), /expected a request made by this resource/);
  });
  await t.step("a bad schedule", () => {
    assert.throws(
      () =>
        new Resource(sim, {
          name: "z",
          capacity: 1,
          capacitySchedule: { timesDays: [5, 2], capacities: [1, 2] },
        }),
      /timesDays must be increasing and >= 0, received 5, 2/,
    );
  });
});
