// deno-lint-ignore-file no-console
/**
 * Regenerates `scenarios/scenario.schema.json`: `deno run --allow-write scenarios/write_json_schema.ts`.
 *
 * @module
 */

import { scenarioJsonSchemaText } from "./json_schema.ts";

const target = new URL("./scenario.schema.json", import.meta.url);
await Deno.writeTextFile(target, scenarioJsonSchemaText());
console.log(`wrote ${target.pathname}`);
