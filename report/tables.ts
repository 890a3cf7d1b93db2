/**
 * The tidy per-replication tables of a run (annual, daily, workforce), built from a
 * {@linkcode ScenarioRun} or read back from the CSV files, so that summaries and the report can
 * be rebuilt from shards' files byte-for-byte.
 *
 * Rows are in a fixed order: replication ascending, then group (baseline first, then each
 * option in run order), then year / day, then metric in the model's order.
 *
 * @module
 */

import type { SettingMetric } from "../models/settings/setting.ts";
import type { ScenarioRun } from "./_scenario_run.ts";
import type { ReplicationResult } from "../models/result.ts";
import { type CsvCell, parseCsv, toCsv } from "./csv.ts";

/** One arm of a run: the baseline, or one option (paired against the baseline). */
export interface RunGroup {
  /** The `scenario` column: the scenario name, or `<name>/<optionId>` with several options. */
  scenario: string;
  /** `baseline` or `scenario`. */
  variant: "baseline" | "scenario";
  /** Option id (scenario groups only). */
  optionId?: string;
  /** Human label (option label, or "Baseline"). */
  label: string;
}

/** One annual figure of one replication. */
export interface AnnualRecord {
  /** Group's scenario column. */
  scenario: string;
  /** Group's variant. */
  variant: "baseline" | "scenario";
  /** Replication index. */
  replication: number;
  /** Model year, 1-based. */
  year: number;
  /** Metric name. */
  metric: string;
  /** Need segment 1–4, absent for totals. */
  segment?: number;
  /** Value. */
  value: number;
}

/**
 * Columns of daily.csv after scenario, variant, replication, day, date.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(DAILY_COLUMNS[0], "acute_occupied");
 * ```
 */
export const DAILY_COLUMNS = [
  "acute_occupied",
  "acute_capacity",
  "ed_boarders",
  "delayed_transfers",
  "intermediate_occupied",
  "intermediate_capacity",
  "care_home_occupied",
  "care_home_capacity",
  "home_care_hours_in_use",
  "home_care_capacity_hours",
  "population",
  "at_home",
  "in_care_home",
] as const;

/** A daily.csv value column. */
export type DailyColumn = typeof DAILY_COLUMNS[number];

const DAILY_FIELDS: Record<DailyColumn, keyof ReplicationResult["daily"]> = {
  acute_occupied: "acuteOccupied",
  acute_capacity: "acuteCapacity",
  ed_boarders: "edBoarders",
  delayed_transfers: "delayedTransfers",
  intermediate_occupied: "intermediateOccupied",
  intermediate_capacity: "intermediateCapacity",
  care_home_occupied: "careHomeOccupied",
  care_home_capacity: "careHomeCapacity",
  home_care_hours_in_use: "homeCareHoursInUse",
  home_care_capacity_hours: "homeCareCapacityHours",
  population: "population",
  at_home: "atHome",
  in_care_home: "inCareHome",
};

/** One day of one replication of one group. */
export interface DailyRecord {
  /** Group's scenario column. */
  scenario: string;
  /** Group's variant. */
  variant: "baseline" | "scenario";
  /** Replication index. */
  replication: number;
  /** Day index from the start date. */
  day: number;
  /** Calendar date YYYY-MM-DD. */
  date: string;
  /** Values, by {@linkcode DAILY_COLUMNS}. */
  values: Record<DailyColumn, number>;
}

/** FTE of one staff group, year and replication. */
export interface WorkforceRecord {
  /** Group's scenario column. */
  scenario: string;
  /** Group's variant. */
  variant: "baseline" | "scenario";
  /** Replication index. */
  replication: number;
  /** Model year. */
  year: number;
  /** Staff group id. */
  staffGroup: string;
  /** FTE needed. */
  fte: number;
  /** FTE in post, where given. */
  inPostFte?: number;
}

/** All per-replication tables of a run. */
export interface RunTables {
  /** Groups in order (baseline first). */
  groups: RunGroup[];
  /** Annual figures. */
  annual: AnnualRecord[];
  /** Daily series. */
  daily: DailyRecord[];
  /** Workforce demand. */
  workforce: WorkforceRecord[];
  /** Metrics added by plugged-in settings, beyond the registry (absent when none). */
  settingMetrics?: SettingMetric[];
}

/**
 * Adds days to an ISO date (UTC calendar arithmetic).
 *
 * @param startDate `YYYY-MM-DD`.
 * @param days Days to add (fractions allowed).
 * @returns The date-time `YYYY-MM-DDTHH:MM:SS` (no zone) when `withTime`, else `YYYY-MM-DD`.
 * @throws {RangeError} If `startDate` is not a valid date.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(addDays("2025-04-01", 30), "2025-05-01");
 * assert.equal(addDays("2025-04-01", 1.5, { withTime: true }), "2025-04-02T12:00:00");
 * ```
 */
