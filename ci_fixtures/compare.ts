/**
 * Comparing a run with a fixture: exactly (same seed → identical rows) or statistically (within
 * the noise of the replications), into a report of which rows moved and by how much.
 *
 * @module
 */

import {
  COMPARISON_MODES,
  type ComparisonMode,
  type Fixture,
  type FixtureRow,
  indexRows,
  rowKey,
  type RunIdentity,
  sha256Hex,
} from "./fixture_format.ts";
import {
  adjustPValues,
  criticalDifference,
  resolveStatisticalSettings,
  type StatisticalSettings,
  welchTest,
} from "./statistics.ts";
import type { FixtureSource } from "./record.ts";

/**
 * A row's verdict: `pass`, `fail` (moved beyond what is allowed, or differs in exact mode),
 * `missing` (in the fixture, not in the run) or `added` (in the run, not in the fixture).
 */
export type Verdict = "pass" | "fail" | "missing" | "added";

/** One compared summary row. */
export interface ComparisonRow {
  /** Scenario column. */
  scenario: string;
  /** Variant column. */
  variant: string;
  /** Metric name. */
  metric: string;
  /** Model year or "all". */
  year: number | "all";
  /** Unit. */
  unit: string;
  /** The fixture's mean (null when missing from the fixture). */
  fixtureValue: number | null;
  /** The run's mean (null when missing from the run). */
  currentValue: number | null;
  /** current − fixture (null when either is missing). */
  difference: number | null;
  /**
   * The largest |difference| that passes: 0 in exact mode; in statistical mode the larger of
   * the tolerance floor and the difference the corrected Welch test would need at this row's step.
   */
  allowedDifference: number | null;
  /** Two-sided Welch p-value (statistical mode), else null. */
  pValue: number | null;
  /** p-value after the multiple-comparison correction (statistical mode), else null. */
  adjustedPValue: number | null;
  /** Columns that differ (exact mode), e.g. ["mean", "sd"]; empty otherwise. */
  differingFields: string[];
  /** The verdict. */
  verdict: Verdict;
}

/** The result of `compareToFixture`. */
export interface ComparisonReport {
  /** Mode used. */
  mode: ComparisonMode;
  /** True when the run matches the fixture. */
  matches: boolean;
  /** Statistical settings used (statistical mode), else null. */
  settings: StatisticalSettings | null;
  /** The fixture's run identity. */
  fixture: RunIdentity;
  /** The compared run's identity. */
  current: RunIdentity;
  /** Whether summary.csv is byte-identical to the recorded one. */
  identicalSummaryCsv: boolean;
  /** Remarks: identity differences, byte-only differences. */
  notes: string[];
  /**
   * Compared rows: every row in statistical mode; in exact mode only the rows that differ,
   * are missing or were added.
   */
  rows: ComparisonRow[];
  /** Number of summary rows compared (present in both). */
  compared: number;
  /** Number of rows whose verdict is not `pass`. */
  failed: number;
}

const VALUE_FIELDS = ["unit", "mean", "sd", "ciLow", "ciHigh", "p05", "p50", "p95", "n"] as const;

/**
 * Lists the rows that differ between a fixture and a run, naming the differing columns. Values
 * are compared exactly (`Object.is`, so 0 and −0 differ as their CSV text does).
 *
 * @param fixtureRows The fixture's rows.
 * @param currentRows The run's rows.
 * @returns Differing, missing and added rows (fixture order, then added rows in run order).
 * @throws {RangeError} If a side has two rows with the same key.
 *
 * @example One value moved
 * ```ts
 * import assert from "node:assert/strict";
 * const r = { scenario: "s", variant: "baseline", metric: "m", year: 1 as const, unit: "count",
 *   mean: 1, sd: 0, ciLow: 1, ciHigh: 1, p05: 1, p50: 1, p95: 1, n: 3 };
 * const diff = compareExact([r], [{ ...r, mean: 1.5, p95: 2 }]);
 * assert.deepEqual(diff[0].differingFields, ["mean", "p95"]);
 * assert.equal(diff[0].difference, 0.5);
 * ```
 */
export function compareExact(
  fixtureRows: readonly FixtureRow[],
  currentRows: readonly FixtureRow[],
): ComparisonRow[] {
  const current = indexRows(currentRows);
  const fixtureKeys = indexRows(fixtureRows);
  const out: ComparisonRow[] = [];
  for (const f of fixtureRows) {
    const c = current.get(rowKey(f));
    if (!c) {
      out.push(lonely(f, "missing"));
      continue;
    }
    const differingFields = VALUE_FIELDS.filter((k) => !Object.is(f[k], c[k]));
    if (differingFields.length === 0) continue;
    out.push({
      scenario: f.scenario,
      variant: f.variant,
      metric: f.metric,
      year: f.year,
      unit: c.unit,
      fixtureValue: f.mean,
      currentValue: c.mean,
      difference: c.mean - f.mean,
      allowedDifference: 0,
      pValue: null,
      adjustedPValue: null,
      differingFields: [...differingFields],
      verdict: "fail",
    });
  }
  for (const c of currentRows) if (!fixtureKeys.has(rowKey(c))) out.push(lonely(c, "added"));
  return out;
}

