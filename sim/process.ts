/**
 * Processes: generator functions that yield events and resume when those events are processed.
 * A process is itself an event that fires with the generator's return value, so one process can
 * wait for another.
 *
 * @module
 */
import { type EventWaiter, SimEvent, URGENT } from "./event.ts";
import { Interrupt } from "./interrupt.ts";
import type { Simulation } from "./simulation.ts";

/** What a process generator yields: events; what it gets back: their values. */
// deno-lint-ignore no-explicit-any
export type ProcessGenerator<T = unknown> = Generator<SimEvent<any>, T, any>;

/**
 * A running process. Create one with {@linkcode Simulation.process}.
 *
 * @typeParam T The generator's return value, which becomes the process event's value.
 *
 * @example Wait for another process to finish
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const child = sim.process((function* () {
 *   yield sim.timeout(3);
 *   return "child done";
 * })());
 * let seen = "";
 * sim.process((function* () {
 *   seen = yield child;
 * })());
 * sim.run();
 * assert.equal(seen, "child done");
 * ```
 */
export class Process<T = unknown> extends SimEvent<T> implements EventWaiter {
  #generator: ProcessGenerator<T>;
  #target: SimEvent<unknown> | null = null;
  /** 0 waiting to start, 1 running, 2 finishing (its own completion is being signalled). */
  #phase = 0;

  /**
   * Starts a process at the current time (before ordinary events at that time).
   *
   * @param sim The simulation.
   * @param generator A started generator object, e.g. `customer()`.
   * @throws {TypeError} If `generator` is not a generator object.
   */
  constructor(sim: Simulation, generator: ProcessGenerator<T>) {
    super(sim);
    if (!isGenerator(generator)) notAGenerator(generator);
    this.#generator = generator;
    // the process is its own calendar entry for its start (see _fire)
    sim._enqueue(this, 0, URGENT);
  }

  /**
   * A process finishes when its generator returns; it cannot be triggered from outside.
   *
   * @throws {Error} Always, when called from outside the process.
   */
  override succeed(value?: T, options?: { priority?: number }): this {
    if (this.#phase !== 2) {
      throw new Error("Cannot succeed a process: it finishes when its generator returns");
    }
    return super.succeed(value, options);
  }

  /**
   * A process fails when its generator throws; it cannot be failed from outside.
   *
   * @throws {Error} Always, when called from outside the process.
   */
  override fail(error: unknown): this {
    if (this.#phase !== 2) {
      throw new Error("Cannot fail a process: it fails when its generator throws (use interrupt)");
    }
    return super.fail(error);
  }

  /**
   * @internal Starts the process the first time; afterwards signals its completion.
   * @ignore
   */
  override _fire(): void {
    if (this.#phase === 0) {
      this.#phase = 1;
      this.#step(STARTED);
    } else {
      super._fire();
    }
  }

  /**
   * @internal Resumes the process when the event it waits for is processed.
   * @ignore
   */
  _resume(event: SimEvent<unknown>): void {
    this.#step(event);
  }

  /**
   * The process's name in records and traces: the one given to `sim.process`, or `process-N`,
   * numbering unnamed processes in the order their names are first read.
   */
  get name(): string {
    return this.sim._nameOf(this as Process<unknown>);
  }

  /**
   * @internal How traces name this event.
   * @ignore
   */
  override _describe(): string {
    return `process ${this.name}`;
  }

  /** True until the generator has returned or thrown. */
  get isAlive(): boolean {
    return !this.triggered;
  }

  /** The event the process is waiting for, or null while it runs or after it ends. */
  get target(): SimEvent<unknown> | null {
    return this.#target;
  }

  /**
   * Throws an {@linkcode Interrupt} carrying `cause` into the process at its current `yield`,
   * at the current time. The process stops waiting for its target event (a queued resource
   * request stays queued: cancel it in the handler if the process gives up).
   *
   * @param cause Why the process is interrupted.
   * @throws {Error} If the process has already finished.
   */
  interrupt(cause?: unknown): void {
    if (!this.isAlive) {
      throw new Error("Cannot interrupt a process: it has already finished");
    }
    const interruption = new SimEvent<unknown>(this.sim);
    interruption.addCallback(() => {
      if (!this.isAlive) return;
      const target = this.#target;
      if (target !== null) target._unwait(this);
      const failure = new SimEvent<unknown>(this.sim);
      failure._setHandledFailure(new Interrupt(cause));
      this.#step(failure);
    });
    interruption._trigger(0, undefined, URGENT);
  }

  // Kept small, with its rare paths in methods of their own, so that the optimizing compiler
  // inlines it where events resume processes.
  #step(event: SimEvent<unknown>): void {
    this.#target = null;
    const sim = this.sim;
    const previous = sim._activeProcess;
    sim._activeProcess = this as Process<unknown>;
    let send = event;
    for (;;) {
      let result: Step<T>;
      try {
        result = send.ok
          ? generatorNext.call(this.#generator, send._value) as Step<T>
          : this.#throwInto(send);
      } catch (error) {
        sim._activeProcess = previous;
        this.#phase = 2;
        this.fail(error);
        return;
      }
      if (result.done) {
        sim._activeProcess = previous;
        this.#phase = 2;
        this._succeedNow(result.value);
        return;
      }
      const next = result.value;
      if (!(next instanceof SimEvent)) {
        sim._activeProcess = previous;
        this.#yieldedNonEvent(next);
        return;
      }
      if (next.processed) {
        send = next;
        continue;
      }
      sim._activeProcess = previous;
      next._wait(this);
      this.#target = next;
      return;
    }
  }

  /** Throws a failed event's error into the generator at its `yield`. */
  #throwInto(failed: SimEvent<unknown>): Step<T> {
    failed._defuse();
    return generatorThrow.call(this.#generator, failed._value) as Step<T>;
  }

  #yieldedNonEvent(value: unknown): void {
    this.#phase = 2;
    this.fail(
      new TypeError(
        `Cannot resume a process: it yielded ${
          describeValue(value)
        }; yield an event such as sim.timeout(1) or resource.request()`,
      ),
    );
  }
}

// Every generator object inherits from %GeneratorPrototype%. Resuming through its methods
// directly avoids looking up `next` on generator objects, whose shapes differ per generator
// function (a lookup that goes megamorphic once a model has a few kinds of process).
const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype as Generator;
const generatorNext = GeneratorPrototype.next;
const generatorThrow = GeneratorPrototype.throw;

function isGenerator(value: unknown): value is Generator {
  return typeof value === "object" && value !== null &&
    Object.prototype.isPrototypeOf.call(GeneratorPrototype, value);
}

function notAGenerator(value: unknown): never {
  throw new TypeError(
    typeof value === "function"
      ? `Cannot start a process: received the function ${
        value.name || "(anonymous)"
      } itself; call it and pass the generator object, e.g. sim.process(customer())`
      : `Cannot start a process: expected a generator object such as customer(), received ${
        describeValue(value)
      }`,
  );
}

/** What one resumption of a process generator gives. */
type Step<T> = IteratorResult<SimEvent<unknown>, T>;

const STARTED = new SimEvent<unknown>(null as unknown as Simulation);

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "object") return `an object (${value.constructor?.name ?? "Object"})`;
  return `${typeof value} ${String(value)}`;
}
