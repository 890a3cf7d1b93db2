import assert from "node:assert/strict";
import { checkInvariants } from "../models/invariants.ts";
import { simulateReplication } from "../models/simulate.ts";
import { loadScenario, parseScenario } from "../scenarios/load.ts";

const shipped = (name: string) =>
  loadScenario(new URL(`../scenarios/${name}.json`, import.meta.url));

Deno.test("invariants hold over several seeds for the shipped scenarios (1 year)", async (t) => {
  for (const name of ["default", "pilot-35k", "south-worcestershire"]) {
    const s = { ...(await shipped(name)), years: 1 };
    const seeds = name === "south-worcestershire" ? [1] : [1, 2, 3];
    for (const seed of seeds) {
      await t.step(`${name} seed ${seed}`, () => {
        const r = simulateReplication(s, { seed });
        assert.deepEqual(checkInvariants(r), []);
        assert.equal(r.daily.dayIndex.length, 365);
      });
    }
  }
});

Deno.test("invariants hold from an empty start with warm-up, and with two hospitals", () => {
  const s = parseScenario({
    version: 1,
    years: 1,
    start: { mode: "empty", warmUpDays: 120 },
    population: { size: 30000 },
    hospitals: [{ id: "north", populationShare: 0.6 }, { id: "south", populationShare: 0.4 }],
  });
  const r = simulateReplication(s, { seed: 9 });
  assert.deepEqual(checkInvariants(r), []);
  assert.deepEqual(Object.keys(r.daily.acuteOccupiedByHospital), ["north", "south"]);
  assert.ok(r.daily.acuteOccupiedByHospital.south[200] > 0);
});

Deno.test("Little's law holds with unconstrained capacity", () => {
  const s = parseScenario({
    version: 1,
    years: 3,
    start: { mode: "empty", warmUpDays: 200 },
    population: { size: 40000 },
  });
  const r = simulateReplication(s, { seed: 11, unconstrained: true });
  const a = r.accounting;
  const lw = a.staysStarted / a.days * a.meanStayDays;
  assert.ok(Math.abs(a.meanOccupied / lw - 1) < 0.03, `L=${a.meanOccupied} λW=${lw}`);
  assert.deepEqual(checkInvariants(r, { littleTolerance: 0.03 }), []);
});

Deno.test("checkInvariants() catches a broken result", () => {
  const r = simulateReplication(
    parseScenario({ version: 1, years: 1, population: { size: 3000 } }),
    { seed: 1 },
  );
  r.daily.atHome[10] += 1;
  r.population.end += 1;
  r.accounting.bedDaysFromStays += 50;
  const v = checkInvariants(r);
  assert.ok(v.some((l) => l.startsWith("day 10: people in places")));
  assert.ok(v.some((l) => l.startsWith("population: start")));
  assert.ok(v.some((l) => l.startsWith("bed days:")));
});
