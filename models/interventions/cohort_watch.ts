/**
 * Cohort-level accounts, like a matched-control evaluation: for a group of care models (an
 * option), the people they reach — each care model's main-part cohort × its ramp-up fraction
 * (the enrolled), re-ranked on the current counts for a top-x% risk cohort — and their ED
 * attendances and emergency admissions, by year. In the option the group's people carry the
 * care models' effects; in the paired baseline the same definition (same ranking, same ramp) is
 * applied as a shadow to people who get nothing, so option ÷ baseline is a cohort rate ratio.
 * Passive: it draws no random numbers and changes nothing.
 *
 * Attribution within a cell: with enrolled shares a_j and member multipliers M_j of the event
 * (the component's cell multiplier F_j = 1 + a_j (M_j − 1), so M_j = 1 + (F_j − 1) ÷ a_j), the
 * group's share of the cell's events is q = 1 − Π(1 − a_j) ÷ Π(1 − a_j + a_j M_j); with no
 * effect (the baseline) q = 1 − Π(1 − a_j), the group's share of the cell's people.
 *
 * @module
 */

import { PeriodCounter } from "../../sim/mod.ts";
import type { Scenario } from "../../scenarios/schema.ts";
import type { CellKey, ModifierComponent, RateMultipliers } from "../modifiers.ts";
import { cohortShares, RiskRanking } from "./cohort_match.ts";
import { cohortLabel, type Intervention } from "./intervention.ts";
import { daysBetween, rampFraction } from "./ramp.ts";

/** A group of care models whose reached people are counted together (one option). */
export interface WatchGroup {
  /** Group id (the option id). */
  id: string;
  /** The main part of each care model in the group. */
  mains: Intervention[];
}

/** One year of one group's cohort accounts. */
export interface CohortEventRow {
  /** Model year, 1-based. */
  year: number;
  /** Group id (option id). */
  group: string;
  /** Σ over days of the people reached (at the start of each day; not in a hospital bed). */
  personDays: number;
  /** Their ED attendances. */
  edAttendances: number;
  /** Their emergency admissions. */
  emergencyAdmissions: number;
}

/** What kind of event, for its member multiplier. */
export type CohortEventKind =
  /** An ED attendance not leading to an admission candidate (× edAttendance). */
  | "edOnly"
  /** An ED-route admission candidate seen in ED (× emergencyAdmission × edAttendance). */
  | "edSeen"
  /** An admission by the ED route (× emergencyAdmission × edAttendance × conversion). */
  | "admitEd"
  /** An admission by the GP route (× emergencyAdmission). */
  | "admitGp"
  /** A readmission, or its ED attendance (no care-model multiplier). */
  | "readmission";

const KINDS: readonly CohortEventKind[] = ["edOnly", "edSeen", "admitEd", "admitGp", "readmission"];
const KEYS: Record<CohortEventKind, readonly (keyof RateMultipliers)[]> = {
  edOnly: ["edAttendance"],
  edSeen: ["emergencyAdmission", "edAttendance"],
  admitEd: ["emergencyAdmission", "edAttendance", "conversion"],
  admitGp: ["emergencyAdmission"],
  readmission: [],
};

interface Watched {
  tag: string;
  label: string;
  shares: Float64Array;
  ranking?: RiskRanking;
  startDay: number;
  iv: Intervention;
}

interface GroupState {
  id: string;
  watched: Watched[];
  /** Today's group share of each kind of event, by cell × kind. */
  q: Float64Array;
  personDays: PeriodCounter;
  ed: PeriodCounter;
  admissions: PeriodCounter;
}

/** The cohort accounts of one replication (see the module doc). */
export class CohortWatch {
  readonly #groups: GroupState[];
  readonly #years: number;

