/**
 * Distribution value objects (Ciw style): immutable, validated at construction, know their
 * mean, print readably, and draw from a {@linkcode RandomStream}. Also the plain-data spec form
 * used by scenario files: `{ "lognormal": { "mean": 7, "sd": 8 } }` or a bare number (fixed).
 *
 * @module
 */

import type { RandomStream } from "./stream.ts";
import { EmpiricalTable } from "./empirical_table.ts";
import { logGamma } from "../numerics/log_gamma.ts";
import { exp } from "../numerics/portable_exp_log.ts";
import {
  requireAtLeast,
  requireCount,
  requireFinite,
  requireNumber,
  requireObject,
  requireProbability,
  show,
} from "./_validate.ts";

/** The names of the distribution kinds, as used in specs. */
export const DISTRIBUTION_KINDS = [
  "fixed",
  "exponential",
  "lognormal",
  "gamma",
  "weibull",
  "triangular",
  "uniform",
  "normal",
  "truncatedNormal",
  "beta",
  "poisson",
  "binomial",
  "empirical",
] as const;

/** One of {@linkcode DISTRIBUTION_KINDS}. */
export type DistributionKind = typeof DISTRIBUTION_KINDS[number];

/** Plain-data form of a distribution: a bare number (fixed) or `{ kind: params }`. */
export type DistributionSpec =
  | number
  | { fixed: number | { value: number } }
  | { exponential: number | { mean: number } }
  | { poisson: number | { mean: number } }
  | { lognormal: { mean: number; sd: number } }
  | { gamma: { mean: number; sd: number } }
  | { normal: { mean: number; sd: number } }
  | { truncatedNormal: { mean: number; sd: number; min: number; max: number } }
  | { weibull: { shape: number; scale: number } }
  | { triangular: { min: number; mode: number; max: number } }
  | { uniform: { min: number; max: number } }
  | { beta: { alpha: number; beta: number } }
  | { binomial: { n: number; p: number } }
  | { empirical: { values: readonly number[]; weights: readonly number[] } };

/** An immutable, validated distribution of numbers. */
export interface Distribution {
  /** Which kind of distribution this is. */
  readonly kind: DistributionKind;
  /** The parameters as given (frozen). */
  readonly params: Readonly<Record<string, number | readonly number[]>>;
  /** The analytic mean. */
  readonly mean: number;
  /** Draws one value from `stream`. */
  sample(stream: RandomStream): number;
  /** A readable rendering, e.g. `lognormal(mean=7, sd=8)`. */
  toString(): string;
  /** The plain-data spec, e.g. `{ lognormal: { mean: 7, sd: 8 } }`. */
  toJSON(): DistributionSpec;
}

function make(
  kind: DistributionKind,
  params: Record<string, number | readonly number[]>,
  mean: number,
  sample: (stream: RandomStream) => number,
): Distribution {
  const frozen = Object.freeze({ ...params });
  const text = `${kind}(${
    Object.entries(frozen).map(([k, v]) => `${k}=${Array.isArray(v) ? `[${v.join(", ")}]` : v}`)
      .join(", ")
  })`;
  return Object.freeze({
    kind,
    params: frozen,
    mean,
    sample,
    toString: () => text,
    toJSON: () => ({ [kind]: { ...frozen } }) as DistributionSpec,
  });
}

const create = (kind: string) =>
  `create ${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind} distribution`;

/**
 * A constant.
 *
 * @param value The value, finite.
 * @returns A distribution that always returns `value` (consumes no random numbers).
 * @throws {RangeError} If value is not finite.
 *
 * @example Fixed
 * ```ts
 * import assert from "node:assert/strict";
 * import { createStream } from "./stream.ts";
 * assert.equal(fixed(3).sample(createStream(0, 0, "x")), 3);
 * ```
 */
export function fixed(value: number): Distribution {
  requireFinite(create("fixed"), "value", value);
  return make("fixed", { value }, value, () => value);
}