type Row = Pick<
  FixtureRow,
  "scenario" | "variant" | "metric" | "year" | "unit" | "mean" | "sd" | "n"
>;

/**
 * Compares a run's summary rows with a fixture's, row by row.
 *
 * A row fails when both (a) its corrected p-value is below `alpha` and (b) |current − fixture|
 * exceeds the floor `max(relativeTolerance × |fixture mean|, absoluteTolerance)`. A row with
 * n = 1 or sd = 0 on both sides has no spread: it fails whenever it moves beyond the floor.
 * Rows only in the fixture are `missing`, rows only in the run are `added`; both fail.
 *
 * @param fixtureRows The fixture's rows.
 * @param currentRows The run's rows.
 * @param settings Complete statistical settings.
 * @returns One comparison row per key: fixture order, then added rows in run order.
 * @throws {RangeError} If a side has two rows with the same key.
 *
 * @example A 10% move with little noise fails, a 0.1% move passes
 * ```ts
 * import assert from "node:assert/strict";
 * const base = { scenario: "s", variant: "baseline", year: 1 as const, unit: "count", sd: 10, n: 20 };
 * const fixture = [{ ...base, metric: "a", mean: 1000 }, { ...base, metric: "b", mean: 1000 }];
 * const current = [{ ...base, metric: "a", mean: 1100 }, { ...base, metric: "b", mean: 1001 }];
 * const rows = compareStatistical(fixture, current, {
 *   alpha: 0.05, correction: "holm", relativeTolerance: 0.01, absoluteTolerance: 0,
 * });
 * assert.deepEqual(rows.map((r) => r.verdict), ["fail", "pass"]);
 * ```
 */
export function compareStatistical(
  fixtureRows: readonly Row[],
  currentRows: readonly Row[],
  settings: StatisticalSettings,
): ComparisonRow[] {
  const current = indexRows(currentRows);
  const fixtureKeys = indexRows(fixtureRows);
  const paired: { f: Row; c: Row; se: number; df: number; p: number }[] = [];
  for (const f of fixtureRows) {
    const c = current.get(rowKey(f));
    if (!c) continue;
    if (Number.isNaN(f.mean) || Number.isNaN(c.mean)) {
      // An undefined mean matches only an undefined mean.
      const same = Number.isNaN(f.mean) && Number.isNaN(c.mean);
      paired.push({ f, c, se: 0, df: Infinity, p: same ? 1 : 0 });
      continue;
    }
    const w = welchTest(
      { mean: f.mean, sd: f.sd, n: Math.max(1, f.n) },
      { mean: c.mean, sd: c.sd, n: Math.max(1, c.n) },
    );
    paired.push({ f, c, se: w.standardError, df: w.df, p: w.pValue });
  }
  const { adjusted, divisor } = adjustPValues(paired.map((x) => x.p), settings.correction);
  const byKey = new Map<string, ComparisonRow>();
  paired.forEach(({ f, c, se, df, p }, i) => {
    const difference = c.mean - f.mean;
    const floor = Math.max(
      settings.relativeTolerance * Math.abs(f.mean),
      settings.absoluteTolerance,
    );
    const critical = criticalDifference(se, { df, alpha: settings.alpha / divisor[i] });
    const significant = adjusted[i] < settings.alpha;
    byKey.set(rowKey(f), {
      ...pick(f),
      fixtureValue: f.mean,
      currentValue: c.mean,
      difference,
      allowedDifference: Math.max(floor, critical),
      pValue: p,
      adjustedPValue: adjusted[i],
      differingFields: [],
      verdict: Number.isNaN(f.mean) !== Number.isNaN(c.mean) ||
          (significant && Math.abs(difference) > floor)
        ? "fail"
        : "pass",
    });
  });
  const out: ComparisonRow[] = [];
  for (const f of fixtureRows) {
    out.push(byKey.get(rowKey(f)) ?? { ...lonely(f, "missing") });
  }
  for (const c of currentRows) if (!fixtureKeys.has(rowKey(c))) out.push(lonely(c, "added"));
  return out;
}

function pick(r: Row) {
  return { scenario: r.scenario, variant: r.variant, metric: r.metric, year: r.year, unit: r.unit };
}

/**
 * A comparison row for a summary row present on one side only.
 *
 * @param row The row.
 * @param verdict "missing" (fixture only) or "added" (run only).
 * @returns The comparison row.
 *
 * @example A row present on one side only
 * ```ts
 * import assert from "node:assert/strict";
 * const r = lonely({ scenario: "s", variant: "baseline", metric: "m", year: 1, unit: "", mean: 2, sd: 0, n: 1 }, "added");
 * assert.equal(r.currentValue, 2);
 * assert.equal(r.fixtureValue, null);
 * ```
 */
export function lonely(row: Row, verdict: "missing" | "added"): ComparisonRow {
  return {
    ...pick(row),
    fixtureValue: verdict === "missing" ? row.mean : null,
    currentValue: verdict === "added" ? row.mean : null,
    difference: null,
    allowedDifference: null,
    pValue: null,
    adjustedPValue: null,
    differingFields: [],
    verdict,
  };
}

