/**
 * People at home the model follows one by one inside the cohort cells: those holding a
 * home-care package or waiting for one, and those waiting at home for a care-home place. The
 * cells hold counts, not people, so each day a followed person shares the fate of the people of
 * their cell — of the n people in it at the start of the day, d died, k deteriorated, r
 * recovered and a aged into the next band — drawn without replacement, so no more followed
 * people die than people did. A death or a move into a care home of someone from the cell
 * outside the cohort step (in hospital, from a waiting list) is a followed person's with the
 * chance they make up of the cell. A followed person who dies or moves into a care home ends:
 * their service is told, and stops.
 *
 * @module
 */

import type { CohortDayOutcome } from "./cohort.ts";
import { bandOf, cellIndex, residenceOf, segmentIndexOf } from "./cells.ts";

/** Why a followed person's service ends early. */
export type FollowedEnd = "death" | "careHome";

/** What a followed person holds or waits for. */
export type FollowedKind = "homeCarePackage" | "homeCareWait" | "careHomeWait";

/** One followed person. */
export interface Followed {
  /** Cell they live in now (a home cell). */
  cell: number;
  /** What they hold or wait for. */
  readonly kind: FollowedKind;
  /** Called once when they die or move into a care home. */
  readonly onEnd: (reason: FollowedEnd) => void;
  /** Position in the cell's list (−1 once removed). */
  slot: number;
}

/** The followed people of one replication (see the module doc). */
export class FollowedPeople {
  readonly #byCell: Followed[][];
  readonly #bands: number;
  readonly #uniform: () => number;
  /**
   * The morning's list of the cell being stepped: a copy, as the day's moves change the list
   * (one array reused, not a new one per cell and day).
   */
  readonly #snapshot: Followed[] = [];

  /**
   * @param cells Number of cohort cells.
   * @param uniform Uniforms for the draws (a named stream's `random`).
   */
  constructor(cells: number, uniform: () => number) {
    this.#byCell = Array.from({ length: cells }, () => []);
    this.#bands = cells / 8;
    this.#uniform = uniform;
  }

  /**
   * Starts following someone in `cell`.
   *
   * @param cell Their cell (a home cell).
   * @param kind What they hold or wait for.
   * @param onEnd Called if they die or move into a care home while followed.
   * @returns The record (pass it to {@linkcode FollowedPeople.remove} when the service ends).
   */
  add(cell: number, kind: FollowedKind, onEnd: (reason: FollowedEnd) => void): Followed {
    const list = this.#byCell[cell]!;
    const f: Followed = { cell, kind, onEnd, slot: list.length };
    list.push(f);
    return f;
  }

  /**
   * Stops following someone (their service ended for its own reason). No-op if already
   * stopped.
   *
   * @param f The record.
   */
  remove(f: Followed): void {
    if (f.slot < 0) return;
    const list = this.#byCell[f.cell]!;
    const last = list.pop()!;
    if (last !== f) {
      list[f.slot] = last;
      last.slot = f.slot;
    }
    f.slot = -1;
  }

  /**
   * Followed people in `cell`, optionally of one kind.
   *
   * @param cell Cell index.
   * @param kind Only this kind, if given.
   * @returns The count.
   */
  count(cell: number, kind?: FollowedKind): number {
    const list = this.#byCell[cell]!;
    if (kind === undefined) return list.length;
    let n = 0;
    for (const f of list) if (f.kind === kind) n++;
    return n;
  }

  /**
   * Everyone followed now, of one kind.
   *
   * @param kind The kind.
   * @returns The count.
   */
  total(kind: FollowedKind): number {
    let n = 0;
    for (let c = 0; c < this.#byCell.length; c++) n += this.count(c, kind);
    return n;
  }

  /**
   * Applies a cohort day to the followed people: in each cell, drawn without replacement from
   * the `before[c]` people of the morning, some die (their service ends), deteriorate,
   * recover or age into the next band (they move cell), the rest stay.
   *
   * @param before People per cell before the day's step.
   * @param day The day's flows out of each cell.
   */
  followDay(before: Float64Array, day: CohortDayOutcome): void {
    for (let c = 0; c < this.#byCell.length; c++) {
      const list = this.#byCell[c]!;
      if (list.length === 0) continue;
      let n = before[c]!;
      let dead = day.deaths[c]!;
      let det = day.deteriorations[c]!;
      let rec = day.recoveries[c]!;
      let aged = day.aged[c]!;
      const b = bandOf(c);
      const s = segmentIndexOf(c);
      const r = residenceOf(c);
      const snapshot = this.#snapshot;
      const size = list.length;
      for (let i = 0; i < size; i++) snapshot[i] = list[i]!;
      for (let i = 0; i < size; i++) {
        const f = snapshot[i]!;
        if (!(n >= 1)) break;
        const x = this.#uniform() * n;
        n--;
        if (x < dead) {
          dead--;
          this.#end(f, "death");
        } else if (x < dead + det) {
          det--;
          this.#move(f, cellIndex(b, s + 1, r));
        } else if (x < dead + det + rec) {
          rec--;
          this.#move(f, cellIndex(b, s - 1, r));
        } else if (x < dead + det + rec + aged) {
          aged--;
          if (b + 1 < this.#bands) this.#move(f, cellIndex(b + 1, s, r));
        }
      }
    }
  }

  /**
   * Someone from `cell` died or moved into a care home away from the cohort step (in
   * hospital, from a waiting list): with the chance the followed people make up of the cell's
   * `people` + 1 (the person gone included), one of them, drawn at random, was that person.
   *
   * @param cell The person's cell.
   * @param people People in the cell now, without the person gone.
   * @param reason Death or a move into a care home.
   * @param exclude A kind that cannot be this person (e.g. the care-home waiter just placed).
   */
  personGone(cell: number, people: number, reason: FollowedEnd, exclude?: FollowedKind): void {
    const list = this.#byCell[cell]!;
    const u = this.#uniform();
    if (list.length === 0) return;
    const eligible = exclude === undefined ? list.length : list.length - this.count(cell, exclude);
    const k = Math.floor(u * (Math.max(people, eligible) + 1));
    if (k >= eligible) return;
    if (exclude === undefined) {
      this.#end(list[k]!, reason);
      return;
    }
    // The k-th eligible person, in list order.
    let seen = 0;
    for (const f of list) {
      if (f.kind === exclude) continue;
      if (seen === k) {
        this.#end(f, reason);
        return;
      }
      seen++;
    }
  }

  #end(f: Followed, reason: FollowedEnd): void {
    this.remove(f);
    f.onEnd(reason);
  }

  #move(f: Followed, cell: number): void {
    this.remove(f);
    const list = this.#byCell[cell]!;
    f.cell = cell;
    f.slot = list.length;
    list.push(f);
  }
}
