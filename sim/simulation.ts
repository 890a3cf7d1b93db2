/**
 * The simulation: a clock in days and an event calendar ordered by (time, priority, insertion),
 * so that simultaneous events run in a reproducible order.
 *
 * @module
 */
import { type CalendarEntry, EventCalendar } from "./_calendar.ts";
import { Condition } from "./condition.ts";
import { SimEvent } from "./event.ts";
import { Process, type ProcessGenerator } from "./process.ts";
import { createStream, type RandomStream } from "./random/stream.ts";
import { traced, type TraceEntry } from "./_trace.ts";

/** Options for {@linkcode Simulation}. */
export interface SimulationOptions {
  /**
   * Master seed from which every named random stream is derived.
   * @default {0}
   */
  seed?: number;
  /**
   * Replication index, mixed into every stream so replications are independent.
   * @default {0}
   */
  replication?: number;
  /**
   * Called for every traced step of the engine (processes starting, waiting, resuming and
   * ending; resource requests, grants and releases), for debugging a model. Leave it out for
   * speed: without it the engine does no tracing work.
   */
  trace?: (entry: TraceEntry) => void;
}

export type { TraceEntry };

/** Options for {@linkcode Simulation.run}. */
export interface RunOptions {
  /** A time in days (>= now) or an event to run until; leave out to run until no event is left. */
  until?: number | SimEvent<unknown>;
}

/** Options for {@linkcode Simulation.process}. */
export interface ProcessOptions {
  /**
   * The process's name in records and traces.
   * @default {"process-N", numbered in the order names are first read}
   */
  name?: string;
}

/** Options for {@linkcode Simulation.schedule}. */
export interface ScheduleOptions {
  /**
   * Among events due at the same time, lower priorities run first; equal ones run first in,
   * first out.
   * @default {0}
   */
  priority?: number;
}

/** A scheduled callback; cancel it to stop it from running. */
export interface EventHandle {
  /** The time the callback is due, in days. */
  readonly time: number;
  /** True once cancelled. */
  readonly cancelled: boolean;
  /** Stops the callback from running; cancelling twice is harmless. */
  cancel(): void;
}

class ScheduledCall implements CalendarEntry, EventHandle {
  readonly time: number;
  #fn: (() => void) | null;

  constructor(fn: () => void, time: number) {
    this.#fn = fn;
    this.time = time;
  }

  get cancelled(): boolean {
    return this.#fn === null;
  }

  cancel(): void {
    this.#fn = null;
  }

  _fire(): void {
    const fn = this.#fn;
    if (fn !== null) {
      this.#fn = null;
      fn();
    }
  }
}

/**
 * A discrete-event simulation: clock, calendar, processes and named random streams.
 *
 * @example A pool of two units with lognormal holding times
 * ```ts
 * import assert from "node:assert/strict";
 * import { type Request, Resource } from "./resource.ts";
 *
 * const sim = new Simulation({ seed: 1 });
 * const units = new Resource(sim, { name: "units", capacity: 2 });
 * const holding = sim.stream("holding");
 * function* job() {
 *   const unit: Request = yield units.request();
 *   yield sim.timeout(holding.lognormal({ mean: 7, sd: 8 }));
 *   units.release(unit);
 * }
 * for (let i = 0; i < 5; i++) sim.process(job());
 * sim.run({ until: 365 });
 * assert.equal(units.stats().granted, 5);
 * ```
 */
export class Simulation {
  /** Master seed of the random streams. */
  readonly seed: number;
  /** Replication index of the random streams. */
  readonly replication: number;
  /**
   * @internal The process whose generator is running, if any.
   * @ignore
   */
  _activeProcess: Process<unknown> | null = null;
  /**
   * @internal The trace callback, or null when not tracing.
   * @ignore
   */
  readonly _trace: ((entry: TraceEntry) => void) | null;
  #names = new WeakMap<Process<unknown>, string>();
  #unnamed = 0;
  #now = 0;
  #calendar = new EventCalendar();
  #streams = new Map<string, RandomStream>();

