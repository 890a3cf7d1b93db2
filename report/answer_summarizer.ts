/**
 * The figures behind the planner's answer, gathered one replication at a time in bounded
 * memory: for the baseline and every option, by financial year and over the whole horizon,
 * emergency admissions, bed days, mean occupied acute beds, FTE by staff group and total cost
 * (where the run has cost metrics), and for each option what it avoids against the baseline,
 * paired by replication. Each replication's model-year values are turned into financial-year
 * values first (see `periodValue`), so the intervals carry the replication-to-replication spread.
 *
 * @module
 */

import { BoundedSample, StreamingSummary, type Summary } from "../sim/mod.ts";
import { type FinancialYear, financialYears, periodValue } from "./financial_years.ts";
import type { GroupFigures, ReplicationFigures } from "./run_figures.ts";
import type { RunGroup } from "./tables.ts";

/** The whole horizon's period key. */
export const WHOLE_HORIZON = "all";

/** Names of a run-wide total cost metric, checked in this order. */
const TOTAL_COST_METRICS = ["total_cost", "cost_total"];

/**
 * The cost metrics among a run's metric names: `total` (a total cost metric if the run has one)
 * and `parts` (metrics named `cost_<setting>`, which sum to the total when there is no total).
 *
 * @param names Metric names.
 * @returns The cost metrics; both empty when the run has no costs.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(costMetrics(["bed_days", "cost_acute", "cost_community"]), { total: undefined, parts: ["cost_acute", "cost_community"] });
 * assert.deepEqual(costMetrics(["bed_days"]), { total: undefined, parts: [] });
 * ```
 */
export function costMetrics(names: Iterable<string>): { total?: string; parts: string[] } {
  const all = [...new Set(names)];
  const total = TOTAL_COST_METRICS.find((n) => all.includes(n));
  const parts = all.filter((n) => n.startsWith("cost_") && !TOTAL_COST_METRICS.includes(n));
  return { total, parts };
}

/** The measures kept per group and period. */
export type AnswerMeasure =
  | "admissions"
  | "bed_days"
  | "occupied_beds"
  | "cost"
  | "admissions_avoided"
  | "bed_days_avoided"
  | "net_cost"
  | `fte:${string}`;

/** What {@linkcode AnswerSummarizer.result} returns. */
export interface AnswerFigures {
  /** The financial years the run covers. */
  periods: FinancialYear[];
  /** Per group (run order): measure → period label (or "all") → summary across replications. */
  groups: Record<string, Record<string, Summary>>[];
  /** Per group: whole-horizon admissions avoided of the replications kept (empty for the baseline). */
  admissionsAvoidedSample: number[][];
  /** Staff groups, in order of first appearance. */
  staffGroups: string[];
  /** Whether the run has cost metrics. */
  hasCost: boolean;
}

type Values = Map<string, number[]>;

/**
 * Gathers the answer's figures (see the module doc). Replications must come in ascending order.
 *
 * @example Admissions avoided in the first financial year
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }, { scenario: "x", variant: "scenario" as const, optionId: "a", label: "A" }];
 * const s = new AnswerSummarizer(groups, { startDate: "2025-04-01", years: 1 });
 * for (const replication of [0, 1]) {
 *   const g = (n: number) => ({ annual: [{ metric: "emergency_admissions", year: 1, value: n }], workforce: [], weeks: [] });
 *   s.add({ replication, groups: [g(100), g(90 - replication)] });
 * }
 * const a = s.result().groups[1]["admissions_avoided"]["2025/26"];
 * assert.equal(a.mean, 10.5);
 * ```
 */
export class AnswerSummarizer {
  readonly #groups: readonly RunGroup[];
  readonly #baseline: number;
  readonly #periods: FinancialYear[];
  readonly #years: number;
  readonly #sampleSize: number;
  readonly #cells: Map<string, Map<string, StreamingSummary>>[];
  readonly #samples: BoundedSample[];
  readonly #staffGroups: string[] = [];
  #hasCost = false;

  /**
   * @param groups The run's groups (baseline first).
   * @param options The run's start date and model years; sample size for percentiles.
   */
  constructor(
    groups: readonly RunGroup[],
    options: { startDate: string; years: number; sampleSize?: number },
  ) {
    this.#groups = groups;
    this.#baseline = groups.findIndex((g) => g.variant === "baseline");
    this.#years = options.years;
    this.#periods = financialYears(options.startDate, options.years);
    this.#sampleSize = options.sampleSize ?? 1000;
    this.#cells = groups.map(() => new Map());
    this.#samples = groups.map(() => new BoundedSample(this.#sampleSize));
  }