  /**
   * @param scenario A resolved scenario.
   * @param groups The groups to count.
   * @param startTime Simulation time of day 0 (end of the warm-up).
   */
  constructor(scenario: Scenario, groups: readonly WatchGroup[], startTime: number) {
    this.#years = scenario.years;
    const years = { startDays: startTime, lengthDays: 365, count: scenario.years };
    const days = { startDays: 0, lengthDays: 365, count: scenario.years };
    let cells = 0;
    this.#groups = groups.map((g) => {
      const watched = g.mains.map((iv): Watched => {
        const shares = cohortShares(scenario, iv.cohort);
        cells = shares.length;
        return {
          tag: iv.id,
          label: cohortLabel(iv.cohort),
          shares,
          ...(iv.cohort.topRiskPercent !== undefined
            ? { ranking: new RiskRanking(scenario, iv.cohort) }
            : {}),
          startDay: iv.startDate ? daysBetween(scenario.startDate, iv.startDate) : 0,
          iv,
        };
      });
      return {
        id: g.id,
        watched,
        q: new Float64Array(0),
        personDays: new PeriodCounter({ periods: days }),
        ed: new PeriodCounter({ periods: years }),
        admissions: new PeriodCounter({ periods: years }),
      };
    });
    for (const g of this.#groups) g.q = new Float64Array(cells * KINDS.length);
  }

  /**
   * Starts a measured day: re-ranks risk cohorts on the current counts, adds the day's people
   * reached, and sets each cell's share of each kind of event from the day's components.
   *
   * @param dayIndex Measured day (0 = startDate).
   * @param cells The cohort cells.
   * @param people People by cell now.
   * @param components The day's components by cell (none in the baseline).
   */
  day(
    dayIndex: number,
    cells: readonly CellKey[],
    people: ArrayLike<number>,
    components: readonly (readonly ModifierComponent[] | undefined)[],
  ): void {
    for (const g of this.#groups) {
      const f = g.watched.map((w) => {
        w.ranking?.fill(people, w.shares);
        return rampFraction(dayIndex, {
          startDay: w.startDay,
          rampUpMonths: w.iv.rampUpMonths,
          shape: w.iv.rampShape,
        });
      });
      for (const cell of cells) {
        const c = cell.index;
        let outside = 1;
        const den = KINDS.map(() => 1);
        g.watched.forEach((w, j) => {
          const a = w.shares[c]! * f[j]!;
          if (a <= 0) return;
          outside *= 1 - a;
          const m = memberMultipliers(components[c], w, a);
          KINDS.forEach((kind, k) => {
            let mk = 1;
            for (const key of KEYS[kind]) mk *= m[key] ?? 1;
            den[k]! *= 1 - a + a * mk;
          });
        });
        g.personDays.add(dayIndex, people[c]! * (1 - outside));
        KINDS.forEach((_, k) => {
          g.q[c * KINDS.length + k] = den[k]! > 0 ? 1 - outside / den[k]! : 0;
        });
      }
    }
  }

  /**
   * Counts ED attendances from cell `c`.
   *
   * @param t Simulation time.
   * @param c Cell index.
   * @param n Attendances.
   * @param kind What kind.
   */
  ed(t: number, c: number, n: number, kind: CohortEventKind): void {
    const k = KINDS.indexOf(kind);
    for (const g of this.#groups) {
      const q = g.q[c * KINDS.length + k]!;
      if (q > 0) g.ed.add(t, n * q);
    }
  }

  /**
   * Counts an emergency admission from cell `c`.
   *
   * @param t Simulation time.
   * @param c Cell index.
   * @param kind What kind.
   */
  admission(t: number, c: number, kind: CohortEventKind): void {
    const k = KINDS.indexOf(kind);
    for (const g of this.#groups) {
      const q = g.q[c * KINDS.length + k]!;
      if (q > 0) g.admissions.add(t, q);
    }
  }

  /**
   * The accounts, by year then group.
   *
   * @returns The rows.
   */
  rows(): CohortEventRow[] {
    const out: CohortEventRow[] = [];
    for (let y = 0; y < this.#years; y++) {
      for (const g of this.#groups) {
        out.push({
          year: y + 1,
          group: g.id,
          personDays: g.personDays.get(y),
          edAttendances: g.ed.get(y),
          emergencyAdmissions: g.admissions.get(y),
        });
      }
    }
    return out;
  }
}

