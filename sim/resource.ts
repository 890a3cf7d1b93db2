/**
 * A counted resource (servers, machines, staff): requests queue by priority (lower first, first in
 * first out within a priority), capacity may follow a schedule, and pre-emption is optional.
 *
 * @module
 */
import { SimEvent } from "./event.ts";
import type { Process } from "./process.ts";
import { PriorityQueue } from "./_priority_queue.ts";
import { TimeWeighted } from "./monitor/time_weighted.ts";
import type { RecordOutcome, ResourceRecords } from "./resource_records.ts";
import type { Simulation } from "./simulation.ts";

/** Where a request stands. */
export type RequestStatus = "queued" | "granted" | "released" | "cancelled" | "preempted";

/** A time-varying capacity: from `timesDays[i]` on, capacity is `capacities[i]`. */
export interface CapacitySchedule {
  /** Increasing change times, in days from the start (>= 0). */
  timesDays: readonly number[];
  /** Capacity from each change time on (non-negative integers). */
  capacities: readonly number[];
  /** When given, the schedule repeats with this period (e.g. 365 for a yearly pattern). */
  periodDays?: number;
}

/** Options for {@linkcode Resource}. */
export interface ResourceOptions {
  /** Name used in messages and statistics. */
  name: string;
  /** Number of units (non-negative integer). Ignored when `capacitySchedule` starts at 0. */
  capacity: number;
  /**
   * Whether `request({ preempt: true })` may take a unit from a lower-priority holder.
   * @default {false}
   */
  preemptive?: boolean;
  /** Capacity changes over time. */
  capacitySchedule?: CapacitySchedule;
  /**
   * A monitor that keeps one record per request (entity, arrival, start, end, activity time,
   * queue length at arrival); one monitor may watch several resources.
   */
  records?: ResourceRecords;
}

/** Options for {@linkcode Resource.request}. */
export interface RequestOptions {
  /**
   * Lower numbers are served first.
   * @default {0}
   */
  priority?: number;
  /**
   * On a pre-emptive resource, take a unit from the holder with the worst priority if it is
   * worse than this request's.
   * @default {false}
   */
  preempt?: boolean;
}

/** The cause carried by the interrupt a pre-empted holder receives. */
export interface Preemption {
  /** The resource's name. */
  resource: string;
  /** The process whose request took the unit (null outside a process). */
  by: Process<unknown> | null;
  /** When the pre-empted holder got the unit. */
  usageSinceDays: number;
}

/** Statistics since the start or the last {@linkcode Resource.resetStats}. */
export interface ResourceStats {
  /** The resource's name. */
  name: string;
  /** Length of the observation window, in days. */
  observedDays: number;
  /** Time-weighted mean number of units in use. */
  meanInUse: number;
  /** Time-weighted mean capacity. */
  meanCapacity: number;
  /** Units-in-use area over capacity area (0 when capacity was always 0). */
  utilisation: number;
  /** Time-weighted mean queue length. */
  meanQueueLength: number;
  /** Longest queue seen. */
  maxQueueLength: number;
  /** Mean wait from request to grant over granted requests, in days. */
  meanWaitDays: number;
  /** Longest wait over granted requests, in days. */
  maxWaitDays: number;
  /** Requests made. */
  requests: number;
  /** Requests granted. */
  granted: number;
  /** Units released. */
  released: number;
  /** Queued requests withdrawn. */
  cancelled: number;
  /** Holders pre-empted. */
  preempted: number;
}

/**
 * A request for one unit of a {@linkcode Resource}; yield it to wait for the grant, then pass it
 * to `release`. It is disposable: declared with `using` (then yielded), it is released — or,
 * still queued, withdrawn — when the block ends, however it ends (an interrupt while waiting
 * included): SimPy's `with resource.request() as req: yield req`.
 *
 * @example Release on scope exit with `using`
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const servers = new Resource(sim, { name: "servers", capacity: 1 });
 * function* job() {
 *   using unit = servers.request(); // released (or withdrawn) when job() exits
 *   yield unit;
 *   yield sim.timeout(2);
 * } // released here
 * sim.process(job());
 * sim.process(job());
 * sim.run();
 * assert.equal(sim.now, 4);
 * assert.equal(servers.inUse, 0);
 * ```
 */
