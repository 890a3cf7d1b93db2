/**
 * A person-level event log of one replication for process mining: one row per move with the
 * columns bupaR and pm4py expect (case id, activity, timestamp) plus time in days, from, to and
 * resource.
 *
 * @module
 */

import type { EventLogRow } from "../models/modifiers.ts";
import { type SimulateOptions, simulateReplication } from "../models/simulate.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { type CsvCell, toCsv } from "./csv.ts";
import { addDays } from "./tables.ts";

/**
 * Columns of event_log.csv.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(EVENT_LOG_HEADER.join(","), "case_id,activity,timestamp,time_days,from,to,resource");
 * ```
 */
export const EVENT_LOG_HEADER = [
  "case_id",
  "activity",
  "timestamp",
  "time_days",
  "from",
  "to",
  "resource",
] as const;

/**
 * Formats event-log rows as CSV; `timestamp` is the ISO date-time `startDate + timeDays`.
 *
 * @param rows Event-log rows in time order.
 * @param startDate The scenario's start date (day 0).
 * @returns The CSV text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const csv = eventLogCsv([{ caseId: "c1", activity: "admit", timeDays: 0.5, from: "ed", to: "acute", resource: "h1" }], "2025-04-01");
 * assert.equal(csv.split("\n")[1], "c1,admit,2025-04-01T12:00:00,0.5,ed,acute,h1");
 * ```
 */
export function eventLogCsv(rows: readonly EventLogRow[], startDate: string): string {
  const cells: CsvCell[][] = rows.map((r) => [
    r.caseId,
    r.activity,
    addDays(startDate, r.timeDays, { withTime: true }),
    r.timeDays,
    r.from,
    r.to,
    r.resource,
  ]);
  return toCsv(EVENT_LOG_HEADER, cells);
}

/**
 * Runs one baseline replication in-process, recording its event log.
 *
 * @param scenario A resolved scenario.
 * @param options Seed and replication index.
 * @returns The rows (empty when the model records no events).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * const rows = recordEventLog(s, { seed: 1, replication: 0 });
 * assert.ok(Array.isArray(rows));
 * ```
 */
export function recordEventLog(
  scenario: Scenario,
  options: { seed: number; replication: number },
): EventLogRow[] {
  const rows: EventLogRow[] = [];
  const simulateOptions = {
    seed: options.seed,
    replication: options.replication,
    eventLog: (row: EventLogRow) => rows.push({ ...row }),
  } as SimulateOptions;
  simulateReplication(scenario, simulateOptions);
  return rows;
}
