/**
 * The engine trace's view of a process: a generator that wraps the process's own and reports
 * each step (start, wait, resume, interrupt, finish, fail) to the trace callback. The engine
 * wraps processes only when a trace is set, so untraced runs pay nothing. Private to the engine.
 *
 * @module
 */
import type { SimEvent } from "./event.ts";
import type { ProcessGenerator } from "./process.ts";

/** One line of the engine's trace (see `SimulationOptions.trace`). */
export interface TraceEntry {
  /** Simulated time, in days. */
  readonly timeDays: number;
  /** The process concerned (its name), or null for plain callbacks. */
  readonly process: string | null;
  /** What happened, e.g. `wait request "servers"`, `finish`. */
  readonly what: string;
}

/** What the wrapper needs from the simulation and its process. */
export interface TraceTarget {
  readonly clock: { readonly now: number };
  readonly trace: (entry: TraceEntry) => void;
  /** The process's name (read lazily: the process exists only once the wrapper does). */
  name(): string;
}

/**
 * Wraps `generator` so that every step of its process is traced.
 *
 * @param generator The process's generator.
 * @param target Clock, trace callback and the process's name.
 * @returns A generator yielding the same events and returning the same value.
 */
export function* traced<T>(
  generator: ProcessGenerator<T>,
  target: TraceTarget,
): ProcessGenerator<T> {
  const emit = (what: string) =>
    target.trace({ timeDays: target.clock.now, process: target.name(), what });
  emit("start");
  let send: unknown = undefined;
  let failed = false;
  for (;;) {
    let step: IteratorResult<SimEvent<unknown>, T>;
    try {
      step = failed ? generator.throw(send) : generator.next(send);
    } catch (error) {
      emit(`fail (${String(error)})`);
      throw error;
    }
    if (step.done) {
      emit("finish");
      return step.value;
    }
    const event = step.value;
    const described = typeof event?._describe === "function" ? event._describe() : String(event);
    const waits = !event.processed;
    if (waits) emit(`wait ${described}`);
    try {
      send = yield event;
      failed = false;
      if (waits) emit(`resume after ${described}`);
    } catch (error) {
      send = error;
      failed = true;
      emit(`resume with ${String(error)}`);
    }
  }
}
