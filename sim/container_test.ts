import assert from "node:assert/strict";
import { Container } from "./container.ts";
import { Simulation } from "./simulation.ts";

Deno.test("Container.get() waits FIFO until the level allows it; put() refills", () => {
  const sim = new Simulation();
  const hours = new Container(sim, { name: "hours", capacity: 30, initial: 20 });
  const log: string[] = [];
  function* user(name: string, at: number, amount: number, days: number) {
    yield sim.timeout(at);
    yield hours.get(amount);
    log.push(`${sim.now} ${name} got ${amount}`);
    yield sim.timeout(days);
    yield hours.put(amount);
  }
  sim.process(user("a", 0, 15, 10));
  sim.process(user("b", 1, 10, 1)); // blocks: only 5 left
  sim.process(user("c", 2, 2, 1)); // behind b (first come, first served)
  sim.run();
  assert.deepEqual(log, ["0 a got 15", "10 b got 10", "10 c got 2"]);
  assert.equal(hours.level, 20);
  const stats = hours.stats();
  assert.equal(stats.gets, 3);
  assert.equal(stats.maxGetQueueLength, 2);
  assert.equal(stats.meanGetWaitDays, (0 + 9 + 8) / 3);
  // time-weighted over [0, 11]: level 5 until 10, 8 for a day (then 20); gets waiting: 1 on
  // [1, 2), 2 on [2, 10)
  assert.equal(sim.now, 11);
  assert.equal(stats.observedDays, 11);
  assert.equal(stats.meanLevel, (5 * 10 + 8 * 1) / 11);
  assert.equal(stats.meanGetQueueLength, (1 * 1 + 2 * 8) / 11);
});

Deno.test("Container.put() waits for room; cancel() withdraws a waiting get", () => {
  const sim = new Simulation();
  const tank = new Container(sim, { name: "tank", capacity: 10, initial: 8 });
  const log: string[] = [];
  sim.process((function* () {
    yield tank.put(5);
    log.push(`${sim.now} put 5`);
  })());
  sim.schedule(3, () => tank.get(4));
  const stuck = tank.get(10);
  sim.schedule(1, () => assert.equal(tank.cancel(stuck), true));
  sim.run();
  assert.deepEqual(log, ["3 put 5"]);
  assert.equal(tank.level, 9);
  assert.equal(tank.queuedGets, 0);
});

Deno.test("Container rejects impossible amounts and levels", () => {
  const sim = new Simulation();
  assert.throws(
    () => new Container(sim, { name: "c", capacity: 0 }),
    /Cannot create container "c": capacity must be > 0, received 0/,
  );
  assert.throws(
    () => new Container(sim, { name: "c", capacity: 5, initial: 6 }),
    /initial must be between 0 and capacity \(5\), received 6/,
  );
  const c = new Container(sim, { name: "c", capacity: 5 });
  assert.throws(() => c.get(-1), /amount must be > 0 and <= capacity \(5\), received -1/);
  assert.throws(() => c.put(6), /received 6/);
});

Deno.test("Container.stats() is the time-weighted mean of the level, puts and gets alike", () => {
  const sim = new Simulation();
  const stock = new Container(sim, { name: "stock", capacity: 10, initial: 2 });
  stock.put(3); // 5 from 0
  sim.schedule(4, () => stock.get(5)); // 0 from 4
  sim.schedule(5, () => stock.put(1)); // 1 from 5
  sim.run({ until: 8 });
  const stats = stock.stats();
  assert.equal(stats.observedDays, 8);
  assert.equal(stats.meanLevel, (5 * 4 + 0 * 1 + 1 * 3) / 8);
  assert.deepEqual([stats.gets, stats.puts, stats.meanGetQueueLength], [1, 2, 0]);
  stock.resetStats();
  sim.run({ until: 10 });
  assert.equal(stock.stats().meanLevel, 1);
});
