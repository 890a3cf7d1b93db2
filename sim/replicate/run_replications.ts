/**
 * Run replications of a model in parallel on Web Workers, deterministically.
 *
 * @module
 */

import { streamReplications, type StreamReplicationsOptions } from "./stream_replications.ts";

/** What a replication function receives. */
export interface ReplicationContext<I> {
  /** The master seed of the whole run (the same for every replication). */
  readonly seed: number;
  /** The replication index, 0-based. */
  readonly replication: number;
  /** The input, freshly structured-cloned for this replication. */
  readonly input: I;
}

/**
 * The function a replication module exports: derives everything random from
 * `(seed, replication)` and returns a structured-cloneable result.
 */
export type ReplicationFunction<I, R> = (context: ReplicationContext<I>) => R | Promise<R>;

/** Options for {@linkcode runReplications}. */
export interface RunReplicationsOptions<I> extends StreamReplicationsOptions<I> {
  /** Called after each finished replication, in replication order, with (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replications on a pool of Web Workers and returns their results sorted by replication
 * index (it collects {@linkcode streamReplications}, so every result is held until the end: use
 * `streamReplications` for many replications). Idle workers take the next replication (dynamic
 * load balancing). A replication's result depends only on `(seed, replication, input)`, so the
 * results are identical whatever the worker count or sharding, provided the function keeps no
 * mutable module-level state between calls (a worker runs many replications in one module
 * instance).
 *
 * If a replication throws (or its result cannot be cloned) the promise rejects with an error
 * naming the replication, whose `cause` carries the original error, and all workers are
 * terminated. Workers are always terminated at the end.
 *
 * @typeParam R The result of one replication.
 * @typeParam I The input type.
 * @param options Module, export, input, counts, seed and optional workers, indices, progress.
 * @returns Results in ascending replication order (one per index run).
 * @throws {RangeError} If `replications`, `workers` or `indices` are out of range, or `seed`
 *   is not finite.
 * @throws {TypeError} If `exportName` is not a non-empty string, `module` is not a URL or
 *   string, `onProgress` is not a function, or `input` cannot be structured-cloned.
 * @throws {Error} (rejection) If a replication fails: "Cannot run replication 3: …".
 *
 * @example Three replications of a tiny inline module
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const module = "data:text/javascript," + encodeURIComponent(
 *   "export function run({ seed, replication, input }) { return seed + replication * input.k; }",
 * );
 * const results = await runReplications<number, { k: number }>({
 *   module, exportName: "run", input: { k: 10 }, replications: 3, seed: 1, workers: 2,
 * });
 * assert.deepEqual(results, [1, 11, 21]);
 * ```
 */
export async function runReplications<R = unknown, I = unknown>(
  options: RunReplicationsOptions<I>,
): Promise<R[]> {
  const { onProgress } = options;
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError(
      `Cannot run replications: onProgress must be a function, received ${typeof onProgress}`,
    );
  }
  const results: R[] = [];
  const stream = streamReplications<R, I>(options);
  for await (const { replication, value } of stream) {
    results.push(value);
    try {
      onProgress?.(results.length, stream.total);
    } catch (error) {
      throw new Error(
        `Cannot run replications: onProgress threw after replication ${replication}`,
        { cause: error },
      );
    }
  }
  return results;
}
