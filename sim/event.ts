/**
 * Events: the things a process waits for. An event is pending, then triggered (it has a value
 * and sits on the calendar), then processed (its callbacks have run).
 *
 * @module
 */
import type { Simulation } from "./simulation.ts";

// `_state` packs the phase (low two bits) with two flags, so an event carries one field for
// all of them (events are created by the million; every field costs in allocation)
const PENDING = 0;
const TRIGGERED = 1;
const PROCESSED = 2;
const PHASE = 3;
/** Flag: the event failed (its value is the error). */
const FAILED = 4;
/** Flag: a failure someone has handled, so it is not raised from `run()`. */
const DEFUSED = 8;
const FLAGS = FAILED | DEFUSED;

/** Priority of events the engine must handle before ordinary ones at the same time. */
export const URGENT = -1;

/** A callback run when an event is processed. */
export type EventCallback = (event: SimEvent<unknown>) => void;

/**
 * @internal Something resumed by an event without a closure (a process).
 * @ignore
 */
export interface EventWaiter {
  /**
   * @internal Called when the event it waits for is processed.
   * @ignore
   */
  _resume(event: SimEvent<unknown>): void;
}

type Waiting = EventCallback | EventWaiter;

function notify(waiting: Waiting, event: SimEvent<unknown>): void {
  if (typeof waiting === "function") waiting(event);
  else waiting._resume(event);
}

/**
 * An event that processes can wait for (`yield event`) and that code can trigger with
 * {@linkcode SimEvent.succeed} or {@linkcode SimEvent.fail}.
 *
 * @typeParam T The value the event carries when it succeeds.
 *
 * @example Signal a waiting process
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const ready = sim.event<string>();
 * const log: string[] = [];
 * sim.process((function* () {
 *   const value = yield ready;
 *   log.push(`${sim.now}: ${value}`);
 * })());
 * sim.schedule(3, () => ready.succeed("go"));
 * sim.run();
 * assert.deepEqual(log, ["3: go"]);
 * ```
 */
export class SimEvent<T = unknown> {
  /** The simulation this event belongs to. */
  readonly sim: Simulation;
  /**
   * @internal Phase in the low two bits (0 pending, 1 triggered, 2 processed) plus the FAILED
   * and DEFUSED flags.
   * @ignore
   */
  _state: number;
  /**
   * @internal Value (or error when failed).
   * @ignore
   */
  _value: unknown;
  #first: Waiting | null;
  #more: Waiting[] | null;

  /**
   * Creates a pending event. Usually made through {@linkcode Simulation.event}.
   *
   * @param sim The simulation the event belongs to.
   */
  constructor(sim: Simulation) {
    this.sim = sim;
    this._state = PENDING;
    this._value = undefined;
    this.#first = null;
    this.#more = null;
  }

  /** True once the event has a value (it succeeded or failed), even before it is processed. */
  get triggered(): boolean {
    return (this._state & PHASE) !== PENDING;
  }

  /** True once the event's callbacks have run. */
  get processed(): boolean {
    return (this._state & PHASE) === PROCESSED;
  }

  /** True when the event succeeded (meaningful once triggered). */
  get ok(): boolean {
    return (this._state & FAILED) === 0;
  }

  /**
   * The event's value.
   *
   * @throws {Error} If the event has not been triggered yet.
   */
  get value(): T {
    if ((this._state & PHASE) === PENDING) {
      throw new Error("Cannot read the value of an event: it has not been triggered yet");
    }
    return this._value as T;
  }

  /**
   * Triggers the event with a value; its callbacks run at the current time.
   *
   * @param value The value waiting processes receive.
   * @param options.priority Calendar priority (lower first among simultaneous events).
   * @returns The event itself.
   * @throws {Error} If the event was already triggered.
   */
  succeed(value?: T, options?: { priority?: number }): this {
    this.#assertPending("succeed");
    this._state = (this._state & FLAGS) | TRIGGERED;
    this._value = value;
    this.sim._enqueue(this, 0, options?.priority ?? 0);
    return this;
  }

