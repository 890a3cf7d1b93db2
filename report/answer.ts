/**
 * The planner's answer (summary.json `answer`, the first section of report.html and the
 * terminal's ranking): per option and per financial year, admissions and bed days avoided, beds
 * needed to keep mean acute occupancy at 85% and at 92% and the change against today's beds, FTE
 * needed by staff group against staff in post, and net cost where the run has costs; each figure
 * with its mean, 95% confidence interval of the mean and the 90% range of outcomes across
 * replications (p05–p95), and whether the replications are enough for a target precision.
 *
 * Stable keys (documented in report/README.md): `answer.periods[].key`, `answer.baseline` and
 * `answer.options[]` with `byPeriod[key]` holding `admissionsAvoided`, `bedDaysAvoided`,
 * `occupiedBeds`, `bedsNeeded.at85|at92`, `bedsChange.at85|at92`, `staff[]`, `cost`, `netCost`.
 *
 * @module
 */

import type { Summary } from "../sim/mod.ts";
import { type AnswerFigures, WHOLE_HORIZON } from "./answer_summarizer.ts";
import { metricSpec } from "../models/metric_registry.ts";
import { staffGroupLabel } from "./metrics.ts";
import type { RunMeta } from "./run_meta.ts";

/** Mean occupancies the beds-needed figures keep to. */
export const OCCUPANCY_TARGETS = [0.85, 0.92] as const;

/** The relative precision (CI half-width ÷ |mean|) the replications are judged against. */
export const PRECISION_TARGET = 0.05;

/**
 * The absolute precision, by unit of the metric registry, below which a planner needs no finer
 * figure (half the 95% CI's width, in the unit): a relative precision means nothing for a mean
 * near zero (an option that changes little), so a figure is precise enough once its half-width
 * is within ±5% of its mean *or* within this.
 */
export const ABSOLUTE_PRECISION: Readonly<Record<string, number>> = {
  admissions: 10,
  bed_days: 100,
  beds: 1,
  fte: 0.5,
  gbp: 100_000,
};

/**
 * One figure across replications: the mean, the 95% confidence interval of the mean (`ciLow`,
 * `ciHigh`), the 5th percentile, median and 95th percentile of the replications' values (`p05`
 * to `p95` is the 90% range of outcomes), and the number of replications `n`.
 */
export type AnswerStat = Omit<Summary, "sd">;

/** A period of the answer: a financial year, or the whole horizon. */
export interface AnswerPeriod {
  /** Key in `byPeriod`: the financial year's label ("2025/26") or "all". */
  key: string;
  /** Human label. */
  label: string;
  /** First date (financial years). */
  from?: string;
  /** Last date (financial years). */
  to?: string;
  /** Model days in the period. */
  modelDays: number;
  /** True when the run covers only part of the financial year. */
  partial: boolean;
}

/** One staff group's FTE in one period. */
export interface AnswerStaff {
  /** Staff group id. */
  staffGroup: string;
  /** Human label. */
  label: string;
  /** FTE needed. */
  needed: AnswerStat;
  /** Staff in post (scenario `workforce.staffInPost`), or null when not given. */
  inPost: number | null;
  /** Needed − in post (positive: more staff needed than in post), or null. */
  gap: AnswerStat | null;
}

/** The figures of one arm in one period. */
export interface AnswerCell {
  /** Emergency admissions avoided against the baseline (options only; negative = more). */
  admissionsAvoided?: AnswerStat;
  /** Acute bed days avoided against the baseline (options only). */
  bedDaysAvoided?: AnswerStat;
  /** Mean occupied acute beds. */
  occupiedBeds?: AnswerStat;
  /** Beds needed for the mean occupancy to be 85% / 92%. */
  bedsNeeded?: { at85: AnswerStat; at92: AnswerStat };
  /** Beds needed − today's beds. */
  bedsChange?: { at85: AnswerStat; at92: AnswerStat };
  /** FTE by staff group. */
  staff: AnswerStaff[];
  /** Total cost (runs with cost metrics). */
  cost?: AnswerStat;
  /** Option's cost − baseline's cost (options of runs with cost metrics; negative = saving). */
  netCost?: AnswerStat;
}

