/**
 * scenarios/schema_types.ts (the schemas' input and output types, spelled out so that the
 * schemas carry explicit types) matches the schemas as they are: regenerate it with
 * `deno task types:write` after changing a schema.
 */
import assert from "node:assert/strict";
import { schemaTypesText } from "../scenarios/write_types.ts";

Deno.test("scenarios/schema_types.ts is up to date with the zod schemas", async () => {
  const current = await Deno.readTextFile(new URL("../scenarios/schema_types.ts", import.meta.url));
  assert.ok(
    current === await schemaTypesText(),
    "scenarios/schema_types.ts is out of date: run `deno task types:write`",
  );
});
