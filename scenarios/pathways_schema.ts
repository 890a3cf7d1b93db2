/**
 * The `pathways` block of the scenario format: discharge-to-assess pathways configured as the
 * IPACS model configures them (nhs-bnssg-analytics/ipacs-model): per locality, pathway 1
 * (home-based visits), 2 (bed-based rehabilitation) or 3 (short-stay assessment beds, apart
 * from permanent care-home places), each with its capacity, length-of-service distribution, an
 * initial queue of delayed patients and initial occupants, a weekly arrival profile, and
 * reneging on or off. Referrals come either from a Poisson process at `arrivalsPerDay`
 * (`demand: "standalone"`, the IPACS model on its own, for peer comparison) or from the
 * whole-system model's own acute discharges routed to the pathway in the same run
 * (`demand: "acute-discharges"`).
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { distributionWithin } from "./distribution_range.ts";
import type { Pathway, PathwayInput } from "./schema_types.ts";

/**
 * One discharge-to-assess pathway of one locality.
 *
 * @example The IPACS pathway-2 bed model for one locality
 * ```ts
 * import assert from "node:assert/strict";
 * const p = pathwaySchema.parse({
 *   id: "bristol-p2",
 *   locality: "bristol",
 *   pathway: 2,
 *   capacity: 60,
 *   arrivalsPerDay: 3,
 *   lengthOfStayDays: { lognormal: { mean: 18, sd: 12 } },
 * });
 * assert.deepEqual(p.weeklyProfile, [1, 1, 1, 1, 1, 1, 1]);
 * assert.equal(p.reneging.enabled, false);
 * assert.equal(p.waitAt, "acute");
 * assert.equal(p.demand, "standalone");
 * ```
 */
export const pathwaySchema: z.ZodType<Pathway, PathwayInput> = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.:-]+$/, { message: "expected letters, digits, _ . : -" })
    .meta({ description: "Pathway id, unique (e.g. bristol-p2)." }),
  locality: z.string().min(1).meta({ description: "Locality the pathway serves." }),
  pathway: z.union([z.literal(1), z.literal(2), z.literal(3)]).meta({
    description:
      "1: home-based visits; 2: bed-based rehabilitation; 3: short-stay assessment beds (not permanent care-home places).",
  }),
  capacity: z.number().int().min(0).meta({
    description:
      "Patients served at once: visit slots (caseload) for pathway 1, beds for pathways 2 and 3.",
  }),
  demand: z.enum(["standalone", "acute-discharges"]).default("standalone").meta({
    description:
      'Where referrals come from. "standalone": a Poisson process at arrivalsPerDay with the weekly profile (the IPACS model on its own). "acute-discharges": the whole-system model\'s own medically fit patients routed to this pathway in the same run (pathway 1: reablement or a home-care package; 2: an intermediate-care bed; 3: a care home), at the time each is fit for discharge; arrivalsPerDay and weeklyProfile are then unused.',
  }),
  arrivalsPerDay: z.number().min(0).max(10000).optional().meta({
    description:
      'Mean referrals a day from acute (Poisson), before the weekly profile; required when demand is "standalone".',
  }),
  weeklyProfile: z.array(z.number().min(0)).length(7).default([1, 1, 1, 1, 1, 1, 1])
    .refine((w) => w.some((x) => x > 0), { message: "expected at least one day with arrivals" })
    .meta({
      description:
        "Relative arrivals Monday to Sunday (scaled to average 1): e.g. [1.2,1.2,1.2,1.2,1.2,0.5,0.5].",
    }),
  lengthOfStayDays: distributionWithin(0, Infinity, "days of service").meta({
    description: "Length of service, days (a distribution, e.g. lognormal by mean and sd).",
  }),
  initialQueue: z.number().int().min(0).default(0).meta({
    description: "Delayed patients already waiting at the start.",
  }),
  initialOccupants: z.number().int().min(0).default(0).meta({
    description:
      "Patients in service at the start; each has a uniform share of a drawn length of service left.",
  }),
  reneging: z.strictObject({
    enabled: z.boolean().default(false),
    meanDays: z.number().positive().default(3).meta({
      description: "Mean wait before a waiting patient finds another route (exponential).",
    }),
  }).prefault({}).meta({ description: "Whether waiting patients give up (off by default)." }),
  waitAt: z.enum(["acute", "home"]).default("acute").meta({
    description:
      "Where patients wait for a place: in their acute bed (delayed transfers, costed) or at home (discharge to assess).",
  }),
}).refine((p) => p.initialOccupants <= p.capacity, {
  message: "expected initialOccupants at most capacity",
  path: ["initialOccupants"],
}).refine((p) => p.demand !== "standalone" || p.arrivalsPerDay !== undefined, {
  message:
    'expected a number of referrals a day for a standalone pathway, or demand: "acute-discharges" to take the model\'s own discharges',
  path: ["arrivalsPerDay"],
});

export type { Pathway, PathwayInput } from "./schema_types.ts";
