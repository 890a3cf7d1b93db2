/**
 * Specification tests of interventions inside the model: each day a cohort cell's multiplier
 * is 1 + f(day)·(effect − 1) with f the ramp-up fraction, cells outside the cohort keep 1, the
 * cohort's people-days are the people in the matched cells, and averted admissions are credited
 * only to the cohort's segments.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { specModel, specRun } from "../_spec_run.ts";
import { isHome, segmentOf } from "../population/cells.ts";
import { buildModifiers } from "./compose.ts";
import { DayMultipliers } from "./day_multipliers.ts";
import { SystemModel } from "../system_model.ts";
import { defineIntervention } from "./intervention.ts";
import { DAYS_PER_MONTH } from "./ramp.ts";
import { effectStream, sampleIntervention } from "./sample.ts";

const INPUT = { years: 2, startDate: "2025-04-01", population: { size: 30000 } };
const RAMP_MONTHS = 6;

function frailModifiers() {
  const scenario = parseScenario({ version: 1, ...INPUT });
  const iv = defineIntervention({
    id: "frail",
    startDate: "2025-05-01",
    rampUpMonths: RAMP_MONTHS,
    rampShape: "linear",
    cohort: { segments: [3, 4], residence: ["home"] },
    effects: { emergencyAdmission: 0.5 },
  });
  return buildModifiers(scenario, [sampleIntervention(iv, effectStream(1, 0, "frail"))]);
}

Deno.test("ramp-up and cohort: a matched cell's multiplier follows the ramp; others stay 1", () => {
  const m = specModel(INPUT);
  const mods = frailModifiers();
  const mul = new DayMultipliers(
    m.parts.population.cellCount,
    { modifiers: mods, tags: m.parts.tags },
  );
  const goLive = 30; // 2025-05-01 is 30 days after 2025-04-01
  const rampDays = RAMP_MONTHS * DAYS_PER_MONTH;
  for (const day of [0, 29, 30, 31, 60, 120, 212, 400]) {
    mul.apply(day, {
      cells: m.parts.population.params.cells,
      people: m.parts.population.counts,
      measuring: false,
    });
    const f = day < goLive ? 0 : Math.min(1, (day - goLive) / rampDays);
    for (let c = 0; c < m.parts.population.cellCount; c++) {
      const inCohort = isHome(c) && segmentOf(c) >= 3;
      const expected = inCohort ? 1 + f * (0.5 - 1) : 1;
      assert.ok(
        Math.abs(mul.adm[c]! - expected) < 1e-12,
        `day ${day} cell ${c}: ${mul.adm[c]} vs ${expected}`,
      );
    }
  }
});

Deno.test("cohort matching: the cohort's people-days are the people in the matched cells", () => {
  const m = specModel(INPUT);
  const mul = new DayMultipliers(
    m.parts.population.cellCount,
    { modifiers: frailModifiers(), tags: m.parts.tags },
  );
  const people = m.parts.population.counts;
  mul.apply(300, { cells: m.parts.population.params.cells, people, measuring: true });
  let matched = 0;
  for (let c = 0; c < people.length; c++) if (isHome(c) && segmentOf(c) >= 3) matched += people[c]!;
  const account = m.parts.tags.list.find((t) => t.tag === "frail")!;
  assert.equal(account.cohortPeopleDays.get(0), matched);
  assert.equal(account.enrolledPeopleDays.get(0), matched); // fully ramped by day 300
});

Deno.test("averted admissions are credited only to the cohort's segments", () => {
  const run = specRun(INPUT, { modifiers: frailModifiers() });
  const averted = run.result.interventions!.averted.filter((a) => a.careModel === "frail");
  const bySegment = (s: number) =>
    averted.filter((a) => a.segment === s).reduce((n, a) => n + a.count, 0);
  assert.equal(bySegment(1) + bySegment(2), 0);
  assert.ok(bySegment(3) > 0 && bySegment(4) > 0);
});

Deno.test("a care model's deterioration effect reaches the cohort step (components hook alone)", () => {
  const input = { years: 1, startDate: "2025-04-01", population: { size: 30000 } };
  const segment4 = (m: ReturnType<typeof specModel>) => {
    let n = 0;
    const counts = m.parts.population.counts;
    for (let c = 0; c < counts.length; c++) if (segmentOf(c) === 4) n += counts[c]!;
    return n;
  };
  const base = specModel(input);
  base.run();
  const none = new SystemModel(parseScenario({ version: 1, start: { mode: "empty" }, ...input }), {
    seed: 1,
    replication: 0,
    modifiers: {
      components: () => [{
        tag: "halt",
        cohort: "everyone",
        share: 1,
        ramp: 1,
        multipliers: { deterioration: 0 },
      }],
    },
  });
  none.run();
  // No one deteriorates into segment 4, so it only loses people (deaths, recovery).
  assert.ok(segment4(none) < 0.9 * segment4(base), `${segment4(none)} vs ${segment4(base)}`);
});
