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
import type { PairedReplication, ScenarioRun } from "./_scenario_run.ts";
import type { AnnualRow, DailySeries, ReplicationResult } from "../models/result.ts";
import type { WorkforceRow } from "../models/workforce.ts";
import { METRICS } from "../models/metric_registry.ts";
import { parseCsv, roundForCsv, toCsv } from "./csv.ts";
import { financialYear } from "./financial_years.ts";

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
  /** The financial year holding the model year's middle (`2025/26`), where known. */
  financialYear?: string;
  /** Metric name. */
  metric: string;
  /** Need segment 1–4, absent for totals. */
  segment?: number;
  /** Value. */
  value: number;
}

/**
 * Columns of daily.csv after scenario, variant, replication, day, date: end-of-day levels, each
 * name ending in its unit (beds, patients, places, hours per week, people).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(DAILY_COLUMNS[0], "acute_occupied_beds");
 * ```
 */
export const DAILY_COLUMNS = [
  "acute_occupied_beds",
  "acute_capacity_beds",
  "ed_boarders_patients",
  "delayed_transfers_patients",
  "intermediate_occupied_beds",
  "intermediate_capacity_beds",
  "care_home_occupied_places",
  "care_home_capacity_places",
  "home_care_in_use_hours_per_week",
  "home_care_capacity_hours_per_week",
  "population_people",
  "at_home_people",
  "in_care_home_people",
] as const;

/** A daily.csv value column. */
export type DailyColumn = typeof DAILY_COLUMNS[number];

const DAILY_FIELDS: Record<DailyColumn, keyof ReplicationResult["daily"]> = {
  acute_occupied_beds: "acuteOccupied",
  acute_capacity_beds: "acuteCapacity",
  ed_boarders_patients: "edBoarders",
  delayed_transfers_patients: "delayedTransfers",
  intermediate_occupied_beds: "intermediateOccupied",
  intermediate_capacity_beds: "intermediateCapacity",
  care_home_occupied_places: "careHomeOccupied",
  care_home_capacity_places: "careHomeCapacity",
  home_care_in_use_hours_per_week: "homeCareHoursInUse",
  home_care_capacity_hours_per_week: "homeCareCapacityHours",
  population_people: "population",
  at_home_people: "atHome",
  in_care_home_people: "inCareHome",
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
  /** The financial year holding the model year's middle (`2025/26`), where known. */
  financialYear?: string;
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
  for (const paired of run.results) appendReplication(tables, paired);
  return tables;
}

// Start date → day index → calendar date, shared by every replication of a run.
const DATES = new Map<string, Map<number, string>>();

/**
 * Appends one replication's rows (every group, in the fixed order) to tables. Values are rounded
 * as the CSV files hold them ({@linkcode roundForCsv}), so summaries built from these tables and
 * from the files read back (merged shards) are identical.
 *
 * @param tables The tables to extend; their `groups` name the arms.
 * @param paired The baseline and every option of one replication.
 * @throws {RangeError} If an option result names an option the groups do not list.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const tables = { groups: [{ scenario: "x", variant: "baseline" as const, label: "B" }], annual: [], daily: [], workforce: [] };
 * const result = { startDate: "2025-04-01", annual: [{ year: 1, metric: "bed_days", value: 2.00001 }], daily: { dayIndex: [] } };
 * appendReplication(tables, { replication: 4, baseline: result, baselineWorkforce: [], options: [] } as never);
 * assert.deepEqual(tables.annual, [{ scenario: "x", variant: "baseline", replication: 4, year: 1, financialYear: "2025/26", metric: "bed_days", value: 2 }]);
 * ```
 */
export function appendReplication(tables: RunTables, paired: PairedReplication): void {
  const { groups } = tables;
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
    let dates = DATES.get(result.startDate);
    if (!dates) {
      if (DATES.size >= 100) DATES.clear();
      DATES.set(result.startDate, dates = new Map());
    }
    const base: RowBase = {
      scenario: group.scenario,
      variant: group.variant,
      replication: paired.replication,
    };
    const { startDate } = result;
    for (const row of result.annual) tables.annual.push(annualRecord(base, startDate, row));
    const d = result.daily;
    for (let i = 0; i < d.dayIndex.length; i++) {
      tables.daily.push(dailyRecord(base, d, i, dates, startDate));
    }
    for (const w of workforce) tables.workforce.push(workforceRecord(base, startDate, w));
  }
}