  /**
   * Creates a simulation at time 0.
   *
   * @param options Seed and replication index for the random streams.
   * @throws {RangeError} If the seed or replication is not a non-negative integer.
   */
  constructor(options: SimulationOptions = {}) {
    const { seed = 0, replication = 0, trace } = options;
    if (!Number.isSafeInteger(seed) || seed < 0) {
      throw new RangeError(
        `Cannot create a simulation: seed must be a non-negative integer, received ${seed}`,
      );
    }
    if (!Number.isSafeInteger(replication) || replication < 0) {
      throw new RangeError(
        `Cannot create a simulation: replication must be a non-negative integer, received ${replication}`,
      );
    }
    if (trace !== undefined && typeof trace !== "function") {
      throw new TypeError(
        `Cannot create a simulation: trace must be a function (entry) => void, received ${typeof trace}`,
      );
    }
    this.seed = seed;
    this.replication = replication;
    this._trace = trace ?? null;
  }

  /** The current simulated time, in days. */
  get now(): number {
    return this.#now;
  }

  /** The process currently running, or null when called from a plain callback. */
  get activeProcess(): Process<unknown> | null {
    return this._activeProcess;
  }

  /** Time of the next event due, or Infinity when the calendar is empty. */
  peek(): number {
    return this.#calendar.peekTime();
  }

  /**
   * Runs `fn` after `delayDays`.
   *
   * @param delayDays Delay from now, in days (>= 0).
   * @param fn The callback.
   * @param options Priority among simultaneous events.
   * @returns A handle that can cancel the callback.
   * @throws {RangeError} If the delay is negative or not a number.
   */
  schedule(delayDays: number, fn: () => void, options?: ScheduleOptions): EventHandle {
    const call = new ScheduledCall(fn, this.#now + delayDays);
    this._enqueue(call, delayDays, options?.priority ?? 0);
    return call;
  }

  /**
   * Starts a process from a generator object; it begins at the current time.
   *
   * @param generator A started generator, e.g. `customer()`.
   * @param options The process's name in records and traces.
   * @returns The process, an event that fires with the generator's return value.
   */
  process<T>(generator: ProcessGenerator<T>, options?: ProcessOptions): Process<T> {
    if (this._trace === null && options === undefined) return new Process(this, generator);
    return this.#namedOrTraced(generator, options);
  }

  #namedOrTraced<T>(generator: ProcessGenerator<T>, options?: ProcessOptions): Process<T> {
    const trace = this._trace;
    const isGenerator = typeof (generator as { next?: unknown } | null)?.next === "function";
    const process: Process<T> = new Process(
      this,
      trace === null || !isGenerator
        ? generator
        : traced(generator, { clock: this, trace, name: () => process.name }),
    );
    if (options?.name !== undefined) this.#names.set(process as Process<unknown>, options.name);
    return process;
  }

  /**
   * @internal The name of a process (see {@linkcode Process.name}).
   * @ignore
   */
  _nameOf(process: Process<unknown>): string {
    let name = this.#names.get(process);
    if (name === undefined) {
      name = `process-${this.#unnamed++}`;
      this.#names.set(process, name);
    }
    return name;
  }

  /**
   * An event that fires after `delayDays`; yield it to wait.
   *
   * @param delayDays Delay from now, in days (>= 0).
   * @param value The value the waiting process receives.
   * @returns The timeout event.
   * @throws {RangeError} If the delay is negative or not a number.
   */
  timeout<T = undefined>(delayDays: number, value?: T): SimEvent<T> {
    const event = new SimEvent<T>(this);
    event._trigger(delayDays, value, 0);
    return event;
  }

  /**
   * A pending event to be triggered later with `succeed` or `fail`.
   *
   * @returns The event.
   */
  event<T = unknown>(): SimEvent<T> {
    return new SimEvent<T>(this);
  }

  /**
   * An event that fires when the first of `events` fires; its value maps fired events to values.
   *
   * @param events The events to wait for.
   * @returns The condition event.
   */
  anyOf(events: readonly SimEvent<unknown>[]): Condition {
    return new Condition(this, events, { mode: "any" });
  }

  /**
   * An event that fires when all of `events` have fired; its value maps them to their values.
   *
   * @param events The events to wait for.
   * @returns The condition event.
   */
  allOf(events: readonly SimEvent<unknown>[]): Condition {
    return new Condition(this, events, { mode: "all" });
  }

  /**
   * The named random stream of this simulation, derived from (seed, replication, name); the
   * same name always gives the same stream, and adding a stream never shifts another.
   *
   * @param name The stream's name, e.g. `"arrivals"`.
   * @returns The stream.
   */
  stream(name: string): RandomStream {
    let stream = this.#streams.get(name);
    if (stream === undefined) {
      stream = createStream(this.seed, this.replication, name);
      this.#streams.set(name, stream);
    }
    return stream;
  }

