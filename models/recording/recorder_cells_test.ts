/**
 * Specification test of the recorder's by-cell figures: admissions by cell add up to the
 * admissions counted by year, and person-days by cell to the people in the cells at each
 * day's end (at home plus in a care home).
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { SystemModel } from "../system_model.ts";
import { bandOf } from "../population/cells.ts";

Deno.test("Recorder by cell: admissions and person-days add up to the year's totals", () => {
  const scenario = parseScenario({ version: 1, years: 2, population: { size: 8000 } });
  const model = new SystemModel(scenario, { seed: 3, replication: 0 });
  model.run();
  const rec = model.record;
  for (let y = 0; y < 2; y++) {
    const byCell = rec.admissionsByCell[y]!;
    const sum = byCell.reduce((a, x) => a + (x ?? 0), 0);
    assert.equal(sum, rec.counts.emergency_admissions.get(y));
    const days = rec.personDaysByCell[y]!.reduce((a, x) => a + (x ?? 0), 0);
    let inCells = 0;
    for (let d = y * 365; d < (y + 1) * 365; d++) {
      inCells += rec.daily.atHome[d]! + rec.daily.inCareHome[d]!;
    }
    assert.ok(Math.abs(days - inCells) < 1e-6 * inCells, `${days} vs ${inCells}`);
    // Every band admits someone in a year of 8,000 people (the oldest band most per person).
    const bands = scenario.population.ageBands.length;
    const perBand = new Array(bands).fill(0);
    byCell.forEach((x, c) => (perBand[bandOf(c)] += x ?? 0));
    assert.ok(perBand.every((x) => x > 0), JSON.stringify(perBand));
  }
});
