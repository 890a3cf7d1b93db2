/**
 * Stores of distinct items (SimPy's `Store` and `FilterStore`): `put` waits until there is room,
 * `get` waits until there is an item — in a {@linkcode FilterStore}, an item that matches the
 * get's predicate (matching people to places, jobs to machines).
 *
 * @module
 */
import { SimEvent } from "./event.ts";
import type { Simulation } from "./simulation.ts";

/** Options for {@linkcode Store} and {@linkcode FilterStore}. */
export interface StoreOptions<T> {
  /** Name used in messages and traces. */
  name: string;
  /**
   * Most items held at once (an integer >= 1, or Infinity).
   * @default {Infinity}
   */
  capacity?: number;
  /**
   * Items in the store at the start (at most `capacity`).
   * @default {[]}
   */
  initial?: readonly T[];
}

/** A pending `get` or `put` on a store; yield it to wait until it completes. */
export class StoreRequest<T> extends SimEvent<T> {
  /** `"get"` or `"put"`. */
  readonly kind: "get" | "put";
  /** When the request was made, in days. */
  readonly requestedAtDays: number;
  /**
   * @internal The item to put, or the predicate a got item must match.
   * @ignore
   */
  readonly _item: T | undefined;
  /**
   * @internal
   * @ignore
   */
  readonly _filter: ((item: T) => boolean) | undefined;
  /**
   * @internal False once withdrawn.
   * @ignore
   */
  _active = true;
  readonly #storeName: string;

  /**
   * @internal Made by {@linkcode Store.get} and {@linkcode Store.put}.
   * @ignore
   */
  constructor(
    sim: Simulation,
    storeName: string,
    kind: "get" | "put",
    item: T | undefined,
    filter: ((item: T) => boolean) | undefined,
  ) {
    super(sim);
    this.kind = kind;
    this.requestedAtDays = sim.now;
    this._item = item;
    this._filter = filter;
    this.#storeName = storeName;
  }

  /**
   * @internal How traces name this event.
   * @ignore
   */
  override _describe(): string {
    return `${this.kind} "${this.#storeName}"`;
  }
}

/**
 * Items waiting to be taken, first in first out; gets are served in the order they were made.
 *
 * @typeParam T The items' type.
 *
 * @example A producer and a consumer
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const parcels = new Store<string>(sim, { name: "parcels", capacity: 1 });
 * const got: string[] = [];
 * sim.process((function* () {
 *   for (const p of ["a", "b"]) yield parcels.put(p); // "b" waits for room
 * })());
 * sim.process((function* () {
 *   yield sim.timeout(5);
 *   got.push(yield parcels.get(), yield parcels.get());
 * })());
 * sim.run();
 * assert.deepEqual(got, ["a", "b"]);
 * ```
 */
export class Store<T> {
  /** The store's name. */
  readonly name: string;
  /** Most items held at once. */
  readonly capacity: number;
  #sim: Simulation;
  #items: T[];
  #gets: StoreRequest<T>[] = [];
  #puts: StoreRequest<T>[] = [];

  /**
   * Creates a store.
   *
   * @param sim The simulation.
   * @param options Name, capacity and initial items.
   * @throws {RangeError} If capacity is not an integer >= 1 (or Infinity) or the initial items
   *   exceed it.
   */
  constructor(sim: Simulation, options: StoreOptions<T>) {
    const { name, capacity = Infinity, initial = [] } = options;
    if (!(capacity === Infinity || (Number.isSafeInteger(capacity) && capacity >= 1))) {
      throw new RangeError(
        `Cannot create store "${name}": capacity must be an integer >= 1 or Infinity, received ${capacity}`,
      );
    }
    if (initial.length > capacity) {
      throw new RangeError(
        `Cannot create store "${name}": initial holds ${initial.length} items, more than the capacity ${capacity}`,
      );
    }
    this.name = name;
    this.capacity = capacity;
    this.#sim = sim;
    this.#items = [...initial];
  }