  /**
   * Processes events in order.
   *
   * - `run()` runs until no event is left.
   * - `run(10)` or `run({ until: 10 })` processes every event due before day 10 and then sets
   *   the clock to 10 (events due exactly then stay on the calendar).
   * - `run(event)` or `run({ until: event })` runs until that event has been processed and
   *   returns its value (throws its error if it failed).
   *
   * @param until A time in days (>= now), an event, or `{ until }`.
   * @returns The event's value when running until an event; otherwise undefined.
   * @throws {TypeError} If `until` is neither a number, an event of this simulation nor `{ until }`.
   * @throws {RangeError} If `until` is a time before now.
   * @throws {Error} If no event is left before the awaited event fires.
   *
   * @example Run until a time, then until an event
   * ```ts
   * import assert from "node:assert/strict";
   *
   * const sim = new Simulation();
   * const done = sim.process((function* () {
   *   yield sim.timeout(30);
   *   return "discharged";
   * })());
   * sim.run(10);
   * assert.equal(sim.now, 10);
   * assert.equal(sim.run(done), "discharged");
   * assert.equal(sim.now, 30);
   * ```
   */
  run(until?: number | RunOptions): void;
  run<T>(until: SimEvent<T>): T;
  run(until?: number | SimEvent<unknown> | RunOptions): unknown {
    let stopAt: number | SimEvent<unknown> | undefined;
    if (typeof until === "number" || until === undefined || until instanceof SimEvent) {
      stopAt = until;
    } else if (typeof until === "object" && until !== null && !Array.isArray(until)) {
      stopAt = (until as RunOptions).until;
    } else {
      badUntil(until);
    }
    if (stopAt instanceof SimEvent) return this.#runUntilEvent(stopAt);
    if (stopAt !== undefined && (typeof stopAt !== "number" || !(stopAt >= this.#now))) {
      if (typeof stopAt !== "number") badUntil(stopAt);
      throw new RangeError(
        `Cannot run the simulation: until must be >= now (${this.#now}), received ${stopAt}`,
      );
    }
    const calendar = this.#calendar;
    const stop = stopAt ?? Infinity;
    for (;;) {
      const next = calendar.popBefore(stop);
      if (next === undefined) break;
      this.#now = calendar.time;
      next._fire();
    }
    if (stopAt !== undefined) this.#now = stopAt;
    return undefined;
  }

  #runUntilEvent(event: SimEvent<unknown>): unknown {
    if (event.sim !== this) {
      throw new TypeError("Cannot run the simulation until an event of another simulation");
    }
    let fired = event.processed;
    if (!fired) event.addCallback(() => fired = true);
    while (!fired) {
      if (!this.step()) {
        throw new Error(
          `Cannot run the simulation until the event: no event was left at ${this.#now} days and it had not fired (nothing can trigger it any more)`,
        );
      }
    }
    if (!event.ok) {
      event._defuse();
      throw event._value;
    }
    return event._value;
  }

  /**
   * Processes the next event only.
   *
   * @returns False when the calendar was empty.
   */
  step(): boolean {
    const next = this.#calendar.popBefore(Infinity);
    if (next === undefined) return false;
    this.#now = this.#calendar.time;
    next._fire();
    return true;
  }

  /**
   * @internal Puts an entry on the calendar at now + delay.
   * @ignore
   */
  _enqueue(entry: CalendarEntry, delayDays: number, priority: number): void {
    if (!(delayDays >= 0) || delayDays === Infinity) invalidDelay(delayDays);
    this.#calendar.push(entry, this.#now + delayDays, priority);
  }
}

function badUntil(until: unknown): never {
  throw new TypeError(
    `Cannot run the simulation: until must be a number of days, an event or { until }, received ${
      Array.isArray(until) ? "an array" : until === null ? "null" : typeof until
    }${typeof until === "string" ? ` "${until}" (convert it with Number())` : ""}`,
  );
}

// Errors are raised from functions of their own so that the hot paths stay small enough for
// the optimizing compiler to inline.
function invalidDelay(delayDays: number): never {
  throw new RangeError(
    `Cannot schedule an event: delay must be >= 0 and finite, received ${delayDays}`,
  );
}
