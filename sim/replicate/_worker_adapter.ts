/**
 * The one place {@linkcode runReplications} meets its host: Web Workers in Deno and the
 * browser, `node:worker_threads` in Node (≥ 20.16, for `process.getBuiltinModule`), and the
 * current directory and core count of each. Both sides of the worker speak the Web Worker
 * surface (`onmessage`, `postMessage`, `terminate`), so the rest of sim/replicate never asks
 * which runtime it is on. Private to sim/replicate.
 *
 * @module
 */

import type { FromWorker, ToWorker } from "./_protocol.ts";

/** The host's handle on a worker: the part of the Web Worker interface runReplications uses. */
export interface ReplicationWorker {
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message: string; preventDefault(): void }) => void) | null;
  onmessageerror: (() => void) | null;
  postMessage(message: ToWorker): void;
  terminate(): void;
}

/** The worker's handle on its host. */
export interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

/** The worker entry: the TypeScript module beside this one, or the bundle's worker file. */
const WORKER_URL = new URL(
  import.meta.url.endsWith(".ts") ? "./_worker.ts" : "./caresim_worker.js",
  import.meta.url,
);

interface NodeEmitter {
  on(event: string, listener: (value: unknown) => void): void;
  postMessage(message: unknown): void;
}

interface NodeWorkerThreads {
  Worker: new (url: URL) => NodeEmitter & { terminate(): Promise<number> };
  parentPort: NodeEmitter | null;
}

interface NodeProcess {
  getBuiltinModule?: (id: string) => unknown;
  cwd(): string;
}

function nodeProcess(): NodeProcess | undefined {
  const process = (globalThis as { process?: NodeProcess }).process;
  return typeof process?.cwd === "function" ? process : undefined;
}

function nodeBuiltin<T>(id: string): T | undefined {
  return nodeProcess()?.getBuiltinModule?.(id) as T | undefined;
}

/**
 * Starts a replication worker.
 *
 * @returns The worker.
 * @throws {Error} If the runtime has neither Web Workers nor `node:worker_threads`.
 */
export function startWorker(): ReplicationWorker {
  if (typeof Worker === "function") {
    return new Worker(WORKER_URL, { type: "module" }) as unknown as ReplicationWorker;
  }
  const threads = nodeBuiltin<NodeWorkerThreads>("node:worker_threads");
  if (threads === undefined) {
    throw new Error(
      "Cannot run replications: this runtime has neither Web Workers nor node:worker_threads (Node needs version 20.16 or later)",
    );
  }
  const worker = new threads.Worker(WORKER_URL);
  const handle: ReplicationWorker = {
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage: (message) => worker.postMessage(message),
    terminate: () => void worker.terminate(),
  };
  worker.on("message", (data) => handle.onmessage?.({ data: data as FromWorker }));
  worker.on("error", (error) =>
    handle.onerror?.({
      message: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
      preventDefault() {},
    }));
  worker.on("messageerror", () => handle.onmessageerror?.());
  return handle;
}

/**
 * The worker side's handle on its host: the worker global in Deno and the browser, the parent
 * port in a Node worker thread.
 *
 * @returns The scope.
 */
export function workerScope(): WorkerScope {
  if (typeof (globalThis as { postMessage?: unknown }).postMessage === "function") {
    return globalThis as unknown as WorkerScope;
  }
  const port = nodeBuiltin<NodeWorkerThreads>("node:worker_threads")?.parentPort ?? null;
  if (port === null) throw new Error("Cannot start a replication worker outside a worker");
  const scope: WorkerScope = {
    onmessage: null,
    postMessage: (message) => port.postMessage(message),
  };
  port.on("message", (data) => scope.onmessage?.({ data: data as ToWorker }));
  return scope;
}

/** Number of logical cores: the default worker count. */
export function defaultWorkerCount(): number {
  const fromNavigator = (globalThis as { navigator?: { hardwareConcurrency?: number } })
    .navigator?.hardwareConcurrency;
  if (fromNavigator !== undefined) return fromNavigator;
  return nodeBuiltin<{ availableParallelism(): number }>("node:os")?.availableParallelism() ?? 1;
}

/**
 * The base URL relative module paths resolve against: the current working directory (Deno,
 * Node) or the page (browser).
 *
 * @returns A URL ending in a slash (or the page's URL).
 */
export function currentDirectoryUrl(): URL {
  const deno = (globalThis as { Deno?: { cwd(): string } }).Deno;
  const cwd = deno?.cwd() ?? nodeProcess()?.cwd();
  if (cwd === undefined) {
    return new URL((globalThis as { location?: { href: string } }).location?.href ?? "file:///");
  }
  const slashed = cwd.replaceAll("\\", "/").replace(/\/?$/, "/");
  return new URL(slashed.startsWith("/") ? `file://${slashed}` : `file:///${slashed}`);
}