// One function per row kind, each called once per row: V8 optimises them once, where one
// function holding every loop was compiled on-stack inside a loop and deoptimised on leaving it,
// then compiled again in the next replication.
type RowBase = Pick<AnnualRecord, "scenario" | "variant" | "replication">;

function annualRecord(base: RowBase, startDate: string, row: AnnualRow): AnnualRecord {
  const record: AnnualRecord = {
    ...base,
    year: row.year,
    financialYear: financialYear(startDate, row.year),
    metric: row.metric,
    value: roundForCsv(row.value),
  };
  if (row.segment !== undefined) record.segment = row.segment;
  return record;
}

function dailyRecord(
  base: RowBase,
  d: DailySeries,
  i: number,
  dates: Map<number, string>,
  startDate: string,
): DailyRecord {
  const day = d.dayIndex[i]!;
  const values = {} as Record<DailyColumn, number>;
  for (const c of DAILY_COLUMNS) values[c] = roundForCsv((d[DAILY_FIELDS[c]] as number[])[i]!);
  let date = dates.get(day);
  if (date === undefined) dates.set(day, date = addDays(startDate, day));
  return { ...base, day, date, values };
}

function workforceRecord(base: RowBase, startDate: string, w: WorkforceRow): WorkforceRecord {
  const record: WorkforceRecord = {
    ...base,
    year: w.year,
    financialYear: financialYear(startDate, w.year),
    staffGroup: w.staffGroup,
    fte: roundForCsv(w.fte),
  };
  if (w.inPostFte !== undefined) record.inPostFte = roundForCsv(w.inPostFte);
  return record;
}

const ANNUAL_HEADER = [
  "scenario",
  "variant",
  "replication",
  "year",
  "financial_year",
  "metric",
  "unit",
  "value",
];
/** annual.csv's columns with `segment` after `metric`. */
const SEGMENT_HEADER = [...ANNUAL_HEADER.slice(0, 6), "segment", ...ANNUAL_HEADER.slice(6)];
const DAILY_HEADER = ["scenario", "variant", "replication", "day", "date", ...DAILY_COLUMNS];
const WORKFORCE_HEADER = [
  "scenario",
  "variant",
  "replication",
  "year",
  "financial_year",
  "staff_group",
  "fte",
  "in_post_fte",
];

/**
 * The header lines of the per-replication files.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(TABLE_HEADERS["annual.csv"], "scenario,variant,replication,year,financial_year,metric,unit,value\n");
 * ```
 */
export const TABLE_HEADERS: Readonly<Record<TableFile, string>> = {
  "annual.csv": toCsv(ANNUAL_HEADER, []),
  "annual_by_segment.csv": toCsv(SEGMENT_HEADER, []),
  "daily.csv": toCsv(DAILY_HEADER, []),
  "workforce.csv": toCsv(WORKFORCE_HEADER, []),
};

/**
 * The per-replication files: annual.csv holds whole-system totals, annual_by_segment.csv their
 * parts by need segment (kept apart so that summing a file never counts a total twice).
 */
export type TableFile = "annual.csv" | "annual_by_segment.csv" | "daily.csv" | "workforce.csv";

/**
 * The per-replication files, in the order they are written.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(TABLE_FILES, ["annual.csv", "annual_by_segment.csv", "daily.csv", "workforce.csv"]);
 * ```
 */
export const TABLE_FILES: readonly TableFile[] = [
  "annual.csv",
  "annual_by_segment.csv",
  "daily.csv",
  "workforce.csv",
];

/** Metric name → unit, from the model's registry and a run's setting metrics. */
function unitsOf(settingMetrics: readonly SettingMetric[] = []): Map<string, string> {
  return new Map([...METRICS, ...settingMetrics].map((m) => [m.name, m.unit]));
}