export function addDays(
  startDate: string,
  days: number,
  options: { withTime?: boolean } = {},
): string {
  const t0 = Date.parse(`${startDate}T00:00:00Z`);
  if (!Number.isFinite(t0)) {
    throw new RangeError(`Cannot add days: startDate must be YYYY-MM-DD, received ${startDate}`);
  }
  const iso = new Date(t0 + Math.round(days * 86400) * 1000).toISOString();
  return options.withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

/**
 * The groups of a run: the baseline, then one per option.
 *
 * @param run A scenario run.
 * @returns The groups.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const run = { scenario: { name: "x" }, options: [{ id: "a", label: "A", careModels: [] }, { id: "b", label: "B", careModels: [] }] };
 * assert.deepEqual(runGroups(run as never).map((g) => g.scenario), ["x", "x/a", "x/b"]);
 * ```
 */
export function runGroups(run: Pick<ScenarioRun, "scenario" | "options">): RunGroup[] {
  const name = run.scenario.name;
  const groups: RunGroup[] = [{ scenario: name, variant: "baseline", label: "Baseline" }];
  for (const option of run.options) {
    groups.push({
      scenario: run.options.length > 1 ? `${name}/${option.id}` : name,
      variant: "scenario",
      optionId: option.id,
      label: option.label || option.id,
    });
  }
  return groups;
}

/**
 * Builds the tidy tables of a run.
 *
 * @param run A scenario run.
 * @returns Its tables, rows in the fixed order.
 * @throws {RangeError} If an option result names an option the run does not list.
 *
 * @example A run with no replications
 * ```ts
 * import assert from "node:assert/strict";
 * const t = runTables({ scenario: { name: "x" }, options: [], results: [] } as never);
 * assert.equal(t.groups.length, 1);
 * assert.equal(t.annual.length, 0);
 * ```
 */
export function runTables(run: ScenarioRun): RunTables {
  const groups = runGroups(run);
  const tables: RunTables = { groups, annual: [], daily: [], workforce: [] };
  for (const paired of run.results) {
    const arms = [{
      group: groups[0],
      result: paired.baseline,
      workforce: paired.baselineWorkforce,
    }];
    for (const option of paired.options) {
      const group = groups.find((g) => g.optionId === option.id);
      if (!group) {
        throw new RangeError(
          `Cannot build tables: option "${option.id}" is not among the run's options, received replication ${paired.replication}`,
        );
      }
      arms.push({ group, result: option.result, workforce: option.workforce });
    }
    for (const { group, result, workforce } of arms) {
      for (const m of result.settingMetrics ?? []) {
        tables.settingMetrics ??= [];
        if (!tables.settingMetrics.some((x) => x.name === m.name)) tables.settingMetrics.push(m);
      }
      const base = {
        scenario: group.scenario,
        variant: group.variant,
        replication: paired.replication,
      };
      for (const row of result.annual) {
        const record: AnnualRecord = {
          ...base,
          year: row.year,
          metric: row.metric,
          value: row.value,
        };
        if (row.segment !== undefined) record.segment = row.segment;
        tables.annual.push(record);
      }
      const d = result.daily;
      for (let i = 0; i < d.dayIndex.length; i++) {
        const values = {} as Record<DailyColumn, number>;
        for (const c of DAILY_COLUMNS) values[c] = (d[DAILY_FIELDS[c]] as number[])[i];
        tables.daily.push({
          ...base,
          day: d.dayIndex[i],
          date: addDays(result.startDate, d.dayIndex[i]),
          values,
        });
      }
      for (const w of workforce) {
        const record: WorkforceRecord = {
          ...base,
          year: w.year,
          staffGroup: w.staffGroup,
          fte: w.fte,
        };
        if (w.inPostFte !== undefined) record.inPostFte = w.inPostFte;
        tables.workforce.push(record);
      }
    }
  }
  return tables;
}

const ANNUAL_HEADER = ["scenario", "variant", "replication", "year", "metric", "segment", "value"];
const DAILY_HEADER = ["scenario", "variant", "replication", "day", "date", ...DAILY_COLUMNS];
const WORKFORCE_HEADER = [
  "scenario",
  "variant",
  "replication",
  "year",
  "staff_group",
  "fte",
  "in_post_fte",
];

/**
 * Formats the tables as the CSV files annual.csv, daily.csv and workforce.csv.
 *
 * @param tables The tables.
 * @returns File name → CSV text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const files = tablesToCsv({ groups: [], annual: [{ scenario: "x", variant: "baseline", replication: 0, year: 1, metric: "bed_days", value: 2.5 }], daily: [], workforce: [] });
 * assert.equal(files["annual.csv"], "scenario,variant,replication,year,metric,segment,value\nx,baseline,0,1,bed_days,,2.5\n");
 * ```
 */
export function tablesToCsv(tables: RunTables): Record<string, string> {
  const annual: CsvCell[][] = tables.annual.map((r) => [
    r.scenario,
    r.variant,
    r.replication,
    r.year,
    r.metric,
    r.segment,
    r.value,
  ]);
  const daily: CsvCell[][] = tables.daily.map((r) => [
    r.scenario,
    r.variant,
    r.replication,
    r.day,
    r.date,
    ...DAILY_COLUMNS.map((c) => r.values[c]),
  ]);
  const workforce: CsvCell[][] = tables.workforce.map((r) => [
    r.scenario,
    r.variant,
    r.replication,
    r.year,
    r.staffGroup,
    r.fte,
    r.inPostFte,
  ]);
  return {
    "annual.csv": toCsv(ANNUAL_HEADER, annual),
    "daily.csv": toCsv(DAILY_HEADER, daily),
    "workforce.csv": toCsv(WORKFORCE_HEADER, workforce),
  };
}

function num(record: Record<string, string>, key: string, file: string, line: number): number {
  const text = record[key];
  const value = Number(text);
  if (text === undefined || text === "" || !Number.isFinite(value)) {
    throw new TypeError(
      `Cannot read ${file}: line ${line + 2} column ${key} must be a number, received ${
        JSON.stringify(text)
      }`,
    );
  }
  return value;
}

function variantOf(
  record: Record<string, string>,
  file: string,
  line: number,
): "baseline" | "scenario" {
  const v = record.variant;
  if (v !== "baseline" && v !== "scenario") {
    throw new TypeError(
      `Cannot read ${file}: line ${line + 2} variant must be baseline or scenario, received ${
        JSON.stringify(v)
      }`,
    );
  }
  return v;
}

/**
 * Reads the tables back from the CSV texts written by {@linkcode tablesToCsv}.
 *
 * @param files File name → CSV text (annual.csv, daily.csv, workforce.csv).
 * @param groups The run's groups (from summary.json).
 * @returns The tables.
 * @throws {TypeError} If a file is missing, malformed or holds a non-numeric value.
 *
 * @example Round trip
 * ```ts
 * import assert from "node:assert/strict";
 * const t = { groups: [], annual: [{ scenario: "x", variant: "baseline" as const, replication: 0, year: 1, metric: "bed_days", segment: 2, value: 0.1 }], daily: [], workforce: [] };
 * assert.deepEqual(tablesFromCsv(tablesToCsv(t), []), t);
 * ```
 */
export function tablesFromCsv(files: Record<string, string>, groups: RunGroup[]): RunTables {
  const read = (name: string) => {
    if (typeof files[name] !== "string") {
      throw new TypeError(`Cannot read tables: ${name} is missing, received ${Object.keys(files)}`);
    }
    return parseCsv(files[name]);
  };
  // the columns every per-replication table starts with
  const key = (r: Record<string, string>, file: string, i: number) => ({
    scenario: r.scenario,
    variant: variantOf(r, file, i),
    replication: num(r, "replication", file, i),
  });
  const annual = read("annual.csv").map((r, i) => {
    const record: AnnualRecord = {
      ...key(r, "annual.csv", i),
      year: num(r, "year", "annual.csv", i),
      metric: r.metric,
      value: num(r, "value", "annual.csv", i),
    };
    if (r.segment !== "") record.segment = num(r, "segment", "annual.csv", i);
    return record;
  });
  const daily = read("daily.csv").map((r, i): DailyRecord => {
    const values = {} as Record<DailyColumn, number>;
    for (const c of DAILY_COLUMNS) values[c] = num(r, c, "daily.csv", i);
    return {
      ...key(r, "daily.csv", i),
      day: num(r, "day", "daily.csv", i),
      date: r.date,
      values,
    };
  });
  const workforce = read("workforce.csv").map((r, i) => {
    const record: WorkforceRecord = {
      ...key(r, "workforce.csv", i),
      year: num(r, "year", "workforce.csv", i),
      staffGroup: r.staff_group,
      fte: num(r, "fte", "workforce.csv", i),
    };
    if (r.in_post_fte !== "") record.inPostFte = num(r, "in_post_fte", "workforce.csv", i);
    return record;
  });
  return { groups, annual, daily, workforce };
}
