import assert from "node:assert/strict";
import { Simulation } from "./simulation.ts";
import { FilterStore, Store } from "./store.ts";

Deno.test("Store serves gets and puts first in, first out, and puts wait for room", () => {
  const sim = new Simulation();
  const store = new Store<number>(sim, { name: "slots", capacity: 2 });
  const log: string[] = [];
  sim.process((function* () {
    for (let i = 1; i <= 4; i++) {
      yield store.put(i);
      log.push(`${sim.now} put ${i}`);
    }
  })());
  for (const who of ["x", "y"]) {
    sim.process((function* () {
      yield sim.timeout(who === "x" ? 1 : 2);
      const a: number = yield store.get();
      const b: number = yield store.get();
      log.push(`${sim.now} ${who} got ${a},${b}`);
    })());
  }
  sim.run();
  assert.deepEqual(log, [
    "0 put 1",
    "0 put 2",
    "1 put 3",
    "1 x got 1,2",
    "1 put 4",
    "2 y got 3,4",
  ]);
  assert.deepEqual(store.items, []);
  assert.equal(store.queuedGets, 0);
});

Deno.test("FilterStore takes the oldest matching item; an unmatched get does not block others", () => {
  const sim = new Simulation();
  const store = new FilterStore<{ id: number; kind: string }>(sim, { name: "places" });
  const got: string[] = [];
  function* want(kind: string, name: string) {
    const item: { id: number } = yield store.get((p) => p.kind === kind);
    got.push(`${sim.now} ${name} ${item.id}`);
  }
  sim.process(want("a", "first"));
  sim.process(want("b", "second"));
  sim.process(want("b", "third"));
  sim.schedule(1, () => store.put({ id: 1, kind: "b" }));
  sim.schedule(2, () => store.put({ id: 2, kind: "b" }));
  sim.schedule(3, () => store.put({ id: 3, kind: "a" }));
  sim.run();
  assert.deepEqual(got, ["1 second 1", "2 third 2", "3 first 3"]);
});

Deno.test("Store.cancel() withdraws a waiting get; errors name the store", () => {
  const sim = new Simulation();
  const store = new Store<string>(sim, { name: "s", initial: ["a"] });
  const first = store.get();
  const waiting = store.get();
  assert.equal(store.queuedGets, 1);
  assert.equal(store.cancel(waiting), true);
  assert.equal(store.cancel(first), false);
  store.put("b");
  sim.run();
  assert.equal(first.value, "a");
  assert.deepEqual(store.items, ["b"]);
  assert.throws(() => new Store(sim, { name: "s", capacity: 0 }), {
    name: "RangeError",
    message: /store "s": capacity must be an integer >= 1 or Infinity, received 0/,
  });
  assert.throws(() => new Store(sim, { name: "s", capacity: 1, initial: [1, 2] }), {
    name: "RangeError",
    message: /initial holds 2 items, more than the capacity 1/,
  });
  const filtered = new FilterStore<number>(sim, { name: "f" });
  assert.throws(() => filtered.get("odd" as never), {
    name: "TypeError",
    message: /store "f": the filter must be a function/,
  });
});
