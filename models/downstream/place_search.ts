/**
 * The search for a suitable place in a service run by many providers (a care home, a
 * home-care agency with a carer in the area): even with room somewhere, a waiting person takes
 * time to find a place that fits (area, type, price). The search ends at a rate proportional to
 * the share of the service that is free, scaled so that it takes `meanDays` on average when the
 * service runs at its reference use; it lengthens as the service fills and stops while it is
 * full. Each waiter draws a unit-exponential need once; effort accrues as days × rate.
 *
 * @module
 */

import { PortableMath } from "../../sim/mod.ts";

/** How a service's search is set. */
export interface PlaceSearchSpec {
  /** Mean days to find a place when the service runs at `referenceUse`; 0: no search. */
  meanDays: number;
  /** The share of the service in use at which the search takes `meanDays` on average. */
  referenceUse: number;
}

/**
 * A new waiter's search need: 0 when there is no search (or in unconstrained runs), else a
 * unit exponential from the uniform `u`.
 *
 * @param u A uniform in [0, 1).
 * @param spec The service's search.
 * @param unconstrained Whether capacity limits are removed.
 * @returns The need.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(searchNeed(0.5, { meanDays: 0, referenceUse: 0.9 }, false), 0);
 * assert.equal(searchNeed(0.5, { meanDays: 3, referenceUse: 0.9 }, false), Math.log(2));
 * ```
 */
export function searchNeed(u: number, spec: PlaceSearchSpec, unconstrained: boolean): number {
  if (unconstrained || !(spec.meanDays > 0)) return 0;
  return -PortableMath.log(1 - u);
}

/**
 * Search effort over `days` with `freeShare` of the service free: days × freeShare ÷ ((1 −
 * referenceUse) × meanDays). At the reference use a need of 1 (the mean) takes `meanDays`.
 *
 * @param days Time elapsed, days.
 * @param freeShare Share of the service free (clamped to [0, 1]).
 * @param spec The service's search.
 * @returns The effort.
 *
 * @example At the reference use the mean need takes the mean days
 * ```ts
 * import assert from "node:assert/strict";
 * const spec = { meanDays: 4, referenceUse: 0.9 };
 * assert.ok(Math.abs(searchEffort(4, 0.1, spec) - 1) < 1e-12);
 * assert.equal(searchEffort(4, 0, spec), 0);
 * ```
 */
export function searchEffort(days: number, freeShare: number, spec: PlaceSearchSpec): number {
  if (!(days > 0) || !(spec.meanDays > 0)) return 0;
  const free = Math.min(1, Math.max(0, freeShare));
  return days * free / ((1 - spec.referenceUse) * spec.meanDays);
}
