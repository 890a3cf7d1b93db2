/**
 * Summaries of a run built as replications finish, in bounded memory: the rows of summary.csv
 * and the occupancy fan charts, from one {@linkcode ReplicationFigures} at a time.
 *
 * @module
 */

import { BoundedSample, StreamingSummary, type Summary } from "../sim/mod.ts";
import type { SettingMetric } from "../models/settings/setting.ts";
import { type AnswerFigures, AnswerSummarizer } from "./answer_summarizer.ts";
import { type MetricDefinition, metricDefinitions } from "./metrics.ts";
import type { ReplicationFigures } from "./run_figures.ts";
import type { RunGroup } from "./tables.ts";

/** One row of summary.csv. */
export interface SummaryRow {
  /** Scenario name, or `<name>/<optionId>` when the run has several options. */
  scenario: string;
  /** baseline, scenario, or avoided (baseline − scenario, paired by replication). */
  variant: "baseline" | "scenario" | "avoided";
  /** Stable snake_case metric name (report/METRICS.md). */
  metric: string;
  /** Model year, or "all" for the whole horizon. */
  year: number | "all";
  /** Unit. */
  unit: string;
  /** Mean across replications. */
  mean: number;
  /** Sample standard deviation (NaN with one replication). */
  sd: number;
  /** Lower end of the 95% t-interval of the mean. */
  ciLow: number;
  /** Upper end of the 95% t-interval of the mean. */
  ciHigh: number;
  /** 5th percentile across replications. */
  p05: number;
  /** Median. */
  p50: number;
  /** 95th percentile. */
  p95: number;
  /** Replications. */
  n: number;
}

/** One week of a group's fan chart, across replications. */
export interface FanWeek {
  /** Week index (first day = 7 × week). */
  week: number;
  /**
   * Each replication's mean occupied beds that week: all of them up to the sample size, then a
   * uniform sample of that many (see `BoundedSample`); in no particular order.
   */
  occupied: number[];
  /** Mean open capacity, over every replication. */
  capacity: number;
}

/** A run's summary: what summary.csv, summary.json and report.html are built from. */
export interface RunSummary {
  /** The rows of summary.csv. */
  rows: SummaryRow[];
  /** Fan chart data per group (run group order). */
  fans: FanWeek[][];
  /** Staff groups, in order of first appearance. */
  staffGroups: string[];
  /** The planner's answer's figures, by financial year (when the run's dates were given). */
  answer?: AnswerFigures;
}

/** Options for {@linkcode RunSummarizer}. */
export interface RunSummarizerOptions {
  /**
   * Replications kept for percentiles and fan charts; up to this many every output is exact
   * (see `StreamingSummary`).
   *
   * @default {1000}
   */
  sampleSize?: number;
  /** Metrics of plugged-in settings, beyond the registry (see `RunTables.settingMetrics`). */
  settingMetrics?: readonly SettingMetric[];
  /** The run's start date and model years: also gather the answer by financial year. */
  calendar?: { startDate: string; years: number };
}

type YearKey = number | "all";

/**
 * Summarises a run one replication at a time (replications ascending): for the baseline and each
 * option, every metric by year and over the whole horizon (`year = "all"`: sums for counts,
 * means for levels), plus "avoided" rows (baseline − scenario, paired by replication). Memory is
 * bounded by the sample size, whatever the number of replications.
 *
 * Exactness: with at most `sampleSize` replications every figure is identical to summarising
 * all values at once (`summarize`, `pairedDifference`); beyond, means stay exact, sd and CIs
 * differ by rounding only, and p05/p50/p95 and the fan charts' percentiles come from a uniform
 * sample of `sampleSize` replications (see `StreamingSummary`).
 *
 * @example Two replications of one group
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const s = new RunSummarizer(groups);
 * for (const replication of [0, 1]) {
 *   s.add({ replication, groups: [{ annual: [{ metric: "bed_days", year: 1, value: 10 + replication }], workforce: [], weeks: [] }] });
 * }
 * const all = s.rows().find((r) => r.metric === "bed_days" && r.year === "all")!;
 * assert.equal(all.mean, 10.5);
 * assert.equal(all.n, 2);
 * ```
 */