export class ResourceRequest extends SimEvent<ResourceRequest> {
  /** The resource asked. */
  readonly resource: Resource;
  /** The process that made the request (null outside a process). */
  readonly owner: Process<unknown> | null;
  /** When the request was made. */
  readonly requestedAtDays: number;
  /** When it was granted (NaN until then). */
  grantedAtDays: number;
  /**
   * @internal Queue priority; also the request's priority.
   * @ignore
   */
  _qp: number;
  /**
   * @internal Queue insertion id while queued; grant order once granted.
   * @ignore
   */
  _qid: number;
  /**
   * @internal
   * @ignore
   */
  _status: RequestStatus;
  /**
   * @internal Index in the resource's holder list while granted.
   * @ignore
   */
  _slot: number;
  /**
   * @internal Requests waiting when this one was made (kept only for records).
   * @ignore
   */
  _queueAtArrival: number;

  /**
   * @internal Made by {@linkcode Resource.request}.
   * @ignore
   */
  constructor(resource: Resource, sim: Simulation, priority: number) {
    super(sim);
    this.resource = resource;
    this._qp = priority;
    this.owner = sim.activeProcess;
    this.requestedAtDays = sim.now;
    this.grantedAtDays = NaN;
    this._qid = 0;
    this._status = "queued";
    this._slot = -1;
    this._queueAtArrival = 0;
  }

  /** The request's priority (lower first). */
  get priority(): number {
    return this._qp;
  }

  /** Where the request stands. */
  get status(): RequestStatus {
    return this._status;
  }

  /** Releases the unit if granted, withdraws the request if queued; otherwise does nothing. */
  [Symbol.dispose](): void {
    this.resource.cancel(this);
  }

  /**
   * @internal How traces name this event.
   * @ignore
   */
  override _describe(): string {
    return `request "${this.resource.name}"`;
  }
}

/**
 * The former name of {@linkcode ResourceRequest}, which shadowed the global fetch `Request`.
 *
 * @deprecated Use {@linkcode ResourceRequest}.
 */
export const Request: typeof ResourceRequest = ResourceRequest;
/**
 * The former name of {@linkcode ResourceRequest}.
 *
 * @deprecated Use {@linkcode ResourceRequest}.
 */
export type Request = ResourceRequest;

/**
 * A counted resource with a priority queue.
 *
 * @example Three jobs share two servers
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const servers = new Resource(sim, { name: "servers", capacity: 2 });
 * const log: string[] = [];
 * function* job(name: string) {
 *   const unit: ResourceRequest = yield servers.request();
 *   log.push(`${sim.now} ${name} starts`);
 *   yield sim.timeout(4);
 *   servers.release(unit);
 * }
 * for (const name of ["a", "b", "c"]) sim.process(job(name));
 * sim.run();
 * assert.deepEqual(log, ["0 a starts", "0 b starts", "4 c starts"]);
 * assert.equal(servers.stats().meanWaitDays, 4 / 3);
 * ```
 *
 * @example Who waits and who holds (read-only snapshots)
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const desk = new Resource(sim, { name: "desk", capacity: 1 });
 * const first = desk.request();
 * const low = desk.request({ priority: 2 });
 * const high = desk.request({ priority: 1 });
 * assert.deepEqual(desk.users, [first]);
 * assert.deepEqual(desk.queue, [high, low]);
 * ```
 */
export class Resource {
  /** The resource's name. */
  readonly name: string;
  /** Whether pre-emption is allowed. */
  readonly preemptive: boolean;
  #sim: Simulation;
  #capacity: number;
  #inUse = 0;
  #queued = 0;
  #queue = new PriorityQueue<ResourceRequest>();
  /** Granted requests still holding a unit, in grant order. */
  /** Granted requests holding a unit, in no particular order (each knows its `_slot`). */
  #holders: ResourceRequest[] = [];
  #records: ResourceRecords | null;
  #seq = 0;
  // statistics: the engine's time-weighted monitors, and counts
  #inUseLevel: TimeWeighted;
  #capacityLevel: TimeWeighted;
  #queueLevel: TimeWeighted;
  #waitSum = 0;
  #waitMax = 0;
  #requests = 0;
  #granted = 0;
  #released = 0;
  #cancelled = 0;
  #preempted = 0;

