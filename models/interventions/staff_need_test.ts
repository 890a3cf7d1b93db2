import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import type { ScenarioInput } from "../../scenarios/schema.ts";
import { runPairedReplication, scenarioOptions } from "../run_scenario.ts";
import { workforceDemand } from "../workforce.ts";
import { effectStream, sampleIntervention, samplingKey } from "./sample.ts";

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** One paired replication of a scenario; the option's result and its drawn parts. */
function runOption(input: Omit<ScenarioInput, "version">) {
  const scenario = parseScenario({ version: 1, years: 1, ...input } as ScenarioInput);
  const options = scenarioOptions(scenario);
  const r = runPairedReplication({
    seed: 3,
    replication: 0,
    input: { scenario, options, replicationsPerSample: 1 },
  });
  const sampled = options[0]!.interventions.map((iv) =>
    sampleIntervention(iv, effectStream(3, 0, samplingKey(iv)))
  );
  const result = r.options[0]!.result;
  /** FTE the care model adds to one staff group (with its staff − without). */
  const added = (group: string) => {
    const get = (rows: { staffGroup: string; fte: number }[]) =>
      rows.find((w) => w.staffGroup === group)!.fte;
    return get(workforceDemand(result, scenario, { sampled })) -
      get(workforceDemand(result, scenario));
  };
  return { scenario, result, added, workforce: r.options[0]!.workforce };
}

Deno.test("stated-ambition MCP and PACS staff the 3% cohort, not everyone (FTE by hand)", async (t) => {
  for (const model of ["mcp", "pacs"] as const) {
    await t.step(model, () => {
      const { result, added } = runOption({
        population: { size: 20000 },
        careModels: [{ model, preset: "stated-ambition", rampUpMonths: 0 }],
      });
      const pop = mean(result.daily.population);
      // 2 district nurses and 1 social worker per 1,000 of a 3% cohort, ramp-up 1 all year.
      const dn = 2 * 0.03 * pop / 1000;
      assert.ok(
        Math.abs(added("district_nurse") - dn) < 1e-9,
        `${added("district_nurse")} vs ${dn}`,
      );
      // PACS's discharge-to-assess part adds 2 social workers per 100,000 people on top.
      const sw = 1 * 0.03 * pop / 1000 + (model === "pacs" ? 2 * pop / 1e5 : 0);
      assert.ok(Math.abs(added("social_worker") - sw) < 1e-9, `${added("social_worker")} vs ${sw}`);
      assert.ok(Math.abs(added("care_coordinator") - 12.5 * 0.03 * pop / 1000) < 1e-9);
    });
  }
});

Deno.test("two parts sharing a cohort count its people once (FTE by hand)", () => {
  const staff = { district_nurse: { per: "enrolled" as const, fte: 2, every: 1000 } };
  const cohort = { id: "at home", residence: ["home" as const] };
  const { result, added } = runOption({
    population: { size: 10000 },
    careModels: [{
      model: "custom",
      rampUpMonths: 0,
      parts: {
        main: { cohort, staff, effects: { gpDemand: 1 } },
        visits: { cohort, effects: { edAttendance: 1 } },
      },
    }],
  });
  const row = result.interventions!.cohorts.find((c) => c.year === 1)!;
  // People at home: sampled at the end of each day; the cohort counts them at the start.
  const atHome = mean(result.daily.atHome);
  assert.ok(Math.abs(row.enrolledMean / atHome - 1) < 0.01, `${row.enrolledMean} vs ${atHome}`);
  const expected = 2 * atHome / 1000;
  assert.ok(
    Math.abs(added("district_nurse") / expected - 1) < 0.01,
    `${added("district_nurse")} vs ${expected}`,
  );
});

Deno.test("staff per occupied place and per visit of the capacity a part adds (FTE by hand)", () => {
  const { scenario, result, added } = runOption({
    population: { size: 20000 },
    careModels: [{
      model: "custom",
      rampUpMonths: 0,
      parts: {
        main: {
          capacity: { intermediateBedsPer100k: 50, crisisResponseVisitsPerDayPer100k: 10 },
          staff: {
            ward_nurse: { per: "occupiedPlace", fte: 1, every: 10 },
            crisis_response: { per: "visit", fte: 1, every: 1000 },
          },
        },
      },
    }],
  });
  // 50 per 100,000 × 20,000 = 10 beds at the pool's occupancy; 10 × 0.2 × 365 = 730 visits.
  const occupancy =
    result.annual.find((r) => r.metric === "intermediate_occupied_mean" && r.segment === undefined)!
      .value / mean(result.daily.intermediateCapacity);
  assert.ok(occupancy > 0.3, `occupancy ${occupancy}`);
  assert.ok(Math.abs(added("ward_nurse") - 10 * occupancy / 10) < 1e-9);
  assert.ok(Math.abs(added("crisis_response") - 730 / 1000) < 1e-9);
  assert.equal(scenario.population.size, 20000);
});
