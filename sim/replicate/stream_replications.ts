/**
 * Stream replications' results in replication order as Web Workers finish them, holding at most
 * a bounded window of results, so any number of replications runs in bounded memory.
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

/** Options for {@linkcode streamReplications}. */
export interface StreamReplicationsOptions<I> {
  /**
   * The module exporting the replication function: a `URL`, or a string holding an absolute
   * URL (`file:`, `https:`, `data:`) or a file path (relative paths resolve against the current
   * working directory).
   */
  readonly module: URL | string;
  /** Name of the exported replication function (`ReplicationFunction`). */
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
  /**
   * How many replications may be running or finished-but-not-yet-taken at once: workers start
   * no replication more than `window` places ahead of the next one to be yielded, which bounds
   * the results held. Raised to the worker count if below it.
   *
   * @default {4 × workers}
   */
  readonly window?: number;
  /** Aborting it terminates the workers; the iteration then throws `signal.reason`. */
  readonly signal?: AbortSignal;
}

/** One finished replication. */
export interface ReplicationOutcome<R> {
  /** Replication index. */
  readonly replication: number;
  /** What the replication function returned. */
  readonly value: R;
}

/** The results of {@linkcode streamReplications}: iterate once, in ascending replication order. */
export interface ReplicationStream<R> extends AsyncIterable<ReplicationOutcome<R>> {
  /** Replications to run (the indices, or all). */
  readonly total: number;
}

const ACTION = "Cannot run replications";

/**
 * Runs replications on a pool of Web Workers and yields each result in ascending replication
 * order as soon as it and every earlier one have finished. Idle workers take the next
 * replication, up to `window` places ahead of the consumer, so a slow consumer (writing files)
 * holds the workers back instead of piling results up in memory. A replication's result depends
 * only on `(seed, replication, input)`, so the sequence is identical whatever the worker count.
 *
 * Options are checked when the stream is created; workers start when iteration starts and are
 * terminated when it ends, breaks, throws or the signal aborts. After a failure or an abort,
 * results that had already finished are still yielded in order, then the iteration throws.
 *
 * @typeParam R The result of one replication.
 * @typeParam I The input type.
 * @param options Module, export, input, counts, seed and optional workers, indices, window,
 *   signal.
 * @returns The stream of results.
 * @throws {RangeError} If `replications`, `workers`, `window` or `indices` are out of range, or
 *   `seed` is not finite.
 * @throws {TypeError} If `exportName` is not a non-empty string, `module` is not a URL or
 *   string, or `input` cannot be structured-cloned.
 * @throws {Error} (while iterating) If a replication fails: "Cannot run replication 3: …".
 *
 * @example Results arrive in replication order
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const module = "data:text/javascript," + encodeURIComponent(
 *   "export function run({ replication }) { return replication * replication; }",
 * );
 * const stream = streamReplications<number, null>({
 *   module, exportName: "run", input: null, replications: 5, seed: 1, workers: 2, window: 2,
 * });
 * const seen: number[] = [];
 * for await (const { replication, value } of stream) seen.push(replication, value);
 * assert.deepEqual(seen, [0, 0, 1, 1, 2, 4, 3, 9, 4, 16]);
 * ```
 */
export function streamReplications<R = unknown, I = unknown>(
  options: StreamReplicationsOptions<I>,
): ReplicationStream<R> {
  const { exportName, input, replications, seed, signal } = options;
  const moduleUrl = resolveModule(options.module);
  if (typeof exportName !== "string" || exportName === "") {
    throw new TypeError(
      `${ACTION}: exportName must be a non-empty string, received ${JSON.stringify(exportName)}`,
    );
  }
  if (!Number.isSafeInteger(replications) || replications < 1) {
    throw new RangeError(
      `${ACTION}: replications must be an integer >= 1, received ${String(replications)}`,
    );
  }
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new RangeError(`${ACTION}: seed must be a finite number, received ${String(seed)}`);
  }
  const order = checkIndices(options.indices, replications);
  const requested = options.workers ?? defaultWorkerCount();
  if (!Number.isSafeInteger(requested) || requested < 1) {
    throw new RangeError(
      `${ACTION}: workers must be an integer >= 1, received ${String(requested)}`,
    );
  }
  const window = options.window ?? 4 * requested;
  if (!Number.isSafeInteger(window) || window < 1) {
    throw new RangeError(`${ACTION}: window must be an integer >= 1, received ${String(window)}`);
  }
  try {
    structuredClone(input);
  } catch (error) {
    throw new TypeError(
      `${ACTION}: input must be structured-cloneable, received ${String(error)}`,
      { cause: error },
    );
  }
  const init: ToWorker = { kind: "init", moduleUrl, exportName, seed, input };
  const workerCount = Math.min(requested, order.length);
  return {
    total: order.length,
    [Symbol.asyncIterator]: () =>
      pool<R>(order, init, workerCount, Math.max(window, workerCount), signal),
  };
}

