/**
 * Running the checks over replications: each check's value in year 1 and year 5 (or the last
 * year) summarised with a t-based 95% CI, pass when the CI overlaps the evidence range; theory
 * checks per replication. The number of replications can be chosen from a pilot run so that
 * every CI is narrower than its evidence range (a pass then means something).
 *
 * @module
 */

import { studentTQuantile, summarize, type Summary } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { type Check, evidenceRange, needsCareModels, type TheoryCheck } from "./checks.ts";
import { type ReplicationFigures, replicationFigures } from "./replication_figures.ts";

/** One check in one year. */
export interface CheckResult {
  /** The check. */
  check: Check;
  /** Model year, 1-based. */
  year: number;
  /** Target in this year, or held out. */
  role: "target" | "held-out";
  /** Values over replications (absent when not measured). */
  summary?: Summary;
  /** `pass` when the 95% CI overlaps the evidence range; `not measured` when a metric is missing. */
  status: "pass" | "fail" | "not measured";
  /** Registered metrics the check needs and the model lacks. */
  missing: string[];
}

/** One theory check over every replication. */
export interface TheoryResult {
  /** The check. */
  check: TheoryCheck;
  /** The replication with the largest |left − right| relative to its tolerance. */
  worst: { left: number; right: number; tolerance: number; replication: number };
  /** Whether every replication is within its tolerance. */
  pass: boolean;
}

/** The years a validation reports: 1 and 5 (or the last, if fewer). */
export function reportYears(years: number): number[] {
  const last = Math.min(5, years);
  return last > 1 ? [1, last] : [1];
}

/**
 * The smallest number of replications (≥ 2) whose 95% CI, with standard deviation `sd`, is
 * narrower than `width`: 2 · t(0.975, n − 1) · sd / √n < width.
 *
 * @param sd Standard deviation of one replication's value.
 * @param width Width of the evidence range.
 * @param max Largest number considered.
 * @returns The number, or `max + 1` if even `max` is not enough.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(replicationsForWidth(1, 2, 100), 7); // 2 · 2.447 / √7 = 1.85 < 2; n = 6 gives 2.10
 * assert.equal(replicationsForWidth(0, 1, 100), 2);
 * ```
 */
export function replicationsForWidth(sd: number, width: number, max: number): number {
  for (let n = 2; n <= max; n++) {
    if (2 * studentTQuantile(0.975, n - 1) * sd / Math.sqrt(n) < width) return n;
  }
  return max + 1;
}

/**
 * Evaluates the checks on a set of replications' figures.
 *
 * @param figures One entry per replication.
 * @param checks The checks.
 * @param theory The theory checks.
 * @returns Results per check and year, and per theory check.
 * @throws {RangeError} If `figures` is empty.
 */
export function evaluateChecks(
  figures: readonly ReplicationFigures[],
  checks: readonly Check[],
  theory: readonly TheoryCheck[],
): { rows: CheckResult[]; theory: TheoryResult[] } {
  if (figures.length === 0) throw new RangeError("Cannot evaluate checks: no replications");
  const probe = figures[0]!;
  const rows: CheckResult[] = [];
  for (const check of checks) {
    const missing = (check.requires ?? []).filter((m) => probe.metric(m, 1) === undefined);
    if (needsCareModels(check) && probe.option === undefined) {
      missing.push("(care models in the scenario)");
    }
    for (const year of reportYears(probe.years)) {
      const role = check.role === "target" && (check.targetYears ?? [year]).includes(year)
        ? "target"
        : "held-out";
      if (missing.length > 0) {
        rows.push({ check, year, role, status: "not measured", missing });
        continue;
      }
      const summary = summarize(figures.map((f) => check.value(f, year)));
      const lo = Number.isNaN(summary.ciLow) ? summary.mean : summary.ciLow;
      const hi = Number.isNaN(summary.ciHigh) ? summary.mean : summary.ciHigh;
      const range = evidenceRange(check, year);
      const pass = hi >= range.low && lo <= range.high;
      rows.push({ check, year, role, summary, status: pass ? "pass" : "fail", missing });
    }
  }
  const theoryResults = theory.map((check) => {
    let worst = { left: 0, right: 0, tolerance: 0, replication: -1 };
    let worstRatio = -1;
    let pass = true;
    figures.forEach((f, replication) => {
      const s = check.sides(f);
      const gap = Math.abs(s.left - s.right);
      if (gap > s.tolerance) pass = false;
      const ratio = s.tolerance > 0 ? gap / s.tolerance : gap === 0 ? 0 : Infinity;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worst = { ...s, replication };
      }
    });
    return { check, worst, pass };
  });
  return { rows, theory: theoryResults };
}

/** Options of {@linkcode runValidation}. */
export interface ValidationOptions {
  /** Master seed. */
  seed: number;
  /** Replications of the pilot that sets the number (at least 3). */
  pilot: number;
  /** Most replications run. */
  max: number;
  /** Called after each replication (done, total so far). */
  onProgress?: (done: number, total: number) => void;
}

/** A validation run. */
export interface ValidationRun {
  /** Replications run. */
  replications: number;
  /** Replications the pilot asked for (may exceed `max`). */
  required: number;
  /** The check that needed the most replications, and its year. */
  hardest?: { id: string; year: number };
  /** Results. */
  rows: CheckResult[];
  /** Theory results. */
  theory: TheoryResult[];
}

/**
 * Runs a pilot of replications, sets the number so that every measured check's CI is
 * narrower than its evidence range (at most `max`), runs the rest and evaluates.
 *
 * @param scenario A resolved scenario.
 * @param checks The checks.
 * @param theory The theory checks.
 * @param options Seed, pilot size, maximum, progress.
 * @returns The run.
 */
export function runValidation(
  scenario: Scenario,
  checks: readonly Check[],
  theory: readonly TheoryCheck[],
  options: ValidationOptions,
): ValidationRun {
  const figures: ReplicationFigures[] = [];
  const runTo = (n: number) => {
    while (figures.length < n) {
      figures.push(
        replicationFigures(scenario, { seed: options.seed, replication: figures.length }),
      );
      options.onProgress?.(figures.length, n);
    }
  };
  runTo(Math.max(3, options.pilot));
  const pilot = evaluateChecks(figures, checks, theory);
  let required = 2;
  let hardest: ValidationRun["hardest"];
  for (const row of pilot.rows) {
    if (!row.summary) continue;
    const range = evidenceRange(row.check, row.year);
    const width = range.high - range.low;
    const n = replicationsForWidth(row.summary.sd, width, options.max);
    if (n > required) {
      required = n;
      hardest = { id: row.check.id, year: row.year };
    }
  }
  runTo(Math.min(Math.max(required, figures.length), options.max));
  return {
    replications: figures.length,
    required,
    hardest,
    ...evaluateChecks(figures, checks, theory),
  };
}