/**
 * Exponential with the given mean.
 *
 * @param mean The mean, finite and > 0.
 * @returns The distribution.
 * @throws {RangeError} If mean <= 0 or not finite.
 *
 * @example Exponential
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(exponential(2).mean, 2);
 * ```
 */
export function exponential(mean: number): Distribution {
  requireAtLeast(create("exponential"), "mean", mean, 0, true);
  return make("exponential", { mean }, mean, (s) => s.exponential(mean));
}

/**
 * Lognormal by the mean and sd of the variable itself (natural scale).
 *
 * @param options `{ mean, sd }`: mean > 0, sd >= 0.
 * @returns The distribution.
 * @throws {RangeError} If mean <= 0, sd < 0, or either is not finite.
 *
 * @example Length of stay
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(String(lognormal({ mean: 7, sd: 8 })), "lognormal(mean=7, sd=8)");
 * ```
 */
export function lognormal(options: { mean: number; sd: number }): Distribution {
  requireObject(create("lognormal"), "the options", options);
  const { mean, sd } = options;
  requireAtLeast(create("lognormal"), "mean", mean, 0, true);
  requireAtLeast(create("lognormal"), "sd", sd, 0);
  const p = { mean, sd };
  return make("lognormal", p, mean, (s) => s.lognormal(p));
}

/**
 * Gamma by mean and sd (shape = mean²/sd², scale = sd²/mean).
 *
 * @param options `{ mean, sd }`: mean > 0, sd >= 0.
 * @returns The distribution.
 * @throws {RangeError} If mean <= 0, sd < 0, or either is not finite.
 *
 * @example Gamma
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(gamma({ mean: 4, sd: 2 }).mean, 4);
 * ```
 */
export function gamma(options: { mean: number; sd: number }): Distribution {
  requireObject(create("gamma"), "the options", options);
  const { mean, sd } = options;
  requireAtLeast(create("gamma"), "mean", mean, 0, true);
  requireAtLeast(create("gamma"), "sd", sd, 0);
  const p = { mean, sd };
  return make("gamma", p, mean, (s) => s.gamma(p));
}

/**
 * Weibull with shape and scale; mean = scale · Γ(1 + 1/shape).
 *
 * @param options `{ shape, scale }`: both > 0 and finite.
 * @returns The distribution.
 * @throws {RangeError} If shape or scale is <= 0 or not finite.
 *
 * @example Weibull with shape 1 is exponential
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Math.abs(weibull({ shape: 1, scale: 3 }).mean - 3) < 1e-12);
 * ```
 */
export function weibull(options: { shape: number; scale: number }): Distribution {
  requireObject(create("weibull"), "the options", options);
  const { shape, scale } = options;
  requireAtLeast(create("weibull"), "shape", shape, 0, true);
  requireAtLeast(create("weibull"), "scale", scale, 0, true);
  const p = { shape, scale };
  return make("weibull", p, scale * exp(logGamma(1 + 1 / shape)), (s) => s.weibull(p));
}

/**
 * Triangular on [min, max] with the given mode.
 *
 * @param options `{ min, mode, max }`: finite, min <= mode <= max.
 * @returns The distribution.
 * @throws {RangeError} If a value is not finite or the order is violated.
 *
 * @example Triangular
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(triangular({ min: 0, mode: 3, max: 6 }).mean, 3);
 * ```
 */
export function triangular(options: { min: number; mode: number; max: number }): Distribution {
  const action = create("triangular");
  requireObject(action, "the options", options);
  const { min, mode, max } = options;
  requireFinite(action, "min", min);
  requireFinite(action, "mode", mode);
  requireFinite(action, "max", max);
  if (min > mode) {
    throw new RangeError(`Cannot ${action}: min must be <= mode (${mode}), received ${min}`);
  }
  if (mode > max) {
    throw new RangeError(`Cannot ${action}: mode must be <= max (${max}), received ${mode}`);
  }
  const p = { min, mode, max };
  return make("triangular", p, (min + mode + max) / 3, (s) => s.triangular(p));
}

