/**
 * Formatting a person-level event log (recorded by `recordEventLog` in models/) for process
 * mining: one row per move with the columns bupaR and pm4py expect (case id, activity,
 * timestamp) plus time in days, from, to and resource.
 *
 * @module
 */

import type { EventLogRow } from "../models/modifiers.ts";
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
