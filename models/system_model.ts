/**
 * The whole-system model for one replication: a thin wiring of its parts — the population
 * (cohort cells), primary and community care (GP access, district nursing, crisis response),
 * ED and acute beds (emergency admissions, boarding, stays), the discharge pathway, downstream
 * services (intermediate care, reablement, home care, care homes), the interventions' day
 * multipliers and accounts, and recording — and the day-boundary sequence that drives them.
 * Built on the engine's public API only; each part owns its state.
 *
 * @module
 */

import { Simulation } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { AcuteBeds } from "./acute/acute_beds.ts";
import { EmergencyAdmissions } from "./acute/emergency_admissions.ts";
import { buildCalendar } from "./calendar.ts";
import { startFromCensus } from "./census_start.ts";
import type { ModelContext } from "./context.ts";
import { DischargePathway } from "./discharge/discharge_pathway.ts";
import { CareHomes, checkCareHomePlaces } from "./downstream/care_homes.ts";
import { HomeCare } from "./downstream/home_care.ts";
import { IntermediateCare } from "./downstream/intermediate_care.ts";
import { Reablement } from "./downstream/reablement.ts";
import { AvertedAdmissions } from "./interventions/averted_admissions.ts";
import { CohortWatch, type WatchGroup } from "./interventions/cohort_watch.ts";
import { DayMultipliers } from "./interventions/day_multipliers.ts";
import { TagAccounts } from "./interventions/tag_accounts.ts";
import type { EventLogRow, ModelModifiers } from "./modifiers.ts";
import { type CellRates, cellRates } from "./population/cell_rates.ts";
import { Population } from "./population/population.ts";
import { CommunityServices } from "./primary_community/community.ts";
import { GpAccess } from "./primary_community/gp_access.ts";
import { EventLog } from "./recording/event_log.ts";
import { BUILT_IN_SETTINGS } from "./settings/registry.ts";
import type { Setting, SettingPart } from "./settings/setting.ts";
import { Recorder } from "./recording/recorder.ts";

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
  /** Settings to plug in after the built-in ones (see `Setting`). */
  settings?: readonly Setting[];
  /** Care models whose reached people are counted (`CohortWatch`; shadows in a baseline). */
  watch?: readonly WatchGroup[];
}

/** The parts of the model, each owning its state. */
export interface SystemParts {
  /** Cohort cells and the population account. */
  population: Population;
  /** Per-cell base rates. */
  rates: CellRates;
  /** The day's intervention multipliers. */
  multipliers: DayMultipliers;
  /** Per-intervention accounts. */
  tags: TagAccounts;
  /** GP access. */
  gp: GpAccess;
  /** District nursing, crisis response, step-up. */
  community: CommunityServices;
  /** Acute beds per site. */
  beds: AcuteBeds;
  /** Emergency demand and admission. */
  admissions: EmergencyAdmissions;
  /** Discharge from medically fit. */
  discharge: DischargePathway;
  /** Intermediate-care beds. */
  intermediate: IntermediateCare;
  /** Reablement slots. */
  reablement: Reablement;
  /** Home-care hours. */
  homeCare: HomeCare;
  /** Care-home places and waiting lists. */
  careHomes: CareHomes;
  /** Pluggable settings, in the order patients are offered to them. */
  settings: { setting: Setting; part: SettingPart }[];
  /** Cohort accounts of the watched care models, if any. */
  watch?: CohortWatch;
}

/**
 * The model for one replication. Construct, then `run()`; read `record` (counts, levels, daily
 * series), `population.account` and `tags`. Used by `simulateReplication`; exported for tests,
 * benchmarks and advanced use.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../scenarios/load.ts";
 * const m = new SystemModel(parseScenario({ version: 1, years: 1, population: { size: 2000 } }), { seed: 1, replication: 0 });
 * m.run();
 * assert.equal(m.record.daily.dayIndex.length, 365);
 * ```
 */
export class SystemModel {
  /** The shared context (engine, scenario, calendar, recorder, event log). */
  readonly ctx: ModelContext;
  /** The parts. */
  readonly parts: SystemParts;