/**
 * Continuous uniform on [min, max).
 *
 * @param options `{ min, max }`: finite, min <= max.
 * @returns The distribution.
 * @throws {RangeError} If a bound is not finite or min > max.
 *
 * @example Uniform
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(uniform({ min: 2, max: 4 }).mean, 3);
 * ```
 */
export function uniform(options: { min: number; max: number }): Distribution {
  const action = create("uniform");
  requireObject(action, "the options", options);
  const { min, max } = options;
  requireFinite(action, "min", min);
  requireFinite(action, "max", max);
  if (min > max) {
    throw new RangeError(`Cannot ${action}: min must be <= max (${max}), received ${min}`);
  }
  const p = { min, max };
  return make("uniform", p, (min + max) / 2, (s) => s.uniform(p));
}

/**
 * Normal with mean and sd.
 *
 * @param options `{ mean, sd }`: finite, sd >= 0.
 * @returns The distribution.
 * @throws {RangeError} If mean is not finite or sd < 0.
 *
 * @example Normal
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(normal({ mean: 1, sd: 2 }).mean, 1);
 * ```
 */
export function normal(options: { mean: number; sd: number }): Distribution {
  requireObject(create("normal"), "the options", options);
  const { mean, sd } = options;
  requireFinite(create("normal"), "mean", mean);
  requireAtLeast(create("normal"), "sd", sd, 0);
  const p = { mean, sd };
  return make("normal", p, mean, (s) => s.normal(p));
}

/**
 * Normal(mean, sd) conditioned on [min, max]; `mean` is that of the untruncated normal, the
 * distribution's `.mean` is the truncated mean (computed numerically, accurate to ~1e-8·sd).
 *
 * @param options `{ mean, sd, min, max }`: mean finite, sd >= 0, min < max (may be
 * infinite); with sd == 0 the mean must lie in [min, max].
 * @returns The distribution.
 * @throws {RangeError} On invalid parameters.
 *
 * @example Half-normal
 * ```ts
 * import assert from "node:assert/strict";
 * const d = truncatedNormal({ mean: 0, sd: 1, min: 0, max: Infinity });
 * assert.ok(Math.abs(d.mean - Math.sqrt(2 / Math.PI)) < 1e-6);
 * ```
 */
export function truncatedNormal(
  options: { mean: number; sd: number; min: number; max: number },
): Distribution {
  const action = create("truncatedNormal");
  requireObject(action, "the options", options);
  const { mean, sd, min, max } = options;
  requireFinite(action, "mean", mean);
  requireAtLeast(action, "sd", sd, 0);
  requireNumber(action, "min", min);
  requireNumber(action, "max", max);
  if (!(min < max)) {
    throw new RangeError(`Cannot ${action}: min must be < max (${max}), received ${min}`);
  }
  if (sd === 0 && (mean < min || mean > max)) {
    throw new RangeError(
      `Cannot ${action}: with sd 0 the mean must lie in [min, max] ([${min}, ${max}]), received ${mean}`,
    );
  }
  const p = { mean, sd, min, max };
  const m = sd === 0
    ? mean
    : mean + sd * truncatedStandardNormalMean((min - mean) / sd, (max - mean) / sd);
  return make("truncatedNormal", p, m, (s) => s.truncatedNormal(p));
}

/** Mean of a standard normal conditioned on [a, b], by Simpson's rule around the mode. */
function truncatedStandardNormalMean(a: number, b: number): number {
  const z0 = a > 0 ? a : b < 0 ? b : 0; // point of highest density in [a, b]
  const reach = Math.min(12, 40 / Math.max(1, Math.abs(z0)));
  const lo = Math.max(a, z0 - reach);
  const hi = Math.min(b, z0 + reach);
  const panels = 2000;
  const h = (hi - lo) / panels;
  if (!(h > 0)) return z0;
  let num = 0;
  let den = 0;
  for (let i = 0; i <= panels; i++) {
    const z = lo + i * h;
    const w = i === 0 || i === panels ? 1 : i % 2 === 1 ? 4 : 2;
    const f = w * exp(-0.5 * (z * z - z0 * z0));
    num += f * z;
    den += f;
  }
  return num / den;
}

