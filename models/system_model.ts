/**
 * The whole-system model for one replication: cohort cells for the population and aggregate
 * flows (GP, district nursing, non-admitted ED attendances), individuals only where capacity,
 * length of stay, blocking and readmission need them (ED → acute bed → discharge pathway →
 * intermediate bed / reablement / home-care package / care home). Built on the engine's public
 * API only.
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
import { buildCalendar, type ModelCalendar } from "./calendar.ts";
import {
  CARE_HOME,
  cohortDay,
  type CohortDayOutcome,
  type CohortParams,
  cohortParams,
  HOME,
  initialCounts,
} from "./cohort.ts";
import { binomialInverse, normalInverse, poissonInverse } from "./inverse.ts";
import type {
  Destination,
  DisplacementTarget,
  EventLogRow,
  ModelModifiers,
  ModifierComponent,
  RateMultipliers,
} from "./modifiers.ts";
import { SurgeBeds } from "./surge_beds.ts";
import { YearCounts, YearIntegral } from "./year_accumulator.ts";

const DESTINATIONS: Destination[] = [
  "home",
  "reablement",
  "homeCarePackage",
  "intermediateCare",
  "careHome",
  "death",
];
const N_ATTR = 13;
const GP_RING = 90;
const BIG = 1_000_000_000;

/** An individual in the acute/intermediate pathway. */
interface Patient {
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

const ADDED_CAPACITY = "added capacity";
const TARGETS: DisplacementTarget[] = [
  "crisisResponse",
  "stepUpBed",
  "urgentTreatmentCentre",
  "gp",
];

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

