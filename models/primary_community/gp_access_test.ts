/**
 * Specification tests of GP access: weekday appointments serve the oldest requests first, at
 * the capacity the GP workforce gives; none on weekends.
 */
import assert from "node:assert/strict";
import { specModel } from "../_spec_run.ts";

/** 1,000 people, 1 GP FTE per 1,000 at 50 appointments a week: 10 a weekday. No abandoning. */
function gpModel() {
  const m = specModel({
    startDate: "2025-01-06", // a Monday
    population: { size: 1000 },
    gp: {
      ftePer1000People: 1,
      appointmentsPerFtePerWeek: 50,
      extendedAccessAppointmentsPerWeek: 0,
      abandonRatePerDay: 0,
    },
  });
  m.parts.population.counts.fill(0); // no demand but what the test adds
  return m;
}

Deno.test("GP access serves the oldest requests first, weekday capacity only", () => {
  const m = gpModel();
  const gp = m.parts.gp;
  const served = m.record.counts.gp_consultations;
  const waited = m.record.counts.gp_wait_days_total;
  gp.addToday(15);
  gp.tick(0, undefined); // Monday: 10 served the same day, 5 wait
  assert.deepEqual([served.get(0), waited.get(0)], [10, 0]);
  gp.addToday(15);
  gp.tick(1, undefined); // Tuesday: the 5 from Monday (1 day) first, then 5 of today's
  assert.deepEqual([served.get(0), waited.get(0)], [20, 5]);
  for (let t = 2; t < 5; t++) gp.tick(t, undefined); // Wed–Fri: the last 10 (waits 1 and 2+)
  assert.equal(served.get(0), 30);
  gp.addToday(7);
  gp.tick(5, undefined); // Saturday: nothing served
  gp.tick(6, undefined); // Sunday
  assert.equal(served.get(0), 30);
  gp.tick(7, undefined); // Monday: the 7 from Saturday, 2 days old
  assert.deepEqual([served.get(0), waited.get(0) - 5 - 10 * 1], [37, 14]);
});