/**
 * Beta with shape parameters alpha and beta.
 *
 * @param options `{ alpha, beta }`: both > 0 and finite.
 * @returns The distribution on [0, 1].
 * @throws {RangeError} If alpha or beta is <= 0 or not finite.
 *
 * @example Beta
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(beta({ alpha: 1, beta: 3 }).mean, 0.25);
 * ```
 */
export function beta(options: { alpha: number; beta: number }): Distribution {
  requireObject(create("beta"), "the options", options);
  const { alpha, beta } = options;
  requireAtLeast(create("beta"), "alpha", alpha, 0, true);
  requireAtLeast(create("beta"), "beta", beta, 0, true);
  const p = { alpha, beta };
  return make("beta", p, alpha / (alpha + beta), (s) => s.beta(p));
}

/**
 * Poisson with the given mean.
 *
 * @param mean The mean, finite and >= 0.
 * @returns The distribution (integer values).
 * @throws {RangeError} If mean < 0 or not finite.
 *
 * @example Poisson
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(poisson(5).mean, 5);
 * ```
 */
export function poisson(mean: number): Distribution {
  requireAtLeast(create("poisson"), "mean", mean, 0);
  return make("poisson", { mean }, mean, (s) => s.poisson(mean));
}

/**
 * Binomial: successes in n trials of probability p.
 *
 * @param options `{ n, p }`: n a non-negative integer, p in [0, 1].
 * @returns The distribution (integer values).
 * @throws {RangeError} If n is not a non-negative integer or p is outside [0, 1].
 *
 * @example Binomial
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(binomial({ n: 10, p: 0.5 }).mean, 5);
 * ```
 */
export function binomial(options: { n: number; p: number }): Distribution {
  requireObject(create("binomial"), "the options", options);
  const { n, p } = options;
  requireCount(create("binomial"), "n", n);
  requireProbability(create("binomial"), "p", p);
  return make("binomial", { n, p }, n * p, (s) => s.binomial(n, p));
}

/**
 * A discrete distribution over numbers with relative weights (precomputed table).
 *
 * @param options `{ values, weights }`: equal lengths, weights >= 0, not all 0.
 * @returns The distribution.
 * @throws {TypeError} If values/weights are not arrays.
 * @throws {RangeError} If lengths differ, values is empty, or a weight is invalid.
 *
 * @example Empirical
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(empirical({ values: [1, 3], weights: [1, 1] }).mean, 2);
 * ```
 */
export function empirical(
  options: { values: readonly number[]; weights: readonly number[] },
): Distribution {
  const action = create("empirical");
  requireObject(action, "the options", options);
  const table = new EmpiricalTable(options);
  const values = Object.freeze([...table.values]);
  values.forEach((v, i) => requireFinite(action, `values[${i}]`, v));
  const weights = Object.freeze([...options.weights]);
  const probabilities = table.probabilities();
  const mean = values.reduce((acc, v, i) => acc + v * probabilities[i], 0);
  return make("empirical", { values, weights }, mean, (s) => table.sample(s));
}

type Fields = readonly string[];
const SPEC_FIELDS: Record<DistributionKind, Fields> = {
  fixed: ["value"],
  exponential: ["mean"],
  poisson: ["mean"],
  lognormal: ["mean", "sd"],
  gamma: ["mean", "sd"],
  normal: ["mean", "sd"],
  truncatedNormal: ["mean", "sd", "min", "max"],
  weibull: ["shape", "scale"],
  triangular: ["min", "mode", "max"],
  uniform: ["min", "max"],
  beta: ["alpha", "beta"],
  binomial: ["n", "p"],
  empirical: ["values", "weights"],
};