export class RunSummarizer {
  readonly #groups: readonly RunGroup[];
  readonly #baseline: number;
  readonly #sampleSize: number;
  // Per group: metric → year → summary; avoided cells per scenario group likewise.
  readonly #cells: Map<string, Map<YearKey, StreamingSummary>>[];
  readonly #avoided: Map<string, Map<YearKey, StreamingSummary>>[];
  readonly #hasData: boolean[];
  readonly #fans: Map<number, { sample: BoundedSample; capacity: number; n: number }>[];
  readonly #staffGroups: string[] = [];
  readonly #settingMetrics: readonly SettingMetric[];
  readonly #answer?: AnswerSummarizer;
  #defs = new Map<string, MetricDefinition | undefined>();
  #years = 0;

  /**
   * @param groups The run's groups (baseline first).
   * @param options Sample size.
   */
  constructor(groups: readonly RunGroup[], options: RunSummarizerOptions = {}) {
    this.#groups = groups;
    this.#baseline = groups.findIndex((g) => g.variant === "baseline");
    this.#sampleSize = options.sampleSize ?? 1000;
    this.#settingMetrics = options.settingMetrics ?? [];
    this.#cells = groups.map(() => new Map());
    this.#avoided = groups.map(() => new Map());
    this.#hasData = groups.map(() => false);
    this.#fans = groups.map(() => new Map());
    if (options.calendar) {
      this.#answer = new AnswerSummarizer(groups, {
        ...options.calendar,
        sampleSize: this.#sampleSize,
      });
    }
  }

  /** Staff groups seen, in order of first appearance. */
  get staffGroups(): readonly string[] {
    return this.#staffGroups;
  }

  /**
   * Adds one replication (after every lower-numbered one).
   *
   * @param figures The replication's figures, one entry per group.
   * @throws {RangeError} If replications come out of order or a value is not finite.
   */
  add(figures: ReplicationFigures): void {
    const r = figures.replication;
    this.#answer?.add(figures);
    const values = figures.groups.map((g) => {
      const byMetric = new Map<string, Map<YearKey, number>>();
      const put = (metric: string, year: number, value: number) => {
        let byYear = byMetric.get(metric);
        if (!byYear) byMetric.set(metric, byYear = new Map());
        byYear.set(year, value);
        this.#years = Math.max(this.#years, year);
      };
      for (const a of g.annual) put(a.metric, a.year, a.value);
      for (const w of g.workforce) {
        if (!this.#staffGroups.includes(w.staffGroup)) {
          this.#staffGroups.push(w.staffGroup);
          this.#defs.clear();
        }
        put(`fte_${w.staffGroup}`, w.year, w.fte);
      }
      return byMetric;
    });
    for (const byMetric of values) {
      for (const [metric, byYear] of byMetric) {
        const def = this.#def(metric);
        if (!def) {
          byMetric.delete(metric);
          continue;
        }
        const years = [...byYear.keys()].sort((a, b) => (a as number) - (b as number));
        const sum = years.reduce((a: number, y) => a + byYear.get(y)!, 0);
        byYear.set("all", def.allYears === "sum" ? sum : sum / years.length);
      }
    }
    values.forEach((byMetric, g) => {
      if (byMetric.size > 0) this.#hasData[g] = true;
      for (const [metric, byYear] of byMetric) {
        for (const [year, value] of byYear) this.#cell(this.#cells[g], metric, year).add(value, r);
      }
      if (this.#groups[g].variant !== "scenario" || this.#baseline < 0) return;
      const base = values[this.#baseline];
      for (const [metric, byYear] of byMetric) {
        for (const [year, value] of byYear) {
          const b = base.get(metric)?.get(year);
          if (b !== undefined) this.#cell(this.#avoided[g], metric, year).add(b - value, r);
        }
      }
    });
    figures.groups.forEach((g, i) => {
      for (const w of g.weeks) {
        let fan = this.#fans[i].get(w.week);
        if (!fan) {
          this.#fans[i].set(
            w.week,
            fan = { sample: new BoundedSample(this.#sampleSize), capacity: 0, n: 0 },
          );
        }
        fan.sample.add(w.occupied, r);
        fan.capacity += w.capacity;
        fan.n++;
      }
    });
  }

  /**
   * The rows of summary.csv so far, in the fixed order: baseline, then per option its scenario
   * rows and its avoided rows; within each, metric order of report/metrics.ts, years ascending
   * then "all".
   *
   * @returns The rows.
   */
  rows(): SummaryRow[] {
    const defs = metricDefinitions(this.#staffGroups, this.#settingMetrics);
    const years: YearKey[] = [...Array.from({ length: this.#years }, (_, i) => i + 1), "all"];
    const rows: SummaryRow[] = [];
    const emit = (
      group: RunGroup,
      variant: SummaryRow["variant"],
      metric: string,
      unit: string,
      year: YearKey,
      s: Summary,
    ) =>
      rows.push({
        scenario: group.scenario,
        variant,
        metric,
        year,
        unit,
        mean: s.mean,
        sd: s.sd,
        ciLow: s.ciLow,
        ciHigh: s.ciHigh,
        p05: s.p05,
        p50: s.p50,
        p95: s.p95,
        n: s.n,
      });
    this.#groups.forEach((group, g) => {
      if (!this.#hasData[g]) return;
      for (const def of defs) {
        for (const year of years) {
          const c = this.#cells[g].get(def.metric)?.get(year);
          if (c && c.n > 0) emit(group, group.variant, def.metric, def.unit, year, c.summary());
        }
      }
      if (group.variant !== "scenario" || this.#baseline < 0 || !this.#hasData[this.#baseline]) {
        return;
      }
      for (const def of defs) {
        for (const year of years) {
          const c = this.#avoided[g].get(def.metric)?.get(year);
          if (c && c.n > 0) emit(group, "avoided", def.avoided, def.unit, year, c.summary());
        }
      }
    });
    return rows;
  }

  /**
   * Everything the outputs need: summary rows, fan charts, staff groups.
   *
   * @returns The run's summary so far.
   */
  result(): RunSummary {
    return {
      rows: this.rows(),
      fans: this.#groups.map((_, g) => this.fan(g)),
      staffGroups: [...this.#staffGroups],
      ...(this.#answer ? { answer: this.#answer.result() } : {}),
    };
  }

  /**
   * The fan chart data of one group so far, weeks ascending.
   *
   * @param group Index in the run's groups.
   * @returns One entry per week.
   */
  fan(group: number): FanWeek[] {
    return [...this.#fans[group]].sort((a, b) => a[0] - b[0]).map(([week, f]) => ({
      week,
      occupied: f.sample.values(),
      capacity: f.capacity / f.n,
    }));
  }

  #cell(
    cells: Map<string, Map<YearKey, StreamingSummary>>,
    metric: string,
    year: YearKey,
  ): StreamingSummary {
    let byYear = cells.get(metric);
    if (!byYear) cells.set(metric, byYear = new Map());
    let c = byYear.get(year);
    if (!c) byYear.set(year, c = new StreamingSummary({ sampleSize: this.#sampleSize }));
    return c;
  }

  #def(metric: string): MetricDefinition | undefined {
    if (!this.#defs.has(metric)) {
      this.#defs.set(
        metric,
        metricDefinitions(this.#staffGroups, this.#settingMetrics).find((d) => d.metric === metric),
      );
    }
    return this.#defs.get(metric);
  }
}