  /**
   * Creates a resource.
   *
   * @param sim The simulation.
   * @param options Name, capacity, pre-emption and capacity schedule.
   * @throws {RangeError} If capacity is not a non-negative integer or the schedule is invalid.
   */
  constructor(sim: Simulation, options: ResourceOptions) {
    const { name, capacity, preemptive = false, capacitySchedule, records } = options;
    if (typeof name !== "string" || name.length === 0) {
      throw new TypeError(
        `Cannot create a resource: name must be a non-empty string, received ${name}`,
      );
    }
    checkCapacity(name, capacity);
    this.name = name;
    this.preemptive = preemptive;
    this.#sim = sim;
    this.#capacity = capacity;
    this.#records = records ?? null;
    if (capacitySchedule !== undefined) this.#followSchedule(capacitySchedule);
    this.#inUseLevel = new TimeWeighted(sim);
    this.#capacityLevel = new TimeWeighted(sim, { initial: this.#capacity });
    this.#queueLevel = new TimeWeighted(sim);
  }

  /** Current number of units. */
  get capacity(): number {
    return this.#capacity;
  }

  /** Units held now (may exceed capacity after a capacity cut, until holders release). */
  get inUse(): number {
    return this.#inUse;
  }

  /** Requests waiting now. */
  get queueLength(): number {
    return this.#queued;
  }

  /**
   * A snapshot of the requests waiting now, in the order they will be served (priority, then
   * first in first out). A copy: changing it changes nothing.
   */
  get queue(): readonly ResourceRequest[] {
    return this.#queue.toArray().filter((r) => r._status === "queued");
  }