/**
 * Builds a distribution from its plain-data spec: a bare number (fixed), or an object with
 * exactly one key naming the kind whose value holds the parameters. `fixed`, `exponential`
 * and `poisson` also accept a bare number as their parameter. Unknown or missing parameter
 * names are errors (catches misspellings).
 *
 * @param spec E.g. `{ "lognormal": { "mean": 7, "sd": 8 } }`, `{ "exponential": 2 }` or `3`.
 * @returns The validated distribution.
 * @throws {TypeError} If the spec has the wrong shape, an unknown kind (the message lists the
 * valid kinds), or unknown/missing parameter names.
 * @throws {RangeError} If a parameter is out of range.
 *
 * @example From scenario data
 * ```ts
 * import assert from "node:assert/strict";
 * const d = distributionFromSpec({ lognormal: { mean: 7, sd: 8 } });
 * assert.equal(d.kind, "lognormal");
 * assert.equal(distributionFromSpec(4).mean, 4);
 * ```
 */
export function distributionFromSpec(spec: DistributionSpec | unknown): Distribution {
  const action = "read a distribution spec";
  if (typeof spec === "number") return fixed(spec);
  if (typeof spec !== "object" || spec === null || Array.isArray(spec)) {
    throw new TypeError(
      `Cannot ${action}: expected a number or an object like { "lognormal": { "mean": 7, "sd": 8 } }, received ${
        show(spec)
      }`,
    );
  }
  const keys = Object.keys(spec);
  if (keys.length !== 1) {
    throw new TypeError(
      `Cannot ${action}: expected exactly one key naming the kind (${
        DISTRIBUTION_KINDS.join(", ")
      }), received keys [${keys.join(", ")}]`,
    );
  }
  const kind = keys[0];
  if (!(DISTRIBUTION_KINDS as readonly string[]).includes(kind)) {
    throw new TypeError(
      `Cannot ${action}: unknown kind ${JSON.stringify(kind)}; valid kinds are ${
        DISTRIBUTION_KINDS.join(", ")
      }`,
    );
  }
  const k = kind as DistributionKind;
  let params = (spec as Record<string, unknown>)[k];
  const fields = SPEC_FIELDS[k];
  if (typeof params === "number" && fields.length === 1) params = { [fields[0]]: params };
  if (typeof params !== "object" || params === null || Array.isArray(params)) {
    throw new TypeError(
      `Cannot ${action}: ${k} parameters must be an object with ${fields.join(", ")}, received ${
        show(params)
      }`,
    );
  }
  const given = Object.keys(params);
  const unknown = given.filter((g) => !fields.includes(g));
  if (unknown.length > 0) {
    throw new TypeError(
      `Cannot ${action}: unknown ${k} parameter ${JSON.stringify(unknown[0])}; expected ${
        fields.join(", ")
      }`,
    );
  }
  const missing = fields.filter((f) => !given.includes(f));
  if (missing.length > 0) {
    throw new TypeError(
      `Cannot ${action}: ${k} parameter ${JSON.stringify(missing[0])} is missing, received ${
        show(params)
      }`,
    );
  }
  // deno-lint-ignore no-explicit-any
  const p = params as any;
  switch (k) {
    case "fixed":
      return fixed(p.value);
    case "exponential":
      return exponential(p.mean);
    case "poisson":
      return poisson(p.mean);
    case "lognormal":
      return lognormal(p);
    case "gamma":
      return gamma(p);
    case "normal":
      return normal(p);
    case "truncatedNormal":
      return truncatedNormal(p);
    case "weibull":
      return weibull(p);
    case "triangular":
      return triangular(p);
    case "uniform":
      return uniform(p);
    case "beta":
      return beta(p);
    case "binomial":
      return binomial(p);
    case "empirical":
      return empirical(p);
  }
}
