/**
 * Sharding: split replications 0..total−1 into n contiguous slices so a job-array scheduler
 * (Slurm arrays, Kubernetes Indexed Jobs, a CI matrix) can run them on many machines.
 *
 * @module
 */

/** One shard of n, 1-based, as in `--shard k/n`. */
export interface Shard {
  /** Which shard, 1 ≤ index ≤ count. */
  readonly index: number;
  /** How many shards in all, ≥ 1. */
  readonly count: number;
}

/**
 * The replication indices of shard `index` of `count`. Shards are contiguous, in order and
 * balanced: the first `total % count` shards get one extra replication. Every index in
 * 0..total−1 belongs to exactly one shard, and concatenating shards 1..n gives 0..total−1. A
 * shard may be empty when `count > total`.
 *
 * @param total Number of replications in the whole job, an integer ≥ 0.
 * @param shard Which shard of how many.
 * @returns Ascending replication indices.
 * @throws {RangeError} If `total` is not an integer ≥ 0, `count` not an integer ≥ 1, or
 *   `index` not an integer in [1, count].
 *
 * @example Ten replications in three shards
 * ```ts
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(shardIndices(10, { index: 1, count: 3 }), [0, 1, 2, 3]);
 * assert.deepEqual(shardIndices(10, { index: 2, count: 3 }), [4, 5, 6]);
 * assert.deepEqual(shardIndices(10, { index: 3, count: 3 }), [7, 8, 9]);
 * ```
 */
export function shardIndices(total: number, shard: Shard): number[] {
  const action = "Cannot compute shard indices";
  if (!Number.isSafeInteger(total) || total < 0) {
    throw new RangeError(`${action}: total must be an integer >= 0, received ${String(total)}`);
  }
  const { index, count } = shard ?? {};
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new RangeError(`${action}: count must be an integer >= 1, received ${String(count)}`);
  }
  if (!Number.isSafeInteger(index) || index < 1 || index > count) {
    throw new RangeError(
      `${action}: index must be an integer from 1 to ${count}, received ${String(index)}`,
    );
  }
  const base = Math.floor(total / count);
  const extra = total % count;
  const k = index - 1;
  const start = k * base + Math.min(k, extra);
  const size = base + (k < extra ? 1 : 0);
  return Array.from({ length: size }, (_, i) => start + i);
}

/**
 * Parses a `k/n` shard specification (as given to `--shard`).
 *
 * @param text Text such as `"2/5"`.
 * @returns The shard.
 * @throws {RangeError} If the text is not `k/n` with whole numbers 1 ≤ k ≤ n.
 *
 * @example Parse a command-line value
 * ```ts
 * import assert from "node:assert/strict";
 *
 * assert.deepEqual(parseShard("2/5"), { index: 2, count: 5 });
 * assert.throws(() => parseShard("6/5"), RangeError);
 * ```
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(text));
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new RangeError(
      `Cannot parse a shard: expected k/n with whole numbers 1 <= k <= n (e.g. "2/5"), received ${
        JSON.stringify(text)
      }`,
    );
  }
  return { index, count };
}
