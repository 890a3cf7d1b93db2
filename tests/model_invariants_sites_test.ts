import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { simulateReplication } from "../models/simulate.ts";
import { checkInvariants } from "../models/invariants.ts";
import { fuzzDefaults } from "./fuzz/fuzz_defaults.ts";

Deno.test("checkInvariants() lets the all-site total rise while one site drains closed escalation beds", () => {
  // The fuzzer found it: February escalation doubles each site's beds; when they close in March
  // one site drains above its beds while the other admits within its own, so the all-site total
  // rises above the all-site capacity. Here the case is written into a real two-site run's days.
  const input = structuredClone(fuzzDefaults()[2]) as { hospitals?: unknown[] };
  const scenario = parseScenario(input);
  assert.ok(scenario.hospitals.length > 1, "a run with several sites");
  const run = simulateReplication(scenario, { seed: scenario.seed });
  const occupied = run.daily.acuteOccupied;
  const k = occupied.findIndex((o, i) => i > 0 && o > occupied[i - 1]!);
  assert.ok(k > 0, "a day whose occupancy rises");
  const capacity = [...run.daily.acuteCapacity];
  capacity[k] = occupied[k]! - 1;
  const r = { ...run, daily: { ...run.daily, acuteCapacity: capacity } };
  const d = r.daily;
  const risingAbove = d.dayIndex.filter((_, i) =>
    i > 0 && d.acuteOccupied[i]! > d.acuteCapacity[i]! &&
    d.acuteOccupied[i]! > d.acuteOccupied[i - 1]!
  );
  assert.ok(risingAbove.length > 0, "the case under test happens");
  assert.deepEqual(checkInvariants(r), []);
  const admittedAbove = { ...r, accounting: { ...r.accounting, overCapacityEvents: 1 } };
  assert.deepEqual(checkInvariants(admittedAbove), ["acute: 1 admissions above capacity"]);
  const oneSite = {
    ...r,
    daily: { ...d, acuteOccupiedByHospital: { all: d.acuteOccupied } },
  };
  assert.match(checkInvariants(oneSite)[0], /^day \d+: acute occupancy \d+ above capacity \d+$/);
});
