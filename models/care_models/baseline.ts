/**
 * `baseline`: no care model (the comparator). Applying it must change nothing.
 *
 * @module
 */

import type { CareModelDefinition } from "./definition.ts";

const none = [{
  id: "baseline",
  label: "Baseline (no new care model)",
  sources: { effects: "none: the comparator" },
}];

/**
 * The baseline care model: no effects, capacity or staff.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(BASELINE.presets.evidence[0].effects, undefined);
 * ```
 */
export const BASELINE: CareModelDefinition = {
  id: "baseline",
  label: "Baseline",
  summary: "Today's services, no new care model.",
  presets: { evidence: none, "stated-ambition": none },
};
