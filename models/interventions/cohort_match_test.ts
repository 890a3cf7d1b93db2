import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { initialCounts } from "../population/cohort.ts";
import { cellRiskScores, cohortShares, initialCohortPeople } from "./cohort_match.ts";

const s = parseScenario({ version: 1, population: { size: 100000 } });
const counts = initialCounts(s);
const risk = cellRiskScores(s);

Deno.test("cohortShares() targets cohorts", async (t) => {
  await t.step("filters combine: 75+ at home in segments 3-4", () => {
    const sh = cohortShares(s, { minAgeYears: 75, segments: [3, 4], residence: ["home"] });
    const ids: string[] = [];
    sh.forEach((v, c) => {
      assert.ok(v === 0 || v === 1);
      if (v === 1) ids.push(`${c >> 3}:${((c >> 1) & 3) + 1}:${c & 1}`);
    });
    assert.deepEqual(ids, ["2:3:0", "2:4:0", "3:3:0", "3:4:0"]);
  });
  await t.step("top 3% by risk holds exactly 3% of people, highest risk first", () => {
    const sh = cohortShares(s, { topRiskPercent: 3 });
    assert.ok(Math.abs(initialCohortPeople(s, sh) - 3000) < 1e-6);
    // every fully included cell is at least as risky as every excluded populated cell
    let minIn = Infinity;
    let maxOut = -Infinity;
    sh.forEach((v, c) => {
      if (v === 1) minIn = Math.min(minIn, risk[c]);
      if (v === 0 && counts[c] > 0) maxOut = Math.max(maxOut, risk[c]);
    });
    assert.ok(minIn >= maxOut, `${minIn} < ${maxOut}`);
    assert.equal([...sh].filter((v) => v > 0 && v < 1).length, 1); // one marginal cell
  });
  await t.step("top x% within a filter", () => {
    const sh = cohortShares(s, { residence: ["home"], topRiskPercent: 1 });
    for (let c = 1; c < sh.length; c += 2) assert.equal(sh[c], 0);
    assert.ok(Math.abs(initialCohortPeople(s, sh) - 1000) < 1e-6);
  });
});
