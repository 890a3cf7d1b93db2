/**
 * Running one replication of the whole-system model and packaging its result. It takes a
 * resolved scenario and never loads the scenario schema, so replication workers that import it
 * stay free of the validation library (`run_replication.ts` is the entry that parses).
 *
 * @module
 */

import type { Scenario } from "../scenarios/schema.ts";
import type { EventLogRow, ModelModifiers } from "./modifiers.ts";
import { type AnnualMetric, METRICS, type MetricSpec } from "./metric_registry.ts";
import type {
  AnnualRow,
  DailySeries,
  InterventionAccount,
  PersonDaysRow,
  ReplicationResult,
} from "./result.ts";
import type { TagStats } from "./interventions/tag_accounts.ts";
import type { WatchGroup } from "./interventions/cohort_watch.ts";
import type { Setting } from "./settings/setting.ts";
import { SystemModel } from "./system_model.ts";

/** Options of {@linkcode simulateReplication}. */
export interface SimulateOptions {
  /** Master seed (default: the scenario's seed). */
  seed?: number;
  /**
   * Replication index.
   * @default {0}
   */
  replication?: number;
  /**
   * Label of the variant.
   * @default {"baseline"}
   */
  variant?: string;
  /** Intervention hooks (default: none). */
  modifiers?: ModelModifiers;
  /**
   * Remove every capacity limit (for Little's-law checks and "what if unconstrained").
   * @default {false}
   */
  unconstrained?: boolean;
  /** Receives every person-level move (ED arrival, admit, board, transfer, discharge, …). */
  eventLog?: (row: EventLogRow) => void;
  /** Settings to plug in (a hospice, a virtual ward…): their metrics join the annual rows. */
  settings?: readonly Setting[];
  /**
   * Care models whose reached people are counted (`cohortEvents` of the result): an option's
   * own, or, in its paired baseline, the same definitions as shadows.
   */
  watch?: readonly WatchGroup[];
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);

/**
 * Simulates one replication of a scenario.
 *
 * @param scenario A resolved scenario (from `parseScenario` / `loadScenario`).
 * @param options Seed, replication, variant label, modifiers.
 * @returns The replication's result (plain data).
 * @throws {RangeError} If the census does not fit the capacities.
 *
 * @example A small, short run
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const s = parseScenario({ version: 1, years: 1, population: { size: 5000 } });
 * const r = simulateReplication(s, { seed: 1 });
 * assert.equal(r.daily.dayIndex.length, 365);
 * assert.ok(r.annual.length > 0);
 * ```
 */
export function simulateReplication(
  scenario: Scenario,
  options: SimulateOptions = {},
): ReplicationResult {
  const seed = options.seed ?? scenario.seed;
  const replication = options.replication ?? 0;
  const model = new SystemModel(scenario, {
    seed,
    replication,
    modifiers: options.modifiers,
    unconstrained: options.unconstrained,
    eventLog: options.eventLog,
    settings: options.settings,
    watch: options.watch,
  });
  model.run();
  const years = scenario.years;
  const annual: AnnualRow[] = [];
  const rec = model.record;
  const lv = rec.levels;
  const daily = rec.daily as unknown as Omit<DailySeries, "acuteOccupiedByHospital">;
  for (let y = 0; y < years; y++) {
    const year = y + 1;
    for (const m of METRICS as readonly MetricSpec[]) {
      const metric = m.name as AnnualMetric;
      const value = m.value;
      if (!value) continue; // derived after the replication (appendDerivedRows)
      annual.push({ year, metric, value: value(rec, y) });
      if (m.segmented) {
        for (const s of [1, 2, 3, 4] as const) {
          annual.push({ year, metric, segment: s, value: value(rec, y, s) });
        }
      }
    }
    for (const { setting, part } of model.parts.settings) {
      for (const m of setting.metrics) {
        annual.push({ year, metric: m.name, value: part.annual(m.name, y) });
      }
    }
  }
  const settingMetrics = model.parts.settings.flatMap(({ setting }) =>
    setting.metrics.map((m) => ({ ...m }))
  );
  const acuteOccupiedByHospital: Record<string, number[]> = {};
  scenario.hospitals.forEach((h, i) => (acuteOccupiedByHospital[h.id] = rec.dailyByHospital[i]!));
  let bedDaysFromOccupancy = 0;
  for (let y = 0; y < years; y++) bedDaysFromOccupancy += lv.bed_days.periodIntegral(y);
  const tags = model.parts.tags.list;
  const interventions = tags.length > 0 ? interventionAccount(tags, years) : undefined;
  const population = model.parts.population;
  const account = population.account;
  return {
    replication,
    seed,
    variant: options.variant ?? "baseline",
    scenario: scenario.name,
    startDate: scenario.startDate,
    years,
    ageBands: scenario.population.ageBands.map((b) => b.id),
    hospitals: scenario.hospitals.map((h) => h.id),
    daily: {
      ...daily,
      acuteOccupiedByHospital,
      ...(rec.inSettings ? { inSettings: rec.inSettings } : {}),
    } as DailySeries,
    annual,
    population: {
      start: account.start,
      end: account.end,
      entries: account.entries,
      deaths: account.deaths,
      startByBand: population.startByBand,
      endByBand: population.byBand(),
    },
    accounting: {
      unconstrained: options.unconstrained ?? false,
      allowOverCapacity: false,
      bedDaysFromOccupancy,
      bedDaysFromStays: rec.stays.bedDaysFromStays,
      staysStarted: rec.stays.started,
      meanStayDays: ratio(rec.stays.completedSum, rec.stays.completed),
      meanOccupied: bedDaysFromOccupancy / model.days,
      days: model.days,
      minPlaceCount: rec.stays.minPlaceCount,
      overCapacityEvents: rec.stays.overCapacityEvents,
    },
    ...(interventions ? { interventions } : {}),
    ...(settingMetrics.length > 0 ? { settingMetrics } : {}),
    personDays: personDayRows(model.parts.tags.personDays, years),
    ...(model.parts.watch ? { cohortEvents: model.parts.watch.rows() } : {}),
  };
}

function personDayRows(pd: Float64Array, years: number): PersonDaysRow[] {
  const rows: PersonDaysRow[] = [];
  for (let y = 0; y < years; y++) {
    for (const segment of [1, 2, 3, 4] as const) {
      for (const [r, residence] of (["home", "careHome"] as const).entries()) {
        rows.push({
          year: y + 1,
          segment,
          residence,
          personDays: pd[(y * 4 + segment - 1) * 2 + r]!,
        });
      }
    }
  }
  return rows;
}

function interventionAccount(tags: readonly TagStats[], years: number): InterventionAccount {
  const out: InterventionAccount = { averted: [], displacement: [], cohorts: [] };
  for (let y = 0; y < years; y++) {
    const year = y + 1;
    for (const st of tags) {
      const base = { year, careModel: st.tag, cohort: st.cohort };
      out.averted.push({ ...base, count: st.averted.get(y) });
      for (let s = 1; s <= 4; s++) {
        out.averted.push({ ...base, segment: s as 1 | 2 | 3 | 4, count: st.averted.get(y, s - 1) });
      }
      for (const [destination, counts] of Object.entries(st.displaced)) {
        out.displacement.push({ year, careModel: st.tag, destination, count: counts.get(y) });
      }
      out.cohorts.push({
        ...base,
        peopleMean: st.cohortPeopleDays.get(y) / 365,
        enrolledMean: st.enrolledPeopleDays.get(y) / 365,
      });
    }
  }
  return out;
}
