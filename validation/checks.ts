/**
 * The validation's checks as data: each figure the model should reproduce, how to read it from
 * one replication, the evidence value or range it is held against (with its docs/evidence.md
 * anchor), and whether it was a calibration target or is held out. A new figure is one entry;
 * a check of a metric another part registers names it in `requires`, and is reported as not
 * measured (not failed) while no such metric is registered.
 *
 * @module
 */

import { annualValue } from "../models/result.ts";
import { PortableMath } from "../sim/mod.ts";
import type { CellKey } from "../models/modifiers.ts";
import { DEFAULT_FREE_PARAMETERS } from "../calibration/default_calibration.ts";
import type { ReplicationFigures } from "./replication_figures.ts";

/** Where the evidence of a check comes from. */
export interface CheckEvidence {
  /** Section of docs/evidence.md, e.g. "H1". */
  ref: string;
  /** Anchor of the section in docs/evidence.md (without `#`). */
  anchor: string;
  /** Lowest value consistent with the evidence. */
  low: number;
  /** Highest value consistent with the evidence. */
  high: number;
  /** The evidence in words, with any arithmetic that turned it into the range. */
  text: string;
  /**
   * A published trend that moves the range over a projection: the range of model year y is
   * the one above (today's level, held against year 1) grown by the trend over y − 1 years.
   * Absent: the same range every year.
   */
  trend?: EvidenceTrend;
}

/** A published growth rate, as a range, that projects an evidence range forward. */
export interface EvidenceTrend {
  /** Slowest growth consistent with the evidence, % a year. */
  lowPctPerYear: number;
  /** Fastest growth consistent with the evidence, % a year. */
  highPctPerYear: number;
  /** Section of docs/evidence.md, e.g. "H8". */
  ref: string;
  /** Anchor of the section in docs/evidence.md (without `#`). */
  anchor: string;
  /** The evidence in words, with the arithmetic that turned it into the growth rates. */
  text: string;
}

/** One figure checked against the evidence, in year 1 and year 5. */
export interface Check {
  /** Stable id (snake_case). */
  id: string;
  /** What it measures, for readers. */
  label: string;
  /** Unit, for readers. */
  unit: string;
  /** Decimals shown. */
  digits: number;
  /** The evidence. */
  evidence: CheckEvidence;
  /**
   * `target` when a parameter was fitted to this figure (in year 1 only, see `targetYears`),
   * `held-out` otherwise.
   */
  role: "target" | "held-out";
  /** For a target: what was fitted to it (a calibrated parameter, or an input set from it). */
  fittedBy?: string;
  /** Years in which it is a target (default: every year); other years are held out. */
  targetYears?: readonly number[];
  /** Registered metric names the check reads (it is skipped while one is missing). */
  requires?: readonly string[];
  /**
   * Why the model is outside the evidence today, if it is (the CI short form skips the check
   * and lists it). Absent for checks that pass.
   */
  knownGap?: string;
  /** Years the known gap applies to (default: every year reported). */
  knownGapYears?: readonly number[];
  /**
   * The figure of one replication in a model year (1-based).
   * @param f The replication's figures.
   * @param year Model year.
   * @returns The value.
   */
  value(f: ReplicationFigures, year: number): number;
}

/**
 * Whether a check has a known gap in a year (the CI short form skips it there).
 *
 * @param check The check.
 * @param year Model year.
 * @returns True when `knownGap` is set and applies to `year`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(hasKnownGap({ knownGap: "why", knownGapYears: [5] }, 1), false);
 * assert.equal(hasKnownGap({ knownGap: "why" }, 1), true);
 * ```
 */
export function hasKnownGap(
  check: Pick<Check, "knownGap" | "knownGapYears">,
  year: number,
): boolean {
  return check.knownGap !== undefined && (check.knownGapYears ?? [year]).includes(year);
}

/**
 * The evidence range a check is held against in a model year: its range, grown by its
 * evidence's trend (if any) over the years since year 1.
 *
 * @param check The check.
 * @param year Model year (1-based).
 * @returns The lowest and highest value consistent with the evidence in that year.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const evidence = { ref: "H8", anchor: "h8", low: 100, high: 110, text: "" };
 * assert.deepEqual(evidenceRange({ evidence }, 5), { low: 100, high: 110 });
 * const trend = { lowPctPerYear: 0, highPctPerYear: 10, ref: "H8", anchor: "h8", text: "" };
 * const grown = evidenceRange({ evidence: { ...evidence, trend } }, 3);
 * assert.equal(grown.low, 100);
 * assert.ok(Math.abs(grown.high - 110 * 1.1 * 1.1) < 1e-9);
 * ```
 */
