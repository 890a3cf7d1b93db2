/**
 * The error thrown into a process at its current `yield` when another part of the model calls
 * {@linkcode Process.interrupt}. It carries the cause, e.g. a pre-emption record or a reason.
 *
 * @module
 */

/**
 * Thrown into an interrupted process; `cause` says why.
 *
 * @example Catch an interrupt and read its cause
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * const log: string[] = [];
 * const sleeper = sim.process((function* () {
 *   try {
 *     yield sim.timeout(10);
 *   } catch (error) {
 *     if (!(error instanceof Interrupt)) throw error;
 *     log.push(`${sim.now}: woken by ${error.cause}`);
 *   }
 * })());
 * sim.schedule(4, () => sleeper.interrupt("alarm"));
 * sim.run();
 * assert.deepEqual(log, ["4: woken by alarm"]);
 * ```
 */
export class Interrupt extends Error {
  /** Why the process was interrupted. */
  override readonly cause: unknown;

  /**
   * Creates an interrupt.
   *
   * @param cause Why the process is interrupted.
   */
  constructor(cause: unknown) {
    super(`Process interrupted: ${describe(cause)}`);
    this.name = "Interrupt";
    this.cause = cause;
  }
}

function describe(cause: unknown): string {
  if (typeof cause === "string") return cause;
  if (cause === undefined) return "no cause given";
  try {
    return JSON.stringify(cause) ?? String(cause);
  } catch {
    return String(cause);
  }
}
