/**
 * What every part of the model reads and nothing changes after set-up: the engine, the
 * scenario, the calendar, the measured window and the run's switches, plus the two sinks every
 * part reports to (the recorder and the event log).
 *
 * @module
 */

import type { SimEvent, Simulation } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import type { ModelCalendar } from "./calendar.ts";
import type { ModelModifiers } from "./modifiers.ts";
import type { EventLog } from "./recording/event_log.ts";
import type { Recorder } from "./recording/recorder.ts";

/** A capacity no run reaches ("unconstrained"). */
export const UNLIMITED = 1_000_000_000;

/** The shared, read-only context of one replication. */
export interface ModelContext {
  /** The engine. */
  readonly sim: Simulation;
  /** The resolved scenario. */
  readonly scenario: Scenario;
  /** Month and weekday of each model day. */
  readonly calendar: ModelCalendar;
  /** Warm-up length, days (simulation time of day 0). */
  readonly warmUpDays: number;
  /** Measured days. */
  readonly days: number;
  /** Whether every capacity limit is removed. */
  readonly unconstrained: boolean;
  /** Intervention hooks. */
  readonly modifiers: ModelModifiers;
  /** Where counts, levels and daily series go. */
  readonly record: Recorder;
  /** Person-level event log. */
  readonly log: EventLog;
}

/**
 * The calendar month (0–11) of the simulation time `t`.
 *
 * @param ctx The context.
 * @param t Simulation time.
 * @returns Month 0–11.
 */
export function monthAt(ctx: ModelContext, t: number): number {
  const day = Math.floor(t) - ctx.warmUpDays;
  return ctx.calendar.month[day - ctx.calendar.firstDay]!;
}

/**
 * The weekday (0 Sunday – 6 Saturday) of the simulation time `t`, clamped to the calendar.
 *
 * @param ctx The context.
 * @param t Simulation time.
 * @returns Weekday 0–6.
 */
export function weekdayAt(ctx: ModelContext, t: number): number {
  const day = Math.floor(t) - ctx.warmUpDays - ctx.calendar.firstDay;
  return ctx.calendar.weekday[Math.min(day, ctx.calendar.weekday.length - 1)]!;
}

/**
 * Runs `fn` when the event is processed (at once if it already was).
 *
 * @param event An engine event.
 * @param fn The callback.
 */
export function onDone(event: SimEvent<unknown>, fn: () => void): void {
  if (event.processed) fn();
  else event.addCallback(fn);
}
