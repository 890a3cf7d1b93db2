/**
 * Named, seeded random streams: one independent generator per (seed, replication, name).
 *
 * @module
 */

// @ts-types="npm:@types/seedrandom@3.0.8"
import seedrandom from "npm:seedrandom@3.0.5";
import { checkEmpirical, type EmpiricalSpec } from "./empirical_table.ts";
import { logGamma } from "../numerics/log_gamma.ts";
import { lognormalParams } from "../numerics/lognormal.ts";
import { exp, log, log1p } from "../numerics/portable_exp_log.ts";
import { pow } from "../numerics/portable_pow.ts";
import {
  requireAtLeast,
  requireCount,
  requireFinite,
  requireNumber,
  requireProbability,
  show,
} from "./_validate.ts";

const KEY_VERSION = "caresim-stream-v1";
const TWO_POW_32 = 4294967296;

/** Stirling-series tail corrections log(k!) − Stirling(k) for k = 0..9 (Hörmann 1993). */
const STIRLING_TAIL = [
  0.0810614667953272,
  0.0413406959554092,
  0.0276779256849983,
  0.02079067210376509,
  0.0166446911898211,
  0.0138761288230707,
  0.0118967099458917,
  0.0104112652619720,
  0.00925546218271273,
  0.00833056343336287,
];

function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k];
  const kp1sq = (k + 1) * (k + 1);
  return (1 / 12 - (1 / 360 - 1 / 1260 / kp1sq) / kp1sq) / (k + 1);
}

/**
 * Builds the unambiguous seeding key of a stream. Exposed for diagnostics; two different
 * (seed, replication, name) triples always give different keys.
 *
 * @param seed Master seed.
 * @param replication Replication index.
 * @param name Stream name.
 * @returns The key string fed to the generator's seeding hash.
 *
 * @example Keys differ for look-alike triples
 * ```ts
 * import assert from "node:assert/strict";
 * assert.notEqual(streamKey(1, 21, "a"), streamKey(12, 1, "a"));
 * ```
 */
export function streamKey(seed: number, replication: number, name: string): string {
  return JSON.stringify([KEY_VERSION, seed, replication, name]);
}

/**
 * Creates the random stream for (seed, replication, name). The same triple always gives the
 * same sequence; streams of different triples are independent (Alea generator, seeded by
 * hashing an unambiguous key), so adding a stream never shifts another.
 *
 * @param seed Master seed, a non-negative safe integer.
 * @param replication Replication index, a non-negative safe integer.
 * @param name Stream name, a non-empty string (e.g. "arrivals").
 * @returns A new {@linkcode RandomStream} positioned at the start of its sequence.
 * @throws {TypeError} If seed or replication is not a number, or name is not a string.
 * @throws {RangeError} If seed or replication is negative or not an integer, or name is empty.
 *
 * @example Same key, same sequence
 * ```ts
 * import assert from "node:assert/strict";
 * const a = createStream(1, 0, "arrivals");
 * const b = createStream(1, 0, "arrivals");
 * assert.equal(a.random(), b.random());
 * ```
 */
export function createStream(seed: number, replication: number, name: string): RandomStream {
  return new RandomStream(seed, replication, name);
}

/**
 * A seeded pseudo-random stream with distributions parameterised on the natural scale (as a
 * planner speaks: mean and sd of the quantity itself). Uniforms have 32-bit resolution
 * (multiples of 2^-32). Every method validates its parameters and throws a RangeError (or a
 * TypeError for a wrong type) naming the rule and the received value; nothing is clamped.
 * Hot paths allocate nothing.
 *
 * @example Draw a length of stay
 * ```ts
 * import assert from "node:assert/strict";
 * const los = new RandomStream(1, 0, "los");
 * const days = los.lognormal({ mean: 7, sd: 8 });
 * assert.ok(days > 0);
 * ```
 */
export class RandomStream {
  #seed: number;
  #replication: number;
  #name: string;
  #next: () => number;
  #spareNormal = 0;
  #hasSpare = false;
  // Cached set-up of the last poisson mean and binomial (n, p).
  #poisMean = NaN;
  #poisA = 0;
  #poisB = 0;
  #poisC = 0;
  #poisD = 0;
  #binN = NaN;
  #binP = NaN;
  #binA = 0;
  #binB = 0;
  #binC = 0;
  #binD = 0;
  #binE = 0;
  #binF = 0;
  #binM = 0;

