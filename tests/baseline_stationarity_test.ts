/**
 * Specification test: a baseline with zero growth (the stationary demography: births equal to
 * deaths, no migration), no secular trend and no care model keeps, over 10 years, every age
 * band's segment shares, its emergency admissions per 1,000 people, the care-home residents'
 * segment shares and the occupied acute beds where they were at the start (years 1–2 against
 * years 9–10). Each tolerance is 4 standard errors of the 20-replication mean change, the
 * standard error taken from its sampling distribution (binomial for a share of the band's people
 * or of the residents, Poisson for admissions) or, if larger, from the spread of the replications
 * (validation/stationarity.ts). The drift this replaces — people 85+ in segments 3–4 falling
 * from 62% to 31% in 5 years, admissions per 1,000 at 85+ from 437 to 346, residents in segment
 * 1 from 4% to 22% in 10 years — is many of these tolerances; so is the residual drift of a
 * hospital that sent every segment to care homes alike, and that sent people under 65 there.
 * `deno task validate:stationarity` prints the figures.
 */
import assert from "node:assert/strict";
import { compareWindows, runStationary } from "../validation/stationarity.ts";

const YEARS = 10;
/** Years pooled at each end: years 1–2 against years 9–10. */
const WINDOW = 2;

Deno.test("a zero-growth baseline keeps segment shares, admissions per 1,000 by age, residents' mix and occupied beds for 10 years", () => {
  const run = runStationary({ size: 100_000, years: YEARS, replications: 20, seed: 7 });
  const rows = compareWindows(run, WINDOW, YEARS - WINDOW);
  for (const r of rows) {
    if (r.band === "85+" && r.kind === "segment share" && r.segment! >= 3) {
      // The old drift halved the frail share at 85+ (62% → 31% for segments 3–4 together).
      assert.ok(r.tolerance < 0.31 / 2 / 3, `85+ segment ${r.segment} tolerance ${r.tolerance}`);
    }
    if (r.band === "85+" && r.kind === "admissions per 1,000") {
      // The old drift: 437 → 346 per 1,000 (−21%) in 5 years.
      assert.ok(r.tolerance < 0.21 * r.first / 3, `85+ admissions tolerance ${r.tolerance}`);
    }
    if (r.kind === "residents' segment share" && r.segment === 1) {
      // The old drift: residents in segment 1 from 4% to 22% of residents in 10 years.
      assert.ok(r.tolerance < 0.17 / 3, `residents' segment 1 tolerance ${r.tolerance}`);
    }
    if (r.kind === "occupied beds") {
      assert.ok(r.tolerance < 0.05 * r.first, `bed tolerance ${r.tolerance} of ${r.first}`);
    }
  }
  const failures = rows.filter((r) => !(Math.abs(r.change) <= r.tolerance)).map((r) =>
    `${r.what}: ${r.first.toFixed(4)} → ${r.last.toFixed(4)} (change ${
      r.change.toFixed(4)
    }, allowed ±${r.tolerance.toFixed(4)})`
  );
  assert.deepEqual(failures, []);
});
