import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { recordEventLog } from "../models/record_event_log.ts";
import { eventLogCsv } from "./event_log.ts";

Deno.test("recordEventLog() records one baseline replication for process mining", () => {
  const s = parseScenario({ version: 1, years: 1, population: { size: 3000 } });
  const rows = recordEventLog(s, { seed: 1, replication: 0 });
  assert.ok(rows.length > 100);
  assert.ok(rows.every((r, i) => i === 0 || r.timeDays >= rows[i - 1].timeDays), "time order");
  const admits = rows.filter((r) => r.activity === "admit");
  assert.ok(admits.length > 0);
  // Each case starts with one activity and its timestamps never go backwards.
  const csv = eventLogCsv(rows, s.startDate).split("\n");
  assert.equal(csv[0], "case_id,activity,timestamp,time_days,from,to,resource");
  assert.equal(csv.length, rows.length + 2);
  assert.deepEqual(recordEventLog(s, { seed: 1, replication: 0 }), rows, "deterministic");
});

Deno.test("recordEventLog() gives every row a case id, the starting census's patients too", () => {
  const s = parseScenario({ version: 1, years: 1, population: { size: 20000 } });
  const rows = recordEventLog(s, { seed: 2, replication: 0 });
  const census = rows.filter((r) => r.timeDays === 0 && r.activity === "admit");
  assert.ok(census.length > 0, "the default census starts with patients in acute beds");
  assert.deepEqual(rows.filter((r) => r.caseId === ""), []);
  // Census patients are the first cases, numbered c1, c2, … in order of admission at day 0.
  assert.deepEqual(census.slice(0, 3).map((r) => r.caseId), ["c1", "c2", "c3"]);
});
