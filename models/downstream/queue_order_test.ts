/**
 * Specification tests of the order each downstream service serves its waiting list in:
 * intermediate care, reablement and home care first come first served; care homes take
 * people waiting in hospital before people waiting at home, each in order of joining.
 */
import assert from "node:assert/strict";
import type { Patient } from "../acute/patient.ts";
import { specModel } from "../_spec_run.ts";
import { careHomeCellOf, cellIndex, HOME } from "../population/cells.ts";

Deno.test("intermediate care serves waiting requests first come first served", () => {
  const m = specModel({
    population: { size: 100000 },
    community: { intermediateCare: { bedsPer100k: 2 } },
  });
  const ic = m.parts.intermediate;
  assert.equal(ic.beds.capacity, 2);
  const reqs = [ic.request(), ic.request(), ic.request(), ic.request()];
  m.ctx.sim.run({ until: 0.1 });
  assert.deepEqual(reqs.map((r) => r.triggered), [true, true, false, false]);
  ic.beds.release(reqs[1]!);
  m.ctx.sim.run({ until: 0.2 });
  assert.deepEqual(reqs.map((r) => r.triggered), [true, true, true, false]);
});

Deno.test("reablement serves waiting requests first come first served", () => {
  const m = specModel({
    population: { size: 100000 },
    socialCare: { reablement: { slotsPer100k: 3 } },
  });
  const rb = m.parts.reablement;
  const reqs = Array.from({ length: 5 }, () => rb.request());
  m.ctx.sim.run({ until: 0.1 });
  assert.deepEqual(reqs.map((r) => r.triggered), [true, true, true, false, false]);
  rb.slots.release(reqs[0]!);
  m.ctx.sim.run({ until: 0.2 });
  assert.deepEqual(reqs.map((r) => r.triggered), [true, true, true, true, false]);
});

Deno.test("home care starts waiting packages first come first served", () => {
  const m = specModel({
    population: { size: 100000 },
    socialCare: { homeCare: { providerSearchMeanDays: 0 } },
  });
  const hc = m.parts.homeCare;
  const fit = Math.floor(hc.capacity / hc.hoursPerPackage);
  const gets = Array.from({ length: fit + 2 }, () => hc.request());
  m.ctx.sim.run({ until: 0.1 });
  assert.deepEqual(gets.slice(fit - 1).map((g) => g.triggered), [true, false, false]);
  hc.hours.put(hc.hoursPerPackage - (hc.capacity - fit * hc.hoursPerPackage));
  m.ctx.sim.run({ until: 0.2 });
  assert.deepEqual(gets.slice(fit - 1).map((g) => g.triggered), [true, true, false]);
});

Deno.test("care homes place hospital waiters first, then home waiters, each in order", () => {
  const m = specModel({ population: { size: 20000 }, careHomes: { placeSearchMeanDays: 0 } });
  const { careHomes, population } = m.parts;
  careHomes.away += careHomes.places - careHomes.occupied(); // full
  const homeA = cellIndex(3, 2, HOME);
  const homeB = cellIndex(3, 3, HOME);
  const hospital = (cell: number) => ({ cell, segment: 3, inBed: false, placed: false }) as Patient;
  const p1 = hospital(cellIndex(2, 2, HOME));
  const p2 = hospital(cellIndex(2, 1, HOME));
  careHomes.waitFromHome(homeA, 0);
  careHomes.waitFromHospital(p1, 0);
  careHomes.waitFromHospital(p2, 0);
  careHomes.waitFromHome(homeB, 0);
  careHomes.place();
  assert.deepEqual([p1.placed, p2.placed], [false, false], "no place free");
  const residents = (cell: number) => population.people(careHomeCellOf(cell));
  const before = [homeA, homeB].map(residents);
  const freeOne = () => {
    careHomes.away--;
    careHomes.place();
  };
  freeOne();
  assert.deepEqual([p1.placed, p2.placed], [true, false]);
  freeOne();
  assert.deepEqual([p1.placed, p2.placed], [true, true]);
  freeOne();
  assert.deepEqual([homeA, homeB].map(residents), [before[0]! + 1, before[1]!]);
  freeOne();
  assert.deepEqual([homeA, homeB].map(residents), [before[0]! + 1, before[1]! + 1]);
});