/** Options of {@linkcode compareToFixture}. */
export interface CompareOptions {
  /** Mode (default: the fixture's). */
  mode?: ComparisonMode;
  /** Statistical settings overriding the fixture's. */
  statistical?: Partial<StatisticalSettings>;
}

const IDENTITY_LABELS: Record<keyof RunIdentity, string> = {
  scenarioName: "scenario name",
  scenarioHash: "scenario hash",
  seed: "seed",
  replications: "replications",
  caresimVersion: "caresim version",
};

function identityNotes(fixture: RunIdentity, current: RunIdentity, mode: ComparisonMode): string[] {
  const notes: string[] = [];
  for (const key of Object.keys(IDENTITY_LABELS) as (keyof RunIdentity)[]) {
    const f = fixture[key];
    const c = current[key];
    if (f === null || c === null || f === c) continue;
    const show = (v: string | number) =>
      key === "scenarioHash" ? String(v).slice(0, 19) : String(v);
    notes.push(`${IDENTITY_LABELS[key]} differs: fixture ${show(f)}, current ${show(c)}`);
  }
  if (mode === "exact" && notes.length > 0) {
    notes.push(
      "exact mode expects the same scenario, seed, replications and caresim version as the fixture",
    );
  }
  return notes;
}

/**
 * Compares a run's outputs with a fixture.
 *
 * - exact: matches when `summary.csv` is byte-identical to the recorded one; otherwise every row
 *   that differs is listed with the columns that differ.
 * - statistical: Welch's t test per scenario × variant × metric × year on mean, sd and n, with a
 *   multiple-comparison correction and a tolerance floor (see `StatisticalSettings`); matches
 *   when no row fails and no row is missing or added.
 *
 * @param outputs The run's outputs.
 * @param fixture The fixture.
 * @param options Mode and settings (defaults: the fixture's).
 * @returns A structured report (format it with `formatReport`).
 * @throws {RangeError} If the mode or a setting is invalid, or a side has duplicate rows.
 *
 * @example A run compared with its own fixture matches
 * ```ts
 * import assert from "node:assert/strict";
 * import { recordFixture } from "./record.ts";
 * const row = { scenario: "s", variant: "baseline", metric: "m", year: 1 as const, unit: "count",
 *   mean: 10, sd: 1, ciLow: 9.5, ciHigh: 10.5, p05: 8, p50: 10, p95: 12, n: 20 };
 * const outputs = { summaryCsv: "…", rows: [row], run: { scenarioName: "s", scenarioHash: null,
 *   seed: 1, replications: 20, caresimVersion: "0.1.0" } };
 * const fixture = await recordFixture(outputs);
 * assert.equal((await compareToFixture(outputs, fixture)).matches, true);
 * const moved = { ...outputs, rows: [{ ...row, mean: 13 }] };
 * assert.equal((await compareToFixture(moved, fixture)).matches, false);
 * ```
 */
export async function compareToFixture(
  outputs: FixtureSource,
  fixture: Fixture,
  options: CompareOptions = {},
): Promise<ComparisonReport> {
  const mode = options.mode ?? fixture.mode;
  if (!COMPARISON_MODES.includes(mode)) {
    throw new RangeError(
      `Cannot compare with a fixture: mode must be one of ${
        COMPARISON_MODES.join(", ")
      }, received ${String(mode)}`,
    );
  }
  const identicalSummaryCsv = (await sha256Hex(outputs.summaryCsv)) === fixture.summaryCsv.sha256;
  const notes = identityNotes(fixture.run, outputs.run, mode);
  const compared = outputs.rows.length;
  if (mode === "exact") {
    const rows = identicalSummaryCsv ? [] : compareExact(fixture.rows, outputs.rows);
    if (!identicalSummaryCsv && rows.length === 0) {
      notes.push(
        "summary.csv is not byte-identical to the fixture's, but every value is equal (row order or number formatting changed)",
      );
    }
    return {
      mode,
      matches: identicalSummaryCsv,
      settings: null,
      fixture: { ...fixture.run },
      current: { ...outputs.run },
      identicalSummaryCsv,
      notes,
      rows,
      compared: countShared(fixture, outputs),
      failed: identicalSummaryCsv ? 0 : Math.max(1, rows.length),
    };
  }
  const settings = resolveStatisticalSettings(options.statistical ?? {}, fixture.statistical);
  const rows = compareStatistical(fixture.rows, outputs.rows, settings);
  const failed = rows.filter((r) => r.verdict !== "pass").length;
  return {
    mode,
    matches: failed === 0,
    settings,
    fixture: { ...fixture.run },
    current: { ...outputs.run },
    identicalSummaryCsv,
    notes,
    rows,
    compared: compared - rows.filter((r) => r.verdict === "added").length,
    failed,
  };
}

function countShared(fixture: Fixture, outputs: FixtureSource): number {
  const keys = new Set(fixture.rows.map(rowKey));
  return outputs.rows.filter((r) => keys.has(rowKey(r))).length;
}