  /**
   * Adds one replication (after every lower-numbered one).
   *
   * @param figures The replication's figures, one entry per group.
   */
  add(figures: ReplicationFigures): void {
    const r = figures.replication;
    const values = figures.groups.map((g) => this.#groupValues(g));
    values.forEach((v, g) => {
      for (const [measure, byPeriod] of v) this.#put(g, measure, byPeriod, r);
      if (this.#groups[g].variant !== "scenario" || this.#baseline < 0) return;
      const base = values[this.#baseline];
      const paired = (measure: string, name: AnswerMeasure, sign: 1 | -1) => {
        const b = base.get(measure);
        const s = v.get(measure);
        if (!b || !s) return;
        this.#put(g, name, b.map((x, i) => sign * (x - s[i])), r);
      };
      paired("admissions", "admissions_avoided", 1);
      paired("bed_days", "bed_days_avoided", 1);
      paired("cost", "net_cost", -1);
      const avoided = v.has("admissions") && base.has("admissions")
        ? base.get("admissions")!.at(-1)! - v.get("admissions")!.at(-1)!
        : undefined;
      if (avoided !== undefined) this.#samples[g].add(avoided, r);
    });
  }

  /**
   * The figures so far.
   *
   * @returns Summaries by group, measure and period.
   */
  result(): AnswerFigures {
    const keys = [...this.#periods.map((p) => p.label), WHOLE_HORIZON];
    return {
      periods: this.#periods,
      groups: this.#cells.map((cells) => {
        const out: Record<string, Record<string, Summary>> = {};
        for (const [measure, byPeriod] of cells) {
          out[measure] = {};
          for (const k of keys) {
            const c = byPeriod.get(k);
            if (c && c.n > 0) out[measure][k] = c.summary();
          }
        }
        return out;
      }),
      admissionsAvoidedSample: this.#groups.map((g, i) =>
        g.variant === "scenario" ? this.#samples[i].values() : []
      ),
      staffGroups: [...this.#staffGroups],
      hasCost: this.#hasCost,
    };
  }

  /** One group's values by measure: one per financial year, then the whole horizon. */
  #groupValues(g: GroupFigures): Values {
    const byMetric = new Map<string, number[]>();
    for (const a of g.annual) {
      let ys = byMetric.get(a.metric);
      if (!ys) byMetric.set(a.metric, ys = []);
      ys[a.year - 1] = a.value;
    }
    const out: Values = new Map();
    const periods = (ys: number[], aggregate: "sum" | "mean") => {
      const known = ys.filter((v) => v !== undefined);
      const all = aggregate === "sum"
        ? known.reduce((a, b) => a + b, 0)
        : known.reduce((a, b) => a + b, 0) / known.length;
      return [...this.#periods.map((p) => periodValue(p, ys, aggregate)), all];
    };
    const take = (metric: string, measure: string, aggregate: "sum" | "mean") => {
      const ys = byMetric.get(metric);
      if (ys && ys.length > 0) out.set(measure, periods(ys, aggregate));
    };
    take("emergency_admissions", "admissions", "sum");
    take("bed_days", "bed_days", "sum");
    take("acute_occupied_beds_mean", "occupied_beds", "mean");
    const cost = costMetrics(byMetric.keys());
    const costNames = cost.total ? [cost.total] : cost.parts;
    if (costNames.length > 0) {
      this.#hasCost = true;
      const ys = Array.from(
        { length: this.#years },
        (_, y) => costNames.reduce((a, n) => a + (byMetric.get(n)?.[y] ?? 0), 0),
      );
      out.set("cost", periods(ys, "sum"));
    }
    const fte = new Map<string, number[]>();
    for (const w of g.workforce) {
      if (!this.#staffGroups.includes(w.staffGroup)) this.#staffGroups.push(w.staffGroup);
      let ys = fte.get(w.staffGroup);
      if (!ys) fte.set(w.staffGroup, ys = []);
      ys[w.year - 1] = w.fte;
    }
    for (const [sg, ys] of fte) out.set(`fte:${sg}`, periods(ys, "mean"));
    return out;
  }

  #put(g: number, measure: string, byPeriod: number[], r: number): void {
    let cells = this.#cells[g].get(measure);
    if (!cells) this.#cells[g].set(measure, cells = new Map());
    const keys = [...this.#periods.map((p) => p.label), WHOLE_HORIZON];
    byPeriod.forEach((v, i) => {
      if (!Number.isFinite(v)) return;
      let c = cells.get(keys[i]);
      if (!c) cells.set(keys[i], c = new StreamingSummary({ sampleSize: this.#sampleSize }));
      c.add(v, r);
    });
  }
}
