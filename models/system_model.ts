/**
 * The whole-system model for one replication: cohort cells for the population and aggregate
 * flows (GP, district nursing, non-admitted ED attendances), individuals only where capacity,
 * length of stay, blocking and readmission need them (ED → acute bed → discharge pathway →
 * intermediate bed / reablement / home-care package / care home). Built on the engine's public
 * API only. This module orchestrates; the pathways live in the model's private modules.
 *
 * @module
 */

import type { Container, Resource, Simulation } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { surgeReview } from "./_capacity.ts";
import { startFromCensus } from "./_census_start.ts";
import { dayBoundary } from "./_daily_tick.ts";
import { ModelState } from "./_model_state.ts";
import { byBand, finish } from "./_recording.ts";
import type { ModelCalendar } from "./calendar.ts";
import type { CohortParams } from "./cohort.ts";
import type { EventLogRow, ModelModifiers } from "./modifiers.ts";
import type { SurgeBeds } from "./surge_beds.ts";
import type { YearCounts, YearIntegral } from "./year_accumulator.ts";

/** Per-intervention-tag accumulators. */
export interface TagStats {
  /** Intervention tag. */
  tag: string;
  /** Cohort label. */
  cohort: string;
  /** Admissions averted and credited to the tag, by year × segment. */
  averted: YearCounts;
  /** Averted admissions by displacement destination ("none" included). */
  displaced: Record<string, YearCounts>;
  /** Σ over days of people in the cohort, by year. */
  cohortPeopleDays: Float64Array;
  /** Σ over days of people in the cohort × ramp-up fraction, by year. */
  enrolledPeopleDays: Float64Array;
}

/** Options of {@linkcode SystemModel}. */
export interface SystemModelOptions {
  /** Master seed. */
  seed: number;
  /** Replication index. */
  replication: number;
  /** Intervention hooks. */
  modifiers?: ModelModifiers;
  /** Remove every capacity limit (Little's-law checks, "unconstrained" what-ifs). */
  unconstrained?: boolean;
  /** Receives every person-level move (slows the run; for one replication at a time). */
  eventLog?: (row: EventLogRow) => void;
}

/** Named metric accumulators. */
export type Counts = Record<string, YearCounts>;

/**
 * The model state for one replication. Construct, then `run()`; read the public accumulators.
 * Used by `simulateReplication`; exported for tests, benchmarks and advanced use.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const m = new SystemModel(parseScenario({ version: 1, years: 1, population: { size: 2000 } }), { seed: 1, replication: 0 });
 * m.run();
 * assert.equal(m.daily.dayIndex.length, 365);
 * ```
 */
export class SystemModel {
  /** The engine. */
  readonly sim: Simulation;
  /** The scenario. */
  readonly scenario: Scenario;
  /** Warm-up length, days (simulation time of day 0). */
  readonly warmUpDays: number;
  /** Measured days. */
  readonly days: number;
  /** Cohort parameters. */
  readonly params: CohortParams;
  /** Cell counts (people at home / in a care home). */
  readonly counts: Float64Array;
  /** Annual counts by metric. */
  readonly counts_: Counts;
  /** Time integrals by metric. */
  readonly levels: Record<string, YearIntegral>;
  /** Acute bed resources per hospital. */
  readonly beds: Resource[];
  /** Intermediate-care beds. */
  readonly intermediate: Resource;
  /** Reablement slots. */
  readonly reablement: Resource;
  /** Home-care hours per week available. */
  readonly homeCare: Container;
  /** Daily series being recorded. */
  readonly daily: Record<string, number[]>;
  /** Daily occupied beds per hospital. */
  readonly dailyByHospital: number[][];
  /** Calendar. */
  readonly calendar: ModelCalendar;
  /** Population accounting. */
  readonly account: ModelState["account"];
  /** Stay accounting for invariants. */
  readonly stays: ModelState["stays"];
  /** Occupied acute beds per hospital. */
  readonly occupied: number[];
  /** Surge (pressure-driven escalation) beds per site. */
  readonly surge: SurgeBeds;
  /** Care-home places. */
  readonly careHomePlaces: number;
  /** Accumulators per intervention tag, in order of first appearance. */
  readonly tagStats: TagStats[];
  readonly #s: ModelState;

  /**
   * @param scenario A resolved scenario.
   * @param options Seed, replication, modifiers.
   */
  constructor(scenario: Scenario, options: SystemModelOptions) {
    const s = new ModelState(scenario, options);
    this.#s = s;
    this.sim = s.sim;
    this.scenario = s.scenario;
    this.warmUpDays = s.warmUpDays;
    this.days = s.days;
    this.params = s.params;
    this.counts = s.counts;
    this.counts_ = s.counts_;
    this.levels = s.levels;
    this.beds = s.beds;
    this.intermediate = s.intermediate;
    this.reablement = s.reablement;
    this.homeCare = s.homeCare;
    this.daily = s.daily;
    this.dailyByHospital = s.dailyByHospital;
    this.calendar = s.calendar;
    this.account = s.account;
    this.stays = s.stays;
    this.occupied = s.occupied;
    this.surge = s.surge;
    this.careHomePlaces = s.careHomePlaces;
    this.tagStats = s.tagStats;
    if (scenario.start.mode === "census") startFromCensus(s);
  }

  /** People in ED boarding. */
  get inEd(): number {
    return this.#s.inEd;
  }
  /** People in intermediate-care beds. */
  get inIntermediate(): number {
    return this.#s.inIntermediate;
  }
  /** Care-home residents currently away in hospital (their place is held). */
  get careHomeAway(): number {
    return this.#s.careHomeAway;
  }
  /** Delayed transfers in acute beds. */
  get delayedNow(): number {
    return this.#s.delayedNow;
  }
  /** Home-care hours in use. */
  get homeCareInUse(): number {
    return this.#s.homeCareInUse;
  }
  /** Home-care hours per week available (capacity). */
  get homeCareCapacity(): number {
    return this.#s.homeCareCapacity;
  }
  /** Start-of-day snapshot of start-by-band. */
  get startByBand(): Record<string, number> {
    return this.#s.startByBand;
  }

  /** Runs the whole replication (warm-up + measured years). */
  run(): void {
    const s = this.#s;
    const end = this.warmUpDays + this.days;
    const boundary = (d: number) => {
      dayBoundary(s, d);
      if (d < end) this.sim.schedule(1, () => boundary(d + 1), { priority: -10 });
    };
    this.sim.schedule(0, () => boundary(0), { priority: -10 });
    if (this.surge.enabled) {
      const review = (k: number) => {
        surgeReview(s);
        if (k < end * 24) this.sim.schedule((k + 1) / 24 - this.sim.now, () => review(k + 1));
      };
      this.sim.schedule(0.5 / 24, () => review(0.5));
    }
    this.sim.run({ until: end + 1e-9 });
    finish(s, end);
  }

  /**
   * People per age band now (cells plus people away in ED, acute and intermediate beds are
   * counted in their own band via their cell).
   *
   * @returns Counts by band id.
   */
  endByBand(): Record<string, number> {
    return byBand(this.#s);
  }

  /**
   * Daily occupancy values of a model year (0-based), for percentiles.
   *
   * @param year 0-based year.
   * @returns The end-of-day occupancy samples.
   */
  occupancySamples(year: number): number[] {
    return this.#s.dailyOccupancy[year];
  }
}
