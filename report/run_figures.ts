/**
 * What the summaries and the report need from one replication — its annual totals, workforce
 * FTE and weekly acute occupancy per group — gathered the same way from a fresh run (on a
 * worker, with the replication's CSV rows: `recordPairedReplication` in studies/) and from tables
 * read back from CSV ({@linkcode figuresOfTables}), so summaries of a run, a resumed run and
 * merged shards are byte-identical.
 *
 * @module
 */

import type { PairedReplication } from "./_scenario_run.ts";
import {
  type AnnualRecord,
  appendReplication,
  type DailyColumn,
  type RunGroup,
  type RunTables,
  type TableFile,
  tablesToCsv,
  type WorkforceRecord,
} from "./tables.ts";

/** One week of one replication's acute occupancy: means over the week's days. */
export interface WeekFigures {
  /** Week index (day ÷ 7, rounded down). */
  week: number;
  /** Mean occupied acute beds. */
  occupied: number;
  /** Mean open acute capacity. */
  capacity: number;
}

/** One group's figures in one replication. */
export interface GroupFigures {
  /** Whole-system annual values (no segment), in row order. */
  annual: { metric: string; year: number; value: number }[];
  /** FTE needed by staff group and year, in row order. */
  workforce: { staffGroup: string; year: number; fte: number }[];
  /** Weekly acute occupancy. */
  weeks: WeekFigures[];
}

/** One replication's figures, one entry per run group (baseline first). */
export interface ReplicationFigures {
  /** Replication index. */
  replication: number;
  /** By group, in the run's group order. */
  groups: GroupFigures[];
}

/** A finished replication as a worker sends it back: its figures and its CSV rows. */
export interface ReplicationRecord extends ReplicationFigures {
  /** The replication's rows of annual.csv, annual_by_segment.csv, daily.csv and workforce.csv
   * (no header). */
  csv: Record<TableFile, string>;
}

/** Collects one replication's figures row by row, in file order. */
class FiguresBuilder {
  #groups: GroupFigures[];
  #weeks: Map<number, { occupied: number; capacity: number; days: number }>[];

  constructor(groupCount: number) {
    this.#groups = Array.from({ length: groupCount }, () => ({
      annual: [],
      workforce: [],
      weeks: [],
    }));
    this.#weeks = Array.from({ length: groupCount }, () => new Map());
  }

  annual(group: number, r: AnnualRecord) {
    if (r.segment === undefined) {
      this.#groups[group].annual.push({ metric: r.metric, year: r.year, value: r.value });
    }
  }

  workforce(group: number, r: WorkforceRecord) {
    this.#groups[group].workforce.push({ staffGroup: r.staffGroup, year: r.year, fte: r.fte });
  }

  day(group: number, day: number, values: Record<DailyColumn, number>) {
    const week = Math.floor(day / 7);
    const weeks = this.#weeks[group];
    const cell = weeks.get(week) ?? { occupied: 0, capacity: 0, days: 0 };
    cell.occupied += values.acute_occupied_beds;
    cell.capacity += values.acute_capacity_beds;
    cell.days++;
    weeks.set(week, cell);
  }

  build(replication: number): ReplicationFigures {
    this.#groups.forEach((g, i) => {
      g.weeks = [...this.#weeks[i]].sort((a, b) => a[0] - b[0]).map(([week, c]) => ({
        week,
        occupied: c.occupied / c.days,
        capacity: c.capacity / c.days,
      }));
    });
    return { replication, groups: this.#groups };
  }
}

function groupIndex(groups: readonly RunGroup[]) {
  const index = new Map(groups.map((g, i) => [`${g.variant}\u0000${g.scenario}`, i]));
  return (r: { scenario: string; variant: string }) => index.get(`${r.variant}\u0000${r.scenario}`);
}

/**
 * Splits tables into per-replication figures, replications ascending. Rows of a group the
 * tables do not list are left out.
 *
 * @param tables A run's tables (built or read back from CSV).
 * @returns One entry per replication present.
 *
 * @example Weekly means of two days
 * ```ts
 * import assert from "node:assert/strict";
 * const groups = [{ scenario: "x", variant: "baseline" as const, label: "Baseline" }];
 * const daily = [0, 1].map((day) => ({ scenario: "x", variant: "baseline" as const, replication: 3, day, date: "", values: { acute_occupied_beds: 10 + day, acute_capacity_beds: 20 } as never }));
 * const [f] = figuresOfTables({ groups, annual: [], daily, workforce: [] });
 * assert.equal(f.replication, 3);
 * assert.deepEqual(f.groups[0].weeks, [{ week: 0, occupied: 10.5, capacity: 20 }]);
 * ```
 */
export function figuresOfTables(tables: RunTables): ReplicationFigures[] {
  const group = groupIndex(tables.groups);
  const builders = new Map<number, FiguresBuilder>();
  const builder = (replication: number) => {
    let b = builders.get(replication);
    if (!b) builders.set(replication, b = new FiguresBuilder(tables.groups.length));
    return b;
  };
  for (const r of tables.annual) {
    const g = group(r);
    if (g !== undefined) builder(r.replication).annual(g, r);
  }
  for (const r of tables.daily) {
    const g = group(r);
    if (g !== undefined) builder(r.replication).day(g, r.day, r.values);
  }
  for (const r of tables.workforce) {
    const g = group(r);
    if (g !== undefined) builder(r.replication).workforce(g, r);
  }
  return [...builders].sort((a, b) => a[0] - b[0]).map(([rep, b]) => b.build(rep));
}

/**
 * Builds one replication's record — figures and CSV rows — from its paired result.
 *
 * @param paired The baseline and every option of one replication.
 * @param groups The run's groups (see `runGroups`).
 * @returns The record.
 * @throws {RangeError} If an option result names an option the groups do not list.
 *
 * @example A replication without options
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * import { runPairedReplication } from "../models/run_scenario.ts";
 * const scenario = parseScenario({ version: 1, years: 1, population: { size: 2000 } });
 * const paired = runPairedReplication({ seed: 1, replication: 0, input: { scenario, options: [], replicationsPerSample: 1 } });
 * const record = recordOfPaired(paired, [{ scenario: scenario.name, variant: "baseline", label: "Baseline" }]);
 * assert.equal(record.groups[0].weeks.length, 53);
 * assert.ok(record.csv["daily.csv"].startsWith(`${scenario.name},baseline,0,0,2025-04-01,`));
 * ```
 */
export function recordOfPaired(
  paired: PairedReplication,
  groups: readonly RunGroup[],
): ReplicationRecord {
  const tables: RunTables = { groups: [...groups], annual: [], daily: [], workforce: [] };
  appendReplication(tables, paired);
  const [figures] = figuresOfTables(tables);
  return { ...figures, csv: tablesToCsv(tables, { header: false }) };
}
