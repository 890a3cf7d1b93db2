/**
 * Statistical validation of the engine's per-entity records and stores against queueing theory:
 * - ResourceRecords on an M/M/c queue: mean wait = Erlang C W_q, mean activity time = E[S], and
 *   mean queue length seen at arrival = L_q = λ·W_q (Poisson arrivals see time averages);
 * - a Store as the buffer of an M/M/1 queue served by one process: mean wait in the store =
 *   W_q = ρ/(μ − λ);
 * - a FilterStore holding two kinds of item, each taken by its own server: two independent
 *   M/M/1 queues, each with its own W_q — which holds only if a get that matches nothing does
 *   not hold up the other kind's gets.
 * Each estimate is a mean over independent replications with a tolerance of a few standard
 * errors, and each test checks that its standard error is small enough to catch a real error.
 */
import assert from "node:assert/strict";
import { FilterStore, Resource, ResourceRecords, Simulation, Store, Tally } from "../sim/mod.ts";
import { meanAndSe, mmcMeanWaitDays, SE_MULTIPLIER } from "./testdata/queueing.ts";

const REPLICATIONS = 12;

function within(what: string, values: number[], expected: number, relSe: number): void {
  const got = meanAndSe(values);
  const msg = `${what}: ${got.mean.toFixed(4)} ± ${got.se.toFixed(4)} (SE), theory ${
    expected.toFixed(4)
  }`;
  assert.ok(Math.abs(got.mean - expected) < SE_MULTIPLIER * got.se, msg);
  assert.ok(SE_MULTIPLIER * got.se < relSe * expected, `SE too large to mean anything: ${msg}`);
}

Deno.test("ResourceRecords on M/M/c give Erlang C waits, E[S] and L_q at arrival", () => {
  const servers = 4;
  const lambda = 3.2; // ρ = 0.8, mean service 1 day
  const warmup = 100;
  const days = 12_000;
  const waits: number[] = [];
  const activities: number[] = [];
  const queues: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const sim = new Simulation({ seed: 11, replication: r });
    const records = new ResourceRecords();
    const desk = new Resource(sim, { name: "desk", capacity: servers, records });
    const arrivals = sim.stream("arrivals");
    const service = sim.stream("service");
    const customer = function* () {
      using unit = desk.request();
      yield unit;
      yield sim.timeout(service.exponential(1));
    };
    sim.process((function* () {
      for (;;) {
        yield sim.timeout(arrivals.exponential(1 / lambda));
        sim.process(customer());
      }
    })());
    sim.run(warmup + days);
    const wait = new Tally({ keepValues: false });
    const activity = new Tally({ keepValues: false });
    const queue = new Tally({ keepValues: false });
    for (const row of records.rows()) {
      if (row.arrivalDays < warmup) continue;
      wait.add(row.waitDays);
      activity.add(row.activityDays);
      queue.add(row.queueLengthAtArrival);
    }
    waits.push(wait.mean);
    activities.push(activity.mean);
    queues.push(queue.mean);
  }
  const wq = mmcMeanWaitDays(servers, lambda, 1);
  within("W_q from records", waits, wq, 0.1);
  within("activity time from records", activities, 1, 0.02);
  within("queue length at arrival (PASTA, L_q = λ W_q)", queues, lambda * wq, 0.1);
});

Deno.test("a Store buffering an M/M/1 queue gives W_q = ρ/(μ − λ)", () => {
  const lambda = 0.5;
  const warmup = 100;
  const days = 10_000;
  const waits: number[] = [];
  for (let r = 0; r < REPLICATIONS; r++) {
    const sim = new Simulation({ seed: 12, replication: r });
    const jobs = new Store<number>(sim, { name: "jobs" });
    const arrivals = sim.stream("arrivals");
    const service = sim.stream("service");
    const wait = new Tally({ keepValues: false });
    sim.process((function* () {
      for (;;) {
        yield sim.timeout(arrivals.exponential(1 / lambda));
        jobs.put(sim.now);
      }
    })());
    sim.process((function* () {
      for (;;) {
        const arrived: number = yield jobs.get();
        if (arrived >= warmup) wait.add(sim.now - arrived);
        yield sim.timeout(service.exponential(1));
      }
    })());
    sim.run(warmup + days);
    waits.push(wait.mean);
  }
  within("W_q in the store", waits, lambda / (1 - lambda), 0.1);
});

Deno.test("a FilterStore with one server per kind behaves as independent M/M/1 queues", () => {
  const rates = { a: 0.3, b: 0.6 };
  const warmup = 100;
  const days = 20_000;
  const waits: Record<"a" | "b", number[]> = { a: [], b: [] };
  for (let r = 0; r < REPLICATIONS; r++) {
    const sim = new Simulation({ seed: 13, replication: r });
    const jobs = new FilterStore<{ kind: "a" | "b"; arrived: number }>(sim, { name: "jobs" });
    for (const kind of ["a", "b"] as const) {
      const arrivals = sim.stream(`arrivals ${kind}`);
      const service = sim.stream(`service ${kind}`);
      const wait = new Tally({ keepValues: false });
      sim.process((function* () {
        for (;;) {
          yield sim.timeout(arrivals.exponential(1 / rates[kind]));
          jobs.put({ kind, arrived: sim.now });
        }
      })());
      sim.process((function* () {
        for (;;) {
          const job: { arrived: number } = yield jobs.get((j) => j.kind === kind);
          if (job.arrived >= warmup) wait.add(sim.now - job.arrived);
          yield sim.timeout(service.exponential(1));
        }
      })());
      sim.schedule(warmup + days - 1e-9, () => waits[kind].push(wait.mean));
    }
    sim.run(warmup + days);
  }
  within("W_q of kind a", waits.a, rates.a / (1 - rates.a), 0.12);
  within("W_q of kind b", waits.b, rates.b / (1 - rates.b), 0.12);
});