export function evidenceRange(
  check: Pick<Check, "evidence">,
  year: number,
): { low: number; high: number } {
  const { low, high, trend } = check.evidence;
  if (!trend || year <= 1) return { low, high };
  const grow = (pct: number) => PortableMath.pow(1 + pct / 100, year - 1);
  return { low: low * grow(trend.lowPctPerYear), high: high * grow(trend.highPctPerYear) };
}

/**
 * The yearly growth, in %, of a total change over some years (compound).
 *
 * @param totalPct The change over the period, %.
 * @param years Length of the period, years.
 * @returns Growth a year, %.
 */
function pctPerYear(totalPct: number, years: number): number {
  return 100 * (PortableMath.pow(1 + totalPct / 100, 1 / years) - 1);
}

/**
 * Whether a check reads the scenario's care-model run (the option) beside the baseline.
 *
 * @param check The check.
 * @returns True for the care-model checks.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(needsCareModels({ id: "ehch_resident_effect_pct" }), true);
 * assert.equal(needsCareModels({ id: "acute_occupancy_pct" }), false);
 * ```
 */
export function needsCareModels(check: Pick<Check, "id">): boolean {
  return check.id.startsWith("care_model") || check.id.startsWith("ehch");
}

/** A check on the model's own output that theory fixes (no evidence needed). */
export interface TheoryCheck {
  /** Stable id. */
  id: string;
  /** What it checks. */
  label: string;
  /** What the tolerance is and why. */
  toleranceText: string;
  /**
   * The two sides and the allowed difference for one replication (whole measured period).
   * @param f The replication's figures.
   * @returns Left side, right side, allowed |left − right|.
   */
  sides(f: ReplicationFigures): { left: number; right: number; tolerance: number };
}

type CellFilter = (cell: CellKey) => boolean;

const all: CellFilter = () => true;
const aged = (min: number): CellFilter => (c) => c.minAgeYears >= min;
const residents = (min: number): CellFilter => (c) =>
  c.minAgeYears >= min && c.residence === "careHome";

function sumCells(
  rows: ReplicationFigures["admissionsByCell"],
  f: ReplicationFigures,
  year: number,
  keep: CellFilter,
): number {
  const row = rows[year - 1] ?? [];
  let s = 0;
  f.cells.forEach((cell) => {
    if (keep(cell)) s += row[cell.index] ?? 0;
  });
  return s;
}

/** Mean people in the cells kept over a model year. */
function people(f: ReplicationFigures, year: number, keep: CellFilter): number {
  return sumCells(f.personDaysByCell, f, year, keep) / 365;
}

/** Emergency admissions a year per 1,000 people of the cells kept. */
function admissionsPer1000(f: ReplicationFigures, year: number, keep: CellFilter): number {
  return 1000 * sumCells(f.admissionsByCell, f, year, keep) / people(f, year, keep);
}

/** Mean of a daily series over a model year. */
function yearMean(series: readonly number[], year: number): number {
  let s = 0;
  for (let d = (year - 1) * 365; d < year * 365; d++) s += series[d] ?? 0;
  return s / 365;
}

/** A registered metric of the baseline (NaN when missing: such checks name it in `requires`). */
function metric(f: ReplicationFigures, name: string, year: number): number {
  return f.metric(name, year) ?? NaN;
}

/** Growth over a year of the mean people kept: years y → y + 1 (the last year: y − 1 → y). */
function growthPct(f: ReplicationFigures, year: number, keep: CellFilter): number {
  const from = year < f.years ? year : year - 1;
  return 100 * (people(f, from + 1, keep) / people(f, from, keep) - 1);
}

const calibrated = (output: string) => {
  const p = DEFAULT_FREE_PARAMETERS.find((q) => q.output === output)!;
  return `calibration/: ${p.name} fitted to year 1`;
};

/** Every figure the validation checks, in report order. */

/** Why delayed transfers in year 5 leave today's range (the model holds capacities; D3). */
const HELD_DOWNSTREAM_GAP =
  "the downstream services (home-care hours, reablement slots, care-home places, intermediate beds) are sized per 100,000 people at the start and held, as the bed base is, while the people who wait for them are mostly 75+, whose numbers grow ≈3% a year at 85+ (D3) against ≈0.5% for the whole population; waits for a full service therefore lengthen and delayed days rise above today's range by year 5. A scenario that grows these capacities with the older population closes the gap";

