import assert from "node:assert/strict";
import { scenarioJsonSchema, scenarioJsonSchemaText } from "./json_schema.ts";

Deno.test("scenario.schema.json is up to date (regenerate: deno run -A scenarios/write_json_schema.ts)", async () => {
  const onDisk = await Deno.readTextFile(new URL("./scenario.schema.json", import.meta.url));
  assert.equal(onDisk, scenarioJsonSchemaText());
});

Deno.test("JSON Schema carries defaults, sources and strictness", () => {
  // deno-lint-ignore no-explicit-any
  const s = scenarioJsonSchema() as Record<string, any>;
  assert.equal(s.additionalProperties, false);
  assert.deepEqual(s.required, ["version", "population"]);
  const readmit = s.properties.acute.properties.readmission30DayProbability;
  assert.equal(readmit.default, 0.07);
  assert.match(readmit.source, /B2/);
  assert.equal(readmit.assumption, false);
});
