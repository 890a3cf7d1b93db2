import assert from "node:assert/strict";
import { createStream, RandomStream, streamKey } from "./stream.ts";
import {
  assertChiSquare,
  assertMoments,
  binomialPmf,
  draws,
  moments,
  pearson,
  poissonPmf,
} from "./_test_util.ts";

const N = 200_000;

Deno.test("createStream() is deterministic per (seed, replication, name)", async (t) => {
  await t.step("same key gives an identical sequence", () => {
    const a = createStream(7, 3, "arrivals");
    const b = new RandomStream(7, 3, "arrivals");
    for (let i = 0; i < 1000; i++) {
      assert.equal(a.random(), b.random());
      assert.equal(a.lognormal({ mean: 7, sd: 8 }), b.lognormal({ mean: 7, sd: 8 }));
      assert.equal(a.binomial(40000, 0.0003), b.binomial(40000, 0.0003));
    }
  });

  await t.step("the sequence is pinned (changing the key format breaks reproducibility)", () => {
    const s = createStream(1, 0, "arrivals");
    assert.equal(streamKey(1, 0, "arrivals"), '["caresim-stream-v1",1,0,"arrivals"]');
    assert.deepEqual([s.random(), s.random(), s.random()], PINNED);
  });

  await t.step("another seed, replication or name gives another sequence", () => {
    const base = draws(10, () => 0);
    const ref = createStream(1, 1, "x");
    for (let i = 0; i < 10; i++) base[i] = ref.random();
    for (const [seed, rep, name] of [[2, 1, "x"], [1, 2, "x"], [1, 1, "y"]] as const) {
      const s = createStream(seed, rep, name);
      const other = draws(10, () => s.random());
      assert.notDeepEqual(other, base, `${seed}/${rep}/${name}`);
    }
  });

  await t.step("getters report the key", () => {
    const s = createStream(4, 2, "svc");
    assert.deepEqual([s.seed, s.replication, s.name], [4, 2, "svc"]);
  });

  await t.step("keys of look-alike triples differ", () => {
    assert.notEqual(streamKey(1, 21, "a"), streamKey(12, 1, "a"));
    assert.notEqual(streamKey(1, 1, "1a"), streamKey(1, 11, "a"));
    assert.notEqual(streamKey(1, 1, 'a",1,"b'), streamKey(1, 1, "a"));
  });
});

// First three uniforms of createStream(1, 0, "arrivals"), pinned.
const PINNED = [0.813159700948745, 0.2808657526038587, 0.0684662526473403];

Deno.test("streams with look-alike keys are independent (|r| < 5/sqrt(n), lags -2..2)", () => {
  const n = 100_000;
  const bound = 5 / Math.sqrt(n);
  const pairs: Array<[[number, number, string], [number, number, string]]> = [
    [[1, 0, "arrivals"], [1, 0, "arrivals2"]],
    [[1, 1, "arrivals"], [1, 11, "arrivals"]],
    [[1, 21, "los"], [12, 1, "los"]],
    [[1, 0, "a"], [2, 0, "a"]],
    [[0, 0, "a"], [0, 0, "b"]],
    [[1, 0, "service"], [1, 1, "service"]],
  ];
  for (const [ka, kb] of pairs) {
    const a = createStream(...ka);
    const b = createStream(...kb);
    const xs = draws(n + 4, () => a.random());
    const ys = draws(n + 4, () => b.random());
    for (let lag = -2; lag <= 2; lag++) {
      const r = pearson(xs.subarray(2, 2 + n), ys.subarray(2 + lag, 2 + lag + n));
      assert.ok(Math.abs(r) < bound, `${ka} vs ${kb} lag ${lag}: r = ${r}`);
    }
  }
});