  /**
   * @param scenario A resolved scenario.
   * @param options Seed, replication, modifiers.
   * @throws {RangeError} If the census does not fit the capacities.
   */
  constructor(scenario: Scenario, options: SystemModelOptions) {
    const sim = new Simulation({ seed: options.seed, replication: options.replication });
    const warmUpDays = scenario.start.mode === "empty" || scenario.start.warmUpDays > 0
      ? scenario.start.warmUpDays
      : 0;
    const days = scenario.years * 365;
    const ctx: ModelContext = {
      sim,
      scenario,
      calendar: buildCalendar(scenario.startDate, { firstDay: -warmUpDays, lastDay: days + 400 }),
      warmUpDays,
      days,
      unconstrained: options.unconstrained ?? false,
      modifiers: options.modifiers ?? {},
      record: new Recorder(sim, {
        startDays: warmUpDays,
        years: scenario.years,
        hospitals: scenario.hospitals.length,
        settings: BUILT_IN_SETTINGS.length + (options.settings?.length ?? 0) > 0,
      }),
      log: new EventLog(sim, { startTime: warmUpDays, sink: options.eventLog }),
    };
    this.ctx = ctx;
    const isCensus = scenario.start.mode === "census";
    const population = new Population(ctx, {
      careHomeResidents: isCensus ? scenario.start.census.careHomeResidents : undefined,
    });
    if (!ctx.unconstrained) checkCareHomePlaces(scenario, population.careHomeResidents());
    const rates = cellRates(scenario, population.params);
    const tags = new TagAccounts(warmUpDays, scenario.years);
    const multipliers = new DayMultipliers(population.cellCount, {
      modifiers: ctx.modifiers,
      tags,
    });
    const homeCare = new HomeCare(ctx, population);
    const reablement = new Reablement(ctx, homeCare);
    const careHomes = new CareHomes(ctx, {
      population,
      leaveHospitalWaitingPlace: (p) => discharge.leaveForCareHome(p),
    });
    const intermediate = new IntermediateCare(ctx, { population, homeCare, careHomes, tags });
    const gp = new GpAccess(ctx, {
      population,
      multipliers,
      demandPerPersonDay: rates.pGp,
      spillToEd: (n) => admissions.attendAfterGp(n),
    });
    const community = new CommunityServices(ctx, {
      population,
      intermediate,
      tags,
      districtNursingPerPersonDay: rates.pDn,
    });
    const beds = new AcuteBeds(ctx);
    const watch = options.watch && options.watch.length > 0
      ? new CohortWatch(scenario, options.watch, warmUpDays)
      : undefined;
    const averted = new AvertedAdmissions(ctx, { tags, population, intermediate, gp });
    const admissions = new EmergencyAdmissions(ctx, {
      population,
      rates,
      multipliers,
      averted,
      community,
      beds,
      careHomes,
      onMedicallyFit: (p) => discharge.medicallyFit(p),
      ...(watch ? { watch } : {}),
    });
    const settings = [...BUILT_IN_SETTINGS, ...(options.settings ?? [])].map((setting) => ({
      setting,
      part: setting.create(ctx, {
        leaveAcuteBed: (p) => beds.release(p, setting.id),
        returnHome: (p) => discharge.returnHome(p),
        die: (p) => discharge.dieOutsideHospital(p),
      }),
    }));
    const discharge: DischargePathway = new DischargePathway(ctx, {
      population,
      beds,
      admissions,
      intermediate,
      reablement,
      homeCare,
      careHomes,
      settings: settings.map((s) => s.part),
    });
    this.parts = {
      population,
      rates,
      multipliers,
      tags,
      gp,
      community,
      beds,
      admissions,
      discharge,
      intermediate,
      reablement,
      homeCare,
      careHomes,
      settings,
      ...(watch ? { watch } : {}),
    };
    if (isCensus) startFromCensus(ctx, this.parts);
  }

  /** The recorder (counts, levels, daily series, stay accounting). */
  get record(): Recorder {
    return this.ctx.record;
  }

  /** Measured days. */
  get days(): number {
    return this.ctx.days;
  }