export const CHECKS: readonly Check[] = [
  {
    id: "emergency_admissions_per_1000",
    label: "Emergency admissions per 1,000 people",
    unit: "per 1,000 a year",
    digits: 1,
    evidence: {
      ref: "H1",
      anchor: "h1-emergency-admissions-by-age",
      low: 90,
      high: 95,
      text: "7.5–7.9 per 1,000 a month (Morciano 2021) ≈ 90–95 a year",
      trend: {
        // The slowest and fastest per-person growth the evidence reports: admissions +3.5%
        // over 2013–18, per person (England's population grew +0.68% a year, D3); 2.4% a year.
        lowPctPerYear: 100 * ((1 + pctPerYear(3.5, 5) / 100) / 1.0068 - 1),
        highPctPerYear: 2.4,
        ref: "H8",
        anchor: "h8-secular-trend-in-admission-rates",
        text:
          "emergency admissions grew +3.5% from 2013 to 2018 in CCGs in both integration programmes, +12% in neither (Morciano 2021); per person ≈ +2.4% a year in England 2006/07–2017/18 (HF 2018). Slowest, per person: (1.035)^(1/5) ÷ 1.0068 (population +0.68% a year, D3) ⇒ +0.01% a year; fastest +2.4% a year. The baseline holds age-specific rates (no secular trend), so its rate grows only as the population ages",
      },
    },
    role: "held-out",
    value: (f, y) => admissionsPer1000(f, y, all),
  },
  {
    id: "emergency_admissions_per_1000_65_plus",
    label: "Emergency admissions per 1,000 people 65+",
    unit: "per 1,000 a year",
    digits: 0,
    evidence: {
      ref: "H1",
      anchor: "h1-emergency-admissions-by-age",
      low: 235,
      high: 250,
      text: "≈239 (2010-11); ≈235–250 (2016/17)",
    },
    role: "target",
    fittedBy: "input: band admission rates set from H1 (65–74 and 75–84 split assumed)",
    value: (f, y) => admissionsPer1000(f, y, aged(65)),
  },
  {
    id: "emergency_admissions_per_1000_85_plus",
    label: "Emergency admissions per 1,000 people 85+",
    unit: "per 1,000 a year",
    digits: 0,
    evidence: {
      ref: "H1",
      anchor: "h1-emergency-admissions-by-age",
      low: 420,
      high: 570,
      text: "420 (Devon 2010/11) to ≈570 (rough national)",
    },
    role: "target",
    fittedBy: "input: 85+ admission rate 0.42 (H1)",
    value: (f, y) => admissionsPer1000(f, y, aged(85)),
  },
  {
    id: "ed_attendances_per_1000",
    label: "ED attendances per 1,000 people",
    unit: "per 1,000 a year",
    digits: 0,
    evidence: {
      ref: "H2",
      anchor: "h2-ed-attendances",
      low: 423,
      high: 529,
      text: "≈423 under 65, ≈529 at 65+ (2019-20): the all-ages rate lies between them (≈442)",
    },
    role: "held-out",
    value: (f, y) => 1000 * metric(f, "ed_attendances", y) / yearMean(f.daily.population, y),
  },
  {
    id: "emergency_bed_days_per_1000",
    label: "Emergency bed days per 1,000 people",
    unit: "per 1,000 a year",
    digits: 0,
    evidence: {
      ref: "H5",
      anchor: "h5-beds-and-occupancy",
      low: 413,
      high: 590,
      text: "all G&A bed use ≈590 per 1,000 (the ceiling); emergencies ≈70% of it ≈413",
    },
    role: "held-out",
    value: (f, y) => 1000 * metric(f, "bed_days", y) / yearMean(f.daily.population, y),
  },
  {
    id: "acute_occupancy_pct",
    label: "Acute occupancy, % of open beds",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "H5",
      anchor: "h5-beds-and-occupancy",
      low: 89,
      high: 92,
      text: "G&A 91.4% (Q4 2016/17); acute 87.7–89.5% (2010–15) ⇒ 89–92%",
      trend: {
        // On a bed base held at its year-1 size, occupancy grows as the bed days do.
        lowPctPerYear: 0.3,
        highPctPerYear: pctPerYear(100 * (89.5 / 87.7 - 1), 4),
        ref: "H8",
        anchor: "h8-secular-trend-in-admission-rates",
        text:
          "emergency bed days grew +0.3% a year in England 2006/07–2015/16 while admissions grew +3.2% (length of stay fell; HF briefing), so on a held bed base occupancy grows ≈0.3% a year; acute occupancy itself rose 87.7% → 89.5% over 2010/11–2014/15 on England's bed base as it was (H5): (89.5 ÷ 87.7)^(1/4) ⇒ +0.51% a year, the upper end",
      },
    },
    role: "target",
    fittedBy: calibrated("acute_occupancy_pct"),
    targetYears: [1],
    knownGap:
      "the model holds length of stay by age and segment (no trend), so its emergency bed days grow with its admissions as the population ages (see the emergency bed days rows, years 1 and 5), whereas in England bed days grew +0.3% a year while admissions grew +3.2% because stays shortened (H8); with the bed base fitted to year 1 and held, occupancy in year 5 is above the range England's bed-day trend projects. A scenario that shortens stays or grows the bed base with demand closes the gap",
    knownGapYears: [5],
    value: (f, y) => 100 * yearMean(f.daily.acuteOccupied, y) / yearMean(f.daily.acuteCapacity, y),
  },
  {
    id: "delayed_transfer_share_pct",
    label: "Delayed-transfer bed days, % of emergency bed days",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "H6",
      anchor: "h6-delayed-transfers-by-cause",
      low: 2.5,
      high: 5,
      text: "2.9% (July 2019) to ≈4.0% (2016/17) of acute bed days; range 2.5–5%",
    },
    role: "target",
    fittedBy: calibrated("delayed_transfer_share_pct"),
    targetYears: [1],
    knownGap: HELD_DOWNSTREAM_GAP,
    knownGapYears: [5],
    value: (f, y) => 100 * metric(f, "delayed_transfer_bed_days", y) / metric(f, "bed_days", y),
  },
  {
    id: "delayed_transfer_capacity_share_pct",
    label: "Delayed-transfer bed days waiting for a full downstream service, % of all delayed days",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "H6",
      anchor: "h6-delayed-transfers-by-cause",
      low: 30,
      high: 45,
      text:
        "further non-acute NHS care 17.9% (July 2019) / 16.6% (Sept 2016), a care package at home 10.2% / 12.6%, residential and nursing homes ≈8.9% (June 2018) of delayed days ⇒ ≈37%, range 30–45%",
    },
    role: "target",
    fittedBy:
      "inputs: care-home place search, home-care provider search and reablement slots set to these shares at year 1 (H6)",
    targetYears: [1],
    knownGap: HELD_DOWNSTREAM_GAP,
    knownGapYears: [5],
    requires: ["delayed_transfer_bed_days_capacity", "delayed_transfer_bed_days"],
    value: (f, y) =>
      100 * metric(f, "delayed_transfer_bed_days_capacity", y) /
      metric(f, "delayed_transfer_bed_days", y),
  },
  {
    id: "crude_death_rate",
    label: "Deaths per 1,000 people (crude)",
    unit: "per 1,000 a year",
    digits: 2,
    evidence: {
      ref: "M1",
      anchor: "m1-mortality-by-age",
      low: 8.75,
      high: 8.95,
      text: "England 8.8, England & Wales 8.9 (2019), as published to one decimal",
    },
    role: "target",
    fittedBy: "input: death rates by age (M1)",
    targetYears: [1],
    knownGap:
      "the baseline holds death rates by age and segment (no secular trend: `population.demography.trend.mortalityPerYear` 0), so its crude rate rises as the population ages, whereas England's age-standardised rate fell 3.8% in 2019 alone (956.3 → 919.8 per 100,000, M1), which kept the crude rate near 8.8–8.9 while the population aged. A scenario with a mortality trend closes the gap",
    knownGapYears: [5],
    value: (f, y) =>
      1000 * (metric(f, "deaths_in_hospital", y) + metric(f, "deaths_elsewhere", y)) /
      yearMean(f.daily.population, y),
  },
  {
    id: "deaths_in_hospital_pct",
    label: "Share of deaths in hospital",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "M3",
      anchor: "m3-place-of-death",
      low: 43.4,
      high: 46.9,
      text: "46.9% (England 2016); 43.4% (2022, after the shift home)",
    },
    role: "target",
    fittedBy: "input: 46.9% of all-cause deaths in hospital (M3)",
    value: (f, y) => {
      const inHospital = metric(f, "deaths_in_hospital", y);
      return 100 * inHospital / (inHospital + metric(f, "deaths_elsewhere", y));
    },
  },
  {
    id: "care_home_share_65_plus_pct",
    label: "People 65+ living in a care home",
    unit: "%",
    digits: 2,
    evidence: {
      ref: "C1",
      anchor: "c1-care-home-residents",
      low: 2.5,
      high: 2.8,
      text: "2.8% (IAU 2016/17); 2.5% (Census 2021)",
    },
    role: "target",
    fittedBy: "input: the demography holds the residents' share (C1)",
    value: (f, y) => 100 * people(f, y, residents(65)) / people(f, y, aged(65)),
  },
  {
    id: "residents_share_of_65_plus_admissions_pct",
    label: "Care-home residents' share of emergency admissions of people 65+",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "C3",
      anchor: "c3-care-home-residents-hospital-use",
      low: 7.1,
      high: 8.7,
      text:
        "192,000 = 7.9% of 65+ admissions (IAU 2016/17); range: ±10% of it (this report's acceptance band)",
    },
    role: "held-out",
    value: (f, y) =>
      100 * sumCells(f.admissionsByCell, f, y, residents(65)) /
      sumCells(f.admissionsByCell, f, y, aged(65)),
  },
  {
    id: "population_growth_pct",
    label: "Population growth, all ages (year 1: years 1→2; year 5: years 4→5)",
    unit: "% a year",
    digits: 2,
    evidence: {
      ref: "D3",
      anchor: "d3-growth-by-age-band",
      low: 0.34,
      high: 0.8,
      text: "projected +0.34%/yr (2020-based) to +0.48%/yr (SNPP 2018–28); observed +0.68–0.80%/yr",
    },
    role: "held-out",
    value: (f, y) => growthPct(f, y, all),
  },
  {
    id: "population_growth_85_plus_pct",
    label: "Growth of people 85+ (year 1: years 1→2; year 5: years 4→5)",
    unit: "% a year",
    digits: 1,
    evidence: {
      ref: "D3",
      anchor: "d3-growth-by-age-band",
      low: 1.9,
      high: 3.3,
      text:
        "observed +1.91%/yr (2015→19); projected ≈ +2.4–2.8%/yr (UK), +3.3%/yr (England 2011→21)",
    },
    role: "held-out",
    value: (f, y) => growthPct(f, y, aged(85)),
  },
  {
    id: "care_model_area_effect_pct",
    label: "Care models (MCP + EHCH): emergency admissions avoided, % of the whole population's",
    unit: "%",
    digits: 2,
    evidence: {
      ref: "E1",
      anchor: "e1-programme-level-effects",
      low: 0,
      high: 1.5,
      text:
        "area-level DiD: care-home sites −0.042 (−0.082 to −0.002) per 1,000 a month on ≈7.7 ≈ −0.5% (−1.1% to 0%); MCP + PACS −0.004 n.s., year 3 −0.4%: together 0–1.5%",
    },
    role: "held-out",
    value: (f, y) => {
      const base = metric(f, "emergency_admissions", y);
      return 100 * (base - annualValue(f.option!, "emergency_admissions", { year: y })) / base;
    },
  },
  {
    id: "ehch_resident_effect_pct",
    label: "EHCH: residents' emergency admissions averted, % of residents' admissions",
    unit: "%",
    digits: 1,
    evidence: {
      ref: "E2",
      anchor: "e2-site-level-evaluations",
      low: 0,
      high: 23,
      text:
        "resident-level: Rushcliffe −23%, Nottingham −18%, Wakefield and Sutton no significant change",
    },
    role: "held-out",
    value: (f, y) => {
      const averted = (f.option!.interventions?.averted ?? [])
        .filter((r) => r.year === y && r.careModel === "ehch" && r.segment === undefined)
        .reduce((a, r) => a + r.count, 0);
      return 100 * averted / sumCells(f.admissionsByCell, f, y, residents(0));
    },
  },
];