/** The baseline or one option. */
export interface AnswerArm {
  /** The `scenario` column of the CSV files. */
  scenario: string;
  /** Option id (options only). */
  optionId?: string;
  /** Human label. */
  label: string;
  /** Period key → figures. */
  byPeriod: Record<string, AnswerCell>;
}

/** Whether a headline figure's replications are enough. */
export interface AnswerPrecision {
  /** Option label (or "Baseline"). */
  arm: string;
  /** Which figure. */
  figure: string;
  /** The figure's unit (metric registry). */
  unit: string;
  /** Half the 95% CI's width. */
  halfWidth: number;
  /** Half-width ÷ |mean|, or null when the mean is 0. */
  relativeHalfWidth: number | null;
  /** The half-width wanted: the larger of `PRECISION_TARGET` × |mean| and the unit's absolute precision. */
  targetHalfWidth: number | null;
  /** Which of the two sets the wanted half-width. */
  criterion: "relative" | "absolute" | null;
  /** Replications for the half-width to reach `targetHalfWidth` (null when there is no target). */
  replicationsNeeded: number | null;
  /** True when the half-width is at most the target. */
  enough: boolean;
}

/** summary.json's `answer`. */
export interface RunAnswer {
  /** The occupancies beds needed keep to (0.85, 0.92). */
  occupancyTargets: readonly number[];
  /** Today's general and acute beds (the scenario's hospitals). */
  todayBeds: number;
  /** Key of the period the ranking uses for levels: the last financial year the run mostly covers. */
  planningPeriod: string;
  /** The periods, financial years in order then the whole horizon. */
  periods: AnswerPeriod[];
  /** The baseline. */
  baseline: AnswerArm;
  /** The options, in run order. */
  options: AnswerArm[];
  /** The precision target (0.05 = ±5% of the mean). */
  precisionTarget: number;
  /** The absolute precision by unit, used where it is wider than the relative target. */
  absolutePrecision: Readonly<Record<string, number>>;
  /** Precision of the headline figures (whole-horizon admissions and bed days avoided, beds needed at 85% in the planning period). */
  precision: AnswerPrecision[];
}

function stat(s: Summary | undefined): AnswerStat | undefined {
  if (!s) return undefined;
  const { sd: _sd, ...figure } = s;
  return figure;
}

/** A figure mapped by an increasing linear function (so its quantiles and CI map too). */
function affine(s: AnswerStat, scale: number, shift: number): AnswerStat {
  const f = (v: number) => v * scale + shift;
  return {
    mean: f(s.mean),
    ciLow: f(s.ciLow),
    ciHigh: f(s.ciHigh),
    p05: f(s.p05),
    p50: f(s.p50),
    p95: f(s.p95),
    n: s.n,
  };
}

/**
 * Whether a figure's replications are enough: the 95% CI's half-width against the wanted
 * half-width — `relative` × |mean|, or `absolute` (in the figure's unit) when that is larger, as
 * it is for a mean near zero — and the replications that would bring it there (the half-width
 * shrinks as 1/√n).
 *
 * @param s The figure.
 * @param target Wanted relative half-width, and the absolute one in the figure's unit (none: 0).
 * @returns Half-width, relative half-width, wanted half-width, replications needed, verdict.
 *
 * @example ±10% with 20 replications: 80 needed for ±5%; a mean near 0 is judged in its unit
 * ```ts
 * import assert from "node:assert/strict";
 * const p = precisionOf({ mean: 100, ciLow: 90, ciHigh: 110, p05: 0, p50: 0, p95: 0, n: 20 }, { relative: 0.05 });
 * assert.equal(p.relativeHalfWidth, 0.1);
 * assert.equal(p.replicationsNeeded, 80);
 * assert.equal(p.enough, false);
 * const z = precisionOf({ mean: 0.1, ciLow: -19.9, ciHigh: 20.1, p05: 0, p50: 0, p95: 0, n: 20 }, { relative: 0.05, absolute: 10 });
 * assert.equal(z.criterion, "absolute");
 * assert.equal(z.replicationsNeeded, 80);
 * ```
 */
