/**
 * A bounded, deterministic sample of per-replication values: every value while there are at
 * most `capacity`, then a uniform random sample of `capacity` of them chosen by a hash of the
 * replication index (bottom-k sampling). Which replications are kept depends only on their
 * indices, never on arrival order, worker count or sharding.
 *
 * @module
 */

/**
 * The 32-bit finaliser of MurmurHash3 applied to both halves of a replication index: a
 * bijection on indices below 2^32, so no two replications tie.
 */
function replicationKey(replication: number): number {
  const mix = (h: number) => {
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  };
  const low = replication % 4294967296;
  return mix((low ^ mix(Math.floor(replication / 4294967296))) >>> 0);
}

/**
 * A sample of at most `capacity` values, one per replication. While no more than `capacity`
 * values have been added it holds all of them, in the order added ({@linkcode complete} is
 * true); after that it keeps the `capacity` replications with the smallest hash of their index,
 * a uniform sample without replacement, so a quantile taken from it is within about
 * √(p(1−p)/capacity) in rank of the quantile of all values (±0.7 percentage points at p = 0.05
 * for capacity 1,000, one standard error).
 *
 * @example All values up to the capacity, then a fixed-size sample
 * ```ts
 * import assert from "node:assert/strict";
 * const s = new BoundedSample(3);
 * for (let r = 0; r < 3; r++) s.add(10 * r, r);
 * assert.ok(s.complete);
 * assert.deepEqual(s.values(), [0, 10, 20]);
 * for (let r = 3; r < 100; r++) s.add(10 * r, r);
 * assert.equal(s.complete, false);
 * assert.equal(s.values().length, 3);
 * assert.equal(s.count, 100);
 * ```
 */
export class BoundedSample {
  readonly #capacity: number;
  #values: number[] = [];
  #keys: number[] = [];
  #count = 0;

  /**
   * @param capacity Most values kept, an integer ≥ 1.
   * @throws {RangeError} If `capacity` is not an integer ≥ 1.
   */
  constructor(capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) {
      throw new RangeError(
        `Cannot create a bounded sample: capacity must be an integer >= 1, received ${
          String(capacity)
        }`,
      );
    }
    this.#capacity = capacity;
  }

  /** Values added so far. */
  get count(): number {
    return this.#count;
  }

  /** True while the sample holds every value added (count ≤ capacity). */
  get complete(): boolean {
    return this.#count <= this.#capacity;
  }

  /**
   * Adds one replication's value.
   *
   * @param value The value.
   * @param replication The replication index, an integer ≥ 0, each at most once.
   */
  add(value: number, replication: number): void {
    const key = replicationKey(replication);
    this.#count++;
    if (this.#count <= this.#capacity) {
      this.#values.push(value);
      this.#keys.push(key);
      return;
    }
    if (this.#count === this.#capacity + 1) this.#heapify();
    if (key >= this.#keys[0]) return;
    this.#keys[0] = key;
    this.#values[0] = value;
    this.#siftDown(0);
  }

  /**
   * The values held: every value in the order added while {@linkcode complete}, otherwise the
   * sampled ones in no particular order.
   *
   * @returns A copy.
   */
  values(): number[] {
    return this.#values.slice();
  }

  // Built at the first value beyond the capacity (the order added no longer matters then).
  #heapify() {
    for (let i = (this.#values.length >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  // Max-heap on keys (the root is the largest key kept), values moved alongside.
  #siftDown(i: number) {
    const keys = this.#keys;
    const values = this.#values;
    const n = keys.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && keys[l] > keys[m]) m = l;
      if (r < n && keys[r] > keys[m]) m = r;
      if (m === i) return;
      [keys[i], keys[m]] = [keys[m], keys[i]];
      [values[i], values[m]] = [values[m], values[i]];
      i = m;
    }
  }
}
