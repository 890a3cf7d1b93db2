/**
 * Run replications of a model in parallel on Web Workers, deterministically.
 *
 * @module
 */

import type { FromWorker, ToWorker } from "./_protocol.ts";
import {
  currentDirectoryUrl,
  defaultWorkerCount,
  type ReplicationWorker,
  startWorker,
} from "./_worker_adapter.ts";

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
export interface RunReplicationsOptions<I> {
  /**
   * The module exporting the replication function: a `URL`, or a string holding an absolute
   * URL (`file:`, `https:`, `data:`) or a file path (relative paths resolve against the current
   * working directory).
   */
  readonly module: URL | string;
  /** Name of the exported {@linkcode ReplicationFunction}. */
  readonly exportName: string;
  /** Input passed to every replication; must be structured-cloneable. */
  readonly input: I;
  /** Number of replications in the whole job (indices 0..replications−1), an integer ≥ 1. */
  readonly replications: number;
  /** Master seed, passed unchanged to every replication. */
  readonly seed: number;
  /**
   * Number of Web Workers; capped at the number of replications to run.
   *
   * @default {the number of logical cores}
   */
  readonly workers?: number;
  /**
   * Run only these replication indices (e.g. one shard from `shardIndices`); each must be a
   * distinct integer in [0, replications).
   *
   * @default {all indices}
   */
  readonly indices?: readonly number[];
  /** Called after each finished replication with (done, total to run). */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * Runs replications on a pool of Web Workers and returns their results sorted by replication
 * index. Idle workers take the next replication (dynamic load balancing). A replication's result
 * depends only on `(seed, replication, input)`, so the results are identical whatever the
 * worker count or sharding, provided the function keeps no mutable module-level state between
 * calls (a worker runs many replications in one module instance).
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
  const action = "Cannot run replications";
  const { exportName, input, replications, seed, onProgress } = options;
  const moduleUrl = resolveModule(options.module);
  if (typeof exportName !== "string" || exportName === "") {
    throw new TypeError(
      `${action}: exportName must be a non-empty string, received ${JSON.stringify(exportName)}`,
    );
  }
  if (!Number.isSafeInteger(replications) || replications < 1) {
    throw new RangeError(
      `${action}: replications must be an integer >= 1, received ${String(replications)}`,
    );
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new RangeError(`${action}: seed must be a finite number, received ${String(seed)}`);
  }
  if (onProgress !== undefined && typeof onProgress !== "function") {
    throw new TypeError(`${action}: onProgress must be a function, received ${typeof onProgress}`);
  }
  const order = checkIndices(options.indices, replications);
  const requested = options.workers ?? defaultWorkerCount();
  if (!Number.isSafeInteger(requested) || requested < 1) {
    throw new RangeError(
      `${action}: workers must be an integer >= 1, received ${String(requested)}`,
    );
  }
  try {
    structuredClone(input);
  } catch (error) {
    throw new TypeError(
      `${action}: input must be structured-cloneable, received ${String(error)}`,
      { cause: error },
    );
  }
  const total = order.length;
  if (total === 0) return [];
  const workerCount = Math.min(requested, total);
  const init: ToWorker = { kind: "init", moduleUrl, exportName, seed, input };

  return await new Promise<R[]>((resolve, reject) => {
    const results = new Array<R>(total);
    const positionOf = new Map<number, number>(order.map((r, i) => [r, i]));
    const assigned = new Map<ReplicationWorker, number>();
    const pool: ReplicationWorker[] = [];
    let next = 0;
    let done = 0;
    let settled = false;

    function finish(error?: Error): void {
      if (settled) return;
      settled = true;
      for (const worker of pool) worker.terminate();
      if (error) reject(error);
      else resolve(results);
    }

    function dispatch(worker: ReplicationWorker): void {
      if (next >= total) {
        assigned.delete(worker);
        return;
      }
      const replication = order[next++];
      assigned.set(worker, replication);
      worker.postMessage({ kind: "run", replication } satisfies ToWorker);
    }

    function onMessage(worker: ReplicationWorker, message: FromWorker): void {
      if (settled) return;
      if (message.kind === "error") {
        const cause = new Error(message.message);
        cause.name = message.name;
        if (message.stack !== undefined) cause.stack = message.stack;
        finish(
          new Error(
            `Cannot run replication ${message.replication}: ${message.name}: ${message.message}`,
            { cause },
          ),
        );
        return;
      }
      results[positionOf.get(message.replication)!] = message.value as R;
      done++;
      try {
        onProgress?.(done, total);
      } catch (error) {
        finish(
          new Error(`${action}: onProgress threw after replication ${message.replication}`, {
            cause: error,
          }),
        );
        return;
      }
      if (done === total) finish();
      else dispatch(worker);
    }

    function onFailure(worker: ReplicationWorker, detail: string): void {
      const replication = assigned.get(worker);
      finish(
        new Error(
          replication === undefined
            ? `${action}: a worker failed: ${detail}`
            : `Cannot run replication ${replication}: ${detail}`,
        ),
      );
    }

    for (let i = 0; i < workerCount && !settled; i++) {
      const worker = startWorker();
      pool.push(worker);
      worker.onmessage = (event) => onMessage(worker, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(worker, event.message);
      };
      worker.onmessageerror = () => onFailure(worker, "its result could not be deserialized");
      worker.postMessage(init);
      dispatch(worker);
    }
  });
}

function resolveModule(module: URL | string): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== "string" || module === "") {
    throw new TypeError(
      `Cannot run replications: module must be a URL or a non-empty string, received ${
        String(module)
      }`,
    );
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(module)) return new URL(module).href;
  return new URL(module.replaceAll("\\", "/"), currentDirectoryUrl()).href;
}

function checkIndices(indices: readonly number[] | undefined, replications: number): number[] {
  if (indices === undefined) return Array.from({ length: replications }, (_, i) => i);
  if (!Array.isArray(indices)) {
    throw new TypeError(
      `Cannot run replications: indices must be an array of integers, received ${typeof indices}`,
    );
  }
  const seen = new Set<number>();
  for (const r of indices) {
    if (!Number.isSafeInteger(r) || r < 0 || r >= replications) {
      throw new RangeError(
        `Cannot run replications: each index must be an integer in [0, ${replications}), received ${
          String(r)
        }`,
      );
    }
    if (seen.has(r)) {
      throw new RangeError(
        `Cannot run replications: indices must be distinct, received ${r} twice`,
      );
    }
    seen.add(r);
  }
  return [...indices].sort((a, b) => a - b);
}
