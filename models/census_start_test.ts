/**
 * Specification test of the census start's readmissions: people discharged home in the 30 days
 * before day 0 are readmitted in the first month as those discharged after it are later, so the
 * first month's readmissions a day equal the rest of the year's. Without the seeded ones the first
 * month lacks half a month of readmissions (a rate about 25% low over days 0–30).
 */
import assert from "node:assert/strict";
import { specRun } from "./_spec_run.ts";

Deno.test("a census start carries the readmissions of people discharged before day 0", () => {
  let early = 0;
  let later = 0;
  for (let replication = 0; replication < 6; replication++) {
    const run = specRun({
      years: 1,
      population: { size: 100_000, demography: { inputs: "stationary" } },
    }, { seed: 4, replication });
    for (const r of run.log) {
      if (r.activity !== "readmit") continue;
      if (r.timeDays < 30) early++;
      else if (r.timeDays >= 60) later++;
    }
  }
  // Per day: days 0–30 against days 60–365 (≈ 1.7 readmissions a day × 6 replications).
  const earlyRate = early / 30;
  const laterRate = later / 305;
  // Poisson se of the early rate ≈ √early ÷ 30 (≈ 5%); 4 se.
  const tolerance = 4 * Math.sqrt(early) / 30 + 4 * Math.sqrt(later) / 305;
  assert.ok(
    Math.abs(earlyRate - laterRate) < tolerance,
    `readmissions a day: days 0–30 ${earlyRate.toFixed(2)}, days 60–365 ${laterRate.toFixed(2)} (±${
      tolerance.toFixed(2)
    })`,
  );
});
