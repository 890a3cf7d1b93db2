/**
 * Exact event logs of small engine scenarios: priority queueing, pre-emption, reneging with
 * anyOf and cancel, and a repeating capacity schedule whose cuts close units as holders leave.
 * Each log is derived by hand from the scenario; any change in ordering or timing breaks it.
 */
import assert from "node:assert/strict";
import {
  Interrupt,
  type Preemption,
  type Request,
  Resource,
  type SimEvent,
  Simulation,
} from "../sim/mod.ts";

Deno.test("priority: lower numbers first, first in first out within a priority", () => {
  const sim = new Simulation();
  const desk = new Resource(sim, { name: "desk", capacity: 1 });
  const log: string[] = [];
  function* job(label: string, arriveDays: number, priority: number, holdDays: number) {
    yield sim.timeout(arriveDays);
    log.push(`${sim.now} ${label} asks`);
    const unit: Request = yield desk.request({ priority });
    log.push(`${sim.now} ${label} starts`);
    yield sim.timeout(holdDays);
    desk.release(unit);
  }
  sim.process(job("a", 0, 3, 5));
  sim.process(job("b", 1, 2, 1));
  sim.process(job("c", 1, 1, 1));
  sim.process(job("d", 2, 2, 1));
  sim.process(job("e", 3, 1, 1));
  sim.run();
  assert.deepEqual(log, [
    "0 a asks",
    "0 a starts",
    "1 b asks",
    "1 c asks",
    "2 d asks",
    "3 e asks",
    "5 c starts",
    "6 e starts",
    "7 b starts",
    "8 d starts",
  ]);
  assert.equal(desk.stats().maxQueueLength, 4);
});

Deno.test("pre-emption: the worst holder is interrupted, then resumes its remaining work", () => {
  const sim = new Simulation();
  const theatre = new Resource(sim, { name: "theatre", capacity: 1, preemptive: true });
  const log: string[] = [];
  function* routine(label: string) {
    let remainingDays = 10;
    while (remainingDays > 0) {
      const unit: Request = yield theatre.request({ priority: 5 });
      const start = sim.now;
      log.push(`${sim.now} ${label} starts (${remainingDays} left)`);
      try {
        yield sim.timeout(remainingDays);
        theatre.release(unit);
        remainingDays = 0;
      } catch (error) {
        if (!(error instanceof Interrupt)) throw error;
        const cause = error.cause as Preemption;
        log.push(`${sim.now} ${label} pre-empted (held since ${cause.usageSinceDays})`);
        remainingDays -= sim.now - start;
      }
    }
    log.push(`${sim.now} ${label} done`);
  }
  function* urgent(label: string, arriveDays: number, holdDays: number) {
    yield sim.timeout(arriveDays);
    const unit: Request = yield theatre.request({ priority: 0, preempt: true });
    log.push(`${sim.now} ${label} starts`);
    yield sim.timeout(holdDays);
    theatre.release(unit);
    log.push(`${sim.now} ${label} done`);
  }
  sim.process(routine("r"));
  sim.process(urgent("u1", 3, 2));
  sim.process(urgent("u2", 4, 1)); // same priority as u1: queues, cannot pre-empt it
  sim.run();
  // u1's request is granted at once, so u1 goes on before r's interrupt (due at the same time)
  // is processed
  assert.deepEqual(log, [
    "0 r starts (10 left)",
    "3 u1 starts",
    "3 r pre-empted (held since 0)",
    "5 u1 done",
    "5 u2 starts",
    "6 u2 done",
    "6 r starts (7 left)",
    "13 r done",
  ]);
  assert.equal(theatre.stats().preempted, 1);
});

Deno.test("reneging: anyOf(request, patience timeout), then cancel the request", () => {
  const sim = new Simulation();
  const clinic = new Resource(sim, { name: "clinic", capacity: 1 });
  const log: string[] = [];
  function* visitor(label: string, arriveDays: number, patienceDays: number, holdDays: number) {
    yield sim.timeout(arriveDays);
    const request = clinic.request();
    const patience = sim.timeout(patienceDays);
    const first: Map<SimEvent<unknown>, unknown> = yield sim.anyOf([request, patience]);
    if (!first.has(request)) {
      clinic.cancel(request);
      log.push(`${sim.now} ${label} leaves unseen`);
      return;
    }
    log.push(`${sim.now} ${label} seen`);
    yield sim.timeout(holdDays);
    clinic.release(request);
  }
  sim.process(visitor("a", 0, 1, 10));
  sim.process(visitor("b", 1, 4, 1)); // gives up at 5
  sim.process(visitor("c", 2, 20, 1)); // waits past b's departure
  sim.process(visitor("d", 3, 7, 1)); // its patience ends exactly when a leaves
  sim.run();
  // at 10, a's timeout (scheduled at 0) fires first: a releases and c's request is granted,
  // which puts c's grant on the calendar behind d's patience timeout (scheduled at 3); so d
  // gives up before c, whose anyOf then fires, is seen
  assert.deepEqual(log, [
    "0 a seen",
    "5 b leaves unseen",
    "10 d leaves unseen",
    "10 c seen",
  ]);
  const stats = clinic.stats();
  assert.equal(stats.cancelled, 2);
  assert.equal(stats.granted, 2);
});

Deno.test("capacity schedule: repeating cuts close units as holders leave", () => {
  const sim = new Simulation();
  const ward = new Resource(sim, {
    name: "ward",
    capacity: 2,
    capacitySchedule: { timesDays: [0, 10], capacities: [2, 1], periodDays: 20 },
  });
  const log: string[] = [];
  function* stay(label: string, arriveDays: number, holdDays: number) {
    yield sim.timeout(arriveDays);
    const unit: Request = yield ward.request();
    log.push(`${sim.now} ${label} in`);
    yield sim.timeout(holdDays);
    ward.release(unit);
    log.push(`${sim.now} ${label} out`);
  }
  const capacityAt: string[] = [];
  for (const t of [9, 10, 19, 20, 29, 30, 40, 50]) {
    sim.schedule(t, () => capacityAt.push(`${t}:${ward.capacity}`), { priority: 1 });
  }
  sim.process(stay("a", 0, 15));
  sim.process(stay("b", 0, 12));
  sim.process(stay("c", 11, 3)); // cut to 1 at 10: waits for both a and b to leave
  sim.process(stay("d", 16, 4)); // waits for c
  sim.process(stay("e", 19, 2)); // waits until capacity is back to 2 at 20
  sim.run({ until: 60 });
  assert.deepEqual(log, [
    "0 a in",
    "0 b in",
    "12 b out",
    "15 a out",
    "15 c in",
    "18 c out",
    "18 d in",
    "20 e in",
    "22 d out",
    "22 e out",
  ]);
  assert.deepEqual(capacityAt, ["9:2", "10:1", "19:1", "20:2", "29:2", "30:1", "40:2", "50:1"]);
});
