/**
 * The validation's short form for CI, and specification tests of its machinery. The short
 * form runs the default scenario (baseline and its care models) for 3 replications and
 * requires every measured check without a known gap to lie within its evidence range widened
 * by 4 standard errors of its own 3-replication mean — loose enough for 3 replications, tight
 * enough that a model change moving a figure by a few standard errors outside the evidence
 * fails — and every theory check to hold. Same seed, same result: it fails only when the model
 * changes.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../scenarios/load.ts";
import { CHECKS, evidenceRange, hasKnownGap, THEORY_CHECKS } from "./checks.ts";
import { evaluateChecks, replicationsForWidth, runValidation } from "./evaluate.ts";
import type { ReplicationFigures } from "./replication_figures.ts";
import { renderValidation } from "./render.ts";
import { DEFAULT_FREE_PARAMETERS } from "../calibration/default_calibration.ts";

const read = (path: string) => Deno.readTextFileSync(new URL(path, import.meta.url));

Deno.test("validation short form: the default scenario stays within its evidence", () => {
  const scenario = parseScenario(JSON.parse(read("../scenarios/default.json")));
  const run = runValidation(scenario, CHECKS, THEORY_CHECKS, {
    seed: scenario.seed,
    pilot: 3,
    max: 3,
  });
  assert.equal(run.replications, 3);
  const outside: string[] = [];
  for (const row of run.rows) {
    if (!row.summary || hasKnownGap(row.check, row.year)) continue;
    const se = row.summary.sd / Math.sqrt(row.summary.n);
    const { low, high } = evidenceRange(row.check, row.year);
    if (row.summary.mean < low - 4 * se || row.summary.mean > high + 4 * se) {
      outside.push(
        `${row.check.id} year ${row.year}: ${row.summary.mean.toFixed(3)} (se ${
          se.toFixed(3)
        }) outside [${low}, ${high}]`,
      );
    }
  }
  assert.deepEqual(outside, []);
  for (const t of run.theory) assert.ok(t.pass, `${t.check.id}: ${JSON.stringify(t.worst)}`);
  // Only checks of metrics this build does not register go unmeasured.
  const unmeasured = run.rows.filter((r) => !r.summary).map((r) => r.check);
  assert.ok(unmeasured.every((c) => (c.requires ?? []).length > 0));
  // Targets and held-out checks are rendered apart; year 5 of a year-1 target is held out.
  const fit = { values: {}, outputs: {}, converged: true, history: [] };
  const page = renderValidation(
    run,
    {
      ...fit,
      values: { "acute.bedsPer1000People": 1.53, "acute.dischargeArrangementMeanDays×": 1 },
      outputs: { acute_occupancy_pct: 90, delayed_transfer_share_pct: 5 },
    },
    DEFAULT_FREE_PARAMETERS,
    {
      scenarioPath: "scenarios/default.json",
      scenarioName: "default",
      populationSize: 100000,
      seed: scenario.seed,
      pilot: 3,
      max: 3,
      command: "test",
      calibrationReplications: 1,
    },
  );
  const targets = page.slice(page.indexOf("## Calibration targets"), page.indexOf("## Held-out"));
  const heldOut = page.slice(page.indexOf("## Held-out"), page.indexOf("## Theory"));
  assert.match(targets, /\| Acute occupancy, % of open beds \(%\) \| 1 \|/);
  assert.doesNotMatch(targets, /\| Acute occupancy, % of open beds \(%\) \| 5 \|/);
  assert.match(heldOut, /\| Acute occupancy, % of open beds \(%\) \| 5 \|/);
  assert.match(heldOut, /\| Emergency admissions per 1,000 people \(per 1,000 a year\) \| 1 \|/);
});

/** Figures of a fake replication whose every check reads `x` through a one-metric registry. */
function fake(x: number, metrics: string[] = ["m"]): ReplicationFigures {
  return {
    years: 5,
    cells: [],
    metric: (name) => (metrics.includes(name) ? x : undefined),
    admissionsByCell: [],
    personDaysByCell: [],
    daily: { acuteOccupied: [], acuteCapacity: [], population: [] },
    account: { start: 0, end: 0, entries: 0, deaths: 0 },
    stays: { bedDays: 0, started: 0, completed: 0, completedDays: 0 },
    days: 1825,
  };
}

