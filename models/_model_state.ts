/**
 * The mutable state of one whole-system replication, shared by the model's internal modules,
 * and its set-up: random streams, metric accumulators, per-cell rate tables, acute sites and
 * downstream service capacities. Private to the model; {@linkcode SystemModel} orchestrates it.
 *
 * @module
 */

import {
  Container,
  type RandomStream,
  type Request,
  Resource,
  type SimEvent,
  Simulation,
} from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { bedCapacity } from "./_capacity.ts";
import { cellRates } from "./_cell_rates.ts";
import { buildCalendar, type ModelCalendar } from "./calendar.ts";
import { type CohortDayOutcome, type CohortParams, cohortParams, initialCounts } from "./cohort.ts";
import type { Destination, EventLogRow, ModelModifiers, ModifierComponent } from "./modifiers.ts";
import { SurgeBeds } from "./surge_beds.ts";
import type { Counts, SystemModelOptions, TagStats } from "./system_model.ts";
import { YearCounts, YearIntegral } from "./year_accumulator.ts";

/** Uniforms drawn per admission candidate. */
const N_ATTR = 13;
/** Days in the GP waiting-list ring. */
export const GP_RING = 90;
/** A capacity no run reaches ("unconstrained"). */
const BIG = 1_000_000_000;

/** An individual in the acute/intermediate pathway. */
export interface Patient {
  cell: number;
  seg: number;
  band: number;
  fromCareHome: boolean;
  hospital: number;
  arrive: number;
  bedStart: number;
  losDays: number;
  dest: Destination;
  uReadmit: number;
  uWeekend: number;
  uD2a: number;
  uAlternative: number;
  uArrange: number;
  d2aShare: number;
  req: Request | null;
  delayed: boolean;
  inBed: boolean;
  placed: boolean;
  census: boolean;
  caseId: string;
  transferDays: number;
}

/** The state of one replication (see the module doc). */
export class ModelState {
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
  readonly counts_: Counts = {};
  /** Time integrals by metric. */
  readonly levels: Record<string, YearIntegral> = {};
  /** Acute bed resources per hospital. */
  readonly beds: Resource[];
  /** Intermediate-care beds. */
  readonly intermediate: Resource;
  /** Reablement slots. */
  readonly reablement: Resource;
  /** Home-care hours per week available. */
  readonly homeCare: Container;
  /** Daily series being recorded. */
  readonly daily: Record<string, number[]> = {};
  /** Daily occupied beds per hospital. */
  readonly dailyByHospital: number[][];
  /** Calendar. */
  readonly calendar: ModelCalendar;
  /** Population accounting. */
  readonly account = { start: 0, end: 0, entries: 0, deaths: 0, entriesSoFar: 0, deathsSoFar: 0 };
  /** Stay accounting for invariants. */
  readonly stays = {
    bedDaysFromStays: 0,
    started: 0,
    completedSum: 0,
    completed: 0,
    minPlaceCount: 0,
    overCapacityEvents: 0,
  };
  /** People in ED boarding. */
  inEd = 0;
  /** Occupied acute beds per hospital. */
  readonly occupied: number[];
  /** People in intermediate-care beds. */
  inIntermediate = 0;
  /** Care-home residents currently away in hospital (their place is held). */
  careHomeAway = 0;
  /** Delayed transfers in acute beds. */
  delayedNow = 0;
  /** Home-care hours in use. */
  homeCareInUse = 0;
  /** Surge (pressure-driven escalation) beds per site. */
  readonly surge: SurgeBeds;
  /** Care-home places. */
  readonly careHomePlaces: number;
  /** Start-of-day snapshot of start-by-band. */
  startByBand: Record<string, number> = {};

