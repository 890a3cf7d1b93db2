/**
 * Distributions in scenarios whose every draw must fall in a range (an effect that is a rate
 * ratio must stay ≥ 0, a probability in [0, 1], a capacity within its bound): the range a
 * distribution can draw from is worked out from its kind and parameters, and a distribution
 * that can leave the allowed range is rejected with the fix.
 *
 * @module
 */

import { z } from "npm:zod@4.1.12";
import { type Distribution, distributionFromSpec, type DistributionSpec } from "../sim/mod.ts";

/**
 * The smallest and largest values a distribution can draw (infinite where unbounded).
 *
 * @param d A distribution.
 * @returns `[low, high]`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { distributionFromSpec } from "../sim/mod.ts";
 * assert.deepEqual(drawRange(distributionFromSpec({ normal: { mean: 1, sd: 1 } })), [-Infinity, Infinity]);
 * assert.deepEqual(drawRange(distributionFromSpec({ triangular: { min: 0.7, mode: 0.8, max: 1 } })), [0.7, 1]);
 * ```
 */
export function drawRange(d: Distribution): [number, number] {
  const p = d.params as Record<string, number>;
  switch (d.kind) {
    case "fixed":
      return [p.value, p.value];
    case "triangular":
    case "uniform":
    case "truncatedNormal":
      return [p.min, p.max];
    case "beta":
      return [0, 1];
    case "binomial":
      return [0, p.n];
    case "empirical": {
      const values = d.params.values as readonly number[];
      return [Math.min(...values), Math.max(...values)];
    }
    case "normal":
      return [-Infinity, Infinity];
    default: // exponential, lognormal, gamma, weibull, poisson
      return [0, Infinity];
  }
}

/**
 * The schema of a distribution whose draws must lie in `[min, max]`.
 *
 * @param min Smallest allowed draw.
 * @param max Largest allowed draw.
 * @param what What the value is, for the message (e.g. "a rate ratio").
 * @returns A schema of distribution specs.
 *
 * @example A normal effect can go negative
 * ```ts
 * import assert from "node:assert/strict";
 * const schema = distributionWithin(0, 20, "a rate ratio");
 * assert.equal(schema.safeParse({ normal: { mean: 0.9, sd: 10 } }).success, false);
 * assert.equal(schema.safeParse({ truncatedNormal: { mean: 0.9, sd: 10, min: 0, max: 2 } }).success, true);
 * ```
 */
export function distributionWithin(
  min: number,
  max: number,
  what: string,
): z.ZodType<DistributionSpec> {
  return z.union([z.number(), z.record(z.string(), z.unknown())]).superRefine((v, ctx) => {
    let d: Distribution;
    try {
      d = distributionFromSpec(v);
    } catch (e) {
      const why = (e as Error).message.replace(/^Cannot [^:]+: /, "");
      ctx.addIssue({ code: "custom", message: `expected a valid distribution (${why})` });
      return;
    }
    const [low, high] = drawRange(d);
    if (low < min || high > max) {
      ctx.addIssue({
        code: "custom",
        message: `expected ${what}: every draw in [${min}, ${max}], but ${d} can draw ${
          low < min ? low : high
        } (use fixed, uniform, triangular or truncatedNormal within the range)`,
      });
    }
  }) as unknown as z.ZodType<DistributionSpec>;
}