Deno.test("evaluateChecks passes a check whose 95% CI overlaps the range, and skips missing metrics", () => {
  const check = {
    id: "m_check",
    label: "m",
    unit: "u",
    digits: 1,
    evidence: { ref: "H1", anchor: "h1-emergency-admissions-by-age", low: 10, high: 12, text: "" },
    role: "target" as const,
    targetYears: [1],
    requires: ["m"],
    value: (f: ReplicationFigures, y: number) => f.metric("m", y)!,
  };
  // Values 12.5 ± 0.5: mean 12.5, sd 0.5, CI 12.5 ± 4.303 · 0.5 / √3 = [11.26, 13.74] → pass.
  const near = evaluateChecks([fake(12), fake(12.5), fake(13)], [check], []);
  assert.deepEqual(near.rows.map((r) => [r.year, r.role, r.status]), [
    [1, "target", "pass"],
    [5, "held-out", "pass"],
  ]);
  // Values 14 ± 0.1: CI [13.75, 14.25] lies above 12 → fail.
  const far = evaluateChecks([fake(13.9), fake(14), fake(14.1)], [check], []);
  assert.equal(far.rows[0]!.status, "fail");
  const missing = evaluateChecks([fake(11, [])], [check], []);
  assert.deepEqual(missing.rows[0]!.missing, ["m"]);
  assert.equal(missing.rows[0]!.status, "not measured");
});

Deno.test("a check with a published trend is held in year 5 against the year-1 range grown by it", () => {
  const check = {
    id: "m_check",
    label: "m",
    unit: "u",
    digits: 1,
    evidence: {
      ref: "H1",
      anchor: "h1-emergency-admissions-by-age",
      low: 10,
      high: 12,
      text: "",
      trend: { lowPctPerYear: 0, highPctPerYear: 5, ref: "H8", anchor: "h8", text: "" },
    },
    role: "held-out" as const,
    value: (f: ReplicationFigures, y: number) => f.metric("m", y)!,
  };
  // Year 5: 10 to 12 × 1.05⁴ = 14.59; values 14 ± 0.1 fail in year 1 and pass in year 5.
  const rows = evaluateChecks([fake(13.9), fake(14), fake(14.1)], [check], []).rows;
  assert.deepEqual(rows.map((r) => [r.year, r.status]), [[1, "fail"], [5, "pass"]]);
  assert.deepEqual(evidenceRange(check, 1), { low: 10, high: 12 });
  assert.ok(Math.abs(evidenceRange(check, 5).high - 12 * 1.05 ** 4) < 1e-9);
});

Deno.test("the year-5 admissions and occupancy ranges are the year-1 evidence grown by H8's rates", () => {
  const byId = (id: string) => CHECKS.find((c) => c.id === id)!;
  // Admissions: +3.5% in 5 years, per person (population +0.68% a year), to +2.4% a year.
  const admissions = evidenceRange(byId("emergency_admissions_per_1000"), 5);
  const slowest = 1.035 ** (1 / 5) / 1.0068;
  assert.ok(Math.abs(admissions.low - 90 * slowest ** 4) < 1e-6);
  assert.ok(Math.abs(admissions.high - 95 * 1.024 ** 4) < 1e-6);
  // Occupancy on a held bed base: bed days +0.3% a year to occupancy 87.7% → 89.5% in 4 years.
  const occupancy = evidenceRange(byId("acute_occupancy_pct"), 5);
  assert.ok(Math.abs(occupancy.low - 89 * 1.003 ** 4) < 1e-6);
  assert.ok(Math.abs(occupancy.high - 92 * (89.5 / 87.7)) < 1e-6);
  assert.deepEqual(evidenceRange(byId("acute_occupancy_pct"), 1), { low: 89, high: 92 });
});

Deno.test("replicationsForWidth gives the first n whose 95% CI is narrower than the range", () => {
  // sd 1, width 1: 2 · t(0.975, n − 1) / √n < 1 first at n = 18 (2 · 2.110 / √18 = 0.995).
  assert.equal(replicationsForWidth(1, 1, 100), 18);
  assert.equal(replicationsForWidth(1, 1, 10), 11);
});

Deno.test("every check cites a docs/evidence.md section that exists", () => {
  const evidence = read("../docs/evidence.md");
  const anchors = new Set(
    [...evidence.matchAll(/^#{1,6}\s+(.+)$/gm)].map((m) =>
      m[1]!.trim().toLowerCase().replace(/[^\p{L}\p{N}\s-]/gu, "").replace(/\s/g, "-")
    ),
  );
  for (const c of CHECKS) {
    assert.ok(anchors.has(c.evidence.anchor), `${c.id}: ${c.evidence.anchor}`);
    const trend = c.evidence.trend;
    if (trend) assert.ok(anchors.has(trend.anchor), `${c.id} trend: ${trend.anchor}`);
  }
  for (const p of DEFAULT_FREE_PARAMETERS) assert.ok(anchors.has(p.evidenceAnchor), p.name);
});
