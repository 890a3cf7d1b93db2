/**
 * Web Worker entry for {@linkcode runReplications}: imports the user's module once, then runs
 * one replication per "run" message, each with a fresh structured clone of the input so that a
 * replication never sees another's mutations. Private to sim/replicate.
 *
 * @module
 */

import type { ErrorMessage } from "./_protocol.ts";
import { workerScope } from "./_worker_adapter.ts";

type ReplicationFunction = (
  context: { seed: number; replication: number; input: unknown },
) => unknown;

const scope = workerScope();

let loaded: Promise<ReplicationFunction> | undefined;
let seed = 0;
let input: unknown;

async function load(moduleUrl: string, exportName: string): Promise<ReplicationFunction> {
  const module = await import(moduleUrl);
  const fn = module[exportName];
  if (typeof fn !== "function") {
    throw new TypeError(
      `Cannot run replications: export "${exportName}" of ${moduleUrl} must be a function, received ${typeof fn}`,
    );
  }
  return fn as ReplicationFunction;
}

function errorMessage(replication: number, error: unknown): ErrorMessage {
  if (error instanceof Error) {
    return {
      kind: "error",
      replication,
      name: error.name,
      message: error.message,
      stack: error.stack,
    };
  }
  return { kind: "error", replication, name: "Error", message: String(error), stack: undefined };
}

async function run(replication: number): Promise<void> {
  try {
    if (loaded === undefined) throw new Error("the worker received no init message");
    const fn = await loaded;
    const value = await fn({ seed, replication, input: structuredClone(input) });
    scope.postMessage({ kind: "result", replication, value });
  } catch (error) {
    scope.postMessage(errorMessage(replication, error));
  }
}

scope.onmessage = (event) => {
  const message = event.data;
  if (message.kind === "init") {
    seed = message.seed;
    input = message.input;
    loaded = load(message.moduleUrl, message.exportName);
    loaded.catch(() => {}); // reported by the first run
  } else {
    void run(message.replication);
  }
};