export function precisionOf(
  s: AnswerStat,
  target: { relative: number; absolute?: number },
): Omit<AnswerPrecision, "arm" | "figure" | "unit"> {
  const halfWidth = (s.ciHigh - s.ciLow) / 2;
  const mean = Math.abs(s.mean);
  const relativeHalfWidth = mean === 0 || !Number.isFinite(halfWidth) ? null : halfWidth / mean;
  const relative = target.relative * mean;
  const absolute = target.absolute ?? 0;
  const wanted = Math.max(relative, absolute);
  if (!Number.isFinite(halfWidth) || !(wanted > 0)) {
    return {
      halfWidth,
      relativeHalfWidth,
      targetHalfWidth: null,
      criterion: null,
      replicationsNeeded: null,
      enough: false,
    };
  }
  return {
    halfWidth,
    relativeHalfWidth,
    targetHalfWidth: wanted,
    criterion: absolute > relative ? "absolute" : "relative",
    replicationsNeeded: Math.max(s.n, Math.ceil(s.n * (halfWidth / wanted) ** 2 - 1e-9)),
    enough: halfWidth <= wanted,
  };
}

/**
 * Builds the answer from the run's metadata and the answer's figures.
 *
 * @param meta The run's metadata (resolved scenario: today's beds, staff in post).
 * @param figures The answer's figures (`RunSummary.answer`).
 * @returns The answer (summary.json `answer`).
 *
 * @example A baseline-only run with no replications
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const scenario = parseScenario({ version: 1, population: { size: 1000 }, years: 1 });
 * const meta = { caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 0, indices: [], options: [], groups: [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }], scenario };
 * const answer = buildAnswer(meta, { periods: [], groups: [{}], admissionsAvoidedSample: [[]], staffGroups: [], hasCost: false });
 * assert.equal(answer.options.length, 0);
 * assert.equal(answer.todayBeds, scenario.hospitals[0].acuteBeds);
 * ```
 */
