/**
 * Conditions over several events: {@linkcode Simulation.anyOf} fires when the first of them
 * fires, {@linkcode Simulation.allOf} when all have.
 *
 * @module
 */
import { SimEvent } from "./event.ts";
import type { Simulation } from "./simulation.ts";

/**
 * An event that succeeds when enough of its child events have succeeded; its value maps each
 * processed child to the child's value. It fails as soon as a child fails.
 *
 * @example Wait for whichever comes first
 * ```ts
 * import assert from "node:assert/strict";
 * import { Simulation } from "./simulation.ts";
 *
 * const sim = new Simulation();
 * let winner = "";
 * sim.process((function* () {
 *   const fast = sim.timeout(2, "fast");
 *   const slow = sim.timeout(5, "slow");
 *   const done: Map<unknown, unknown> = yield sim.anyOf([fast, slow]);
 *   winner = String(done.get(fast));
 * })());
 * sim.run();
 * assert.equal(winner, "fast");
 * ```
 */
export class Condition extends SimEvent<Map<SimEvent<unknown>, unknown>> {
  #events: readonly SimEvent<unknown>[];
  #needed: number;
  #count = 0;

  /**
   * Creates a condition; usually made through `sim.anyOf` or `sim.allOf`.
   *
   * @param sim The simulation.
   * @param events The child events.
   * @param options.mode `"any"` (first child) or `"all"` (every child).
   * @throws {TypeError} If a child is not an event of the same simulation.
   */
  constructor(
    sim: Simulation,
    events: readonly SimEvent<unknown>[],
    options: { mode: "any" | "all" },
  ) {
    super(sim);
    this.#events = events;
    this.#needed = options.mode === "any" ? Math.min(1, events.length) : events.length;
    for (const event of events) {
      if (!(event instanceof SimEvent) || event.sim !== sim) {
        throw new TypeError(
          `Cannot create a condition: every item must be an event of the same simulation, received ${typeof event}`,
        );
      }
    }
    if (this.#needed === 0) {
      this.succeed(new Map());
      return;
    }
    const check = (event: SimEvent<unknown>) => this.#check(event);
    for (const event of events) {
      if (event.processed) this.#check(event);
      else event.addCallback(check);
      if (this.triggered) break;
    }
  }

  #check(event: SimEvent<unknown>): void {
    if (this.triggered) return;
    if (!event.ok) {
      event._defuse();
      this.fail(event._value);
      return;
    }
    this.#count++;
    if (this.#count >= this.#needed) {
      const values = new Map<SimEvent<unknown>, unknown>();
      for (const e of this.#events) if (e.processed && e.ok) values.set(e, e._value);
      values.set(event, event._value);
      this.succeed(values);
    }
  }
}