  /**
   * @internal Succeeds and processes at once when nobody is waiting yet (a process that yields
   * it later continues without a trip through the calendar); otherwise like `succeed`.
   * @ignore
   */
  _succeedNow(value: unknown): void {
    if (this.#first === null) {
      this._state = (this._state & FLAGS) | PROCESSED;
      this._value = value;
    } else {
      this.succeed(value as T);
    }
  }

  /**
   * Triggers the event as failed: waiting processes have `error` thrown at their `yield`.
   * A failure nobody waits for is raised from `sim.run()`.
   *
   * @param error The error to throw into waiting processes.
   * @returns The event itself.
   * @throws {Error} If the event was already triggered.
   */
  fail(error: unknown): this {
    this.#assertPending("fail");
    this._state = (this._state & DEFUSED) | FAILED | TRIGGERED;
    this._value = error;
    this.sim._enqueue(this, 0, 0);
    return this;
  }

  /**
   * Registers a callback to run when the event is processed.
   *
   * @param callback Called with the event.
   * @throws {Error} If the event was already processed.
   */
  addCallback(callback: EventCallback): void {
    this._wait(callback);
  }

  /**
   * @internal Registers a callback or a waiting process.
   * @ignore
   */
  _wait(callback: Waiting): void {
    if ((this._state & PHASE) === PROCESSED) alreadyProcessed();
    if (this.#first === null) this.#first = callback;
    else (this.#more ??= []).push(callback);
  }

  /**
   * Removes a callback registered with {@linkcode SimEvent.addCallback}; unknown callbacks are
   * ignored.
   *
   * @param callback The callback to remove.
   */
  removeCallback(callback: EventCallback): void {
    this._unwait(callback);
  }

  /**
   * @internal Removes a callback or a waiting process.
   * @ignore
   */
  _unwait(callback: Waiting): void {
    if (this.#first === callback) {
      this.#first = this.#more && this.#more.length > 0 ? this.#more.shift()! : null;
      return;
    }
    const i = this.#more?.indexOf(callback) ?? -1;
    if (i >= 0) this.#more!.splice(i, 1);
  }

  /**
   * @internal Runs the callbacks; called by the simulation when the event is due.
   * @ignore
   */
  _fire(): void {
    const state = (this._state & FLAGS) | PROCESSED;
    this._state = state;
    const first = this.#first;
    if (first === null) {
      if ((state & FLAGS) === FAILED) throw this._value;
      return;
    }
    this.#first = null;
    notify(first, this);
    const more = this.#more;
    if (more !== null) {
      this.#more = null;
      for (let i = 0; i < more.length; i++) notify(more[i], this);
    }
  }

  /**
   * @internal Schedules this already-triggered event at now + delay (used by timeouts).
   * @ignore
   */
  _trigger(delay: number, value: unknown, priority: number): void {
    this._state = (this._state & FLAGS) | TRIGGERED;
    this._value = value;
    this.sim._enqueue(this, delay, priority);
  }

  /**
   * @internal How traces name this event (subclasses say more).
   * @ignore
   */
  _describe(): string {
    return (this._state & PHASE) === PENDING ? "event" : "timeout or triggered event";
  }

  /**
   * @internal Marks a failure as handled, so it is not raised from `run()`.
   * @ignore
   */
  _defuse(): void {
    this._state |= DEFUSED;
  }

  /**
   * @internal Makes a pending event a handled failure carrying `error` (for interrupts).
   * @ignore
   */
  _setHandledFailure(error: unknown): void {
    this._state |= FAILED | DEFUSED;
    this._value = error;
  }

  #assertPending(action: string): void {
    if ((this._state & PHASE) !== PENDING) {
      throw new Error(`Cannot ${action} an event: it has already been triggered`);
    }
  }
}

function alreadyProcessed(): never {
  throw new Error("Cannot add a callback: the event has already been processed");
}
