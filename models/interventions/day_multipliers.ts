/**
 * The day's per-cell rate multipliers from the intervention hooks: the product of the `rates`
 * hook and every component, with the components kept for crediting averted admissions. Also
 * accrues each component's cohort people-days.
 *
 * @module
 */

import type {
  CellKey,
  Destination,
  ModelModifiers,
  ModifierComponent,
  RateMultipliers,
} from "../modifiers.ts";
import type { TagAccounts } from "./tag_accounts.ts";

/** The day's multipliers per cell (1 = no change; `dischargeToAssess` 0 = none). */
export class DayMultipliers {
  /** GP demand. */
  readonly gp: Float64Array;
  /** ED attendances (and the ED route of admissions). */
  readonly ed: Float64Array;
  /** ED conversion to admission. */
  readonly conv: Float64Array;
  /** Emergency admissions, all routes. */
  readonly adm: Float64Array;
  /** Deterioration. */
  readonly det: Float64Array;
  /** Length of stay. */
  readonly los: Float64Array;
  /** Days added to each stay (after the multiplier; the stay is floored at 0). */
  readonly losChange: Float64Array;
  /** Discharge-to-assess probability. */
  readonly d2a: Float64Array;
  /** Discharge-mix multipliers. */
  readonly mix: (Partial<Record<Destination, number>> | undefined)[];
  /** The day's components per cell. */
  readonly components: (readonly ModifierComponent[] | undefined)[];
  readonly #mods: ModelModifiers;
  readonly #tags: TagAccounts;

  /**
   * @param cells Number of cells.
   * @param options The intervention `modifiers` and the `tags` accounts.
   */
  constructor(cells: number, options: { modifiers: ModelModifiers; tags: TagAccounts }) {
    this.gp = new Float64Array(cells).fill(1);
    this.ed = new Float64Array(cells).fill(1);
    this.conv = new Float64Array(cells).fill(1);
    this.adm = new Float64Array(cells).fill(1);
    this.det = new Float64Array(cells).fill(1);
    this.los = new Float64Array(cells).fill(1);
    this.losChange = new Float64Array(cells);
    this.d2a = new Float64Array(cells);
    this.mix = new Array(cells).fill(undefined);
    this.components = new Array(cells).fill(undefined);
    this.#mods = options.modifiers;
    this.#tags = options.tags;
  }

  /** Whether any intervention changes rates (false: every multiplier stays 1). */
  get active(): boolean {
    return this.#mods.rates !== undefined || this.#mods.components !== undefined;
  }

  /**
   * The deterioration multipliers for the cohort step, if any intervention hook is given (the
   * `rates` hook or per-intervention components).
   *
   * @returns The per-cell multipliers, or undefined.
   */
  deterioration(): Float64Array | undefined {
    return this.active ? this.det : undefined;
  }

  /**
   * Sets each cell's multipliers for a day and accrues cohort people-days, and everyone's
   * person-days by segment and residence, when measuring.
   *
   * @param dayIndex Day (0 = startDate).
   * @param options `cells` keys, `people` per cell now and whether the day is `measuring`.
   */
  apply(
    dayIndex: number,
    options: { cells: readonly CellKey[]; people: Float64Array; measuring: boolean },
  ): void {
    if (options.measuring) {
      const pd = this.#tags.personDays;
      const y8 = Math.floor(dayIndex / 365) * 8;
      for (const cell of options.cells) {
        const k = y8 + (cell.segment - 1) * 2 + (cell.residence === "home" ? 0 : 1);
        pd[k]! += options.people[cell.index]!;
      }
    }
    const rates = this.#mods.rates;
    const components = this.#mods.components;
    if (!rates && !components) return;
    this.#mods.observe?.(dayIndex, options.people);
    for (const cell of options.cells) {
      const r: RateMultipliers | undefined = rates?.call(this.#mods, dayIndex, cell);
      const c = cell.index;
      let gp = r?.gpDemand ?? 1;
      let ed = r?.edAttendance ?? 1;
      let conv = r?.conversion ?? 1;
      let adm = r?.emergencyAdmission ?? 1;
      let det = r?.deterioration ?? 1;
      let los = r?.lengthOfStay ?? 1;
      let losChange = r?.lengthOfStayChangeDays ?? 0;
      let d2a = r?.dischargeToAssess ?? 0;
      let mix = r?.dischargeMix;
      const cs = components?.call(this.#mods, dayIndex, cell);
      this.components[c] = cs && cs.length > 0 ? cs : undefined;
      for (const k of cs ?? []) {
        const x = k.multipliers;
        gp *= x.gpDemand ?? 1;
        ed *= x.edAttendance ?? 1;
        conv *= x.conversion ?? 1;
        adm *= x.emergencyAdmission ?? 1;
        det *= x.deterioration ?? 1;
        los *= x.lengthOfStay ?? 1;
        losChange += x.lengthOfStayChangeDays ?? 0;
        if (x.dischargeToAssess) d2a = 1 - (1 - d2a) * (1 - x.dischargeToAssess);
        if (x.dischargeMix) {
          const merged: Partial<Record<Destination, number>> = { ...mix };
          for (const [d, v] of Object.entries(x.dischargeMix)) {
            merged[d as Destination] = (merged[d as Destination] ?? 1) * v!;
          }
          mix = merged;
        }
        if (options.measuring && !accruedBefore(cs!, k)) {
          const st = this.#tags.for(k.tag, k.cohort);
          const people = options.people[c]!;
          st.cohortPeopleDays.add(dayIndex, people * k.share);
          st.enrolledPeopleDays.add(dayIndex, people * k.share * k.ramp);
        }
      }
      this.gp[c] = gp;
      this.ed[c] = ed;
      this.conv[c] = conv;
      this.adm[c] = adm;
      this.det[c] = det;
      this.los[c] = los;
      this.losChange[c] = losChange;
      this.d2a[c] = d2a;
      this.mix[c] = mix;
    }
  }
}

/** Whether an earlier component of the cell has the same tag and cohort (parts of one care
 * model sharing a cohort: its people are counted once). */
function accruedBefore(cs: readonly ModifierComponent[], k: ModifierComponent): boolean {
  for (const o of cs) {
    if (o === k) return false;
    if (o.tag === k.tag && o.cohort === k.cohort) return true;
  }
  return false;
}
