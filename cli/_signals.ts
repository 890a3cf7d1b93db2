/**
 * Stopping a long command cleanly on SIGINT (Ctrl-C) or SIGTERM (a scheduler's stop). Private
 * to cli/.
 *
 * @module
 */

const SIGNALS: { name: Deno.Signal; number: number }[] = [
  { name: "SIGINT", number: 2 },
  { name: "SIGTERM", number: 15 },
];

/**
 * The run was stopped by a signal.
 *
 * @example Exit code
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(new Interrupted("SIGTERM").exitCode, 143);
 * ```
 */
export class Interrupted extends Error {
  /** The signal. */
  readonly signal: Deno.Signal;

  /**
   * @param signal The signal received.
   */
  constructor(signal: Deno.Signal) {
    super(`Interrupted by ${signal}`);
    this.name = "Interrupted";
    this.signal = signal;
  }

  /** The conventional exit code, 128 + the signal's number. */
  get exitCode(): number {
    return 128 + (SIGNALS.find((s) => s.name === this.signal)?.number ?? 1);
  }
}

/**
 * Runs `fn` with an abort signal that fires (with an {@linkcode Interrupted} reason) on SIGINT
 * or SIGTERM; the process is not killed meanwhile, so `fn` can stop its workers and keep its
 * checkpoint. The listeners are removed when `fn` settles.
 *
 * @param fn The work, given the abort signal.
 * @returns What `fn` returns.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(await withSignals(async (signal) => signal.aborted), false);
 * ```
 */
export async function withSignals<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const listeners: [Deno.Signal, () => void][] = [];
  for (const { name } of SIGNALS) {
    const listener = () => controller.abort(new Interrupted(name));
    try {
      Deno.addSignalListener(name, listener);
      listeners.push([name, listener]);
    } catch {
      // not supported on this platform (SIGTERM on Windows)
    }
  }
  try {
    return await fn(controller.signal);
  } finally {
    for (const [name, listener] of listeners) Deno.removeSignalListener(name, listener);
  }
}