  /**
   * Creates the stream for (seed, replication, name); prefer {@linkcode createStream}.
   *
   * @param seed Master seed, a non-negative safe integer.
   * @param replication Replication index, a non-negative safe integer.
   * @param name Stream name, a non-empty string.
   * @throws {TypeError} If an argument has the wrong type.
   * @throws {RangeError} If seed/replication is negative or fractional, or name is empty.
   *
   * @example Construct directly
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(new RandomStream(3, 1, "service").name, "service");
   * ```
   */
  constructor(seed: number, replication: number, name: string) {
    requireCount("create a random stream", "seed", seed);
    requireCount("create a random stream", "replication", replication);
    if (typeof name !== "string") {
      throw new TypeError(
        `Cannot create a random stream: name must be a string, received ${show(name)}`,
      );
    }
    if (name.length === 0) {
      throw new RangeError(`Cannot create a random stream: name must not be empty, received ""`);
    }
    this.#seed = seed;
    this.#replication = replication;
    this.#name = name;
    this.#next = seedrandom.alea(streamKey(seed, replication, name));
  }

  /**
   * The master seed.
   *
   * @returns The seed given at creation.
   *
   * @example Seed
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(createStream(5, 0, "x").seed, 5);
   * ```
   */
  get seed(): number {
    return this.#seed;
  }

  /**
   * The replication index.
   *
   * @returns The replication given at creation.
   *
   * @example Replication
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(createStream(5, 2, "x").replication, 2);
   * ```
   */
  get replication(): number {
    return this.#replication;
  }

  /**
   * The stream name.
   *
   * @returns The name given at creation.
   *
   * @example Name
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(createStream(5, 2, "x").name, "x");
   * ```
   */
  get name(): string {
    return this.#name;
  }

  /**
   * A uniform number in [0, 1) (32-bit resolution).
   *
   * @returns The next uniform.
   *
   * @example Uniform
   * ```ts
   * import assert from "node:assert/strict";
   * const u = createStream(1, 0, "u").random();
   * assert.ok(u >= 0 && u < 1);
   * ```
   */
  random(): number {
    return this.#next();
  }

  /**
   * A continuous uniform number in [min, max).
   *
   * @param options The bounds `{ min, max }`, finite with min <= max.
   * @returns A draw (min when min == max).
   * @throws {RangeError} If a bound is not finite or min > max.
   *
   * @example Uniform between bounds
   * ```ts
   * import assert from "node:assert/strict";
   * const x = createStream(1, 0, "u").uniform({ min: 2, max: 5 });
   * assert.ok(x >= 2 && x < 5);
   * ```
   */
  uniform(options: { min: number; max: number }): number {
    const { min, max } = options;
    requireFinite("sample uniform", "min", min);
    requireFinite("sample uniform", "max", max);
    if (min > max) {
      throw new RangeError(`Cannot sample uniform: min must be <= max (${max}), received ${min}`);
    }
    return min + (max - min) * this.#next();
  }