Deno.test("RandomStream continuous distributions match analytic mean and variance", async (t) => {
  const s = createStream(11, 0, "continuous");

  await t.step("random() is uniform on [0, 1)", () => {
    const xs = draws(N, () => s.random());
    assert.ok(xs.every((x) => x >= 0 && x < 1));
    assertMoments("random", xs, { mean: 0.5, variance: 1 / 12 });
  });

  await t.step("uniform({ min, max })", () => {
    const xs = draws(N, () => s.uniform({ min: 2, max: 5 }));
    assert.ok(xs.every((x) => x >= 2 && x < 5));
    assertMoments("uniform", xs, { mean: 3.5, variance: 9 / 12 });
    assert.equal(s.uniform({ min: 4, max: 4 }), 4);
  });

  await t.step("exponential(mean)", () => {
    assertMoments("exponential", draws(N, () => s.exponential(2)), { mean: 2, variance: 4 });
  });

  await t.step("normal({ mean, sd })", () => {
    const xs = draws(N, () => s.normal({ mean: 3, sd: 2 }));
    assertMoments("normal", xs, { mean: 3, variance: 4 });
    // Symmetry: P(X < mean) = 1/2.
    const below = xs.filter((x) => x < 3).length;
    assert.ok(Math.abs(below / N - 0.5) < 5 * Math.sqrt(0.25 / N));
  });

  await t.step("lognormal({ mean, sd }) uses the natural-scale mean and sd", () => {
    const mean = 7;
    const sd = 8;
    const xs = draws(N, () => s.lognormal({ mean, sd }));
    assertMoments("lognormal", xs, { mean, variance: sd * sd, checkVariance: false });
    const sigma2 = Math.log(1 + (sd * sd) / (mean * mean));
    const mu = Math.log(mean) - sigma2 / 2;
    assertMoments("log of lognormal", xs.map(Math.log), { mean: mu, variance: sigma2 });
    const mild = draws(N, () => s.lognormal({ mean: 10, sd: 2 }));
    assertMoments("lognormal cv 0.2", mild, { mean: 10, variance: 4 });
    assert.equal(s.lognormal({ mean: 3, sd: 0 }), 3);
  });

  await t.step("gamma({ mean, sd }) for shape above and below 1", () => {
    assertMoments("gamma shape 4", draws(N, () => s.gamma({ mean: 4, sd: 2 })), {
      mean: 4,
      variance: 4,
    });
    assertMoments("gamma shape 0.25", draws(N, () => s.gamma({ mean: 1, sd: 2 })), {
      mean: 1,
      variance: 4,
    });
    assert.equal(s.gamma({ mean: 3, sd: 0 }), 3);
  });

  await t.step("weibull({ shape, scale })", () => {
    // Γ(1 + 1/1.5) = Γ(5/3), Γ(1 + 2/1.5) = Γ(7/3).
    const g1 = 0.9027452929509336;
    const g2 = 1.190639348758999;
    assertMoments("weibull", draws(N, () => s.weibull({ shape: 1.5, scale: 10 })), {
      mean: 10 * g1,
      variance: 100 * (g2 - g1 * g1),
    });
  });

  await t.step("triangular({ min, mode, max })", () => {
    const xs = draws(N, () => s.triangular({ min: 1, mode: 2, max: 5 }));
    assert.ok(xs.every((x) => x >= 1 && x <= 5));
    assertMoments("triangular", xs, { mean: 8 / 3, variance: 13 / 18 });
    // P(X < mode) = (mode − min)/(max − min) = 1/4.
    const below = xs.filter((x) => x < 2).length / N;
    assert.ok(Math.abs(below - 0.25) < 5 * Math.sqrt(0.25 * 0.75 / N));
    assert.equal(s.triangular({ min: 2, mode: 2, max: 2 }), 2);
  });

  await t.step("beta({ alpha, beta }) including tiny shapes", () => {
    assertMoments("beta(2,5)", draws(N, () => s.beta({ alpha: 2, beta: 5 })), {
      mean: 2 / 7,
      variance: 10 / (49 * 8),
    });
    assertMoments("beta(0.5,0.5)", draws(N, () => s.beta({ alpha: 0.5, beta: 0.5 })), {
      mean: 0.5,
      variance: 0.125,
    });
    const tiny = draws(N, () => s.beta({ alpha: 0.01, beta: 0.02 }));
    assert.ok(tiny.every((x) => x >= 0 && x <= 1 && !Number.isNaN(x)));
    assertMoments("beta(0.01,0.02)", tiny, {
      mean: 1 / 3,
      variance: 0.0002 / (0.0009 * 1.03),
    });
  });

  await t.step("truncatedNormal in the body, both tails and a narrow far-tail window", () => {
    const half = draws(N, () => s.truncatedNormal({ mean: 0, sd: 1, min: 0, max: Infinity }));
    assertMoments("half-normal", half, { mean: Math.sqrt(2 / Math.PI), variance: 1 - 2 / Math.PI });
    const inner = draws(N, () => s.truncatedNormal({ mean: 0, sd: 1, min: -1, max: 1 }));
    assert.ok(inner.every((x) => x >= -1 && x <= 1));
    assertMoments("normal on [-1, 1]", inner, { mean: 0, variance: 0.29112509 });
    // Far tail z > 5: mean = φ(5)/Q(5), variance = 1 + 5·m − m².
    const m5 = 1.4867195147342977e-6 / 2.866515718791939e-7;
    const v5 = 1 + 5 * m5 - m5 * m5;
    const tail = draws(N, () => s.truncatedNormal({ mean: 10, sd: 2, min: 20, max: Infinity }));
    assertMoments("upper tail", tail, { mean: 10 + 2 * m5, variance: 4 * v5 });
    const low = draws(N, () => s.truncatedNormal({ mean: 0, sd: 1, min: -Infinity, max: -5 }));
    assertMoments("lower tail", low, { mean: -m5, variance: v5 });
    const narrow = draws(N, () => s.truncatedNormal({ mean: 0, sd: 1, min: 5, max: 5.05 }));
    assert.ok(narrow.every((x) => x >= 5 && x <= 5.05));
    // Density ∝ exp(−z²/2) on a narrow window ≈ exponential with rate 5, truncated at 0.05.
    const rate = 5.025; // mean of z over the window
    const w = 0.05;
    const expMean = 1 / rate - w / (Math.exp(rate * w) - 1);
    assert.ok(Math.abs(moments(narrow).mean - (5 + expMean)) < 2e-4);
  });
});

