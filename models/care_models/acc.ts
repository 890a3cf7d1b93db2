/**
 * `acc`: acute care collaboration. Hospitals in a network share capacity: a patient with no
 * free bed at their site transfers to the site with most free beds (after a transfer delay)
 * instead of boarding in ED. Needs two or more acute sites. No rate effects (no controlled
 * evaluation in evidence.md).
 *
 * @module
 */

import type { CareModelDefinition } from "./definition.ts";

const parts = (id: string, label: string) => [{
  id,
  label,
  interSiteTransferDelayHours: { triangular: { min: 2, mode: 4, max: 8 } },
  sources: {
    interSiteTransferDelayHours:
      "assumption: 2–8 hours to arrange and complete an inter-site transfer (not in evidence.md)",
    effects:
      "none: no controlled evaluation of ACC vanguards in evidence.md (A1 lists 2 ACC sites' forecasts only)",
  },
}];

/**
 * The ACC care model.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(ACC.presets.evidence[0].interSiteTransferDelayHours);
 * ```
 */
export const ACC: CareModelDefinition = {
  id: "acc",
  label: "Acute care collaboration",
  summary: "Shared bed capacity across a hospital network with inter-site transfers.",
  presets: {
    evidence: parts("acc", "ACC (evidence)"),
    "stated-ambition": parts("acc-ambition", "ACC (stated ambition: as evidence)"),
  },
};