/**
 * Formats table rows exactly as `toCsv` formats them, but fast: every text cell goes through
 * `toCsv` once and is remembered; numbers are written with `String(n)`, as `toCsv` writes them.
 */
class RowFormatter {
  // Text cells repeat (names, metrics, dates) across rows and replications: format each once.
  static #text = new Map<string, string>();
  readonly #units: Map<string, string>;

  constructor(units: Map<string, string>) {
    this.#units = units;
  }

  cell(value: string | number | undefined): string {
    if (typeof value === "number") return String(value);
    if (value === undefined) return "";
    const cache = RowFormatter.#text;
    let text = cache.get(value);
    if (text === undefined) {
      const csv = toCsv(["_"], [[value]]);
      text = csv.slice(csv.indexOf("\n") + 1, -1);
      if (cache.size >= 100_000) cache.clear();
      cache.set(value, text);
    }
    return text;
  }

  #key(r: { scenario: string; variant: string; replication: number }): string {
    return `${this.cell(r.scenario)},${this.cell(r.variant)},${r.replication}`;
  }

  annual(r: AnnualRecord): string {
    const segment = r.segment === undefined ? "" : `${r.segment},`;
    return `${this.#key(r)},${r.year},${this.cell(r.financialYear)},${
      this.cell(r.metric)
    },${segment}${this.cell(this.#units.get(r.metric))},${r.value}\n`;
  }

  daily(r: DailyRecord): string {
    let line = `${this.#key(r)},${r.day},${this.cell(r.date)}`;
    for (const c of DAILY_COLUMNS) line += `,${r.values[c]}`;
    return line + "\n";
  }

  workforce(r: WorkforceRecord): string {
    return `${this.#key(r)},${r.year},${this.cell(r.financialYear)},${
      this.cell(r.staffGroup)
    },${r.fte},${this.cell(r.inPostFte)}\n`;
  }
}

/**
 * Formats the tables as the CSV files annual.csv (totals), annual_by_segment.csv (the totals'
 * parts by need segment), daily.csv and workforce.csv, with the unit of each annual metric.
 *
 * @param tables The tables.
 * @param options `header: false` leaves out the header lines (for one replication's rows, to be
 *   concatenated after {@linkcode TABLE_HEADERS}).
 * @returns File name → CSV text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const annual = [
 *   { scenario: "x", variant: "baseline" as const, replication: 0, year: 1, financialYear: "2025/26", metric: "bed_days", value: 2.5 },
 *   { scenario: "x", variant: "baseline" as const, replication: 0, year: 1, financialYear: "2025/26", metric: "bed_days", segment: 4, value: 1 },
 * ];
 * const files = tablesToCsv({ groups: [], annual, daily: [], workforce: [] });
 * assert.equal(files["annual.csv"].split("\n")[1], "x,baseline,0,1,2025/26,bed_days,bed_days,2.5");
 * assert.equal(files["annual_by_segment.csv"].split("\n")[1], "x,baseline,0,1,2025/26,bed_days,4,bed_days,1");
 * ```
 */