/** Checks on the model's own output that hold by theory (whole measured period). */
export const THEORY_CHECKS: readonly TheoryCheck[] = [
  {
    id: "littles_law_acute_beds",
    label:
      "Little's law on the acute beds: mean occupied = stays begun per day × mean length of completed stays",
    toleranceText:
      "stays under way on the first day (the census) and the last are in the occupancy but not in both rates; each adds about its residual stay, whose mean for the model's stays is ≈1.3 × the mean stay (E[S²] ÷ 2E[S]); allowed difference = (beds occupied on the first and last day) × 2 × mean stay ÷ measured days",
    sides: (f) => {
      const L = f.stays.bedDays / f.days;
      const W = f.stays.completedDays / f.stays.completed;
      const ends = (f.daily.acuteOccupied[0] ?? 0) + (f.daily.acuteOccupied.at(-1) ?? 0);
      return { left: L, right: (f.stays.started / f.days) * W, tolerance: 2 * ends * W / f.days };
    },
  },
  {
    id: "conservation_of_people",
    label: "Conservation of people: start + entries − deaths = end",
    toleranceText: "exact (integer counts)",
    sides: (f) => ({
      left: f.account.start + f.account.entries - f.account.deaths,
      right: f.account.end,
      tolerance: 0,
    }),
  },
];