  /** Intervention hooks. */
  readonly mods: ModelModifiers;
  /** Event-log sink, if any. */
  readonly log: ((row: EventLogRow) => void) | undefined;
  /** Last event-log case number. */
  caseSeq = 0;
  /** The day's modifier components per cell. */
  readonly comps: (readonly ModifierComponent[] | undefined)[];
  /** Accumulators per intervention tag, in order of first appearance. */
  readonly tagStats: TagStats[] = [];
  /** Index of `tagStats` by tag and cohort. */
  readonly tagIndex = new Map<string, number>();
  /** Fractional added crisis-response visits carried to the next day. */
  crisisAddCredit = 0;
  /** Added crisis-response visits left today. */
  crisisAddLeft = 0;
  /** Tag index of the added crisis-response capacity (-1: none). */
  crisisTag = -1;
  /** Tag index of the added intermediate beds (-1: none). */
  icTag = -1;
  /** Inter-site transfer delay, days (-1: no acute care collaboration). */
  transferDelayDays = -1;
  /** Named random streams. */
  readonly streams: Record<string, RandomStream>;
  /** Whether every capacity limit is removed. */
  readonly unconstrained: boolean;
  /** Population share per site. */
  readonly hospShares: number[];
  /** Emergency admissions per person-day, per cell. */
  readonly pAdmit: Float64Array;
  /** ED-only attendances per person-day, per cell. */
  readonly pEdOnly: Float64Array;
  /** GP demand per person-day, per cell. */
  readonly pGp: Float64Array;
  /** District-nursing visits per person-day, per cell. */
  readonly pDn: Float64Array;
  /** Log-scale mean acute length of stay, per cell. */
  readonly losMu: Float64Array;
  /** Log-scale sd of the acute length of stay. */
  readonly losSigma: number;
  /** Cumulative discharge mix, 6 per cell. */
  readonly mixCum: Float64Array;
  /** The day's rate multipliers per cell. */
  readonly mul: {
    gp: Float64Array;
    ed: Float64Array;
    conv: Float64Array;
    adm: Float64Array;
    det: Float64Array;
    los: Float64Array;
    d2a: Float64Array;
    mix: (Partial<Record<Destination, number>> | undefined)[];
  };
  /** Reused output of the cohort step. */
  readonly cohortOut: CohortDayOutcome;
  /** GP waiting list by day of request (ring). */
  readonly gpQueue = new Float64Array(GP_RING);
  /** Today's slot in `gpQueue`. */
  gpHead = 0;
  /** Fractional crisis-response visits carried to the next day. */
  crisisCredit = 0;
  /** Crisis-response visits left today. */
  crisisLeft = 0;
  /** Patients waiting for a care-home place from hospital. */
  readonly chHospitalQueue: Patient[] = [];
  /** Patients in an acute bed now. */
  readonly bedOccupants = new Set<Patient>();
  /** Bed-days integral. */
  bedLevel!: YearIntegral;
  /** Bed-days integrals by segment. */
  bedLevels!: YearIntegral[];
  /** Delayed-transfer integral. */
  dtocLevel!: YearIntegral;
  /** Delayed-transfer integrals by segment. */
  dtocLevels!: YearIntegral[];
  /** Today's hospital deaths per age band (removed from the cohort step). */
  readonly hospitalDeathsByBand = new Float64Array(64);
  /** People waiting at home for a care-home place. */
  readonly chHomeQueue: { cell: number; t: number }[] = [];
  /** First live entry of `chHomeQueue`. */
  chHomeHead = 0;
  /** End-of-day acute occupancy per model year. */
  readonly dailyOccupancy: number[][];
  /** Base intermediate-care beds. */
  icBase = 0;
  /** Base reablement slots. */
  reabBase = 0;
  /** Home-care hours per week added so far. */
  homeCareAdded = 0;
  /** Base acute beds per site. */
  readonly bedBase: number[];
  /** Acute beds added today per site. */
  readonly bedExtra: number[];
  /** Last capacity set per site. */
  lastBedCaps: number[];