export function buildAnswer(meta: RunMeta, figures: AnswerFigures): RunAnswer {
  const s = meta.scenario;
  const todayBeds = s.hospitals.reduce((a, h) => a + h.acuteBeds, 0);
  const inPost = (s.workforce as { staffInPost?: Record<string, number> }).staffInPost ?? {};
  const periods: AnswerPeriod[] = [
    ...figures.periods.map((p) => ({
      key: p.label,
      label: `${p.label} financial year`,
      from: p.from,
      to: p.to,
      modelDays: p.modelDays,
      partial: p.modelDays < p.daysInYear,
    })),
    {
      key: WHOLE_HORIZON,
      label: `whole horizon (${s.years} years from ${s.startDate})`,
      modelDays: figures.periods.reduce((a, p) => a + p.modelDays, 0),
      partial: false,
    },
  ];
  const mostly = figures.periods.filter((p) => p.modelDays * 2 >= p.daysInYear);
  const planningPeriod = mostly.at(-1)?.label ?? WHOLE_HORIZON;
  const arms: AnswerArm[] = meta.groups.map((g, gi) => {
    const measures = figures.groups[gi] ?? {};
    const byPeriod: Record<string, AnswerCell> = {};
    for (const p of periods) {
      const get = (m: string) => stat(measures[m]?.[p.key]);
      const cell: AnswerCell = { staff: [] };
      const admissionsAvoided = get("admissions_avoided");
      if (admissionsAvoided) cell.admissionsAvoided = admissionsAvoided;
      const bedDaysAvoided = get("bed_days_avoided");
      if (bedDaysAvoided) cell.bedDaysAvoided = bedDaysAvoided;
      const occ = get("occupied_beds");
      if (occ) {
        cell.occupiedBeds = occ;
        const [a, b] = OCCUPANCY_TARGETS;
        cell.bedsNeeded = { at85: affine(occ, 1 / a, 0), at92: affine(occ, 1 / b, 0) };
        cell.bedsChange = {
          at85: affine(occ, 1 / a, -todayBeds),
          at92: affine(occ, 1 / b, -todayBeds),
        };
      }
      for (const sg of figures.staffGroups) {
        const needed = get(`fte:${sg}`);
        if (!needed) continue;
        const post = inPost[sg];
        cell.staff.push({
          staffGroup: sg,
          label: staffGroupLabel(sg),
          needed,
          inPost: post ?? null,
          gap: post === undefined ? null : affine(needed, 1, -post),
        });
      }
      const cost = get("cost");
      if (cost) cell.cost = cost;
      const netCost = get("net_cost");
      if (netCost) cell.netCost = netCost;
      byPeriod[p.key] = cell;
    }
    return {
      scenario: g.scenario,
      ...(g.optionId !== undefined ? { optionId: g.optionId } : {}),
      label: g.label,
      byPeriod,
    };
  });
  const precision: AnswerPrecision[] = [];
  const judge = (arm: AnswerArm, figure: string, unit: string, st: AnswerStat | undefined) => {
    if (st && st.n >= 2) {
      const target = { relative: PRECISION_TARGET, absolute: ABSOLUTE_PRECISION[unit] };
      precision.push({ arm: arm.label, figure, unit, ...precisionOf(st, target) });
    }
  };
  const unit = (metric: string) => metricSpec(metric)?.unit ?? "";
  for (const arm of arms) {
    const all = arm.byPeriod[WHOLE_HORIZON];
    judge(
      arm,
      "emergency admissions avoided, whole horizon",
      unit("emergency_admissions"),
      all?.admissionsAvoided,
    );
    judge(arm, "acute bed days avoided, whole horizon", unit("bed_days"), all?.bedDaysAvoided);
    judge(
      arm,
      `beds needed at 85% occupancy, ${planningPeriod}`,
      unit("acute_occupied_beds_mean"),
      arm.byPeriod[planningPeriod]?.bedsNeeded?.at85,
    );
    judge(arm, "net cost, whole horizon", unit("cost_total"), all?.netCost);
  }
  return {
    occupancyTargets: [...OCCUPANCY_TARGETS],
    todayBeds,
    planningPeriod,
    periods,
    baseline: arms[0],
    options: arms.slice(1),
    precisionTarget: PRECISION_TARGET,
    absolutePrecision: ABSOLUTE_PRECISION,
    precision,
  };
}

/**
 * The options ranked by emergency admissions avoided over the whole horizon, most first (the
 * order of the report's and the terminal's ranking).
 *
 * @param answer The run's answer.
 * @returns The options, ranked.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const arm = (label: string, mean: number) => ({ scenario: label, label, byPeriod: { all: { staff: [], admissionsAvoided: { mean, ciLow: 0, ciHigh: 0, p05: 0, p50: 0, p95: 0, n: 2 } } } });
 * const answer = { options: [arm("a", 5), arm("b", 9)] } as never;
 * assert.deepEqual(rankedOptions(answer).map((o) => o.label), ["b", "a"]);
 * ```
 */
export function rankedOptions(answer: RunAnswer): AnswerArm[] {
  const avoided = (a: AnswerArm) => a.byPeriod[WHOLE_HORIZON]?.admissionsAvoided?.mean ?? -Infinity;
  return [...answer.options].sort((a, b) => avoided(b) - avoided(a));
}
