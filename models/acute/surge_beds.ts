/**
 * Pressure-driven escalation (OPEL surge beds): a site opens extra G&A beds when admitted
 * patients have been boarding in ED at or above a trigger for some hours, and closes them once
 * the pressure has gone (no boarders and the surge beds' worth of beds empty for some hours),
 * so closing never leaves occupancy above capacity.
 *
 * @module
 */

import type { Scenario } from "../../scenarios/schema.ts";

/** What the hourly bed review sees at one site. */
export interface SiteState {
  /** Admitted patients waiting in ED for a bed at the site. */
  boarders: number;
  /** Beds held (occupied or reserved for an arriving transfer). */
  inUse: number;
  /** Beds open now (incl. surge beds while open). */
  capacity: number;
}

/** Options of {@linkcode SurgeBeds}. */
export interface SurgeBedsOptions {
  /**
   * No capacity limits in the run (surge is then disabled).
   * @default {false}
   */
  unconstrained?: boolean;
}

/**
 * The surge-bed state of every site of a scenario. The model calls `review` hourly and adds
 * `openBeds(site)` to the site's capacity.
 *
 * @example A site under pressure for 4 hours opens its surge beds
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseScenario } from "../../scenarios/load.ts";
 * const s = parseScenario({ version: 1, population: { size: 100000 } });
 * const surge = new SurgeBeds(s);
 * const busy = { boarders: 20, inUse: 215, capacity: 215 };
 * assert.equal(surge.review(0, 0, busy), 0);
 * assert.equal(surge.review(0, 4 / 24, busy), surge.bedsBySite[0]);
 * assert.equal(surge.openBeds(0), surge.bedsBySite[0]);
 * ```
 */
export class SurgeBeds {
  /** Surge beds each site opens (0 = none). */
  readonly bedsBySite: number[];
  /** Boarders at or above which a site is under pressure. */
  readonly triggerBySite: number[];
  /** True when any site has surge beds. */
  readonly enabled: boolean;
  readonly #openAfterDays: number;
  readonly #closeAfterDays: number;
  readonly #open: boolean[];
  readonly #pressureSince: number[];
  readonly #quietSince: number[];

  /**
   * @param scenario A resolved scenario (reads `acute.surge` and each site's base beds).
   * @param options `unconstrained` disables surge.
   */
  constructor(scenario: Scenario, options: SurgeBedsOptions = {}) {
    const sg = scenario.acute.surge;
    const off = options.unconstrained ?? false;
    this.bedsBySite = scenario.hospitals.map((h) =>
      off ? 0 : Math.round(sg.bedsShare * h.acuteBeds)
    );
    this.triggerBySite = scenario.hospitals.map((h) =>
      Math.max(1, Math.round(sg.triggerBoardersPer100Beds * h.acuteBeds / 100))
    );
    this.enabled = this.bedsBySite.some((b) => b > 0);
    this.#openAfterDays = sg.triggerHours / 24;
    this.#closeAfterDays = sg.closeAfterHours / 24;
    this.#open = scenario.hospitals.map(() => false);
    this.#pressureSince = scenario.hospitals.map(() => -1);
    this.#quietSince = scenario.hospitals.map(() => -1);
  }

  /**
   * Surge beds open now at a site.
   *
   * @param site Site index.
   * @returns Beds (0 when closed).
   *
   * @example Closed at the start
   * ```ts
   * import assert from "node:assert/strict";
   * import { parseScenario } from "../../scenarios/load.ts";
   * assert.equal(new SurgeBeds(parseScenario({ version: 1, population: { size: 1000 } })).openBeds(0), 0);
   * ```
   */
  openBeds(site: number): number {
    return this.#open[site] ? this.bedsBySite[site] : 0;
  }

  /**
   * One bed review at a site: opens the surge beds after `triggerHours` of boarders at or
   * above the trigger; closes them after `closeAfterHours` with no boarders and at least the
   * surge beds' worth of beds empty.
   *
   * @param site Site index.
   * @param nowDays Simulation time, days.
   * @param state What the review sees.
   * @returns The change in open beds: +beds (opened), −beds (closed) or 0.
   *
   * @example Pressure must last: a short spike opens nothing
   * ```ts
   * import assert from "node:assert/strict";
   * import { parseScenario } from "../../scenarios/load.ts";
   * const surge = new SurgeBeds(parseScenario({ version: 1, population: { size: 100000 } }));
   * assert.equal(surge.review(0, 0, { boarders: 30, inUse: 215, capacity: 215 }), 0);
   * assert.equal(surge.review(0, 1 / 24, { boarders: 0, inUse: 215, capacity: 215 }), 0);
   * assert.equal(surge.review(0, 5 / 24, { boarders: 30, inUse: 215, capacity: 215 }), 0);
   * ```
   */
  review(site: number, nowDays: number, state: SiteState): number {
    const beds = this.bedsBySite[site];
    if (beds === 0) return 0;
    const eps = 1e-9;
    if (!this.#open[site]) {
      if (state.boarders < this.triggerBySite[site]) {
        this.#pressureSince[site] = -1;
        return 0;
      }
      if (this.#pressureSince[site] < 0) this.#pressureSince[site] = nowDays;
      if (nowDays - this.#pressureSince[site] < this.#openAfterDays - eps) return 0;
      this.#open[site] = true;
      this.#pressureSince[site] = -1;
      this.#quietSince[site] = -1;
      return beds;
    }
    if (state.boarders > 0 || state.inUse > state.capacity - beds) {
      this.#quietSince[site] = -1;
      return 0;
    }
    if (this.#quietSince[site] < 0) this.#quietSince[site] = nowDays;
    if (nowDays - this.#quietSince[site] < this.#closeAfterDays - eps) return 0;
    this.#open[site] = false;
    this.#quietSince[site] = -1;
    return -beds;
  }
}
