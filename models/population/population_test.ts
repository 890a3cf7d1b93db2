/**
 * Specification test of the population part: people are conserved exactly — everyone at the
 * end was there at the start or entered (births, net migration), less those who died (at home,
 * in a care home or in hospital).
 */
import assert from "node:assert/strict";
import { specRun } from "../_spec_run.ts";

Deno.test("the population account balances exactly: end = start + entries − deaths", () => {
  const { result } = specRun({
    years: 2,
    start: { mode: "empty" },
    population: { size: 100000 },
  });
  const { start, end, deaths, entries } = result.population;
  assert.ok(entries > 0 && deaths > 0);
  assert.equal(end, start + entries - deaths);
});