export function tablesToCsv(
  tables: RunTables,
  options: { header?: boolean } = {},
): Record<TableFile, string> {
  const f = new RowFormatter(unitsOf(tables.settingMetrics));
  const header = options.header ?? true;
  const join = <T>(file: TableFile, rows: T[], line: (r: T) => string) => {
    const parts = header ? [TABLE_HEADERS[file]] : [];
    for (const r of rows) parts.push(line(r));
    return parts.join("");
  };
  const totals = tables.annual.filter((r) => r.segment === undefined);
  const parts = tables.annual.filter((r) => r.segment !== undefined);
  return {
    "annual.csv": join("annual.csv", totals, (r) => f.annual(r)),
    "annual_by_segment.csv": join("annual_by_segment.csv", parts, (r) => f.annual(r)),
    "daily.csv": join("daily.csv", tables.daily, (r) => f.daily(r)),
    "workforce.csv": join("workforce.csv", tables.workforce, (r) => f.workforce(r)),
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
 * @param files File name → CSV text (annual.csv, annual_by_segment.csv, daily.csv,
 *   workforce.csv).
 * @param groups The run's groups (from summary.json).
 * @returns The tables (each replication's totals, then their parts by segment).
 * @throws {TypeError} If a file is missing, malformed or holds a non-numeric value.
 *
 * @example Round trip
 * ```ts
 * import assert from "node:assert/strict";
 * const t = { groups: [], annual: [{ scenario: "x", variant: "baseline" as const, replication: 0, year: 1, financialYear: "2025/26", metric: "bed_days", segment: 2, value: 0.1 }], daily: [], workforce: [] };
 * assert.deepEqual(tablesFromCsv(tablesToCsv(t), []), t);
 * ```
 */
export function tablesFromCsv(files: Record<string, string>, groups: RunGroup[]): RunTables {
  const read = <F extends TableFile>(name: F) => {
    if (typeof files[name] !== "string") {
      throw new TypeError(`Cannot read tables: ${name} is missing, received ${Object.keys(files)}`);
    }
    return parseCsv(files[name]).map((r, i) => readRow(name, r, i));
  };
  const byReplication = new Map<number, AnnualRecord[]>();
  for (const r of [...read("annual.csv"), ...read("annual_by_segment.csv")]) {
    let rows = byReplication.get(r.replication);
    if (!rows) byReplication.set(r.replication, rows = []);
    rows.push(r);
  }
  return {
    groups,
    annual: [...byReplication].sort((x, y) => x[0] - y[0]).flatMap(([, rows]) => rows),
    daily: read("daily.csv"),
    workforce: read("workforce.csv"),
  };
}

/** The record type of each per-replication file. */
export interface TableRecords {
  /** annual.csv */
  "annual.csv": AnnualRecord;
  /** annual_by_segment.csv */
  "annual_by_segment.csv": AnnualRecord;
  /** daily.csv */
  "daily.csv": DailyRecord;
  /** workforce.csv */
  "workforce.csv": WorkforceRecord;
}

/**
 * Reads one parsed CSV row of a per-replication file back into its record.
 *
 * @param file Which file.
 * @param r The row, keyed by column.
 * @param i The row's index (0 = the first after the header), for messages.
 * @returns The record.
 * @throws {TypeError} If a value is not a number where one is expected.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const r = { scenario: "x", variant: "baseline", replication: "0", year: "1", financial_year: "2025/26", staff_group: "gp", fte: "2.5", in_post_fte: "" };
 * assert.deepEqual(readRow("workforce.csv", r, 0), { scenario: "x", variant: "baseline", replication: 0, year: 1, financialYear: "2025/26", staffGroup: "gp", fte: 2.5 });
 * ```
 */
export function readRow<F extends TableFile>(
  file: F,
  r: Record<string, string>,
  i: number,
): TableRecords[F] {
  const key = {
    scenario: r.scenario,
    variant: variantOf(r, file, i),
    replication: num(r, "replication", file, i),
  };
  const financial = r.financial_year ? { financialYear: r.financial_year } : {};
  if (file === "annual.csv" || file === "annual_by_segment.csv") {
    const record: AnnualRecord = {
      ...key,
      year: num(r, "year", file, i),
      ...financial,
      metric: r.metric,
      value: num(r, "value", file, i),
    };
    if (file === "annual_by_segment.csv") record.segment = num(r, "segment", file, i);
    return record as TableRecords[F];
  }
  if (file === "daily.csv") {
    const values = {} as Record<DailyColumn, number>;
    for (const c of DAILY_COLUMNS) values[c] = num(r, c, file, i);
    const record: DailyRecord = { ...key, day: num(r, "day", file, i), date: r.date, values };
    return record as TableRecords[F];
  }
  const record: WorkforceRecord = {
    ...key,
    year: num(r, "year", file, i),
    ...financial,
    staffGroup: r.staff_group,
    fte: num(r, "fte", file, i),
  };
  if (r.in_post_fte !== "") record.inPostFte = num(r, "in_post_fte", file, i);
  return record as TableRecords[F];
}
