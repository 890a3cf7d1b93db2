import assert from "node:assert/strict";
import { CARE_MODEL_IDS, CARE_MODEL_PARTS, PRESETS } from "../../scenarios/care_model_schema.ts";
import { parseScenario } from "../../scenarios/load.ts";
import { runPairedReplication, scenarioOptions } from "../run_scenario.ts";
import { CARE_MODELS } from "./registry.ts";
import { CARE_MODEL_INPUT_METRICS } from "../costs/derived_metrics.ts";

/** Annual rows of outcomes (not the care model's own cohort size and staff cost). */
const outcomes = (rows: readonly { metric: string }[]) =>
  rows.filter((r) => !CARE_MODEL_INPUT_METRICS.includes(r.metric));

/** Every effect of every part of a preset set to "no change", and no capacity added. */
function noChangeParts(model: (typeof CARE_MODEL_IDS)[number], preset: (typeof PRESETS)[number]) {
  const parts: Record<string, Record<string, unknown>> = {};
  for (const p of CARE_MODELS[model].presets[preset]) {
    const effects = Object.fromEntries(
      Object.keys(p.effects ?? {}).map((k) => [k, k === "dischargeToAssess" ? 0 : 1]),
    );
    const capacity = Object.fromEntries(Object.keys(p.capacity ?? {}).map((k) => [k, 0]));
    parts[p.part ?? "main"] = { effects, capacity, interSiteTransferDelayHours: null };
  }
  return parts;
}

Deno.test("CARE_MODEL_PARTS lists every shipped model's parts in order", () => {
  for (const id of CARE_MODEL_IDS) {
    for (const preset of PRESETS) {
      const parts = CARE_MODELS[id].presets[preset].map((p) => p.part ?? "main");
      assert.deepEqual(parts, [...CARE_MODEL_PARTS[id]], `${id} ${preset}`);
    }
  }
});

Deno.test("a care model whose every effect is 'no change' changes nothing, in every replication", async (t) => {
  // Two hospitals so ACC's transfers could act; paired seeds; 3 replications each.
  for (const model of CARE_MODEL_IDS) {
    for (const preset of PRESETS) {
      await t.step(`${model} (${preset})`, () => {
        const scenario = parseScenario({
          version: 1,
          years: 1,
          population: { size: 15000 },
          hospitals: [{ id: "north", populationShare: 0.55 }, {
            id: "south",
            populationShare: 0.45,
          }],
          careModels: [{ model, preset, rampUpMonths: 0, parts: noChangeParts(model, preset) }],
        });
        const options = scenarioOptions(scenario);
        assert.equal(
          options[0]!.interventions.length,
          CARE_MODEL_PARTS[model].length,
          "every part is built",
        );
        for (let replication = 0; replication < 3; replication++) {
          const r = runPairedReplication({
            seed: 11,
            replication,
            input: { scenario, options, replicationsPerSample: 1 },
          });
          const o = r.options[0]!.result;
          assert.deepEqual(outcomes(o.annual), outcomes(r.baseline.annual), `rep. ${replication}`);
          assert.deepEqual(o.daily, r.baseline.daily, `replication ${replication}`);
        }
      });
    }
  }
});

Deno.test("a part's override reaches that part only: PACS's discharge to assess switched off", () => {
  const scenario = parseScenario({
    version: 1,
    population: { size: 1000 },
    careModels: [{ model: "pacs", parts: { d2a: { effects: { dischargeToAssess: 0 } } } }],
  });
  const [main, , d2a] = scenarioOptions(scenario)[0]!.interventions;
  assert.equal(d2a!.part, "d2a");
  assert.equal(d2a!.effects.dischargeToAssess, 0);
  assert.deepEqual(main!.effects, CARE_MODELS.pacs.presets.evidence[0]!.effects);
});

Deno.test("an unknown part id is a scenario error naming the field and the parts", () => {
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        careModels: [{ model: "pacs", parts: { d2b: { effects: { dischargeToAssess: 0 } } } }],
      }),
    /careModels\[0\]\.parts\.d2b.*main, triage, d2a/s,
  );
});
