/**
 * The minimal structural views of a simulation that monitors need. The engine's `Simulation`
 * satisfies both; tests can pass tiny fakes.
 *
 * @module
 */

/**
 * Anything with a current time in days.
 *
 * @example A fixed clock
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const clock: Clock = { now: 3 };
 * assert.equal(clock.now, 3);
 * ```
 */
export interface Clock {
  /** Current simulation time in days. */
  readonly now: number;
}

/** A cancellable handle returned by {@linkcode Scheduler.schedule}. */
export interface ScheduledHandle {
  /** Stops the scheduled callback from firing. */
  cancel(): void;
}

/**
 * A clock that can call back after a delay.
 *
 * @example A scheduler that runs callbacks immediately (enough for a type check)
 * ```ts
 * import assert from "node:assert/strict";
 *
 * let now = 0;
 * const s: Scheduler = {
 *   get now() { return now; },
 *   schedule(delayDays, fn) { now += delayDays; fn(); return { cancel() {} }; },
 * };
 * s.schedule(2, () => {});
 * assert.equal(s.now, 2);
 * ```
 */
export interface Scheduler extends Clock {
  /** Calls `fn` after `delayDays`; lower `priority` runs first at equal times. */
  schedule(
    delayDays: number,
    fn: () => void,
    options?: { priority?: number },
  ): ScheduledHandle;
}
