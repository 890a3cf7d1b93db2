/**
 * Per-entity records of resource use, as a table: one row per request that has ended (released,
 * withdrawn or pre-empted) — simmer's `get_mon_arrivals(per_resource = TRUE)` and Ciw's
 * `get_all_records()`.
 *
 * @module
 */

/** How a recorded request ended. */
export type RecordOutcome = "released" | "cancelled" | "preempted";

/** One row of {@linkcode ResourceRecords.rows}. */
export interface ResourceRecord {
  /** The requesting process's name (`sim.process(gen, { name })`), or `"(callback)"`. */
  readonly entity: string;
  /** The resource's name. */
  readonly resource: string;
  /** The simulation's replication index. */
  readonly replication: number;
  /** When the request was made, in days. */
  readonly arrivalDays: number;
  /** When it was granted, in days (NaN if it never was: it was withdrawn while queued). */
  readonly startDays: number;
  /** When it ended (released, withdrawn or pre-empted), in days. */
  readonly endDays: number;
  /** Time holding the unit, end − start, in days (NaN if never granted). */
  readonly activityDays: number;
  /** Time waiting in the queue, start − arrival (or end − arrival if withdrawn), in days. */
  readonly waitDays: number;
  /** Requests already waiting when this one arrived (0 if served at once). */
  readonly queueLengthAtArrival: number;
  /** How the request ended. */
  readonly outcome: RecordOutcome;
}

/** What the monitor reads from a request (structural, so this module imports no resource). */
interface RecordedRequest {
  readonly owner: { readonly name: string } | null;
  readonly resource: { readonly name: string };
  readonly sim: { readonly replication: number };
  readonly requestedAtDays: number;
  readonly _queueAtArrival: number;
}

const OUTCOMES: readonly RecordOutcome[] = ["released", "cancelled", "preempted"];
const INITIAL_CAPACITY = 1024;

/**
 * Collects one record per ended request of the resources it watches; pass it as
 * `new Resource(sim, { name, capacity, records })`. Resources without it pay nothing.
 *
 * @example A table of who waited
 * ```ts
 * import assert from "node:assert/strict";
 * import { Resource, type ResourceRequest } from "./resource.ts";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const records = new ResourceRecords();
 * const desk = new Resource(sim, { name: "desk", capacity: 1, records });
 * function* visit() {
 *   using seat = desk.request();
 *   yield seat;
 *   yield sim.timeout(3);
 * }
 * sim.process(visit(), { name: "ann" });
 * sim.process(visit(), { name: "bob" });
 * sim.run();
 * const [ann, bob] = records.rows();
 * assert.deepEqual([ann.entity, ann.startDays, ann.endDays, ann.queueLengthAtArrival], ["ann", 0, 3, 0]);
 * assert.deepEqual([bob.entity, bob.waitDays, bob.activityDays, bob.queueLengthAtArrival], ["bob", 3, 3, 0]);
 * ```
 */
export class ResourceRecords {
  // Rows are kept as columns (numbers in typed arrays, names as shared strings), as simmer's
  // monitor does, so a long run does not hold an object per row.
  #size = 0;
  #capacity = INITIAL_CAPACITY;
  #arrival = new Float64Array(INITIAL_CAPACITY);
  #start = new Float64Array(INITIAL_CAPACITY);
  #end = new Float64Array(INITIAL_CAPACITY);
  #queueLength = new Float64Array(INITIAL_CAPACITY);
  #outcome = new Uint8Array(INITIAL_CAPACITY);
  #replication = new Float64Array(INITIAL_CAPACITY);
  #entity: string[] = [];
  #resource: string[] = [];

  /**
   * The records of requests that have ended, in the order they ended. Requests still queued or
   * held are not in it.
   *
   * @returns One object per row (made on each call).
   */
  rows(): ResourceRecord[] {
    const rows: ResourceRecord[] = new Array(this.#size);
    for (let i = 0; i < this.#size; i++) {
      const arrivalDays = this.#arrival[i];
      const startDays = this.#start[i];
      const endDays = this.#end[i];
      const granted = startDays === startDays; // not NaN
      rows[i] = {
        entity: this.#entity[i],
        resource: this.#resource[i],
        replication: this.#replication[i],
        arrivalDays,
        startDays,
        endDays,
        activityDays: granted ? endDays - startDays : NaN,
        waitDays: (granted ? startDays : endDays) - arrivalDays,
        queueLengthAtArrival: this.#queueLength[i],
        outcome: OUTCOMES[this.#outcome[i]],
      };
    }
    return rows;
  }

  /** Number of records kept. */
  get size(): number {
    return this.#size;
  }

  /**
   * Forgets the rows kept so far (e.g. at the end of a warm-up); requests under way are still
   * recorded when they end.
   */
  clear(): void {
    this.#size = 0;
    this.#entity = [];
    this.#resource = [];
  }

  /**
   * @internal Called by a resource when a request ends.
   * @ignore
   */
  _end(
    request: RecordedRequest,
    startDays: number,
    endDays: number,
    outcome: RecordOutcome,
  ): void {
    if (this.#size === this.#capacity) this.#grow();
    const i = this.#size++;
    this.#arrival[i] = request.requestedAtDays;
    this.#start[i] = startDays;
    this.#end[i] = endDays;
    this.#queueLength[i] = request._queueAtArrival;
    this.#outcome[i] = OUTCOMES.indexOf(outcome);
    this.#replication[i] = request.sim.replication;
    this.#entity[i] = request.owner?.name ?? "(callback)";
    this.#resource[i] = request.resource.name;
  }

  #grow(): void {
    const capacity = this.#capacity * 2;
    const grow = <A extends Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    const f64 = (n: number) => new Float64Array(n);
    this.#arrival = grow(this.#arrival, f64);
    this.#start = grow(this.#start, f64);
    this.#end = grow(this.#end, f64);
    this.#queueLength = grow(this.#queueLength, f64);
    this.#replication = grow(this.#replication, f64);
    this.#outcome = grow(this.#outcome, (n) => new Uint8Array(n));
    this.#capacity = capacity;
  }
}
