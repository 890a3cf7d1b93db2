import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { simulateReplication } from "../models/simulate.ts";
import { checkInvariants } from "../models/invariants.ts";
import { fuzzDefaults } from "./fuzz/fuzz_defaults.ts";

Deno.test("checkInvariants() lets the all-site total rise while one site drains closed escalation beds", () => {
  // February escalation doubles each site's beds; when they close in March one site drains
  // above its beds while the other admits within its own (found by the scenario fuzzer).
  const input = structuredClone(fuzzDefaults()[2]) as {
    acute: { escalationShareByMonth: number[] };
    population: { ageBands: { recoveryRatePerPersonYear: number[] }[] };
  };
  input.acute.escalationShareByMonth[1] = 1;
  input.population.ageBands[1].recoveryRatePerPersonYear[0] = 1.000000001;
  const scenario = parseScenario(input);
  const r = simulateReplication(scenario, { seed: scenario.seed });
  const d = r.daily;
  const risingAbove = d.dayIndex.filter((_, i) =>
    i > 0 && d.acuteOccupied[i] > d.acuteCapacity[i] && d.acuteOccupied[i] > d.acuteOccupied[i - 1]
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