  /** Runs the whole replication (warm-up + measured years). */
  run(): void {
    const { sim, warmUpDays, days } = this.ctx;
    const end = warmUpDays + days;
    const boundary = (d: number) => {
      this.#dayBoundary(d);
      if (d < end) sim.schedule(1, () => boundary(d + 1), { priority: -10 });
    };
    sim.schedule(0, () => boundary(0), { priority: -10 });
    const beds = this.parts.beds;
    if (beds.surge.enabled) {
      const review = (k: number) => {
        beds.surgeReview();
        if (k < end * 24) sim.schedule((k + 1) / 24 - sim.now, () => review(k + 1));
      };
      sim.schedule(0.5 / 24, () => review(0.5));
    }
    sim.run({ until: end + 1e-9 });
    beds.finish(end);
    this.parts.population.finish(this.#awayFromCells());
  }

  /** The day-boundary sequence at day `t`: record yesterday, then the day's flows. */
  #dayBoundary(t: number): void {
    const ctx = this.ctx;
    const p = this.parts;
    const W = ctx.warmUpDays;
    if (t > 0 && t - 1 >= W) this.#snapshot(t - 1 - W);
    if (t === W) p.population.startMeasuring(this.#awayFromCells());
    if (t >= W + ctx.days) return;
    const dayIndex = t - W;
    const measuring = dayIndex >= 0 && dayIndex < ctx.days;
    p.multipliers.apply(dayIndex, {
      cells: p.population.params.cells,
      people: p.population.counts,
      measuring,
    });
    if (measuring) {
      p.watch?.day(
        dayIndex,
        p.population.params.cells,
        p.population.counts,
        p.multipliers.components,
      );
    }
    const add = ctx.modifiers.capacity?.call(ctx.modifiers, dayIndex);
    p.community.startDay(add);
    p.intermediate.applyTag(add);
    p.beds.applyTransfers(add);
    if (!ctx.unconstrained) {
      p.beds.applyCapacity(t, add);
      p.intermediate.applyCapacity(add);
      p.reablement.applyCapacity(add);
      p.homeCare.applyCapacity(add);
    }
    const referrals = p.population.tick(t, p.multipliers.deterioration());
    for (let c = 0; c < referrals.length; c++) {
      for (let i = 0; i < referrals[c]!; i++) p.careHomes.waitFromHome(c, t);
    }
    p.careHomes.place();
    p.gp.tick(t, add);
    p.community.districtNursing(t);
    p.admissions.demand(t);
    p.homeCare.communityReferrals(t);
  }

  /** People away from the cells (boarding in ED, in acute and intermediate beds, settings). */
  #awayFromCells(): number {
    const p = this.parts;
    return p.beds.inEd + p.beds.totalOccupied() + p.intermediate.occupied + this.#inSettings();
  }

  /** People in plugged-in settings. */
  #inSettings(): number {
    let n = 0;
    for (const s of this.parts.settings) n += s.part.occupied();
    return n;
  }

  /** Records the end-of-day series of measured day `dayIndex`. */
  #snapshot(dayIndex: number): void {
    const ctx = this.ctx;
    const p = this.parts;
    const rec = ctx.record;
    const un = ctx.unconstrained;
    const occupied = p.beds.totalOccupied();
    const capacity = p.beds.totalCapacity();
    const { atHome, inCareHome } = p.population.byResidence();
    for (const v of [p.beds.inEd, p.intermediate.occupied, p.careHomes.away, p.beds.delayedNow]) {
      rec.notePlaceCount(v);
    }
    rec.snapshot(
      dayIndex,
      {
        acuteOccupied: occupied,
        acuteCapacity: un ? 0 : capacity,
        edBoarders: p.beds.inEd,
        delayedTransfers: p.beds.delayedNow,
        intermediateOccupied: p.intermediate.occupied,
        intermediateCapacity: un ? 0 : p.intermediate.beds.capacity,
        careHomeOccupied: inCareHome + p.careHomes.away,
        careHomeCapacity: un ? 0 : p.careHomes.places,
        homeCareHoursInUse: p.homeCare.inUse,
        homeCareCapacityHours: un ? 0 : p.homeCare.capacity,
        population: p.population.accountedNow(),
        atHome,
        inCareHome,
      },
      p.beds.occupied,
      this.#inSettings(),
    );
    rec.cellDays(dayIndex, p.population.counts);
    if (Math.floor(dayIndex / 365) < ctx.scenario.years && !un && occupied > 0.92 * capacity) {
      rec.counts.acute_days_over_92pct.add(ctx.sim.now - 1e-9, 1);
    }
  }
}