/**
 * A reached person's multipliers in a cell: every component of the care model's main cohort
 * (its tag and cohort label), each 1 + (F − 1) ÷ (its share × ramp).
 */
function memberMultipliers(
  cs: readonly ModifierComponent[] | undefined,
  w: Watched,
  a: number,
): Partial<Record<keyof RateMultipliers, number>> {
  const out: Partial<Record<keyof RateMultipliers, number>> = {};
  for (const k of cs ?? []) {
    if (k.tag !== w.tag || k.cohort !== w.label) continue;
    const own = k.share * k.ramp > 0 ? k.share * k.ramp : a;
    for (const key of ["edAttendance", "conversion", "emergencyAdmission"] as const) {
      const F = k.multipliers[key];
      if (F === undefined) continue;
      out[key] = (out[key] ?? 1) * (1 + (F - 1) / own);
    }
  }
  return out;
}

/**
 * The watch groups of a set of options: per option, the first intervention of each care-model
 * tag (its main part).
 *
 * @param options Options with their interventions.
 * @returns One group per option.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { defineIntervention } from "./intervention.ts";
 * const a = defineIntervention({ id: "x", cohort: { residence: ["careHome"] } });
 * const b = defineIntervention({ id: "x", part: "p2" });
 * const [g] = watchGroups([{ option: { id: "o" }, interventions: [a, b] }]);
 * assert.deepEqual(g!.mains.map((m) => m.part), [undefined]);
 * ```
 */
export function watchGroups(
  options: readonly { option: { id: string }; interventions: readonly Intervention[] }[],
): WatchGroup[] {
  return options.map(({ option, interventions }) => {
    const seen = new Set<string>();
    const mains: Intervention[] = [];
    for (const iv of interventions) {
      if (seen.has(iv.id)) continue;
      seen.add(iv.id);
      mains.push(iv);
    }
    return { id: option.id, mains };
  });
}

/** A group's rates per person-year in one year, option and paired baseline, and their ratios. */
export interface CohortRates {
  /** Person-years of the people reached, in the option. */
  personYears: number;
  /** ED attendances per person-year: option, baseline (the shadow). */
  ed: { option: number; baseline: number; ratio: number };
  /** Emergency admissions per person-year: option, baseline (the shadow). */
  admissions: { option: number; baseline: number; ratio: number };
}

/**
 * The cohort rates of an option's group in a year against the same group's shadow in the paired
 * baseline (ratio NaN when the baseline rate is 0).
 *
 * @param option The option's `cohortEvents`.
 * @param baseline The paired baseline's `cohortEvents`.
 * @param group Group (option) id.
 * @param year Model year, 1-based.
 * @returns The rates, or undefined when either lacks the group's row.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const row = (ed: number) => ({ year: 1, group: "o", personDays: 365, edAttendances: ed, emergencyAdmissions: 1 });
 * assert.equal(cohortRates([row(4)], [row(2)], "o", 1)!.ed.ratio, 2);
 * ```
 */
export function cohortRates(
  option: readonly CohortEventRow[],
  baseline: readonly CohortEventRow[],
  group: string,
  year: number,
): CohortRates | undefined {
  const find = (rows: readonly CohortEventRow[]) =>
    rows.find((r) => r.group === group && r.year === year);
  const o = find(option);
  const b = find(baseline);
  if (!o || !b) return undefined;
  const rate = (n: number, days: number) => (days > 0 ? n / (days / 365) : 0);
  const pair = (on: number, bn: number) => {
    const opt = rate(on, o.personDays);
    const base = rate(bn, b.personDays);
    return { option: opt, baseline: base, ratio: base > 0 ? opt / base : NaN };
  };
  return {
    personYears: o.personDays / 365,
    ed: pair(o.edAttendances, b.edAttendances),
    admissions: pair(o.emergencyAdmissions, b.emergencyAdmissions),
  };
}