Deno.test("RandomStream discrete distributions match analytic mean and variance", async (t) => {
  const s = createStream(12, 0, "discrete");

  await t.step("integer({ min, max }) is uniform over the inclusive range", () => {
    const xs = draws(N, () => s.integer({ min: 1, max: 6 }));
    assert.ok(xs.every((x) => Number.isInteger(x) && x >= 1 && x <= 6));
    assertMoments("die", xs, { mean: 3.5, variance: 35 / 12 });
    assertChiSquare("die", xs.map((x) => x - 1), () => 1 / 6, 5);
  });

  await t.step("bernoulli(p)", () => {
    const xs = draws(N, () => (s.bernoulli(0.3) ? 1 : 0));
    assertMoments("bernoulli", xs, { mean: 0.3, variance: 0.21 });
    assert.equal(s.bernoulli(0), false);
    assert.equal(s.bernoulli(1), true);
  });

  await t.step("poisson(mean) for small (inversion) and large (PTRS) means", () => {
    for (const mean of [0.05, 0.5, 5, 9.99, 10, 50, 1e5]) {
      const xs = draws(N, () => s.poisson(mean));
      assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0), `poisson(${mean}) integers`);
      assertMoments(`poisson(${mean})`, xs, { mean, variance: mean });
    }
    assert.equal(s.poisson(0), 0);
  });

  await t.step("poisson chi-square goodness of fit", () => {
    assertChiSquare("poisson(3)", draws(N, () => s.poisson(3)), poissonPmf(3), 15);
    assertChiSquare("poisson(30)", draws(N, () => s.poisson(30)), poissonPmf(30), 70);
  });

  await t.step("binomial(n, p) for small and large n·p, and p > 0.5", () => {
    const cases: Array<[number, number]> = [
      [5, 0.5],
      [20, 0.1],
      [40000, 0.0002],
      [40000, 0.0003],
      [1_000_000, 0.3],
      [100, 0.9],
      [1000, 0.995],
    ];
    for (const [n, p] of cases) {
      const xs = draws(N, () => s.binomial(n, p));
      assert.ok(xs.every((x) => Number.isInteger(x) && x >= 0 && x <= n), `binomial(${n},${p})`);
      assertMoments(`binomial(${n},${p})`, xs, { mean: n * p, variance: n * p * (1 - p) });
    }
    assert.equal(s.binomial(0, 0.5), 0);
    assert.equal(s.binomial(10, 0), 0);
    assert.equal(s.binomial(10, 1), 10);
  });

  await t.step("binomial chi-square goodness of fit (inversion, BTRS, symmetry)", () => {
    assertChiSquare(
      "binomial(10,0.3)",
      draws(N, () => s.binomial(10, 0.3)),
      binomialPmf(10, 0.3),
      10,
    );
    assertChiSquare(
      "binomial(40000,0.0003)",
      draws(N, () => s.binomial(40000, 0.0003)),
      binomialPmf(40000, 0.0003),
      40,
    );
    assertChiSquare(
      "binomial(100,0.7)",
      draws(N, () => s.binomial(100, 0.7)),
      binomialPmf(100, 0.7),
      100,
    );
  });

  await t.step("alternating parameters do not corrupt the cached set-up", () => {
    const a = draws(N, () => s.binomial(40000, 0.0003));
    const xs = new Float64Array(N);
    const ys = new Float64Array(N);
    for (let i = 0; i < N; i++) {
      xs[i] = s.binomial(40000, 0.0003);
      ys[i] = s.binomial(50, 0.1);
    }
    assertMoments("binomial interleaved A", xs, { mean: 12, variance: 12 * 0.9997 });
    assertMoments("binomial interleaved B", ys, { mean: 5, variance: 4.5 });
    assertMoments("binomial alone", a, { mean: 12, variance: 12 * 0.9997 });
  });

  await t.step("empirical({ values, weights }) with unnormalised weights", () => {
    const xs = draws(N, () => s.empirical({ values: [0, 1, 2, 3], weights: [1, 2, 0, 7] }));
    assert.ok(!xs.includes(2), "zero-weight value never drawn");
    assertChiSquare("empirical", xs, (k) => [0.1, 0.2, 0, 0.7][k], 3);
    assert.equal(s.empirical({ values: ["only"], weights: [3] }), "only");
  });
});

