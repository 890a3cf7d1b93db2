/**
 * The model's optional person-level event log: one row per move of an individual, with case
 * ids numbered in order of first appearance.
 *
 * @module
 */

import type { Simulation } from "../../sim/mod.ts";
import type { EventLogRow } from "../modifiers.ts";

/** Writes person-level moves to a sink, if one was given (see the module doc). */
export class EventLog {
  /** Whether moves are being logged (false: every call is a no-op the caller can skip). */
  readonly enabled: boolean;
  readonly #sink: ((row: EventLogRow) => void) | undefined;
  readonly #sim: Simulation;
  readonly #startTime: number;
  #caseSeq = 0;

  /**
   * @param sim The engine (for the clock).
   * @param options `startTime` (simulation time of day 0) and the `sink`, if any.
   */
  constructor(
    sim: Simulation,
    options: { startTime: number; sink: ((row: EventLogRow) => void) | undefined },
  ) {
    this.#sim = sim;
    this.#sink = options.sink;
    this.#startTime = options.startTime;
    this.enabled = options.sink !== undefined;
  }

  /**
   * A new case id ("c1", "c2", …), or "" when not logging.
   *
   * @returns The id.
   */
  newCase(): string {
    return this.#sink ? `c${++this.#caseSeq}` : "";
  }

  /**
   * Logs one move at the current time.
   *
   * @param caseId Case id.
   * @param activity What happened.
   * @param from Place before.
   * @param to Place after.
   * @param resource Resource involved, or "".
   */
  emit(caseId: string, activity: string, from: string, to: string, resource = ""): void {
    this.#sink?.({
      caseId,
      activity,
      timeDays: this.#sim.now - this.#startTime,
      from,
      to,
      resource,
    });
  }
}
