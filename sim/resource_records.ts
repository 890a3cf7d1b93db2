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
}

interface Arrival {
  entity: string;
  queueLength: number;
}

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
  #open = new Map<RecordedRequest, Arrival>();
  #rows: ResourceRecord[] = [];

  /**
   * The records of requests that have ended, in the order they ended. Requests still queued or
   * held are not in it.
   *
   * @returns A copy of the rows.
   */
  rows(): ResourceRecord[] {
    return [...this.#rows];
  }

  /** Number of records kept. */
  get size(): number {
    return this.#rows.length;
  }

  /**
   * Forgets the rows kept so far (e.g. at the end of a warm-up); requests under way are still
   * recorded when they end.
   */
  clear(): void {
    this.#rows = [];
  }

  /**
   * @internal Called by a resource when a request is made.
   * @ignore
   */
  _arrive(request: RecordedRequest, queueLength: number): void {
    this.#open.set(request, { entity: request.owner?.name ?? "(callback)", queueLength });
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
    const arrival = this.#open.get(request);
    if (arrival === undefined) return;
    this.#open.delete(request);
    const arrivalDays = request.requestedAtDays;
    const granted = startDays === startDays; // not NaN
    this.#rows.push({
      entity: arrival.entity,
      resource: request.resource.name,
      replication: request.sim.replication,
      arrivalDays,
      startDays,
      endDays,
      activityDays: granted ? endDays - startDays : NaN,
      waitDays: (granted ? startDays : endDays) - arrivalDays,
      queueLengthAtArrival: arrival.queueLength,
      outcome,
    });
  }
}