Deno.test("RandomStream rejects invalid parameters with RangeError/TypeError naming the rule", () => {
  const s = createStream(0, 0, "errors");
  const cases: Array<[() => unknown, typeof RangeError | typeof TypeError, string]> = [
    [
      () => createStream(-1, 0, "x"),
      RangeError,
      "seed must be a non-negative integer, received -1",
    ],
    [
      () => createStream(1.5, 0, "x"),
      RangeError,
      "seed must be a non-negative integer, received 1.5",
    ],
    [() => createStream(1, -2, "x"), RangeError, "replication must be a non-negative integer"],
    [() => createStream(1, 0, ""), RangeError, "name must not be empty"],
    [() => createStream("1" as unknown as number, 0, "x"), TypeError, "seed must be a number"],
    [() => createStream(1, 0, 5 as unknown as string), TypeError, "name must be a string"],
    [
      () => s.lognormal({ mean: 7, sd: -1 }),
      RangeError,
      "Cannot sample lognormal: sd must be >= 0, received -1",
    ],
    [
      () => s.lognormal({ mean: 0, sd: 1 }),
      RangeError,
      "Cannot sample lognormal: mean must be > 0, received 0",
    ],
    [() => s.exponential(0), RangeError, "Cannot sample exponential: mean must be > 0, received 0"],
    [() => s.exponential(Infinity), RangeError, "mean must be finite, received Infinity"],
    [() => s.exponential(NaN), TypeError, "mean must be a number, received NaN"],
    [() => s.normal({ mean: 0, sd: -2 }), RangeError, "Cannot sample normal: sd must be >= 0"],
    [() => s.gamma({ mean: -1, sd: 1 }), RangeError, "Cannot sample gamma: mean must be > 0"],
    [
      () => s.weibull({ shape: 0, scale: 1 }),
      RangeError,
      "Cannot sample weibull: shape must be > 0",
    ],
    [() => s.weibull({ shape: 1, scale: -1 }), RangeError, "scale must be > 0, received -1"],
    [
      () => s.uniform({ min: 3, max: 1 }),
      RangeError,
      "Cannot sample uniform: min must be <= max (1), received 3",
    ],
    [
      () => s.integer({ min: 1.5, max: 3 }),
      RangeError,
      "Cannot sample integer: min must be an integer",
    ],
    [() => s.integer({ min: 5, max: 3 }), RangeError, "min must be <= max (3), received 5"],
    [() => s.integer({ min: 0, max: 2 ** 40 }), RangeError, "max - min + 1 must be <= 2^32"],
    [
      () => s.triangular({ min: 0, mode: 5, max: 4 }),
      RangeError,
      "mode must be <= max (4), received 5",
    ],
    [
      () => s.triangular({ min: 1, mode: 0, max: 4 }),
      RangeError,
      "min must be <= mode (0), received 1",
    ],
    [() => s.poisson(-1), RangeError, "Cannot sample poisson: mean must be >= 0, received -1"],
    [
      () => s.binomial(10, 1.5),
      RangeError,
      "Cannot sample binomial: p must be in [0, 1], received 1.5",
    ],
    [() => s.binomial(-1, 0.5), RangeError, "n must be a non-negative integer, received -1"],
    [() => s.binomial(2.5, 0.5), RangeError, "n must be a non-negative integer, received 2.5"],
    [
      () => s.bernoulli(-0.1),
      RangeError,
      "Cannot sample bernoulli: p must be in [0, 1], received -0.1",
    ],
    [() => s.beta({ alpha: 0, beta: 1 }), RangeError, "Cannot sample beta: alpha must be > 0"],
    [
      () => s.empirical({ values: [1, 2], weights: [1] }),
      RangeError,
      "weights must have one entry per value (2), received 1",
    ],
    [() => s.empirical({ values: [], weights: [] }), RangeError, "values must not be empty"],
    [
      () => s.empirical({ values: [1], weights: [-1] }),
      RangeError,
      "weights[0] must be >= 0, received -1",
    ],
    [
      () => s.empirical({ values: [1, 2], weights: [0, 0] }),
      RangeError,
      "weights must have a positive finite sum, received 0",
    ],
    [
      () => s.empirical({ values: 3 as unknown as number[], weights: [1] }),
      TypeError,
      "values must be an array",
    ],
    [
      () => s.truncatedNormal({ mean: 0, sd: 1, min: 2, max: 1 }),
      RangeError,
      "Cannot sample truncatedNormal: min must be < max (1), received 2",
    ],
    [
      () => s.truncatedNormal({ mean: 5, sd: 0, min: 0, max: 1 }),
      RangeError,
      "with sd 0 the mean must lie in [min, max]",
    ],
    [
      () => s.truncatedNormal({ mean: 0, sd: -1, min: 0, max: 1 }),
      RangeError,
      "sd must be >= 0, received -1",
    ],
  ];
  for (const [fn, cls, fragment] of cases) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof cls, `${fragment}: got ${e}`);
      assert.ok(
        (e as Error).message.includes(fragment),
        `"${(e as Error).message}" lacks "${fragment}"`,
      );
      return true;
    });
  }
});
