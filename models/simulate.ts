/**
 * Running one replication of the whole-system model and packaging its result; plus a
 * worker-friendly entry point for `runReplications`.
 *
 * @module
 */

import { quantile } from "../sim/mod.ts";
import { parseScenario } from "../scenarios/load.ts";
import type { Scenario, ScenarioInput } from "../scenarios/schema.ts";
import type { EventLogRow, ModelModifiers } from "./modifiers.ts";
import type { Counted } from "./recording/recorder.ts";
import {
  ANNUAL_METRICS,
  type AnnualMetric,
  type AnnualRow,
  type DailySeries,
  type InterventionAccount,
  type ReplicationResult,
  SEGMENTED_METRICS,
} from "./result.ts";
import type { TagStats } from "./interventions/tag_accounts.ts";
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
}

const COUNT_METRICS: Partial<Record<AnnualMetric, Counted>> = {
  emergency_admissions: "emergency_admissions",
  emergency_admissions_averted: "emergency_admissions_averted",
  ed_attendances: "ed_attendances",
  gp_consultations: "gp_consultations",
  gp_unmet_demand: "gp_unmet_demand",
  readmissions_30d: "readmissions_30d",
  care_home_admissions: "care_home_admissions",
  care_home_admissions_from_hospital: "care_home_admissions_from_hospital",
  deaths_in_hospital: "deaths_in_hospital",
  deaths_elsewhere: "deaths_elsewhere",
  ed_boarding_hours: "ed_boarding_hours",
  acute_days_over_92pct: "acute_days_over_92pct",
  crisis_response_visits: "crisis_response_visits",
  step_up_admissions: "step_up_admissions",
  district_nursing_visits: "district_nursing_visits",
  reablement_starts: "reablement_starts",
  home_care_package_starts: "home_care_package_starts",
  intermediate_care_starts: "intermediate_care_starts",
  inter_site_transfers: "inter_site_transfers",
  utc_attendances: "utc_attendances",
  acute_surge_openings: "acute_surge_openings",
  intermediate_care_alternatives: "intermediate_care_alternatives",
};

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
 * import { quantile } from "../sim/mod.ts";
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
  });
  model.run();
  const years = scenario.years;
  const annual: AnnualRow[] = [];
  const rec = model.record;
  const c = rec.counts;
  const lv = rec.levels;
  const daily = rec.daily as unknown as Omit<DailySeries, "acuteOccupiedByHospital">;
  for (let y = 0; y < years; y++) {
    const year = y + 1;
    const push = (metric: AnnualMetric, value: number, segment?: 1 | 2 | 3 | 4) =>
      annual.push(segment ? { year, metric, segment, value } : { year, metric, value });
    const chSamples = daily.careHomeOccupied.slice(y * 365, (y + 1) * 365);
    for (const metric of ANNUAL_METRICS) {
      const key = COUNT_METRICS[metric];
      if (key) {
        push(metric, c[key].get(y));
        if (SEGMENTED_METRICS.includes(metric)) {
          for (let s = 1; s <= 4; s++) push(metric, c[key].get(y, s), s as 1 | 2 | 3 | 4);
        }
        continue;
      }
      switch (metric) {
        case "gp_days_to_appointment_mean":
          push(metric, ratio(c.gp_wait_days_total.get(y), c.gp_consultations.get(y)));
          break;
        case "bed_days":
          push(metric, lv.bed_days.area[y]);
          for (let s = 1; s <= 4; s++) {
            push(metric, rec.bedDaysBySegment[s - 1]!.area[y]!, s as 1 | 2 | 3 | 4);
          }
          break;
        case "delayed_transfer_bed_days":
          push(metric, lv.dtoc.area[y]);
          for (let s = 1; s <= 4; s++) {
            push(metric, rec.dtocBySegment[s - 1]!.area[y]!, s as 1 | 2 | 3 | 4);
          }
          break;
        case "acute_occupied_beds_mean":
          push(metric, lv.bed_days.area[y] / 365);
          break;
        case "acute_occupied_beds_p95":
          push(metric, quantile(rec.dailyOccupancy[y]!, 0.95));
          break;
        case "care_home_occupied_mean":
          push(metric, chSamples.reduce((a, b) => a + b, 0) / Math.max(1, chSamples.length));
          break;
        case "home_care_hours_mean":
          push(metric, lv.home_care_hours.area[y] / 365);
          break;
        case "acute_surge_bed_days":
          push(metric, lv.acute_surge_beds.area[y]);
          break;
        case "intermediate_occupied_mean":
          push(metric, lv.intermediate.area[y] / 365);
          break;
        case "home_care_wait_days_mean":
          push(
            metric,
            ratio(c.home_care_wait_days_total.get(y), c.home_care_package_starts.get(y)),
          );
          break;
        case "care_home_wait_days_mean":
          push(metric, ratio(c.care_home_wait_days_total.get(y), c.care_home_admissions.get(y)));
          break;
      }
    }
  }
  const acuteOccupiedByHospital: Record<string, number[]> = {};
  scenario.hospitals.forEach((h, i) => (acuteOccupiedByHospital[h.id] = rec.dailyByHospital[i]!));
  const bedDaysFromOccupancy = lv.bed_days.total();
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
    daily: { ...daily, acuteOccupiedByHospital } as DailySeries,
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
  };
}

function interventionAccount(tags: readonly TagStats[], years: number): InterventionAccount {
  const out: InterventionAccount = { averted: [], displacement: [], cohorts: [] };
  for (let y = 0; y < years; y++) {
    const year = y + 1;
    for (const st of tags) {
      const base = { year, careModel: st.tag, cohort: st.cohort };
      out.averted.push({ ...base, count: st.averted.get(y) });
      for (let s = 1; s <= 4; s++) {
        out.averted.push({ ...base, segment: s as 1 | 2 | 3 | 4, count: st.averted.get(y, s) });
      }
      for (const [destination, counts] of Object.entries(st.displaced)) {
        out.displacement.push({ year, careModel: st.tag, destination, count: counts.get(y) });
      }
      out.cohorts.push({
        ...base,
        peopleMean: st.cohortPeopleDays[y] / 365,
        enrolledMean: st.enrolledPeopleDays[y] / 365,
      });
    }
  }
  return out;
}

/** Input of {@linkcode runReplication}: plain data so it crosses a worker boundary. */
export interface RunReplicationInput {
  /** The scenario as written (parsed in the worker). */
  scenario: ScenarioInput;
  /** Variant label. */
  variant?: string;
  /** Remove capacity limits. */
  unconstrained?: boolean;
}

/**
 * Worker entry point for `runReplications` (`exportName: "runReplication"`).
 *
 * @param args `{ seed, replication, input }` as passed by `runReplications`.
 * @returns The replication's result.
 * @throws {ScenarioError} If the scenario is invalid.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = runReplication({ seed: 2, replication: 1, input: { scenario: { version: 1, years: 1, population: { size: 2000 } } } });
 * assert.equal(r.replication, 1);
 * ```
 */
export function runReplication(
  args: { seed: number; replication: number; input: RunReplicationInput },
): ReplicationResult {
  const scenario = parseScenario(args.input.scenario);
  return simulateReplication(scenario, {
    seed: args.seed,
    replication: args.replication,
    variant: args.input.variant,
    unconstrained: args.input.unconstrained,
  });
}