  /**
   * Builds the sites, services, streams and rate tables (no census occupants yet).
   *
   * @param scenario A resolved scenario.
   * @param options Seed, replication, modifiers.
   */
  constructor(scenario: Scenario, options: SystemModelOptions) {
    this.scenario = scenario;
    this.mods = options.modifiers ?? {};
    this.log = options.eventLog;
    this.unconstrained = options.unconstrained ?? false;
    this.sim = new Simulation({ seed: options.seed, replication: options.replication });
    this.warmUpDays = scenario.start.mode === "empty" || scenario.start.warmUpDays > 0
      ? scenario.start.warmUpDays
      : 0;
    this.days = scenario.years * 365;
    const W = this.warmUpDays;
    const Y = scenario.years;
    this.calendar = buildCalendar(scenario.startDate, { firstDay: -W, lastDay: this.days + 400 });
    this.params = cohortParams(scenario);
    const nCells = this.params.cells.length;
    const names = [
      "deaths",
      "deterioration",
      "recovery",
      "ageing",
      "care_home_referral",
      "entries",
      "entries_mix",
      "gp_demand",
      "gp_abandon",
      "gp_spill",
      "district_nursing",
      "ed_attendances",
      "emergency_admissions",
      "emergency_admissions_extra",
      "intervention_avert",
      "admission_attributes",
      "admission_extra_attributes",
      "readmission_attributes",
      "intermediate_los",
      "intermediate_outcome",
      "reablement_duration",
      "reablement_outcome",
      "home_care_duration",
      "home_care_referral",
      "census",
    ];
    this.streams = Object.fromEntries(names.map((n) => [n, this.sim.stream(n)]));
    for (
      const m of [
        "emergency_admissions",
        "emergency_admissions_averted",
        "ed_attendances",
        "gp_consultations",
        "gp_unmet_demand",
        "gp_wait_days_total",
        "readmissions_30d",
        "care_home_admissions",
        "care_home_admissions_from_hospital",
        "deaths_in_hospital",
        "deaths_elsewhere",
        "ed_boarding_hours",
        "acute_days_over_92pct",
        "crisis_response_visits",
        "step_up_admissions",
        "district_nursing_visits",
        "reablement_starts",
        "home_care_package_starts",
        "intermediate_care_starts",
        "inter_site_transfers",
        "utc_attendances",
        "home_care_wait_days_total",
        "care_home_wait_days_total",
        "intermediate_care_alternatives",
        "acute_surge_openings",
      ]
    ) this.counts_[m] = new YearCounts(W, Y);
    for (
      const m of [
        "bed_days",
        "bed_days_1",
        "bed_days_2",
        "bed_days_3",
        "bed_days_4",
        "dtoc",
        "dtoc_1",
        "dtoc_2",
        "dtoc_3",
        "dtoc_4",
        "intermediate",
        "home_care_hours",
        "acute_surge_beds",
      ]
    ) this.levels[m] = new YearIntegral(W, Y);
    this.bedLevel = this.levels.bed_days;
    this.bedLevels = bySeg(this, "bed_days");
    this.dtocLevel = this.levels.dtoc;
    this.dtocLevels = bySeg(this, "dtoc");

    const rates = cellRates(scenario, this.params);
    this.pAdmit = rates.pAdmit;
    this.pEdOnly = rates.pEdOnly;
    this.pGp = rates.pGp;
    this.pDn = rates.pDn;
    this.losMu = rates.losMu;
    this.losSigma = rates.losSigma;
    this.mixCum = rates.mixCum;
    this.mul = {
      gp: new Float64Array(nCells).fill(1),
      ed: new Float64Array(nCells).fill(1),
      conv: new Float64Array(nCells).fill(1),
      adm: new Float64Array(nCells).fill(1),
      det: new Float64Array(nCells).fill(1),
      los: new Float64Array(nCells).fill(1),
      d2a: new Float64Array(nCells),
      mix: new Array(nCells).fill(undefined),
    };
    this.comps = new Array(nCells).fill(undefined);
    this.cohortOut = {
      deaths: new Float64Array(nCells),
      deteriorations: new Float64Array(nCells),
      careHomeReferrals: new Float64Array(nCells),
      entries: 0,
    };

    // Capacities.
    const size = scenario.population.size;
    const un = this.unconstrained;
    this.hospShares = scenario.hospitals.map((h) => h.populationShare);
    this.bedBase = scenario.hospitals.map((h) => h.acuteBeds);
    this.bedExtra = scenario.hospitals.map(() => 0);
    this.surge = new SurgeBeds(scenario, { unconstrained: un });
    this.beds = scenario.hospitals.map((h, i) =>
      new Resource(this.sim, {
        name: `acute:${h.id}`,
        capacity: un ? BIG : bedCapacity(this, i, 0),
      })
    );
    this.lastBedCaps = this.beds.map((b) => b.capacity);
    this.occupied = scenario.hospitals.map(() => 0);
    this.dailyByHospital = scenario.hospitals.map(() => []);
    this.dailyOccupancy = Array.from({ length: Y }, () => []);
    this.icBase = un
      ? BIG
      : Math.round(scenario.community.intermediateCare.bedsPer100k * size / 1e5);
    this.intermediate = new Resource(this.sim, { name: "intermediate", capacity: this.icBase });
    this.reabBase = un ? BIG : Math.round(scenario.socialCare.reablement.slotsPer100k * size / 1e5);
    this.reablement = new Resource(this.sim, { name: "reablement", capacity: this.reabBase });
    const hcCap = un ? 1e12 : scenario.socialCare.homeCare.capacityHoursPerWeekPer100k * size / 1e5;
    this.homeCare = new Container(this.sim, {
      name: "home_care_hours",
      capacity: Infinity,
      initial: hcCap,
    });
    this.homeCareCapacity = hcCap;
    this.careHomePlaces = un ? BIG : scenario.careHomes.places;

    // Population and census.
    const census = scenario.start.census;
    const isCensus = scenario.start.mode === "census";
    this.counts = initialCounts(scenario, {
      careHomeResidents: isCensus ? census.careHomeResidents : undefined,
    });
    for (
      const k of [
        "dayIndex",
        "acuteOccupied",
        "acuteCapacity",
        "edBoarders",
        "delayedTransfers",
        "intermediateOccupied",
        "intermediateCapacity",
        "careHomeOccupied",
        "careHomeCapacity",
        "homeCareHoursInUse",
        "homeCareCapacityHours",
        "population",
        "atHome",
        "inCareHome",
      ]
    ) this.daily[k] = [];
  }

  /** Home-care hours per week available (capacity). */
  homeCareCapacity: number;
}

function bySeg(m: ModelState, prefix: "bed_days" | "dtoc"): YearIntegral[] {
  return [1, 2, 3, 4].map((s) => m.levels[`${prefix}_${s}`]);
}

/** Adds `delta` to the time integral `name` at `now`. */
export function levelAdd(m: ModelState, name: string, now: number, delta: number): void {
  m.levels[name].add(now, delta);
}

/** Draws the {@linkcode N_ATTR} uniforms of an admission candidate from `stream`. */
export function draw(stream: RandomStream): number[] {
  const a: number[] = [];
  for (let i = 0; i < N_ATTR; i++) a.push(stream.random());
  return a;
}

/** Runs `fn` when the event is processed (at once if it already was). */
export function onDone(event: SimEvent<unknown>, fn: () => void): void {
  if (event.processed) fn();
  else event.addCallback(fn);
}
