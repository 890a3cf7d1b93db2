import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import type { EventLogRow } from "../modifiers.ts";
import { scenarioOptions } from "../run_scenario.ts";
import { simulateReplication } from "../simulate.ts";
import { buildModifiers } from "./compose.ts";
import { cellRiskScores } from "./cohort_match.ts";
import { defineIntervention } from "./intervention.ts";
import { effectStream, sampleIntervention } from "./sample.ts";

/**
 * Each case's first stay, admit → medically fit, days, for cases admitted after day 0 (the
 * starting census's patients, admitted at day 0 with a residual stay, are left out).
 */
function firstStays(log: readonly EventLogRow[]): Map<string, number> {
  const admitted = new Map<string, number>();
  const stays = new Map<string, number>();
  for (const r of log) {
    if (r.activity === "admit" && r.timeDays > 0 && !admitted.has(r.caseId)) {
      admitted.set(r.caseId, r.timeDays);
    } else if (r.activity === "discharge_ready" && admitted.has(r.caseId) && !stays.has(r.caseId)) {
      stays.set(r.caseId, r.timeDays - admitted.get(r.caseId)!);
    }
  }
  return stays;
}

Deno.test("length of stay −1 day: every stay is max(0, its baseline stay − 1) on the same draws", () => {
  const scenario = parseScenario({
    version: 1,
    years: 1,
    population: { size: 6000 },
    // No readmissions: their timing follows the stays, and they take ED attendances from the
    // day's draws, so case ids would part between the two runs.
    acute: { weekendDischargeRatio: 1, readmission30DayProbability: 0 },
    careModels: [{
      model: "custom",
      rampUpMonths: 0,
      parts: { main: { effects: { lengthOfStay: { change: -1 } } } },
    }],
  });
  // Unconstrained: no boarding, so each case is admitted at the same time in both runs.
  const [iv] = scenarioOptions(scenario)[0]!.interventions;
  const modifiers = buildModifiers(scenario, [sampleIntervention(iv!, effectStream(3, 0, "c"))]);
  const logs = [{}, modifiers].map((m) => {
    const log: EventLogRow[] = [];
    simulateReplication(scenario, {
      seed: 3,
      modifiers: m,
      unconstrained: true,
      eventLog: (r) => log.push(r),
    });
    return firstStays(log);
  });
  const [base, shorter] = logs as [Map<string, number>, Map<string, number>];
  let compared = 0;
  let floored = 0;
  for (const [id, los] of base) {
    const s = shorter.get(id);
    if (s === undefined) continue;
    compared++;
    if (los < 1) floored++;
    assert.ok(Math.abs(s - Math.max(0, los - 1)) < 1e-6, `case ${id}: ${s} vs ${los} − 1`);
  }
  assert.ok(compared > 500 && floored > 50, `${compared} stays, ${floored} floored at 0`);
});

Deno.test("segment effects replace the general ones; an admission change is Δ ÷ the cell's rate", () => {
  const scenario = parseScenario({ version: 1, population: { size: 1000 } });
  const iv = defineIntervention({
    id: "x",
    effects: { emergencyAdmission: 0.9, gpDemand: 0.8 },
    segmentEffects: { "4": { emergencyAdmission: { change: -0.2 } } },
  });
  const mods = buildModifiers(scenario, [sampleIntervention(iv, effectStream(1, 0, "x"))]);
  const risk = cellRiskScores(scenario);
  const cell = (index: number, segment: 1 | 2 | 3 | 4) =>
    ({ index, bandIndex: 3, bandId: "85+", minAgeYears: 85, segment, residence: "home" }) as const;
  // Cells are (band, segment, residence): band 3, segment 1 at home = 3 × 8.
  const s1 = mods.components!(0, cell(24, 1))![0]!.multipliers;
  assert.equal(s1.emergencyAdmission, 0.9);
  assert.equal(s1.gpDemand, 0.8);
  const s4 = mods.components!(0, cell(30, 4))![0]!.multipliers;
  assert.ok(Math.abs(s4.emergencyAdmission! - (1 - 0.2 / risk[30]!)) < 1e-12);
  assert.equal(s4.gpDemand, 0.8, "segment 4 keeps the general GP effect");
});

Deno.test("an absolute change is only for length of stay and emergency admissions", () => {
  assert.throws(
    () => defineIntervention({ id: "x", effects: { gpDemand: { change: -1 } } }),
    /effects\.gpDemand cannot be an absolute change/,
  );
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        careModels: [{ model: "mcp", effects: { gpDemand: { change: -1 } } }],
      }),
    /careModels\[0\]\.effects\.gpDemand/,
  );
});