async function* pool<R>(
  order: number[],
  init: ToWorker,
  workerCount: number,
  window: number,
  signal: AbortSignal | undefined,
): AsyncGenerator<ReplicationOutcome<R>> {
  const total = order.length;
  const finished = new Map<number, R>(); // position in `order` → result, not yet yielded
  const assigned = new Map<ReplicationWorker, number>();
  const idle: ReplicationWorker[] = [];
  const workers: ReplicationWorker[] = [];
  let dispatched = 0;
  let taken = 0;
  let failure: unknown;
  let wake: (() => void) | undefined;

  const fail = (error: unknown) => {
    failure ??= error;
    wake?.();
  };
  const dispatch = (worker: ReplicationWorker) => {
    if (dispatched >= total || dispatched - taken >= window) {
      assigned.delete(worker);
      idle.push(worker);
      return;
    }
    const position = dispatched++;
    assigned.set(worker, position);
    worker.postMessage({ kind: "run", replication: order[position] } satisfies ToWorker);
  };
  const onMessage = (worker: ReplicationWorker, message: FromWorker) => {
    if (failure !== undefined) return;
    if (message.kind === "error") {
      const cause = new Error(message.message);
      cause.name = message.name;
      if (message.stack !== undefined) cause.stack = message.stack;
      fail(
        new Error(
          `Cannot run replication ${message.replication}: ${message.name}: ${message.message}`,
          { cause },
        ),
      );
      return;
    }
    finished.set(assigned.get(worker)!, message.value as R);
    dispatch(worker);
    wake?.();
  };
  const onFailure = (worker: ReplicationWorker, detail: string) => {
    const position = assigned.get(worker);
    fail(
      new Error(
        position === undefined
          ? `${ACTION}: a worker failed: ${detail}`
          : `Cannot run replication ${order[position]}: ${detail}`,
      ),
    );
  };
  const onAbort = () => fail(signal!.reason);

  try {
    if (signal?.aborted) throw signal.reason;
    signal?.addEventListener("abort", onAbort);
    for (let i = 0; i < workerCount; i++) {
      const worker = startWorker();
      workers.push(worker);
      worker.onmessage = (event) => onMessage(worker, event.data);
      worker.onerror = (event) => {
        event.preventDefault();
        onFailure(worker, event.message);
      };
      worker.onmessageerror = () => onFailure(worker, "its result could not be deserialized");
      worker.postMessage(init);
      dispatch(worker);
    }
    while (taken < total) {
      // Results finished before a failure or abort are still yielded, in order.
      while (!finished.has(taken)) {
        if (failure !== undefined) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
      const value = finished.get(taken)!;
      finished.delete(taken);
      const replication = order[taken++];
      while (idle.length > 0 && dispatched < total && dispatched - taken < window) {
        dispatch(idle.pop()!);
      }
      yield { replication, value };
    }
  } finally {
    signal?.removeEventListener("abort", onAbort);
    for (const worker of workers) worker.terminate();
  }
}

function resolveModule(module: URL | string): string {
  if (module instanceof URL) return module.href;
  if (typeof module !== "string" || module === "") {
    throw new TypeError(
      `${ACTION}: module must be a URL or a non-empty string, received ${String(module)}`,
    );
  }
  if (/^[a-z][a-z0-9+.-]+:/i.test(module)) return new URL(module).href;
  return new URL(module.replaceAll("\\", "/"), currentDirectoryUrl()).href;
}

function checkIndices(indices: readonly number[] | undefined, replications: number): number[] {
  if (indices === undefined) return Array.from({ length: replications }, (_, i) => i);
  if (!Array.isArray(indices)) {
    throw new TypeError(
      `${ACTION}: indices must be an array of integers, received ${typeof indices}`,
    );
  }
  const seen = new Set<number>();
  for (const r of indices) {
    if (!Number.isSafeInteger(r) || r < 0 || r >= replications) {
      throw new RangeError(
        `${ACTION}: each index must be an integer in [0, ${replications}), received ${String(r)}`,
      );
    }
    if (seen.has(r)) {
      throw new RangeError(`${ACTION}: indices must be distinct, received ${r} twice`);
    }
    seen.add(r);
  }
  return [...indices].sort((a, b) => a - b);
}