  /** A snapshot of the items held now, oldest first. A copy. */
  get items(): readonly T[] {
    return [...this.#items];
  }

  /** Gets waiting now. */
  get queuedGets(): number {
    return this.#gets.length;
  }

  /** Puts waiting now (for room). */
  get queuedPuts(): number {
    return this.#puts.length;
  }

  /**
   * Adds an item when there is room (puts are served first in, first out).
   *
   * @param item The item.
   * @returns A request that fires with the item once it is in the store.
   */
  put(item: T): StoreRequest<T> {
    const request = new StoreRequest<T>(this.#sim, this.name, "put", item, undefined);
    this.#puts.push(request);
    this.#settle();
    return request;
  }

  /**
   * Takes the oldest item, waiting until there is one.
   *
   * @returns A request that fires with the item taken.
   */
  get(): StoreRequest<T> {
    return this._get(undefined);
  }

  /**
   * Withdraws a waiting get or put (e.g. someone stops waiting); a completed one is unaffected.
   *
   * @param request A request of this store.
   * @returns True if the request was still waiting.
   */
  cancel(request: StoreRequest<T>): boolean {
    const queue = request.kind === "get" ? this.#gets : this.#puts;
    const i = queue.indexOf(request);
    if (i < 0) return false;
    queue.splice(i, 1);
    request._active = false;
    this.#settle();
    return true;
  }

  /**
   * @internal A get for the oldest item matching `filter` (any item when undefined).
   * @ignore
   */
  _get(filter: ((item: T) => boolean) | undefined): StoreRequest<T> {
    if (filter !== undefined && typeof filter !== "function") {
      throw new TypeError(
        `Cannot get from store "${this.name}": the filter must be a function (item) => boolean, received ${typeof filter}`,
      );
    }
    const request = new StoreRequest<T>(this.#sim, this.name, "get", undefined, filter);
    this.#gets.push(request);
    this.#settle();
    return request;
  }

  /** Serves puts while there is room and gets while some item matches, until neither can move. */
  #settle(): void {
    const items = this.#items;
    let progressed = true;
    while (progressed) {
      progressed = false;
      while (this.#puts.length > 0 && items.length < this.capacity) {
        const put = this.#puts.shift()!;
        items.push(put._item as T);
        put.succeed(put._item);
        progressed = true;
      }
      for (let g = 0; g < this.#gets.length && items.length > 0; g++) {
        const get = this.#gets[g];
        const filter = get._filter;
        const i = filter === undefined ? 0 : items.findIndex(filter);
        if (i < 0) continue;
        const [item] = items.splice(i, 1);
        this.#gets.splice(g--, 1);
        get.succeed(item);
        progressed = true;
      }
    }
  }
}

/**
 * A {@linkcode Store} whose gets take the oldest item matching a predicate. Gets are considered
 * in the order they were made; a get that nothing matches waits without holding up later gets
 * that something does match.
 *
 * @typeParam T The items' type.
 *
 * @example Match each arrival to a place of its kind
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * interface Place { id: number; kind: "side room" | "bay" }
 * const sim = new Simulation();
 * const places = new FilterStore<Place>(sim, {
 *   name: "places",
 *   initial: [{ id: 1, kind: "bay" }, { id: 2, kind: "side room" }, { id: 3, kind: "bay" }],
 * });
 * const got: number[] = [];
 * sim.process((function* () {
 *   const room: Place = yield places.get((p) => p.kind === "side room");
 *   const bay: Place = yield places.get((p) => p.kind === "bay");
 *   got.push(room.id, bay.id);
 * })());
 * sim.run();
 * assert.deepEqual(got, [2, 1]);
 * ```
 */
export class FilterStore<T> extends Store<T> {
  /**
   * Takes the oldest item for which `filter` returns true, waiting until there is one.
   *
   * @param filter The predicate (any item when left out).
   * @returns A request that fires with the item taken.
   * @throws {TypeError} If `filter` is given and is not a function.
   */
  override get(filter?: (item: T) => boolean): StoreRequest<T> {
    return this._get(filter);
  }
}
