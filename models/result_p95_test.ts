/**
 * Specification test of the p95 in the annual results: `acute_occupied_beds_p95` is the 95th
 * percentile of the year's end-of-day acute occupancy, by the linear-interpolation rule
 * (Hyndman–Fan type 7, as R and NumPy default to).
 */
import assert from "node:assert/strict";
import { specRun } from "./_spec_run.ts";
import { annualValue } from "./result.ts";

/** Type 7: h = (n − 1)·p, interpolate between the order statistics around h. */
function type7(values: readonly number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (h - lo);
}

Deno.test("acute_occupied_beds_p95 is the type-7 95th percentile of the year's daily occupancy", () => {
  // Beds about 20% above the default base, so the year has slack and occupancy varies.
  const { result } = specRun({
    years: 2,
    population: { size: 30000 },
    acute: { bedsPer1000People: 2.6 },
  });
  for (const year of [1, 2]) {
    const days = result.daily.acuteOccupied.slice((year - 1) * 365, year * 365);
    const p95 = annualValue(result, "acute_occupied_beds_p95", { year });
    assert.equal(p95, type7(days, 0.95), `year ${year}`);
    assert.notEqual(type7(days, 0.95), type7(days, 0.9), "the year's occupancy varies");
  }
});