  readonly #mods: ModelModifiers;
  readonly #log: ((row: EventLogRow) => void) | undefined;
  #caseSeq = 0;
  readonly #comps: (readonly ModifierComponent[] | undefined)[];
  /** Accumulators per intervention tag, in order of first appearance. */
  readonly tagStats: TagStats[] = [];
  readonly #tagIndex = new Map<string, number>();
  #crisisAddCredit = 0;
  #crisisAddLeft = 0;
  #crisisTag = -1;
  #icTag = -1;
  #transferDelayDays = -1;
  readonly #streams: Record<string, RandomStream>;
  readonly #unconstrained: boolean;
  readonly #hospShares: number[];
  readonly #pAdmit: Float64Array;
  readonly #pEdOnly: Float64Array;
  readonly #pGp: Float64Array;
  readonly #pDn: Float64Array;
  readonly #losMu: Float64Array;
  readonly #losSigma: number;
  readonly #mixCum: Float64Array;
  readonly #mul: {
    gp: Float64Array;
    ed: Float64Array;
    conv: Float64Array;
    adm: Float64Array;
    det: Float64Array;
    los: Float64Array;
    d2a: Float64Array;
    mix: (Partial<Record<Destination, number>> | undefined)[];
  };
  readonly #cohortOut: CohortDayOutcome;
  readonly #gpQueue = new Float64Array(GP_RING);
  #gpHead = 0;
  #crisisCredit = 0;
  #crisisLeft = 0;
  readonly #chHospitalQueue: Patient[] = [];
  readonly #inBed = new Set<Patient>();
  #bedLevel!: YearIntegral;
  #bedLevels!: YearIntegral[];
  #dtocLevel!: YearIntegral;
  #dtocLevels!: YearIntegral[];
  readonly #hospitalDeathsByBand = new Float64Array(64);
  readonly #chHomeQueue: { cell: number; t: number }[] = [];
  #chHomeHead = 0;
  readonly #dailyOccupancy: number[][];
  #icBase = 0;
  #reabBase = 0;
  #homeCareAdded = 0;
  readonly #bedBase: number[];
  readonly #bedExtra: number[];
  #lastBedCaps: number[];

  /**
   * @param scenario A resolved scenario.
   * @param options Seed, replication, modifiers.
   */
  constructor(scenario: Scenario, options: SystemModelOptions) {
    this.scenario = scenario;
    this.#mods = options.modifiers ?? {};
    this.#log = options.eventLog;
    this.#unconstrained = options.unconstrained ?? false;
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
    this.#streams = Object.fromEntries(names.map((n) => [n, this.sim.stream(n)]));
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
    this.#bedLevel = this.levels.bed_days;
    this.#bedLevels = this.#bySeg("bed_days");
    this.#dtocLevel = this.levels.dtoc;
    this.#dtocLevels = this.#bySeg("dtoc");

    const bands = scenario.population.ageBands;
    const ratios = scenario.population.segmentRateRatios;
    const acute = scenario.acute;
    this.#pAdmit = new Float64Array(nCells);
    this.#pEdOnly = new Float64Array(nCells);
    this.#pGp = new Float64Array(nCells);
    this.#pDn = new Float64Array(nCells);
    this.#losMu = new Float64Array(nCells);
    this.#mixCum = new Float64Array(nCells * 6);
    const cv = acute.lengthOfStayCv;
    this.#losSigma = Math.sqrt(Math.log(1 + cv * cv));
    for (let c = 0; c < nCells; c++) {
      const b = c >> 3;
      const s = (c >> 1) & 3;
      const r = c & 1;
      const band = bands[b];
      const hosp = ratios.hospitalisation[s] / this.params.meanRatio(b, ratios.hospitalisation);
      const edR = ratios.edAttendance[s] / this.params.meanRatio(b, ratios.edAttendance);
      if (r === HOME) {
        this.#pAdmit[c] = band.emergencyAdmissionRatePerPersonYear * hosp / 365;
        this.#pEdOnly[c] = (band.edAttendanceRatePerPersonYear -
          band.emergencyAdmissionRatePerPersonYear * acute.edRouteShare) * edR / 365;
      } else {
        const ch = scenario.careHomes;
        this.#pAdmit[c] = ch.emergencyAdmissionRatePerResidentYear / 365;
        this.#pEdOnly[c] = Math.max(
          0,
          ch.edAttendanceRatePerResidentYear -
            ch.emergencyAdmissionRatePerResidentYear * acute.edRouteShare,
        ) / 365;
      }
      this.#pGp[c] = band.gpConsultationRatePerPersonYear * ratios.gpDemand[s] /
        this.params.meanRatio(b, ratios.gpDemand) / 365;
      this.#pDn[c] = scenario.community.districtNursingVisitsPerPersonYear[s] / 365;
      const mean = band.lengthOfStayMeanDays * ratios.lengthOfStay[s];
      this.#losMu[c] = Math.log(mean) - this.#losSigma * this.#losSigma / 2;
      let cum = 0;
      DESTINATIONS.forEach((d, i) => {
        cum += band.dischargeMix[d];
        this.#mixCum[c * 6 + i] = cum;
      });
    }
    this.#mul = {
      gp: new Float64Array(nCells).fill(1),
      ed: new Float64Array(nCells).fill(1),
      conv: new Float64Array(nCells).fill(1),
      adm: new Float64Array(nCells).fill(1),
      det: new Float64Array(nCells).fill(1),
      los: new Float64Array(nCells).fill(1),
      d2a: new Float64Array(nCells),
      mix: new Array(nCells).fill(undefined),
    };
    this.#comps = new Array(nCells).fill(undefined);
    this.#cohortOut = {
      deaths: new Float64Array(nCells),
      deteriorations: new Float64Array(nCells),
      careHomeReferrals: new Float64Array(nCells),
      entries: 0,
    };

    // Capacities.
    const size = scenario.population.size;
    const un = this.#unconstrained;
    this.#hospShares = scenario.hospitals.map((h) => h.populationShare);
    this.#bedBase = scenario.hospitals.map((h) => h.acuteBeds);
    this.#bedExtra = scenario.hospitals.map(() => 0);
    this.surge = new SurgeBeds(scenario, { unconstrained: un });
    this.beds = scenario.hospitals.map((h, i) =>
      new Resource(this.sim, {
        name: `acute:${h.id}`,
        capacity: un ? BIG : this.#bedCapacity(i, 0),
      })
    );
    this.#lastBedCaps = this.beds.map((b) => b.capacity);
    this.occupied = scenario.hospitals.map(() => 0);
    this.dailyByHospital = scenario.hospitals.map(() => []);
    this.#dailyOccupancy = Array.from({ length: Y }, () => []);
    this.#icBase = un
      ? BIG
      : Math.round(scenario.community.intermediateCare.bedsPer100k * size / 1e5);
    this.intermediate = new Resource(this.sim, { name: "intermediate", capacity: this.#icBase });
    this.#reabBase = un
      ? BIG
      : Math.round(scenario.socialCare.reablement.slotsPer100k * size / 1e5);
    this.reablement = new Resource(this.sim, { name: "reablement", capacity: this.#reabBase });
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
    if (isCensus) this.#startFromCensus();
  }

  /** Home-care hours per week available (capacity). */
  homeCareCapacity: number;

  #bedCapacity(h: number, t: number): number {
    const day = Math.floor(t) - this.warmUpDays;
    const month = this.calendar.month[day - this.calendar.firstDay];
    return this.#bedBase[h] + this.scenario.hospitals[h].escalationExtraBedsByMonth[month] +
      this.#bedExtra[h] + this.surge.openBeds(h);
  }

  /** Runs the whole replication (warm-up + measured years). */
  run(): void {
    const end = this.warmUpDays + this.days;
    const boundary = (d: number) => {
      this.#dayBoundary(d);
      if (d < end) this.sim.schedule(1, () => boundary(d + 1), { priority: -10 });
    };
    this.sim.schedule(0, () => boundary(0), { priority: -10 });
    if (this.surge.enabled) {
      const review = (k: number) => {
        this.#surgeReview();
        if (k < end * 24) this.sim.schedule((k + 1) / 24 - this.sim.now, () => review(k + 1));
      };
      this.sim.schedule(0.5 / 24, () => review(0.5));
    }
    this.sim.run({ until: end + 1e-9 });
    this.#finish(end);
  }

  // ---- Daily tick -------------------------------------------------------------------------

  #dayBoundary(t: number): void {
    const W = this.warmUpDays;
    if (t > 0 && t - 1 >= W) this.#snapshot(t - 1 - W);
    if (t === W) this.#startMeasuring();
    if (t >= W + this.days) return;
    this.#applyModifiers(t - W);
    this.#capacitySchedule(t);
    this.#cohortTick(t);
    this.#gpTick(t);
    this.#demandTick(t);
  }

  #startMeasuring(): void {
    const total = this.#placesTotal();
    this.account.start = total;
    this.account.entriesSoFar = 0;
    this.account.deathsSoFar = 0;
    this.startByBand = this.#byBand();
  }

  #byBand(): Record<string, number> {
    const out: Record<string, number> = {};
    this.params.bands.forEach((b, i) => {
      let n = 0;
      for (let c = i * 8; c < i * 8 + 8; c++) n += this.counts[c];
      out[b.id] = n;
    });
    return out;
  }

  #placesTotal(): number {
    let n = 0;
    for (let c = 0; c < this.counts.length; c++) n += this.counts[c];
    return n + this.inEd + this.occupied.reduce((a, b) => a + b, 0) + this.inIntermediate;
  }

  #applyModifiers(dayIndex: number): void {
    const rates = this.#mods.rates;
    const components = this.#mods.components;
    if (!rates && !components) return;
    const m = this.#mul;
    const measuring = dayIndex >= 0 && dayIndex < this.days;
    const y = Math.floor(dayIndex / 365);
    for (const cell of this.params.cells) {
      const r: RateMultipliers | undefined = rates?.call(this.#mods, dayIndex, cell);
      const c = cell.index;
      let gp = r?.gpDemand ?? 1;
      let ed = r?.edAttendance ?? 1;
      let conv = r?.conversion ?? 1;
      let adm = r?.emergencyAdmission ?? 1;
      let det = r?.deterioration ?? 1;
      let los = r?.lengthOfStay ?? 1;
      let d2a = r?.dischargeToAssess ?? 0;
      let mix = r?.dischargeMix;
      const cs = components?.call(this.#mods, dayIndex, cell);
      this.#comps[c] = cs && cs.length > 0 ? cs : undefined;
      for (const k of cs ?? []) {
        const x = k.multipliers;
        gp *= x.gpDemand ?? 1;
        ed *= x.edAttendance ?? 1;
        conv *= x.conversion ?? 1;
        adm *= x.emergencyAdmission ?? 1;
        det *= x.deterioration ?? 1;
        los *= x.lengthOfStay ?? 1;
        if (x.dischargeToAssess) d2a = 1 - (1 - d2a) * (1 - x.dischargeToAssess);
        if (x.dischargeMix) {
          const merged: Partial<Record<Destination, number>> = { ...mix };
          for (const [d, v] of Object.entries(x.dischargeMix)) {
            merged[d as Destination] = (merged[d as Destination] ?? 1) * v!;
          }
          mix = merged;
        }
        if (measuring) {
          const st = this.#tag(k.tag, k.cohort);
          st.cohortPeopleDays[y] += this.counts[c] * k.share;
          st.enrolledPeopleDays[y] += this.counts[c] * k.share * k.ramp;
        }
      }
      m.gp[c] = gp;
      m.ed[c] = ed;
      m.conv[c] = conv;
      m.adm[c] = adm;
      m.det[c] = det;
      m.los[c] = los;
      m.d2a[c] = d2a;
      m.mix[c] = mix;
    }
  }

  #tag(tag: string, cohort: string): TagStats {
    const key = `${tag}\u0000${cohort}`;
    let i = this.#tagIndex.get(key);
    if (i === undefined) {
      i = this.tagStats.length;
      this.#tagIndex.set(key, i);
      const W = this.warmUpDays;
      const Y = this.scenario.years;
      const displaced: Record<string, YearCounts> = {};
      for (const d of [...TARGETS, "none"]) displaced[d] = new YearCounts(W, Y);
      this.tagStats.push({
        tag,
        cohort,
        averted: new YearCounts(W, Y),
        displaced,
        cohortPeopleDays: new Float64Array(Y),
        enrolledPeopleDays: new Float64Array(Y),
      });
    }
    return this.tagStats[i];
  }

  #emit(caseId: string, activity: string, from: string, to: string, resource = ""): void {
    this.#log!({
      caseId,
      activity,
      timeDays: this.sim.now - this.warmUpDays,
      from,
      to,
      resource,
    });
  }

  #origin(c: number): string {
    return (c & 1) === HOME ? "home" : "care_home";
  }

  #capacitySchedule(t: number): void {
    const add = this.#mods.capacity?.call(this.#mods, t - this.warmUpDays);
    const size = this.scenario.population.size;
    const cr = this.scenario.community.crisisResponse;
    this.#crisisCredit += cr.visitsPerDayPer100k * size / 1e5;
    this.#crisisLeft = Math.floor(this.#crisisCredit);
    this.#crisisCredit -= this.#crisisLeft;
    this.#crisisAddCredit += add?.crisisResponseVisitsPerDay ?? 0;
    this.#crisisAddLeft = Math.floor(this.#crisisAddCredit);
    this.#crisisAddCredit -= this.#crisisAddLeft;
    this.#crisisTag = add?.crisisResponseTag ? this.#tagIdx(add.crisisResponseTag) : -1;
    this.#icTag = add?.intermediateBedsTag ? this.#tagIdx(add.intermediateBedsTag) : -1;
    this.#transferDelayDays = add?.interSiteTransferDelayHours !== undefined
      ? add.interSiteTransferDelayHours / 24
      : -1;
    if (this.#unconstrained) return;
    this.scenario.hospitals.forEach((h, i) => {
      this.#bedExtra[i] = add?.acuteBeds?.[h.id] ?? 0;
      this.#applyBedCapacity(i, t);
    });
    const ic = this.#icBase + (add?.intermediateBeds ?? 0);
    if (ic !== this.intermediate.capacity) this.intermediate.setCapacity(ic);
    const rb = this.#reabBase + (add?.reablementSlots ?? 0);
    if (rb !== this.reablement.capacity) this.reablement.setCapacity(rb);
    const hc = add?.homeCareHoursPerWeek ?? 0;
    if (hc > this.#homeCareAdded) {
      this.homeCare.put(hc - this.#homeCareAdded);
      this.homeCareCapacity += hc - this.#homeCareAdded;
      this.#homeCareAdded = hc;
    }
  }

  #applyBedCapacity(h: number, t: number): void {
    const cap = this.#bedCapacity(h, t);
    if (cap !== this.#lastBedCaps[h]) {
      this.beds[h].setCapacity(cap);
      this.#lastBedCaps[h] = cap;
    }
  }

  /** Hourly bed review: opens or closes each site's surge beds (OPEL escalation). */
  #surgeReview(): void {
    const now = this.sim.now;
    for (let h = 0; h < this.beds.length; h++) {
      const b = this.beds[h];
      const change = this.surge.review(h, now, {
        boarders: b.queueLength,
        inUse: b.inUse,
        capacity: b.capacity,
      });
      if (change === 0) continue;
      this.levels.acute_surge_beds.add(now, change);
      if (change > 0) this.counts_.acute_surge_openings.add(now, 1);
      this.#applyBedCapacity(h, now);
    }
  }

  #tagIdx(tag: string): number {
    return this.tagStats.indexOf(this.#tag(tag, ADDED_CAPACITY));
  }

  #cohortTick(t: number): void {
    const s = this.#streams;
    const out = cohortDay(this.counts, this.params, {
      uniforms: {
        deaths: () => s.deaths.random(),
        deterioration: () => s.deterioration.random(),
        recovery: () => s.recovery.random(),
        ageing: () => s.ageing.random(),
        careHomeReferral: () => s.care_home_referral.random(),
        entries: () => s.entries.random(),
        entryMix: () => s.entries_mix.random(),
      },
      deteriorationMultiplier: this.#mods.rates ? this.#mul.det : undefined,
      otherDeaths: this.#hospitalDeathsByBand,
      out: this.#cohortOut,
    });
    this.#hospitalDeathsByBand.fill(0);
    let deaths = 0;
    for (let c = 0; c < this.counts.length; c++) {
      const k = out.deaths[c];
      if (k === 0) continue;
      deaths += k;
      this.counts_.deaths_elsewhere.add(t, k, ((c >> 1) & 3) + 1);
    }
    this.#population(t, out.entries, deaths);
    for (let c = 0; c < this.counts.length; c++) {
      const k = out.careHomeReferrals[c];
      for (let i = 0; i < k; i++) this.#chHomeQueue.push({ cell: c, t });
    }
    this.#placeCareHome();
  }

  #population(t: number, entries: number, deaths: number): void {
    if (t < this.warmUpDays) return;
    this.account.entriesSoFar += entries;
    this.account.deathsSoFar += deaths;
  }

  #gpTick(t: number): void {
    const s = this.#streams;
    const gp = this.scenario.gp;
    const size = this.scenario.population.size;
    const n = this.counts.length;
    let demand = 0;
    for (let c = 0; c < n; c++) {
      const people = this.counts[c];
      demand += poissonInverse(s.gp_demand.random(), people * this.#pGp[c] * this.#mul.gp[c]);
      const visits = poissonInverse(s.district_nursing.random(), people * this.#pDn[c]);
      this.counts_.district_nursing_visits.add(t, visits, ((c >> 1) & 3) + 1);
    }
    const today = this.#gpHead;
    this.#gpQueue[today] += demand;
    // Abandonment (one uniform per queued day-cohort), and spill to ED.
    const pAbandon = 1 - Math.exp(-gp.abandonRatePerDay);
    let abandoned = 0;
    for (let k = 1; k < GP_RING; k++) {
      const slot = (today - k + GP_RING) % GP_RING;
      const q = this.#gpQueue[slot];
      const u = s.gp_abandon.random();
      if (q <= 0) continue;
      const a = k === GP_RING - 1 ? q : binomialInverse(u, q, pAbandon);
      this.#gpQueue[slot] -= a;
      abandoned += a;
    }
    this.counts_.gp_unmet_demand.add(t, abandoned);
    const spill = binomialInverse(s.gp_spill.random(), abandoned, gp.spillToEdShare);
    this.counts_.ed_attendances.add(t, spill);
    // Serve weekdays, oldest first.
    const weekday = this.calendar.weekday[Math.floor(t) - this.warmUpDays - this.calendar.firstDay];
    if (weekday !== 0 && weekday !== 6) {
      const add =
        this.#mods.capacity?.call(this.#mods, t - this.warmUpDays)?.gpAppointmentsPerWeek ?? 0;
      const weekly = this.#unconstrained
        ? Infinity
        : gp.ftePer1000People * size / 1000 * gp.appointmentsPerFtePerWeek +
          gp.extendedAccessAppointmentsPerWeek + add;
      let capacity = Math.floor(weekly / 5);
      for (let k = GP_RING - 1; k >= 0 && capacity > 0; k--) {
        const slot = (today - k + GP_RING) % GP_RING;
        const q = this.#gpQueue[slot];
        if (q <= 0) continue;
        const served = Math.min(q, capacity);
        capacity -= served;
        this.#gpQueue[slot] -= served;
        this.counts_.gp_consultations.add(t, served);
        this.counts_.gp_wait_days_total.add(t, served * k);
      }
    }
    this.#gpHead = (today + 1) % GP_RING;
    this.#gpQueue[this.#gpHead] = 0;
  }

  #demandTick(t: number): void {
    const s = this.#streams;
    const sc = this.scenario;
    const day = Math.floor(t) - this.warmUpDays;
    const season =
      sc.seasonality.emergencyDemandByMonth[this.calendar.month[day - this.calendar.firstDay]];
    const m = this.#mul;
    const n = this.counts.length;
    for (let c = 0; c < n; c++) {
      const people = this.counts[c];
      const seg = ((c >> 1) & 3) + 1;
      const edOnly = poissonInverse(
        s.ed_attendances.random(),
        people * this.#pEdOnly[c] * season * m.ed[c],
      );
      this.counts_.ed_attendances.add(t, edOnly, seg);
      const lambda = people * this.#pAdmit[c] * season;
      const base = poissonInverse(s.emergency_admissions.random(), lambda);
      const mAll = m.adm[c] * m.ed[c] * m.conv[c];
      const extra = poissonInverse(
        s.emergency_admissions_extra.random(),
        lambda * Math.max(0, mAll - 1),
      );
      for (let i = 0; i < base; i++) {
        const uAvert = s.intervention_avert.random();
        this.#candidate(c, this.#draw(s.admission_attributes), uAvert);
      }
      for (let i = 0; i < extra; i++) {
        this.#candidate(c, this.#draw(s.admission_extra_attributes), 0);
      }
    }
    // Home-care referrals from the community.
    const hc = sc.socialCare.homeCare;
    const refs = poissonInverse(
      s.home_care_referral.random(),
      hc.communityReferralsPer100kPerYear * sc.population.size / 1e5 / 365,
    );
    for (let i = 0; i < refs; i++) this.#homeCareFromHome(t, -1);
  }

  #draw(stream: RandomStream): number[] {
    const a: number[] = [];
    for (let i = 0; i < N_ATTR; i++) a.push(stream.random());
    return a;
  }

  // ---- Admission candidates ---------------------------------------------------------------

  /**
   * attrs: 0 time, 1 route, 2 avoidable, 3 crisis, 4 step-up, 5 hospital, 6 los, 7 dest,
   * 8 readmit, 9 weekend, 10 d2a, 11 wait for an intermediate bed before an alternative,
   * 12 discharge arrangement time.
   */
  #candidate(c: number, a: number[], uAvert: number): void {
    const m = this.#mul;
    const viaEd = a[1] < this.scenario.acute.edRouteShare;
    const mAdm = m.adm[c] * (viaEd ? m.ed[c] : 1);
    const mAll = mAdm * (viaEd ? m.conv[c] : 1);
    const los = m.los[c];
    const mix = m.mix[c];
    const d2a = m.d2a[c];
    const comps = this.#comps[c];
    this.sim.schedule(a[0], () => {
      const now = this.sim.now;
      const seg = ((c >> 1) & 3) + 1;
      if (this.counts[c] <= 0) return;
      const caseId = this.#log ? `c${++this.#caseSeq}` : "";
      if (mAll < 1 && uAvert >= mAll) {
        this.counts_.emergency_admissions_averted.add(now, 1, seg);
        const edSeen = viaEd && uAvert < mAdm;
        if (edSeen) this.counts_.ed_attendances.add(now, 1, seg);
        if (this.#log && edSeen) this.#emit(caseId, "ed_arrival", this.#origin(c), "ed");
        if (comps) this.#creditAvert(now, c, comps, viaEd, uAvert, caseId);
        else if (this.#log) this.#emit(caseId, "averted", this.#origin(c), this.#origin(c));
        return;
      }
      if (viaEd) this.counts_.ed_attendances.add(now, 1, seg);
      if (this.#log) {
        this.#emit(caseId, viaEd ? "ed_arrival" : "gp_referral", this.#origin(c), "ed");
      }
      if ((c & 1) === HOME && this.#avertInCommunity(now, c, a, caseId)) return;
      this.#admit(now, c, a, { losMultiplier: los, mix, d2a, readmission: false, caseId });
    });
  }

  /** Credits an averted admission to the component whose interval holds `u`; displaces it. */
  #creditAvert(
    now: number,
    c: number,
    comps: readonly ModifierComponent[],
    viaEd: boolean,
    u: number,
    caseId: string,
  ): void {
    let hi = 1;
    for (const k of comps) {
      const x = k.multipliers;
      const mk = (x.emergencyAdmission ?? 1) *
        (viaEd ? (x.edAttendance ?? 1) * (x.conversion ?? 1) : 1);
      if (!(mk < 1)) continue;
      const lo = hi * mk;
      if (u >= lo) {
        const v = (u - lo) / (hi - lo);
        let dest: DisplacementTarget | "none" = "none";
        let cum = 0;
        for (const t of TARGETS) {
          cum += k.displacement?.[t] ?? 0;
          if (v < cum) {
            dest = t;
            break;
          }
        }
        this.#displace(now, c, this.#tag(k.tag, k.cohort), dest, caseId);
        return;
      }
      hi = lo;
    }
  }

  #displace(
    now: number,
    c: number,
    st: TagStats,
    dest: DisplacementTarget | "none",
    caseId: string,
  ): void {
    const seg = ((c >> 1) & 3) + 1;
    st.averted.add(now, 1, seg);
    let to: string = dest;
    if (dest === "stepUpBed") {
      const ic = this.intermediate;
      if ((c & 1) === HOME && ic.inUse < ic.capacity && ic.queueLength === 0) {
        this.counts_.step_up_admissions.add(now, 1);
        this.counts[c]--;
        this.#enterIntermediate(now, c, null);
        to = "intermediate";
      } else dest = "crisisResponse";
    }
    if (dest === "crisisResponse") this.counts_.crisis_response_visits.add(now, 1);
    else if (dest === "urgentTreatmentCentre") this.counts_.utc_attendances.add(now, 1);
    else if (dest === "gp") this.#gpQueue[this.#gpHead] += 1;
    st.displaced[dest].add(now, 1);
    if (this.#log) {
      this.#emit(caseId, "averted", this.#origin(c), to === "none" ? this.#origin(c) : to, st.tag);
    }
  }

  #avertInCommunity(now: number, c: number, a: number[], caseId: string): boolean {
    const cr = this.scenario.community.crisisResponse;
    const cell = this.params.cells[c];
    if (cell.minAgeYears < cr.minAgeYears || a[2] >= cr.avoidableShare) return false;
    const seg = cell.segment;
    let crisisTag = -2;
    if (this.#crisisLeft > 0) {
      this.#crisisLeft--;
      crisisTag = -1;
    } else if (this.#crisisAddLeft > 0) {
      this.#crisisAddLeft--;
      crisisTag = this.#crisisTag;
    }
    if (crisisTag > -2) {
      this.counts_.crisis_response_visits.add(now, 1);
      if (a[3] < cr.avertProbability) {
        this.counts_.emergency_admissions_averted.add(now, 1, seg);
        if (crisisTag >= 0) {
          const st = this.tagStats[crisisTag];
          st.averted.add(now, 1, seg);
          st.displaced.crisisResponse.add(now, 1);
        }
        if (this.#log) {
          this.#emit(
            caseId,
            "crisis_response",
            "ed",
            "home",
            crisisTag >= 0 ? this.tagStats[crisisTag].tag : "crisis_response",
          );
        }
        return true;
      }
    }
    const ic = this.scenario.community.intermediateCare;
    if (
      a[4] < ic.stepUpProbability && this.intermediate.inUse < this.intermediate.capacity &&
      this.intermediate.queueLength === 0
    ) {
      this.counts_.step_up_admissions.add(now, 1);
      this.counts_.emergency_admissions_averted.add(now, 1, seg);
      if (this.#icTag >= 0 && this.intermediate.inUse >= this.#icBase) {
        const st = this.tagStats[this.#icTag];
        st.averted.add(now, 1, seg);
        st.displaced.stepUpBed.add(now, 1);
      }
      if (this.#log) this.#emit(caseId, "step_up", "ed", "intermediate", "intermediate");
      this.counts[c]--;
      this.#enterIntermediate(now, c, null);
      return true;
    }
    return false;
  }

  #pickDestination(
    c: number,
    u: number,
    mix: Partial<Record<Destination, number>> | undefined,
  ): Destination {
    if (!mix) {
      for (let i = 0; i < 6; i++) if (u < this.#mixCum[c * 6 + i]) return DESTINATIONS[i];
      return "home";
    }
    const base = this.scenario.population.ageBands[c >> 3].dischargeMix;
    let total = 0;
    for (const d of DESTINATIONS) total += base[d] * (mix[d] ?? 1);
    let cum = 0;
    for (const d of DESTINATIONS) {
      cum += base[d] * (mix[d] ?? 1) / total;
      if (u < cum) return d;
    }
    return "home";
  }

  #losDays(c: number, u: number, multiplier: number): number {
    return Math.exp(this.#losMu[c] + this.#losSigma * normalInverse(u)) * multiplier;
  }

  #admit(
    now: number,
    c: number,
    a: number[],
    o: {
      losMultiplier: number;
      mix: Partial<Record<Destination, number>> | undefined;
      d2a: number;
      readmission: boolean;
      losDays?: number;
      census?: boolean;
      caseId?: string;
    },
  ): Patient {
    const seg = ((c >> 1) & 3) + 1;
    this.counts[c]--;
    const fromCareHome = (c & 1) === CARE_HOME;
    if (fromCareHome) this.careHomeAway++;
    if (!o.census) this.counts_.emergency_admissions.add(now, 1, seg);
    if (o.readmission) this.counts_.readmissions_30d.add(now, 1, seg);
    let hospital = this.#hospShares.length - 1;
    let cum = 0;
    for (let h = 0; h < this.#hospShares.length; h++) {
      cum += this.#hospShares[h];
      if (a[5] < cum) {
        hospital = h;
        break;
      }
    }
    const p: Patient = {
      cell: c,
      seg,
      band: c >> 3,
      fromCareHome,
      hospital,
      arrive: now,
      bedStart: 0,
      losDays: o.losDays ?? this.#losDays(c, a[6], o.losMultiplier),
      dest: this.#pickDestination(c, a[7], o.mix),
      uReadmit: a[8],
      uWeekend: a[9],
      uD2a: a[10],
      uAlternative: a[11],
      uArrange: a[12],
      d2aShare: o.d2a,
      req: null,
      delayed: false,
      inBed: false,
      placed: false,
      census: o.census ?? false,
      caseId: o.caseId ?? "",
      transferDays: 0,
    };
    if (fromCareHome && p.dest !== "death") p.dest = "home";
    this.inEd++;
    if (this.#transferDelayDays >= 0 && !o.census && this.beds.length > 1) {
      this.#maybeTransfer(p, now);
    }
    const req = this.beds[p.hospital].request();
    p.req = req;
    if (this.#log && !req.triggered) {
      this.#emit(p.caseId, "board", "ed", "ed", this.scenario.hospitals[p.hospital].id);
    }
    if (p.transferDays > 0) {
      onDone(req, () => this.sim.schedule(p.transferDays, () => this.#onBed(p)));
    } else onDone(req, () => this.#onBed(p));
    return p;
  }

  /** Acute care collaboration: no free bed here → the site with most free beds, if any. */
  #maybeTransfer(p: Patient, now: number): void {
    const here = this.beds[p.hospital];
    if (here.inUse < here.capacity && here.queueLength === 0) return;
    let best = -1;
    let bestFree = 0;
    this.beds.forEach((b, h) => {
      const free = b.capacity - b.inUse;
      if (h !== p.hospital && b.queueLength === 0 && free > bestFree) {
        best = h;
        bestFree = free;
      }
    });
    if (best < 0) return;
    this.counts_.inter_site_transfers.add(now, 1);
    if (this.#log) {
      const ids = this.scenario.hospitals;
      this.#emit(
        p.caseId,
        "transfer",
        `ed:${ids[p.hospital].id}`,
        `acute:${ids[best].id}`,
        ids[best].id,
      );
    }
    p.hospital = best;
    p.transferDays = this.#transferDelayDays;
  }

  #onBed(p: Patient): void {
    const now = this.sim.now;
    this.inEd--;
    this.counts_.ed_boarding_hours.add(now, Math.max(0, now - p.arrive - p.transferDays) * 24);
    if (this.#log) {
      this.#emit(p.caseId, "admit", "ed", `acute:${this.scenario.hospitals[p.hospital].id}`);
    }
    this.#occupy(p, now, 1);
    p.bedStart = now;
    p.inBed = true;
    if (now >= this.warmUpDays && !p.census) this.stays.started++;
    this.#inBed.add(p);
    let fit = now + p.losDays;
    const day = Math.floor(fit) - this.warmUpDays - this.calendar.firstDay;
    const wd = this.calendar.weekday[Math.min(day, this.calendar.weekday.length - 1)];
    if ((wd === 6 || wd === 0) && p.uWeekend >= this.scenario.acute.weekendDischargeRatio) {
      fit += wd === 6 ? 2 : 1;
    }
    this.sim.schedule(fit - now, () => this.#onFit(p));
  }

  #occupy(p: Patient, now: number, delta: number): void {
    this.occupied[p.hospital] += delta;
    this.#bedLevel.add(now, delta);
    this.#bedLevels[p.seg - 1].add(now, delta);
    if (this.occupied[p.hospital] > this.beds[p.hospital].capacity && delta > 0) {
      this.stays.overCapacityEvents++;
    }
  }

  #levelAdd(name: string, now: number, delta: number): void {
    this.levels[name].add(now, delta);
  }

  #bySeg(prefix: "bed_days" | "dtoc"): YearIntegral[] {
    return [1, 2, 3, 4].map((s) => this.levels[`${prefix}_${s}`]);
  }

  #releaseBed(p: Patient, to: string = p.dest): void {
    const now = this.sim.now;
    if (!p.inBed) return;
    if (this.#log) {
      const where = `acute:${this.scenario.hospitals[p.hospital].id}`;
      this.#emit(p.caseId, to === "death" ? "death" : "discharge", where, to);
    }
    p.inBed = false;
    this.#inBed.delete(p);
    this.beds[p.hospital].release(p.req!);
    this.#occupy(p, now, -1);
    if (p.delayed) {
      p.delayed = false;
      this.delayedNow--;
      this.#dtocLevel.add(now, -1);
      this.#dtocLevels[p.seg - 1].add(now, -1);
    }
    const W = this.warmUpDays;
    const end = W + this.days;
    const overlap = Math.min(now, end) - Math.max(p.bedStart, W);
    if (overlap > 0) this.stays.bedDaysFromStays += overlap;
    if (p.bedStart >= W && now <= end && !p.census) {
      this.stays.completedSum += now - p.bedStart;
      this.stays.completed++;
    }
  }

  #startDelay(p: Patient, now: number): void {
    if (p.delayed) return;
    if (this.#log) {
      const where = `acute:${this.scenario.hospitals[p.hospital].id}`;
      this.#emit(p.caseId, "delayed", where, where, p.dest);
    }
    p.delayed = true;
    this.delayedNow++;
    this.#dtocLevel.add(now, 1);
    this.#dtocLevels[p.seg - 1].add(now, 1);
  }

  #returnHome(p: Patient): void {
    this.counts[p.cell]++;
    if (p.fromCareHome) this.careHomeAway--;
  }

  #onFit(p: Patient): void {
    const now = this.sim.now;
    if (this.#log) {
      const where = `acute:${this.scenario.hospitals[p.hospital].id}`;
      this.#emit(p.caseId, "discharge_ready", where, where, p.dest);
    }
    const arrange = this.#arrangementDays(p);
    if (arrange > 0) {
      this.#startDelay(p, now);
      this.sim.schedule(arrange, () => this.#discharge(p));
    } else this.#discharge(p);
  }

  /**
   * Days from medically fit to a supported destination being arranged (assessment, funding,
   * choice), spent in the acute bed as a delayed transfer; 0 for home, death, under
   * discharge to assess (assessed at home) and in unconstrained runs.
   */
  #arrangementDays(p: Patient): number {
    if (this.#unconstrained || p.dest === "home" || p.dest === "death") return 0;
    if (p.d2aShare > 0 && p.uD2a < p.d2aShare && p.dest !== "careHome") return 0;
    const mean = this.scenario.acute.dischargeArrangementMeanDays[p.dest];
    return mean > 0 ? -mean * Math.log(1 - p.uArrange) : 0;
  }

  #discharge(p: Patient): void {
    const now = this.sim.now;
    switch (p.dest) {
      case "death":
        this.#releaseBed(p);
        this.counts_.deaths_in_hospital.add(now, 1, p.seg);
        this.#hospitalDeathsByBand[p.band]++;
        this.#population(now, 0, 1);
        if (p.fromCareHome) {
          this.careHomeAway--;
          this.#placeCareHome();
        }
        return;
      case "home":
        this.#releaseBed(p);
        this.#returnHome(p);
        this.#maybeReadmit(p);
        return;
      case "careHome":
        this.#chHospitalQueue.push(p);
        p.arrive = now;
        this.#placeCareHome();
        if (!p.placed) this.#waitInBedOrHome(p, now);
        return;
      case "reablement": {
        const req = this.reablement.request();
        if (!req.triggered) this.#waitInBedOrHome(p, now);
        onDone(req, () => {
          this.#leaveBedForHome(p);
          this.#startReablement(req, true);
        });
        this.#maybeReadmit(p);
        return;
      }
      case "homeCarePackage": {
        const hours = this.scenario.socialCare.homeCare.hoursPerPackagePerWeek;
        const get = this.homeCare.get(hours);
        if (!get.triggered) this.#waitInBedOrHome(p, now);
        onDone(get, () => {
          this.#leaveBedForHome(p);
          this.#startPackage(now);
        });
        this.#maybeReadmit(p);
        return;
      }
      case "intermediateCare": {
        const req = this.intermediate.request();
        if (!req.triggered) {
          this.#waitInBedOrHome(p, now);
          if (p.inBed) this.#alternativeToIntermediate(p, req);
        }
        onDone(req, () => {
          if (p.inBed) this.#releaseBed(p);
          else this.counts[p.cell]--;
          if (p.fromCareHome) this.careHomeAway--;
          this.#enterIntermediate(this.sim.now, p.cell, req);
        });
        return;
      }
    }
  }

  /**
   * A patient waiting in an acute bed for an intermediate bed: after an exponential wait
   * (attribute 11) home-based support is arranged instead and they go home.
   */
  #alternativeToIntermediate(p: Patient, req: Request): void {
    const mean = this.scenario.community.intermediateCare.alternativeAfterMeanDays;
    if (!(mean > 0) || this.#unconstrained) return;
    const wait = -mean * Math.log(1 - p.uAlternative);
    this.sim.schedule(wait, () => {
      if (req.triggered || !p.inBed) return;
      this.intermediate.cancel(req);
      this.counts_.intermediate_care_alternatives.add(this.sim.now, 1);
      this.#releaseBed(p, "home");
      this.#returnHome(p);
      this.#maybeReadmit(p);
    });
  }

  /** Leaves the acute bed (if still in it) for home; the wait continues at home under D2A. */
  #leaveBedForHome(p: Patient): void {
    if (p.inBed) {
      this.#releaseBed(p);
      this.#returnHome(p);
    }
  }

  #waitInBedOrHome(p: Patient, now: number): void {
    if (p.d2aShare > 0 && p.uD2a < p.d2aShare && p.dest !== "careHome") {
      this.#releaseBed(p, "home_discharge_to_assess");
      this.#returnHome(p);
      return;
    }
    this.#startDelay(p, now);
  }

  #maybeReadmit(p: Patient): void {
    const pr = this.scenario.acute.readmission30DayProbability;
    if (p.fromCareHome || p.uReadmit >= pr) return;
    const delay = (p.uReadmit / pr) * 30;
    const c = p.cell;
    this.sim.schedule(delay, () => {
      if (this.counts[c] <= 0) return;
      const a = this.#draw(this.#streams.readmission_attributes);
      const t = this.sim.now;
      const seg = ((c >> 1) & 3) + 1;
      if (a[1] < this.scenario.acute.edRouteShare) this.counts_.ed_attendances.add(t, 1, seg);
      if (this.#log) this.#emit(p.caseId, "readmit", "home", "ed");
      this.#admit(t, c, a, {
        losMultiplier: this.#mul.los[c],
        mix: this.#mul.mix[c],
        d2a: this.#mul.d2a[c],
        readmission: true,
        caseId: p.caseId,
      });
    });
  }

  #startReablement(req: Request, count: boolean): void {
    const now = this.sim.now;
    if (count) this.counts_.reablement_starts.add(now, 1);
    const rb = this.scenario.socialCare.reablement;
    const d = this.#streams.reablement_duration.exponential(rb.durationMeanDays);
    const u = this.#streams.reablement_outcome.random();
    this.sim.schedule(d, () => {
      this.reablement.release(req);
      if (u < rb.ongoingPackageShare) this.#homeCareFromHome(this.sim.now, -1);
    });
  }

  #startPackage(requested: number, count = true): void {
    const now = this.sim.now;
    const hc = this.scenario.socialCare.homeCare;
    if (count) {
      this.counts_.home_care_package_starts.add(now, 1);
      this.counts_.home_care_wait_days_total.add(now, now - requested);
    }
    this.homeCareInUse += hc.hoursPerPackagePerWeek;
    this.#levelAdd("home_care_hours", now, hc.hoursPerPackagePerWeek);
    const d = this.#streams.home_care_duration.exponential(hc.packageDurationMeanDays);
    this.sim.schedule(d, () => {
      this.homeCareInUse -= hc.hoursPerPackagePerWeek;
      this.#levelAdd("home_care_hours", this.sim.now, -hc.hoursPerPackagePerWeek);
      this.homeCare.put(hc.hoursPerPackagePerWeek);
    });
  }

  #homeCareFromHome(now: number, _cell: number): void {
    const get = this.homeCare.get(this.scenario.socialCare.homeCare.hoursPerPackagePerWeek);
    onDone(get, () => this.#startPackage(now));
  }

  #enterIntermediate(now: number, c: number, held: Request | null): void {
    const req = held ?? this.intermediate.request();
    this.inIntermediate++;
    this.#levelAdd("intermediate", now, 1);
    this.counts_.intermediate_care_starts.add(now, 1);
    const ic = this.scenario.community.intermediateCare;
    const d = this.#streams.intermediate_los.lognormal({
      mean: ic.lengthOfStayMeanDays,
      sd: ic.lengthOfStayMeanDays * ic.lengthOfStayCv,
    });
    this.#afterIntermediate(req, c, d);
  }

  #afterIntermediate(req: Request, c: number, days: number): void {
    const u = this.#streams.intermediate_outcome.random();
    this.sim.schedule(days, () => {
      const now = this.sim.now;
      this.intermediate.release(req);
      this.inIntermediate--;
      this.#levelAdd("intermediate", now, -1);
      this.counts[c]++;
      const mix = this.scenario.community.intermediateCare.dischargeMix;
      if (u < mix.homeCarePackage) this.#homeCareFromHome(now, c);
      else if (u < mix.homeCarePackage + mix.careHome) {
        this.#chHomeQueue.push({ cell: c, t: now });
        this.#placeCareHome();
      }
    });
  }

  #careHomeOccupied(): number {
    let n = this.careHomeAway;
    for (let c = 1; c < this.counts.length; c += 2) n += this.counts[c];
    return n;
  }

  #placeCareHome(): void {
    const now = this.sim.now;
    let free = this.careHomePlaces - this.#careHomeOccupied();
    while (free > 0) {
      const p = this.#chHospitalQueue.shift();
      if (p) {
        p.placed = true;
        if (p.inBed) this.#releaseBed(p);
        else this.counts[p.cell]--;
        if (p.fromCareHome) this.careHomeAway--;
        const target = p.cell | 1;
        this.counts[target]++;
        this.counts_.care_home_admissions.add(now, 1, p.seg);
        this.counts_.care_home_admissions_from_hospital.add(now, 1);
        this.counts_.care_home_wait_days_total.add(now, now - p.arrive);
        free--;
        continue;
      }
      if (this.#chHomeHead >= this.#chHomeQueue.length) break;
      const w = this.#chHomeQueue[this.#chHomeHead++];
      if (this.counts[w.cell] <= 0 || (w.cell & 1) === CARE_HOME) continue;
      this.counts[w.cell]--;
      this.counts[w.cell | 1]++;
      this.counts_.care_home_admissions.add(now, 1, ((w.cell >> 1) & 3) + 1);
      this.counts_.care_home_wait_days_total.add(now, now - w.t);
      free--;
    }
    if (this.#chHomeHead > 4096 && this.#chHomeHead * 2 > this.#chHomeQueue.length) {
      this.#chHomeQueue.splice(0, this.#chHomeHead);
      this.#chHomeHead = 0;
    }
  }

  // ---- Census start -----------------------------------------------------------------------

  #startFromCensus(): void {
    const sc = this.scenario;
    const census = sc.start.census;
    const s = this.#streams.census;
    const nCells = this.counts.length;
    // Acute occupants: cells weighted by admissions × mean LOS (length-biased).
    const w = new Float64Array(nCells);
    for (let c = 0; c < nCells; c++) {
      w[c] = this.counts[c] * this.#pAdmit[c] * Math.exp(this.#losMu[c]);
    }
    const size = sc.population.size;
    const nominalBeds = sc.hospitals.map((_h, i) => this.#bedCapacity(i, 0));
    const totalBeds = nominalBeds.reduce((acc, b) => acc + b, 0);
    const nominalIc = Math.round(sc.community.intermediateCare.bedsPer100k * size / 1e5);
    const nominalHours = sc.socialCare.homeCare.capacityHoursPerWeekPer100k * size / 1e5;
    const acuteTotal = census.acuteOccupied ?? Math.round(census.occupancy.acute * totalBeds);
    let remaining = acuteTotal;
    sc.hospitals.forEach((h, i) => {
      const n = i === sc.hospitals.length - 1
        ? remaining
        : Math.round(acuteTotal * h.populationShare);
      remaining -= n;
      if (n > this.beds[i].capacity) {
        throw new RangeError(
          `Cannot start from census: ${n} acute patients at "${h.id}" exceed its ${
            this.beds[i].capacity
          } beds, received acuteOccupied ${acuteTotal}`,
        );
      }
      for (let k = 0; k < n; k++) {
        const c = pick(w, s.random());
        if (c < 0 || this.counts[c] <= 0) continue;
        const a = this.#draw(s);
        a[5] = sumBefore(this.#hospShares, i) + this.#hospShares[i] * 0.5;
        // Residual stay of someone present at a random time: U × (length-biased draw).
        // For lognormal(μ, σ) the length-biased law is lognormal(μ + σ², σ).
        const sigma = this.#losSigma;
        const lb = Math.exp(this.#losMu[c] + sigma * sigma + sigma * normalInverse(a[6]));
        this.#admit(0, c, a, {
          losMultiplier: 1,
          mix: undefined,
          d2a: 0,
          readmission: false,
          losDays: s.random() * lb,
          census: true,
        });
      }
    });
    // Intermediate-care occupants.
    const icN = census.intermediateOccupied ??
      Math.round(census.occupancy.intermediate * nominalIc);
    if (icN > this.intermediate.capacity) {
      throw new RangeError(
        `Cannot start from census: ${icN} intermediate-care patients exceed ${this.intermediate.capacity} beds`,
      );
    }
    const wi = new Float64Array(nCells);
    for (let c = 0; c < nCells; c += 2) {
      wi[c] = this.counts[c] * this.#pAdmit[c] *
        sc.population.ageBands[c >> 3].dischargeMix.intermediateCare;
    }
    const ic = sc.community.intermediateCare;
    const icSigma = Math.sqrt(Math.log(1 + ic.lengthOfStayCv ** 2));
    const icMu = Math.log(ic.lengthOfStayMeanDays) - icSigma * icSigma / 2;
    for (let k = 0; k < icN; k++) {
      const c = pick(wi, s.random());
      if (c < 0 || this.counts[c] <= 0) continue;
      this.counts[c]--;
      const req = this.intermediate.request();
      this.inIntermediate++;
      this.#levelAdd("intermediate", 0, 1);
      const lb = Math.exp(icMu + icSigma * icSigma + icSigma * normalInverse(s.random()));
      this.#afterIntermediate(req, c, s.random() * lb);
    }
    // Reablement episodes and home-care packages (exponential durations: residual = same law).
    const rb = sc.socialCare.reablement;
    const rbN = census.reablementActive ??
      Math.round(rb.slotsPer100k * size / 1e5 * census.occupancy.reablement);
    for (let k = 0; k < rbN; k++) {
      const req = this.reablement.request();
      onDone(req, () => this.#startReablement(req, false));
    }
    const hc = sc.socialCare.homeCare;
    const pkgN = census.homeCarePackages ??
      Math.floor(nominalHours * census.occupancy.homeCare / hc.hoursPerPackagePerWeek);
    if (pkgN * hc.hoursPerPackagePerWeek > this.homeCareCapacity + 1e-9) {
      throw new RangeError(
        `Cannot start from census: ${pkgN} packages × ${hc.hoursPerPackagePerWeek} h exceed ${this.homeCareCapacity} home-care hours per week`,
      );
    }
    for (let k = 0; k < pkgN; k++) {
      const get = this.homeCare.get(hc.hoursPerPackagePerWeek);
      onDone(get, () => this.#startPackage(0, false));
    }
    for (let k = 0; k < census.waitingHomeCareFromHome; k++) this.#homeCareFromHome(0, -1);
    const wc = new Float64Array(nCells);
    for (let c = 0; c < nCells; c += 2) wc[c] = this.counts[c] * this.params.pCareHomeReferral[c];
    for (let k = 0; k < census.waitingCareHomeFromHome; k++) {
      const c = pick(wc, s.random());
      if (c >= 0) this.#chHomeQueue.push({ cell: c, t: 0 });
    }
  }

  // ---- Recording --------------------------------------------------------------------------

  #snapshot(dayIndex: number): void {
    const now = this.sim.now;
    const d = this.daily;
    const occ = this.occupied.reduce((a, b) => a + b, 0);
    let cap = 0;
    this.beds.forEach((b, i) => {
      cap += b.capacity;
      this.dailyByHospital[i].push(this.occupied[i]);
    });
    let atHome = 0;
    let inCh = 0;
    for (let c = 0; c < this.counts.length; c++) {
      const n = this.counts[c];
      if (n < this.stays.minPlaceCount) this.stays.minPlaceCount = n;
      if ((c & 1) === HOME) atHome += n;
      else inCh += n;
    }
    for (const v of [this.inEd, this.inIntermediate, this.careHomeAway, this.delayedNow]) {
      if (v < this.stays.minPlaceCount) this.stays.minPlaceCount = v;
    }
    d.dayIndex.push(dayIndex);
    d.acuteOccupied.push(occ);
    d.acuteCapacity.push(this.#unconstrained ? 0 : cap);
    d.edBoarders.push(this.inEd);
    d.delayedTransfers.push(this.delayedNow);
    d.intermediateOccupied.push(this.inIntermediate);
    d.intermediateCapacity.push(this.#unconstrained ? 0 : this.intermediate.capacity);
    d.careHomeOccupied.push(inCh + this.careHomeAway);
    d.careHomeCapacity.push(this.#unconstrained ? 0 : this.careHomePlaces);
    d.homeCareHoursInUse.push(this.homeCareInUse);
    d.homeCareCapacityHours.push(this.#unconstrained ? 0 : this.homeCareCapacity);
    d.population.push(this.account.start + this.account.entriesSoFar - this.account.deathsSoFar);
    d.atHome.push(atHome);
    d.inCareHome.push(inCh);
    const y = Math.floor(dayIndex / 365);
    if (y < this.scenario.years) {
      this.#dailyOccupancy[y].push(occ);
      if (!this.#unconstrained && occ > 0.92 * cap) {
        this.counts_.acute_days_over_92pct.add(now - 1e-9, 1);
      }
    }
  }

  #finish(end: number): void {
    for (const l of Object.values(this.levels)) l.advance(end);
    const W = this.warmUpDays;
    // Stays still in a bed at the end.
    for (const p of this.#inBed) {
      const overlap = end - Math.max(p.bedStart, W);
      if (overlap > 0) this.stays.bedDaysFromStays += overlap;
    }
    this.account.end = this.#placesTotal();
    this.account.entries = this.account.entriesSoFar;
    this.account.deaths = this.account.deathsSoFar;
  }

  /**
   * People per age band now (cells plus people away in ED, acute and intermediate beds are
   * counted in their own band via their cell).
   *
   * @returns Counts by band id.
   */
  endByBand(): Record<string, number> {
    return this.#byBand();
  }

  /**
   * Daily occupancy values of a model year (0-based), for percentiles.
   *
   * @param year 0-based year.
   * @returns The end-of-day occupancy samples.
   */
  occupancySamples(year: number): number[] {
    return this.#dailyOccupancy[year];
  }
}

function pick(weights: Float64Array, u: number): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) return -1;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

function sumBefore(xs: number[], i: number): number {
  let s = 0;
  for (let k = 0; k < i; k++) s += xs[k];
  return s;
}

/** Runs `fn` when the event is processed (at once if it already was). */
function onDone(event: SimEvent<unknown>, fn: () => void): void {
  if (event.processed) fn();
  else event.addCallback(fn);
}
