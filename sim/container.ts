/**
 * A level-based store of a continuous or countable amount (hours per week, litres, doses):
 * `get` waits until enough is available, `put` waits until there is room. Both queues are
 * first in, first out, so a large `get` at the head blocks smaller ones behind it.
 *
 * @module
 */
import { SimEvent } from "./event.ts";
import { TimeWeighted } from "./monitor/time_weighted.ts";
import type { Simulation } from "./simulation.ts";

/** Options for {@linkcode Container}. */
export interface ContainerOptions {
  /** Name used in messages and statistics. */
  name: string;
  /** Largest level (> 0, may be Infinity). */
  capacity: number;
  /**
   * Level at the start.
   * @default {0}
   */
  initial?: number;
}

/** Statistics since the start or the last {@linkcode Container.resetStats}. */
export interface ContainerStats {
  /** The container's name. */
  name: string;
  /** Length of the observation window, in days. */
  observedDays: number;
  /** Time-weighted mean level. */
  meanLevel: number;
  /** Time-weighted mean number of waiting gets. */
  meanGetQueueLength: number;
  /** Longest get queue seen. */
  maxGetQueueLength: number;
  /** Mean wait of completed gets, in days. */
  meanGetWaitDays: number;
  /** Completed gets. */
  gets: number;
  /** Completed puts. */
  puts: number;
}

/** A pending `get` or `put` on a container; yield it to wait until it completes. */
export class ContainerRequest extends SimEvent<number> {
  /** Amount asked to take or add. */
  readonly amount: number;
  /** When the request was made. */
  readonly requestedAtDays: number;
  /**
   * @internal
   * @ignore
   */
  _active = true;
  /**
   * @internal
   * @ignore
   */
  readonly _kind: "get" | "put";

  /**
   * @internal Made by {@linkcode Container.get} and {@linkcode Container.put}.
   * @ignore
   */
  constructor(sim: Simulation, amount: number, kind: "get" | "put") {
    super(sim);
    this.amount = amount;
    this._kind = kind;
    this.requestedAtDays = sim.now;
  }
}

class Fifo<T> {
  #items: (T | undefined)[] = [];
  #head = 0;

  get size(): number {
    return this.#items.length - this.#head;
  }

  push(item: T): void {
    this.#items.push(item);
  }

  peek(): T | undefined {
    return this.#items[this.#head];
  }

  shift(): T | undefined {
    const item = this.#items[this.#head];
    this.#items[this.#head++] = undefined;
    if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return item;
  }
}

/**
 * A level with a capacity, e.g. home-care hours per week.
 *
 * @example Packages take hours while there are hours to take
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const hours = new Container(sim, { name: "hours", capacity: 20, initial: 20 });
 * const started: number[] = [];
 * function* pkg() {
 *   yield hours.get(12);
 *   started.push(sim.now);
 *   yield sim.timeout(30);
 *   yield hours.put(12);
 * }
 * sim.process(pkg());
 * sim.process(pkg());
 * sim.run();
 * assert.deepEqual(started, [0, 30]);
 * ```
 */
export class Container {
  /** The container's name. */
  readonly name: string;
  /** Largest level. */
  readonly capacity: number;
  #sim: Simulation;
  #level: number;
  #gets = new Fifo<ContainerRequest>();
  #waitingGets = 0;
  #puts = new Fifo<ContainerRequest>();
  // statistics: the engine's time-weighted monitors, and counts
  #levelMonitor: TimeWeighted;
  #getQueueMonitor: TimeWeighted;
  #getWaitSum = 0;
  #getCount = 0;
  #putCount = 0;

  /**
   * Creates a container.
   *
   * @param sim The simulation.
   * @param options Name, capacity and initial level.
   * @throws {RangeError} If capacity is not > 0 or the initial level is outside [0, capacity].
   */
  constructor(sim: Simulation, options: ContainerOptions) {
    const { name, capacity, initial = 0 } = options;
    if (!(capacity > 0)) {
      throw new RangeError(
        `Cannot create container "${name}": capacity must be > 0, received ${capacity}`,
      );
    }
    if (!(initial >= 0 && initial <= capacity)) {
      throw new RangeError(
        `Cannot create container "${name}": initial must be between 0 and capacity (${capacity}), received ${initial}`,
      );
    }
    this.name = name;
    this.capacity = capacity;
    this.#sim = sim;
    this.#level = initial;
    this.#levelMonitor = new TimeWeighted(sim, { initial });
    this.#getQueueMonitor = new TimeWeighted(sim);
  }

