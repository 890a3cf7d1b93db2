/**
 * Specification test of the account of people per setting: at home, in a care home, and away
 * from the cells (boarding in ED, in an acute or intermediate-care bed, in another setting).
 * For each setting and model year, the people at the start + those who came in − those who
 * left or died = the people at the end, exactly; and every death is counted once.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { SystemModel } from "../system_model.ts";

Deno.test("people per setting: start + entries − exits = end, each year; deaths counted once", () => {
  const scenario = parseScenario({
    version: 1,
    years: 3,
    population: { size: 30000 },
    careModels: [{ model: "mcp" }, { model: "ehch" }],
  });
  const m = new SystemModel(scenario, { seed: 3, replication: 0 });
  m.run();
  const { population, beds } = m.parts;
  const f = population.flows;
  const daily = m.record.daily;
  const away = (d: number) =>
    daily.edBoarders[d]! + daily.acuteOccupied[d]! + daily.intermediateOccupied[d]! +
    (m.record.inSettings?.[d] ?? 0);
  let home = population.startByResidence.atHome;
  let careHome = population.startByResidence.inCareHome;
  let elsewhere = population.account.start - home - careHome;
  assert.ok(elsewhere > 0, "some people start in a bed");
  let deaths = 0;
  for (let y = 0; y < scenario.years; y++) {
    const end = 365 * (y + 1) - 1;
    const homeEnd = home + f.entries.get(y) + f.intoHome.get(y) - f.outOfHome.get(y) -
      f.deathsAtHome.get(y);
    const careHomeEnd = careHome + f.intoCareHome.get(y) - f.outOfCareHome.get(y) -
      f.deathsInCareHome.get(y);
    const elsewhereEnd = elsewhere + f.outOfHome.get(y) + f.outOfCareHome.get(y) -
      f.intoHome.get(y) - f.intoCareHome.get(y) - f.deathsAway.get(y);
    assert.equal(homeEnd, daily.atHome[end], `year ${y + 1}: at home`);
    assert.equal(careHomeEnd, daily.inCareHome[end], `year ${y + 1}: in care homes`);
    assert.equal(elsewhereEnd, away(end), `year ${y + 1}: away from the cells`);
    // Every death once: the all-cause count is the sum over places, and the account's.
    const byPlace = f.deathsAtHome.get(y) + f.deathsInCareHome.get(y) + f.deathsAway.get(y);
    assert.equal(m.record.counts.deaths.get(y), byPlace, `year ${y + 1}: deaths by place`);
    assert.ok(f.outOfHome.get(y) > 1000 && f.intoCareHome.get(y) > 50, "people move");
    deaths += byPlace;
    [home, careHome, elsewhere] = [homeEnd, careHomeEnd, elsewhereEnd];
  }
  assert.equal(deaths, population.account.deaths);
  assert.equal(population.account.end, home + careHome + elsewhere);
  assert.equal(beds.inEd + beds.totalOccupied() + m.parts.intermediate.occupied, elsewhere);
});