  /**
   * A uniform integer in [min, max], both inclusive.
   *
   * @param options `{ min, max }`: safe integers, min <= max, at most 2^32 values.
   * @returns A draw.
   * @throws {RangeError} If a bound is not an integer, min > max, or the range is too wide.
   *
   * @example Roll a die
   * ```ts
   * import assert from "node:assert/strict";
   * const k = createStream(1, 0, "die").integer({ min: 1, max: 6 });
   * assert.ok(Number.isInteger(k) && k >= 1 && k <= 6);
   * ```
   */
  integer(options: { min: number; max: number }): number {
    const { min, max } = options;
    requireNumber("sample integer", "min", min);
    requireNumber("sample integer", "max", max);
    if (!Number.isSafeInteger(min)) {
      throw new RangeError(`Cannot sample integer: min must be an integer, received ${min}`);
    }
    if (!Number.isSafeInteger(max)) {
      throw new RangeError(`Cannot sample integer: max must be an integer, received ${max}`);
    }
    if (min > max) {
      throw new RangeError(`Cannot sample integer: min must be <= max (${max}), received ${min}`);
    }
    const size = max - min + 1;
    if (size > TWO_POW_32) {
      throw new RangeError(
        `Cannot sample integer: max - min + 1 must be <= 2^32, received ${size}`,
      );
    }
    return min + Math.floor(this.#next() * size);
  }

  /**
   * An exponential draw with the given mean (rate = 1 / mean).
   *
   * @param mean The mean, finite and > 0.
   * @returns A draw in [0, ∞).
   * @throws {RangeError} If mean <= 0 or not finite.
   *
   * @example Inter-arrival time
   * ```ts
   * import assert from "node:assert/strict";
   * assert.ok(createStream(1, 0, "ia").exponential(0.5) >= 0);
   * ```
   */
  exponential(mean: number): number {
    requireAtLeast("sample exponential", "mean", mean, 0, true);
    return -mean * log(1 - this.#next());
  }

  /**
   * A normal draw (Marsaglia polar method; the spare deviate is cached, deterministically).
   *
   * @param options `{ mean, sd }`: finite, sd >= 0.
   * @returns A draw.
   * @throws {RangeError} If mean is not finite or sd < 0.
   *
   * @example Normal
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(createStream(1, 0, "n").normal({ mean: 3, sd: 0 }), 3);
   * ```
   */
  normal(options: { mean: number; sd: number }): number {
    const { mean, sd } = options;
    requireFinite("sample normal", "mean", mean);
    requireAtLeast("sample normal", "sd", sd, 0);
    return mean + sd * this.#standardNormal();
  }

  /**
   * A lognormal draw parameterised by the mean and sd of the variable itself (not of its
   * log): sigma² = ln(1 + sd²/mean²), mu = ln(mean) − sigma²/2.
   *
   * @param options `{ mean, sd }`: mean > 0, sd >= 0, both finite.
   * @returns A draw in (0, ∞) (exactly mean when sd == 0).
   * @throws {RangeError} If mean <= 0 or sd < 0 or either is not finite.
   *
   * @example Length of stay with mean 7 days, sd 8 days
   * ```ts
   * import assert from "node:assert/strict";
   * assert.ok(createStream(1, 0, "los").lognormal({ mean: 7, sd: 8 }) > 0);
   * ```
   */
  lognormal(options: { mean: number; sd: number }): number {
    const { mean, sd } = options;
    requireAtLeast("sample lognormal", "mean", mean, 0, true);
    requireAtLeast("sample lognormal", "sd", sd, 0);
    if (sd === 0) return mean;
    const { mu, sigma } = lognormalParams({ mean, sd });
    return exp(mu + sigma * this.#standardNormal());
  }

  /**
   * A gamma draw parameterised by mean and sd (shape = mean²/sd², scale = sd²/mean;
   * Marsaglia–Tsang, with the u^(1/shape) boost for shape < 1).
   *
   * @param options `{ mean, sd }`: mean > 0, sd >= 0, both finite.
   * @returns A draw in [0, ∞) (exactly mean when sd == 0).
   * @throws {RangeError} If mean <= 0 or sd < 0 or either is not finite.
   *
   * @example Gamma
   * ```ts
   * import assert from "node:assert/strict";
   * assert.ok(createStream(1, 0, "g").gamma({ mean: 4, sd: 2 }) >= 0);
   * ```
   */
  gamma(options: { mean: number; sd: number }): number {
    const { mean, sd } = options;
    requireAtLeast("sample gamma", "mean", mean, 0, true);
    requireAtLeast("sample gamma", "sd", sd, 0);
    if (sd === 0) return mean;
    const scale = (sd * sd) / mean;
    return scale * this.#standardGamma(mean / scale);
  }

  /**
   * A Weibull draw, scale · (−ln(1 − U))^(1/shape).
   *
   * @param options `{ shape, scale }`: both finite and > 0.
   * @returns A draw in [0, ∞).
   * @throws {RangeError} If shape or scale is <= 0 or not finite.
   *
   * @example Weibull
   * ```ts
   * import assert from "node:assert/strict";
   * assert.ok(createStream(1, 0, "w").weibull({ shape: 1.5, scale: 10 }) >= 0);
   * ```
   */
  weibull(options: { shape: number; scale: number }): number {
    const { shape, scale } = options;
    requireAtLeast("sample weibull", "shape", shape, 0, true);
    requireAtLeast("sample weibull", "scale", scale, 0, true);
    return scale * pow(-log(1 - this.#next()), 1 / shape);
  }

  /**
   * A triangular draw by inversion.
   *
   * @param options `{ min, mode, max }`: finite, min <= mode <= max.
   * @returns A draw in [min, max].
   * @throws {RangeError} If a value is not finite or the order is violated.
   *
   * @example Triangular
   * ```ts
   * import assert from "node:assert/strict";
   * const x = createStream(1, 0, "t").triangular({ min: 1, mode: 2, max: 5 });
   * assert.ok(x >= 1 && x <= 5);
   * ```
   */
  triangular(options: { min: number; mode: number; max: number }): number {
    const { min, mode, max } = options;
    requireFinite("sample triangular", "min", min);
    requireFinite("sample triangular", "mode", mode);
    requireFinite("sample triangular", "max", max);
    if (min > mode) {
      throw new RangeError(
        `Cannot sample triangular: min must be <= mode (${mode}), received ${min}`,
      );
    }
    if (mode > max) {
      throw new RangeError(
        `Cannot sample triangular: mode must be <= max (${max}), received ${mode}`,
      );
    }
    const u = this.#next();
    const width = max - min;
    if (width === 0) return min;
    if (u * width < mode - min) return min + Math.sqrt(u * width * (mode - min));
    return max - Math.sqrt((1 - u) * width * (max - mode));
  }

  /**
   * A Poisson count: inversion (one uniform) for mean < 10, PTRS transformed rejection
   * (Hörmann 1993) above — O(1) expected time for any mean.
   *
   * @param mean The mean, finite and >= 0.
   * @returns A non-negative integer.
   * @throws {RangeError} If mean < 0 or not finite.
   *
   * @example Poisson
   * ```ts
   * import assert from "node:assert/strict";
   * assert.ok(Number.isInteger(createStream(1, 0, "p").poisson(5)));
   * ```
   */
  poisson(mean: number): number {
    requireAtLeast("sample poisson", "mean", mean, 0);
    if (mean === 0) return 0;
    if (mean !== this.#poisMean) this.#setUpPoisson(mean);
    return mean < 10 ? this.#poissonInversion(mean) : this.#poissonPtrs(mean);
  }

  /**
   * A binomial count: inversion for n·min(p, 1−p) < 10, BTRS transformed rejection
   * (Hörmann 1993) above, with symmetry for p > 0.5 — O(1) expected time for any n.
   *
   * @param n Number of trials, a non-negative safe integer.
   * @param p Success probability in [0, 1].
   * @returns An integer in [0, n].
   * @throws {RangeError} If n is not a non-negative integer or p is outside [0, 1].
   *
   * @example Binomial
   * ```ts
   * import assert from "node:assert/strict";
   * const k = createStream(1, 0, "b").binomial(40000, 0.0003);
   * assert.ok(Number.isInteger(k) && k >= 0 && k <= 40000);
   * ```
   */
  binomial(n: number, p: number): number {
    requireCount("sample binomial", "n", n);
    requireProbability("sample binomial", "p", p);
    if (n === 0 || p === 0) return 0;
    if (p === 1) return n;
    if (n !== this.#binN || p !== this.#binP) this.#setUpBinomial(n, p);
    const q = p > 0.5 ? 1 - p : p;
    const k = n * q < 10 ? this.#binomialInversion(n) : this.#binomialBtrs(n);
    return p > 0.5 ? n - k : k;
  }

  /**
   * A Bernoulli trial.
   *
   * @param p Success probability in [0, 1].
   * @returns true with probability p.
   * @throws {RangeError} If p is outside [0, 1].
   *
   * @example Bernoulli
   * ```ts
   * import assert from "node:assert/strict";
   * assert.equal(createStream(1, 0, "b").bernoulli(1), true);
   * ```
   */
  bernoulli(p: number): boolean {
    requireProbability("sample bernoulli", "p", p);
    return this.#next() < p;
  }

  /**
   * A draw from a discrete distribution given as values and relative weights (weights need
   * not sum to 1). O(n) per call; for repeated sampling build an `EmpiricalTable` once,
   * which gives identical draws.
   *
   * @typeParam T Type of the values.
   * @param spec `{ values, weights }`: equal lengths, weights finite, >= 0, not all 0.
   * @returns One of the values.
   * @throws {TypeError} If values/weights are not arrays.
   * @throws {RangeError} If lengths differ, values is empty, or a weight is invalid.
   *
   * @example Weighted choice
   * ```ts
   * import assert from "node:assert/strict";
   * const v = createStream(1, 0, "e").empirical({ values: [1, 2, 3], weights: [0, 0, 5] });
   * assert.equal(v, 3);
   * ```
   */
  empirical<T>(spec: EmpiricalSpec<T>): T {
    const total = checkEmpirical("sample empirical", spec);
    const { values, weights } = spec;
    const target = this.#next() * total;
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      sum += weights[i];
      if (sum > target) return values[i];
    }
    return values[values.length - 1];
  }

  /**
   * A beta draw, X/(X+Y) with X ~ Gamma(alpha), Y ~ Gamma(beta) (computed on the log scale so
   * small shapes do not underflow).
   *
   * @param options `{ alpha, beta }`: both finite and > 0.
   * @returns A draw in [0, 1].
   * @throws {RangeError} If alpha or beta is <= 0 or not finite.
   *
   * @example Beta
   * ```ts
   * import assert from "node:assert/strict";
   * const x = createStream(1, 0, "beta").beta({ alpha: 2, beta: 5 });
   * assert.ok(x >= 0 && x <= 1);
   * ```
   */
  beta(options: { alpha: number; beta: number }): number {
    const { alpha, beta } = options;
    requireAtLeast("sample beta", "alpha", alpha, 0, true);
    requireAtLeast("sample beta", "beta", beta, 0, true);
    const lx = this.#logStandardGamma(alpha);
    const ly = this.#logStandardGamma(beta);
    return 1 / (1 + exp(ly - lx));
  }

  /**
   * A normal draw conditioned on [min, max] (exact rejection samplers after Robert 1995:
   * normal, uniform or exponential proposals chosen by the interval; efficient in far tails).
   *
   * @param options `{ mean, sd, min, max }`: mean finite, sd >= 0, min < max (either may be
   * infinite); when sd == 0 the mean must lie in [min, max].
   * @returns A draw in [min, max].
   * @throws {RangeError} On invalid parameters.
   *
   * @example Positive-only normal
   * ```ts
   * import assert from "node:assert/strict";
   * const x = createStream(1, 0, "tn").truncatedNormal({ mean: 1, sd: 2, min: 0, max: Infinity });
   * assert.ok(x >= 0);
   * ```
   */
  truncatedNormal(options: { mean: number; sd: number; min: number; max: number }): number {
    const { mean, sd, min, max } = options;
    const action = "sample truncatedNormal";
    requireFinite(action, "mean", mean);
    requireAtLeast(action, "sd", sd, 0);
    requireNumber(action, "min", min);
    requireNumber(action, "max", max);
    if (!(min < max)) {
      throw new RangeError(`Cannot ${action}: min must be < max (${max}), received ${min}`);
    }
    if (sd === 0) {
      if (mean < min || mean > max) {
        throw new RangeError(
          `Cannot ${action}: with sd 0 the mean must lie in [min, max] ([${min}, ${max}]), received ${mean}`,
        );
      }
      return mean;
    }
    const a = (min - mean) / sd;
    const b = (max - mean) / sd;
    let z: number;
    if (a >= 0) z = this.#tailNormal(a, b);
    else if (b <= 0) z = -this.#tailNormal(-b, -a);
    else z = this.#straddleNormal(a, b);
    const x = mean + sd * z;
    // Guard against rounding just outside the interval (never more than an ulp or so).
    return x < min ? min : x > max ? max : x;
  }

  // ---------------------------------------------------------------- private samplers

  #standardNormal(): number {
    if (this.#hasSpare) {
      this.#hasSpare = false;
      return this.#spareNormal;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.#next() - 1;
      v = 2 * this.#next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const m = Math.sqrt((-2 * log(s)) / s);
    this.#spareNormal = v * m;
    this.#hasSpare = true;
    return u * m;
  }

  /** Gamma(shape, scale 1) draw, Marsaglia–Tsang. */
  #standardGamma(shape: number): number {
    if (shape < 1) {
      // Gamma(k) = Gamma(k + 1) · U^(1/k).
      const g = this.#standardGamma(shape + 1);
      return g * pow(this.#next(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.#standardNormal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.#next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v;
      if (log(u) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
    }
  }

  /** log of a Gamma(shape, 1) draw, without underflow for small shapes. */
  #logStandardGamma(shape: number): number {
    if (shape < 1) {
      return log(this.#standardGamma(shape + 1)) + log(this.#next()) / shape;
    }
    return log(this.#standardGamma(shape));
  }

  /** Standard normal conditioned on [a, b] with 0 <= a < b <= Infinity. */
  #tailNormal(a: number, b: number): number {
    const lambda = 0.5 * (a + Math.sqrt(a * a + 4));
    if (b - a < 1 / lambda) {
      // Uniform proposal on [a, b]; density ratio exp((a² − z²)/2) <= 1.
      for (;;) {
        const z = a + (b - a) * this.#next();
        if (this.#next() <= exp(0.5 * (a * a - z * z))) return z;
      }
    }
    // Translated exponential proposal (Robert 1995).
    for (;;) {
      const z = a - log(1 - this.#next()) / lambda;
      const u = this.#next();
      if (z > b) continue;
      const d = z - lambda;
      if (u <= exp(-0.5 * d * d)) return z;
    }
  }

  /** Standard normal conditioned on [a, b] with a < 0 < b. */
  #straddleNormal(a: number, b: number): number {
    if (b - a < 2.5066282746310002) {
      // Uniform proposal; density ratio exp(−z²/2) <= 1 since 0 is inside.
      for (;;) {
        const z = a + (b - a) * this.#next();
        if (this.#next() <= exp(-0.5 * z * z)) return z;
      }
    }
    for (;;) {
      const z = this.#standardNormal();
      if (z >= a && z <= b) return z;
    }
  }

  #setUpPoisson(mean: number): void {
    this.#poisMean = mean;
    if (mean < 10) {
      this.#poisA = exp(-mean);
      return;
    }
    const slam = Math.sqrt(mean);
    const b = 0.931 + 2.53 * slam;
    this.#poisB = b;
    this.#poisA = -0.059 + 0.02483 * b;
    this.#poisC = log(1.1239 + 1.1328 / (b - 3.4)); // log(1/alpha)
    this.#poisD = 0.9277 - 3.6224 / (b - 2); // v_r
  }

  #poissonInversion(mean: number): number {
    const u = this.#next();
    let p = this.#poisA;
    let cdf = p;
    let k = 0;
    while (u >= cdf) {
      k++;
      p *= mean / k;
      const next = cdf + p;
      if (next === cdf) break; // remaining tail below double resolution
      cdf = next;
    }
    return k;
  }

  #poissonPtrs(mean: number): number {
    const a = this.#poisA;
    const b = this.#poisB;
    const logInvAlpha = this.#poisC;
    const vr = this.#poisD;
    const logMean = log(mean);
    for (;;) {
      const u = this.#next() - 0.5;
      const v = this.#next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      if (
        log(v) + logInvAlpha - log(a / (us * us) + b) <=
          -mean + k * logMean - logGamma(k + 1)
      ) {
        return k;
      }
    }
  }

  #setUpBinomial(n: number, p: number): void {
    this.#binN = n;
    this.#binP = p;
    const q = p > 0.5 ? 1 - p : p;
    if (n * q < 10) {
      this.#binA = exp(n * log1p(-q)); // P(X = 0)
      this.#binB = q / (1 - q);
      this.#binC = Math.min(n, n * q + 10 * Math.sqrt(n * q * (1 - q) + 1)); // search bound
      return;
    }
    const sd = Math.sqrt(n * q * (1 - q));
    const b = 1.15 + 2.53 * sd;
    this.#binB = b;
    this.#binA = -0.0873 + 0.0248 * b + 0.01 * q;
    this.#binC = n * q + 0.5;
    this.#binD = 0.92 - 4.2 / b; // v_r
    this.#binE = q / (1 - q); // r
    this.#binF = (2.83 + 5.1 / b) * sd; // alpha
    this.#binM = Math.floor((n + 1) * q);
  }

  #binomialInversion(n: number): number {
    const p0 = this.#binA;
    const ratio = this.#binB;
    const bound = this.#binC;
    for (;;) {
      let u = this.#next();
      let px = p0;
      let k = 0;
      while (u >= px) {
        u -= px;
        k++;
        if (k > bound) break;
        px *= ((n - k + 1) / k) * ratio;
      }
      if (k <= bound) return k;
      // Rounding carried us past any plausible value: redraw (probability ~ 1e-20).
    }
  }

  #binomialBtrs(n: number): number {
    const a = this.#binA;
    const b = this.#binB;
    const c = this.#binC;
    const vr = this.#binD;
    const r = this.#binE;
    const alpha = this.#binF;
    const m = this.#binM;
    for (;;) {
      const u = this.#next() - 0.5;
      let v = this.#next();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + c);
      if (k < 0 || k > n) continue;
      if (us >= 0.07 && v <= vr) return k;
      v = log((v * alpha) / (a / (us * us) + b));
      const bound = (m + 0.5) * log((m + 1) / (r * (n - m + 1))) +
        (n + 1) * log((n - m + 1) / (n - k + 1)) +
        (k + 0.5) * log((r * (n - k + 1)) / (k + 1)) +
        stirlingTail(m) + stirlingTail(n - m) - stirlingTail(k) - stirlingTail(n - k);
      if (v <= bound) return k;
    }
  }
}
