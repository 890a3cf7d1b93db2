import assert from "node:assert/strict";
import { Interrupt } from "./interrupt.ts";
import { Simulation } from "./simulation.ts";
import type { SimEvent } from "./event.ts";

Deno.test("Process resumes after timeouts with the timeout's value", () => {
  const sim = new Simulation();
  const log: string[] = [];
  sim.process((function* () {
    const v: string = yield sim.timeout(1.5, "a");
    log.push(`${sim.now} ${v}`);
    yield sim.timeout(0);
    log.push(`${sim.now} zero`);
  })());
  sim.run();
  assert.deepEqual(log, ["1.5 a", "1.5 zero"]);
});

Deno.test("Process started at the same time run in creation order", () => {
  const sim = new Simulation();
  const log: string[] = [];
  for (const name of ["a", "b", "c"]) {
    sim.process((function* () {
      log.push(name);
      yield sim.timeout(1);
      log.push(name + "!");
    })());
  }
  sim.run();
  assert.deepEqual(log, ["a", "b", "c", "a!", "b!", "c!"]);
});

Deno.test("Process can wait for another process and receive its return value", () => {
  const sim = new Simulation();
  const child = sim.process((function* () {
    yield sim.timeout(2);
    return 42;
  })());
  let got = 0;
  let at = -1;
  sim.process((function* () {
    got = yield child;
    at = sim.now;
    const again: number = yield child; // already finished: continues at once
    got += again;
  })());
  sim.run();
  assert.equal(got, 84);
  assert.equal(at, 2);
});

Deno.test("Process.interrupt() throws an Interrupt with its cause at the current yield", () => {
  const sim = new Simulation();
  const log: string[] = [];
  const worker = sim.process((function* () {
    for (;;) {
      try {
        yield sim.timeout(10);
        log.push(`${sim.now} finished`);
        return;
      } catch (error) {
        assert.ok(error instanceof Interrupt);
        log.push(`${sim.now} interrupted: ${error.cause}`);
      }
    }
  })());
  sim.schedule(3, () => worker.interrupt("phone"));
  sim.run();
  // the abandoned 10-day timeout does not resume the process at t=10
  assert.deepEqual(log, ["3 interrupted: phone", "13 finished"]);
});

Deno.test("Process.interrupt() on a finished process throws", () => {
  const sim = new Simulation();
  const p = sim.process((function* () {
    yield sim.timeout(1);
  })());
  sim.run();
  assert.equal(p.isAlive, false);
  assert.throws(() => p.interrupt(), /Cannot interrupt a process: it has already finished/);
});

Deno.test("Process errors nobody waits for surface from run(); waited-for errors reach the waiter", () => {
  const sim = new Simulation();
  sim.process((function* () {
    yield sim.timeout(1);
    throw new Error("boom");
  })());
  assert.throws(() => sim.run(), /boom/);

  const sim2 = new Simulation();
  const failing = sim2.process((function* () {
    yield sim2.timeout(1);
    throw new Error("inner");
  })());
  let caught = "";
  sim2.process((function* () {
    try {
      yield failing;
    } catch (error) {
      caught = (error as Error).message;
    }
  })());
  sim2.run();
  assert.equal(caught, "inner");
});

Deno.test("Process rejects a generator that yields something other than an event", () => {
  const sim = new Simulation();
  // deno-lint-ignore no-explicit-any
  sim.process((function* (): Generator<any, void, any> {
    yield 5;
  })());
  assert.throws(() => sim.run(), /it yielded number 5; yield an event such as sim.timeout/);
  assert.throws(
    () => sim.process({} as unknown as Generator<SimEvent<unknown>, void, unknown>),
    /expected a generator object/,
  );
});

Deno.test("Process accepts only generator objects", async (t) => {
  const sim = new Simulation();
  type Gen = Generator<SimEvent<unknown>, void, unknown>;
  await t.step("a hand-made iterator is refused", () => {
    const iterator = { next: () => ({ done: true, value: undefined }) };
    assert.throws(
      () => sim.process(iterator as unknown as Gen),
      /expected a generator object such as customer\(\), received an object \(Object\)/,
    );
  });
  await t.step("an async generator is refused", () => {
    async function* later() {}
    assert.throws(() => sim.process(later() as unknown as Gen), /expected a generator object/);
  });
  await t.step("a generator function that was not called gets a hint", () => {
    function* customer(): Gen {}
    assert.throws(
      () => sim.process(customer as unknown as Gen),
      /received the function customer itself; call it .* sim\.process\(customer\(\)\)/,
    );
  });
  await t.step("generators of many functions all run (no lookup on their shapes)", () => {
    const done: number[] = [];
    const kinds = Array.from({ length: 8 }, (_, k) =>
      function* (): Gen {
        yield sim.timeout(k);
        done.push(k);
      });
    for (const kind of kinds) sim.process(kind());
    sim.run();
    assert.deepEqual(done, [0, 1, 2, 3, 4, 5, 6, 7]);
  });
});

Deno.test("SimEvent fail() throws into the waiting process; double trigger is refused", () => {
  const sim = new Simulation();
  const e = sim.event<number>();
  let message = "";
  sim.process((function* () {
    try {
      yield e;
    } catch (error) {
      message = (error as Error).message;
    }
  })());
  sim.schedule(1, () => e.fail(new Error("no")));
  sim.run();
  assert.equal(message, "no");
  assert.throws(() => e.succeed(1), /Cannot succeed an event: it has already been triggered/);
  assert.throws(() => sim.event().value, /has not been triggered yet/);
});

Deno.test("anyOf and allOf fire on the first and the last child", () => {
  const sim = new Simulation();
  const log: string[] = [];
  sim.process((function* () {
    const a = sim.timeout(1, "a");
    const b = sim.timeout(3, "b");
    const first: Map<unknown, unknown> = yield sim.anyOf([a, b]);
    log.push(`${sim.now} any ${[...first.values()].join(",")}`);
    const all: Map<unknown, unknown> = yield sim.allOf([a, b]);
    log.push(`${sim.now} all ${[...all.values()].join(",")}`);
    yield sim.allOf([]);
    log.push(`${sim.now} empty`);
  })());
  sim.run();
  assert.deepEqual(log, ["1 any a", "3 all a,b", "3 empty"]);
});