  /** The amount in the container now. */
  get level(): number {
    return this.#level;
  }

  /** Gets waiting now. */
  get queuedGets(): number {
    return this.#waitingGets;
  }

  /**
   * Gets waiting now.
   *
   * @deprecated Use {@linkcode Container.queuedGets} (a property, not a method).
   */
  get getQueueLength(): number {
    return this.#waitingGets;
  }

  /**
   * Takes `amount` out when available (first come, first served).
   *
   * @param amount Amount to take (> 0, <= capacity).
   * @returns A request that fires with the amount once taken.
   * @throws {RangeError} If the amount is not > 0 or exceeds the capacity.
   */
  get(amount: number): ContainerRequest {
    this.#checkAmount(amount, "get");
    const request = new ContainerRequest(this.#sim, amount, "get");
    this.#gets.push(request);
    this.#getQueueMonitor.update(++this.#waitingGets);
    this.#settle();
    return request;
  }

  /**
   * Adds `amount` when there is room (first come, first served).
   *
   * @param amount Amount to add (> 0, <= capacity).
   * @returns A request that fires with the amount once added.
   * @throws {RangeError} If the amount is not > 0 or exceeds the capacity.
   */
  put(amount: number): ContainerRequest {
    this.#checkAmount(amount, "put");
    const request = new ContainerRequest(this.#sim, amount, "put");
    this.#puts.push(request);
    this.#settle();
    return request;
  }

  /**
   * Withdraws a waiting get or put (e.g. someone stops waiting); a completed one is unaffected.
   *
   * @param request A request of this container.
   * @returns True if the request was still waiting.
   */
  cancel(request: ContainerRequest): boolean {
    if (!request._active || request.triggered) return false;
    request._active = false;
    if (this.#isGet(request)) this.#getQueueMonitor.update(--this.#waitingGets);
    this.#settle();
    return true;
  }

  /**
   * Statistics since the start or the last reset.
   *
   * @returns Time-weighted level and queue, waits and counts.
   */
  stats(): ContainerStats {
    const observed = this.#levelMonitor.durationDays;
    const per = (level: TimeWeighted) => (observed > 0 ? level.mean() : 0);
    return {
      name: this.name,
      observedDays: observed,
      meanLevel: per(this.#levelMonitor),
      meanGetQueueLength: per(this.#getQueueMonitor),
      maxGetQueueLength: this.#getQueueMonitor.max,
      meanGetWaitDays: this.#getCount > 0 ? this.#getWaitSum / this.#getCount : 0,
      gets: this.#getCount,
      puts: this.#putCount,
    };
  }

  /** Starts a new observation window now, keeping the state. */
  resetStats(): void {
    this.#levelMonitor.reset();
    this.#getQueueMonitor.reset();
    this.#getWaitSum = 0;
    this.#getCount = this.#putCount = 0;
  }

  #settle(): void {
    let progressed = true;
    while (progressed) {
      progressed = false;
      while (this.#puts.size > 0) {
        const put = this.#puts.peek()!;
        if (!put._active) {
          this.#puts.shift();
          continue;
        }
        if (this.#level + put.amount > this.capacity) break;
        this.#puts.shift();
        this.#levelMonitor.update(this.#level += put.amount);
        this.#putCount++;
        put.succeed(put.amount);
        progressed = true;
      }
      while (this.#gets.size > 0) {
        const get = this.#gets.peek()!;
        if (!get._active) {
          this.#gets.shift();
          continue;
        }
        if (this.#level < get.amount) break;
        this.#gets.shift();
        this.#getQueueMonitor.update(--this.#waitingGets);
        this.#levelMonitor.update(this.#level -= get.amount);
        this.#getCount++;
        this.#getWaitSum += this.#sim.now - get.requestedAtDays;
        get.succeed(get.amount);
        progressed = true;
      }
    }
  }

  #isGet(request: ContainerRequest): boolean {
    return request._kind === "get";
  }

  #checkAmount(amount: number, action: string): void {
    if (!(amount > 0) || amount > this.capacity) {
      throw new RangeError(
        `Cannot ${action} from container "${this.name}": amount must be > 0 and <= capacity (${this.capacity}), received ${amount}`,
      );
    }
  }
}