  /** A snapshot of the granted requests holding a unit now, in grant order. A copy. */
  get users(): readonly ResourceRequest[] {
    return [...this.#holders].sort((a, b) => a._qid - b._qid);
  }

  /**
   * Asks for one unit. Yield the returned request to wait until it is granted.
   *
   * @param options Priority and pre-emption.
   * @returns The request.
   * @throws {Error} If `preempt` is asked of a resource that is not pre-emptive.
   */
  request(options?: RequestOptions): ResourceRequest {
    const priority = options?.priority ?? 0;
    const preempt = options?.preempt ?? false;
    if (!Number.isFinite(priority)) this.#badPriority(priority);
    if (preempt && !this.preemptive) this.#notPreemptive();
    const request = new ResourceRequest(this, this.#sim, priority);
    this.#requests++;
    if (this.#records !== null) request._queueAtArrival = this.#queued;
    if (this.#queued === 0 && this.#inUse < this.#capacity) {
      this.#grant(request);
    } else if (preempt && this.#preemptFor(request)) {
      this.#grant(request);
    } else {
      this.#queue.push(request, priority);
      this.#queueLevel.update(++this.#queued);
    }
    if (this.#sim._trace !== null) this.#trace(request, "request");
    return request;
  }

  /**
   * Gives back the unit a granted request holds; the first queued request gets it. Releasing a
   * pre-empted request does nothing (its unit was already taken).
   *
   * @param request A request of this resource.
   * @throws {Error} If the request was not granted or was already released.
   */
  release(request: ResourceRequest): void {
    this.#checkOwn(request, "release");
    if (request._status === "preempted") return;
    if (request._status !== "granted") this.#refuseRelease(request);
    request._status = "released";
    this.#dropHolder(request);
    this.#inUseLevel.update(--this.#inUse);
    this.#released++;
    if (this.#records !== null) this.#end(request, "released");
    if (this.#sim._trace !== null) this.#trace(request, "release");
    this.#serve();
  }

  /**
   * Withdraws a request: a queued one leaves the queue (reneging); a granted one is released.
   * Cancelling a released, cancelled or pre-empted request does nothing.
   *
   * @param request A request of this resource.
   */
  cancel(request: ResourceRequest): void {
    this.#checkOwn(request, "cancel");
    if (request._status === "granted") {
      this.release(request);
    } else if (request._status === "queued") {
      request._status = "cancelled";
      this.#queueLevel.update(--this.#queued);
      this.#cancelled++;
      if (this.#records !== null) this.#end(request, "cancelled");
      if (this.#sim._trace !== null) this.#trace(request, "withdraw");
      this.#serve();
    }
  }

  /**
   * Changes the capacity now. A cut never evicts holders: units close as holders release them.
   * A rise serves queued requests at once.
   *
   * @param capacity The new number of units (non-negative integer).
   * @throws {RangeError} If capacity is not a non-negative integer.
   */
  setCapacity(capacity: number): void {
    checkCapacity(this.name, capacity);
    this.#capacity = capacity;
    this.#capacityLevel.update(capacity);
    this.#serve();
  }

  /**
   * Statistics since the start or the last reset.
   *
   * @returns Time-weighted use, utilisation, queue and wait statistics and counts.
   */
  stats(): ResourceStats {
    const observed = this.#inUseLevel.durationDays;
    const areaInUse = this.#inUseLevel.integral;
    const areaCapacity = this.#capacityLevel.integral;
    const per = (level: TimeWeighted) => (observed > 0 ? level.mean() : 0);
    return {
      name: this.name,
      observedDays: observed,
      meanInUse: per(this.#inUseLevel),
      meanCapacity: per(this.#capacityLevel),
      utilisation: areaCapacity > 0 ? areaInUse / areaCapacity : 0,
      meanQueueLength: per(this.#queueLevel),
      maxQueueLength: this.#queueLevel.max,
      meanWaitDays: this.#granted > 0 ? this.#waitSum / this.#granted : 0,
      maxWaitDays: this.#waitMax,
      requests: this.#requests,
      granted: this.#granted,
      released: this.#released,
      cancelled: this.#cancelled,
      preempted: this.#preempted,
    };
  }

  /** Starts a new observation window now (e.g. at the end of a warm-up), keeping the state. */
  resetStats(): void {
    this.#inUseLevel.reset();
    this.#capacityLevel.reset();
    this.#queueLevel.reset();
    this.#waitSum = this.#waitMax = 0;
    this.#requests =
      this.#granted =
      this.#released =
      this.#cancelled =
      this.#preempted =
        0;
  }

  #grant(request: ResourceRequest): void {
    const now = this.#sim.now;
    request._status = "granted";
    request._qid = this.#seq++;
    request.grantedAtDays = now;
    request._slot = this.#holders.length;
    this.#holders.push(request);
    this.#inUseLevel.update(++this.#inUse);
    this.#granted++;
    const wait = now - request.requestedAtDays;
    this.#waitSum += wait;
    if (wait > this.#waitMax) this.#waitMax = wait;
    request._succeedNow(request);
  }

  /** Removes a holder by moving the last one into its slot. */
  #dropHolder(request: ResourceRequest): void {
    const holders = this.#holders;
    const last = holders.pop()!;
    if (last !== request) {
      holders[request._slot] = last;
      last._slot = request._slot;
    }
    request._slot = -1;
  }

  #serve(): void {
    while (this.#queued > 0 && this.#inUse < this.#capacity) {
      const next = this.#queue.pop()!;
      if (next._status !== "queued") continue;
      this.#queueLevel.update(--this.#queued);
      this.#grant(next);
      if (this.#sim._trace !== null) this.#trace(next, "grant");
    }
    // drop withdrawn requests at the head so the heap does not keep them forever
    while (this.#queued === 0 && this.#queue.size > 0) this.#queue.pop();
  }

  #preemptFor(request: ResourceRequest): boolean {
    let victim: ResourceRequest | null = null;
    for (const holder of this.#holders) {
      if (
        victim === null || holder.priority > victim.priority ||
        (holder.priority === victim.priority && holder._qid > victim._qid)
      ) victim = holder;
    }
    if (victim === null || victim.priority <= request.priority) return false;
    victim._status = "preempted";
    this.#dropHolder(victim);
    this.#inUseLevel.update(--this.#inUse);
    this.#preempted++;
    if (this.#records !== null) this.#end(victim, "preempted");
    if (this.#sim._trace !== null) this.#trace(victim, "pre-empted");
    const cause: Preemption = {
      resource: this.name,
      by: request.owner,
      usageSinceDays: victim.grantedAtDays,
    };
    if (victim.owner !== null && victim.owner.isAlive) victim.owner.interrupt(cause);
    return true;
  }

  #end(request: ResourceRequest, outcome: RecordOutcome): void {
    this.#records!._end(request, request.grantedAtDays, this.#sim.now, outcome);
  }

  #trace(request: ResourceRequest, action: string): void {
    const sim = this.#sim;
    const detail = action === "request"
      ? request._status === "granted" ? " (granted)" : ` (queued, ${this.#queued} waiting)`
      : "";
    sim._trace!({
      timeDays: sim.now,
      process: request.owner?.name ?? null,
      what: `${action} "${this.name}"${detail}`,
    });
  }

  #checkOwn(request: ResourceRequest, action: string): void {
    if (!(request instanceof ResourceRequest) || request.resource !== this) this.#notOwn(action);
  }

  // Errors are raised from methods of their own so that the hot paths stay small enough for
  // the optimizing compiler to inline.

  #badPriority(priority: number): never {
    throw new RangeError(
      `Cannot request from "${this.name}": priority must be a finite number, received ${priority}`,
    );
  }

  #notPreemptive(): never {
    throw new Error(
      `Cannot pre-empt on "${this.name}": create the resource with { preemptive: true }`,
    );
  }

  #refuseRelease(request: ResourceRequest): never {
    throw new Error(
      `Cannot release a unit of "${this.name}": the request is ${request._status}, not granted` +
        (request._status === "released" ? " (released twice?)" : " (cancel a queued request)"),
    );
  }

  #notOwn(action: string): never {
    throw new TypeError(
      `Cannot ${action} on "${this.name}": expected a request made by this resource`,
    );
  }

  #followSchedule(schedule: CapacitySchedule): void {
    const { timesDays, capacities, periodDays } = schedule;
    const where = `Cannot create resource "${this.name}"`;
    if (timesDays.length === 0 || timesDays.length !== capacities.length) {
      throw new RangeError(
        `${where}: capacitySchedule needs as many capacities as times (at least one), received ${timesDays.length} times and ${capacities.length} capacities`,
      );
    }
    for (let i = 0; i < timesDays.length; i++) {
      if (!(timesDays[i] >= 0) || (i > 0 && !(timesDays[i] > timesDays[i - 1]))) {
        throw new RangeError(
          `${where}: capacitySchedule.timesDays must be increasing and >= 0, received ${
            timesDays.join(", ")
          }`,
        );
      }
      checkCapacity(this.name, capacities[i]);
    }
    if (periodDays !== undefined && !(periodDays > timesDays[timesDays.length - 1])) {
      throw new RangeError(
        `${where}: capacitySchedule.periodDays must exceed the last change time, received ${periodDays}`,
      );
    }
    const sim = this.#sim;
    const start = sim.now;
    const at = (i: number, cycle: number) => {
      const when = start + timesDays[i] + cycle * (periodDays ?? 0);
      sim.schedule(when - sim.now, () => {
        this.setCapacity(capacities[i]);
        if (i + 1 < timesDays.length) at(i + 1, cycle);
        else if (periodDays !== undefined) at(0, cycle + 1);
      }, { priority: -1 });
    };
    if (timesDays[0] === 0) this.#capacity = capacities[0];
    at(0, 0);
  }
}

function checkCapacity(name: string, capacity: number): void {
  if (!Number.isSafeInteger(capacity) || capacity < 0) {
    throw new RangeError(
      `Cannot set the capacity of "${name}": capacity must be a non-negative integer, received ${capacity}`,
    );
  }
}
