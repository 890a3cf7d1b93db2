import assert from "node:assert/strict";
import {
  beta,
  binomial,
  type Distribution,
  DISTRIBUTION_KINDS,
  distributionFromSpec,
  type DistributionSpec,
  empirical,
  exponential,
  fixed,
  gamma,
  lognormal,
  normal,
  poisson,
  triangular,
  truncatedNormal,
  uniform,
  weibull,
} from "./distribution.ts";
import { createStream } from "./stream.ts";
import { moments } from "./_test_util.ts";

const ALL: Array<[Distribution, (s: ReturnType<typeof createStream>) => number]> = [
  [fixed(2.5), () => 2.5],
  [exponential(3), (s) => s.exponential(3)],
  [lognormal({ mean: 7, sd: 8 }), (s) => s.lognormal({ mean: 7, sd: 8 })],
  [gamma({ mean: 4, sd: 3 }), (s) => s.gamma({ mean: 4, sd: 3 })],
  [weibull({ shape: 2, scale: 5 }), (s) => s.weibull({ shape: 2, scale: 5 })],
  [triangular({ min: 1, mode: 2, max: 6 }), (s) => s.triangular({ min: 1, mode: 2, max: 6 })],
  [uniform({ min: -1, max: 3 }), (s) => s.uniform({ min: -1, max: 3 })],
  [normal({ mean: 5, sd: 2 }), (s) => s.normal({ mean: 5, sd: 2 })],
  [
    truncatedNormal({ mean: 10, sd: 5, min: 0, max: 12 }),
    (s) => s.truncatedNormal({ mean: 10, sd: 5, min: 0, max: 12 }),
  ],
  [beta({ alpha: 2, beta: 3 }), (s) => s.beta({ alpha: 2, beta: 3 })],
  [poisson(12), (s) => s.poisson(12)],
  [binomial({ n: 50, p: 0.2 }), (s) => s.binomial(50, 0.2)],
  [
    empirical({ values: [1, 5, 9], weights: [2, 1, 1] }),
    (s) => s.empirical({ values: [1, 5, 9], weights: [2, 1, 1] }),
  ],
];

Deno.test("Distribution.sample() draws exactly what the stream method draws", () => {
  for (const [d, direct] of ALL) {
    const a = createStream(1, 0, "same");
    const b = createStream(1, 0, "same");
    for (let i = 0; i < 200; i++) assert.equal(d.sample(a), direct(b), String(d));
  }
});

Deno.test("Distribution.mean matches the sample mean (within 5 SE)", () => {
  const s = createStream(2, 0, "means");
  const n = 100_000;
  for (const [d] of ALL) {
    const xs = new Float64Array(n);
    for (let i = 0; i < n; i++) xs[i] = d.sample(s);
    const m = moments(xs);
    const se = Math.sqrt(m.variance / n);
    assert.ok(Math.abs(m.mean - d.mean) <= 5 * se + 1e-12, `${d}: ${m.mean} vs ${d.mean}`);
  }
});

Deno.test("Distribution.mean is analytic", () => {
  assert.equal(lognormal({ mean: 7, sd: 8 }).mean, 7);
  assert.ok(Math.abs(weibull({ shape: 2, scale: 5 }).mean - 5 * Math.sqrt(Math.PI) / 2) < 1e-12);
  assert.ok(Math.abs(weibull({ shape: 0.5, scale: 1 }).mean - 2) < 1e-12); // Γ(3) = 2
  assert.equal(triangular({ min: 1, mode: 2, max: 6 }).mean, 3);
  assert.equal(empirical({ values: [1, 5, 9], weights: [2, 1, 1] }).mean, 4);
  assert.equal(binomial({ n: 50, p: 0.2 }).mean, 10);
  assert.equal(beta({ alpha: 2, beta: 3 }).mean, 0.4);
  // Half-normal and a far tail: mean = φ(a)/Q(a).
  const half = truncatedNormal({ mean: 0, sd: 1, min: 0, max: Infinity });
  assert.ok(Math.abs(half.mean - Math.sqrt(2 / Math.PI)) < 1e-7);
  const far = truncatedNormal({ mean: 0, sd: 1, min: 5, max: Infinity });
  assert.ok(Math.abs(far.mean - 1.4867195147342977e-6 / 2.866515718791939e-7) < 1e-6);
  const farther = truncatedNormal({ mean: 0, sd: 1, min: 40, max: Infinity });
  assert.ok(Math.abs(farther.mean - 40.02496) < 1e-4, `${farther.mean}`);
  const symmetric = truncatedNormal({ mean: 3, sd: 1, min: 1, max: 5 });
  assert.ok(Math.abs(symmetric.mean - 3) < 1e-9);
});

Deno.test("Distribution objects are immutable and print readably", () => {
  const d = lognormal({ mean: 7, sd: 8 });
  assert.equal(String(d), "lognormal(mean=7, sd=8)");
  assert.equal(d.kind, "lognormal");
  assert.deepEqual(d.params, { mean: 7, sd: 8 });
  assert.ok(Object.isFrozen(d) && Object.isFrozen(d.params));
  assert.throws(() => {
    (d.params as Record<string, number>).mean = 1;
  }, TypeError);
  assert.equal(
    String(empirical({ values: [1, 2], weights: [3, 1] })),
    "empirical(values=[1, 2], weights=[3, 1])",
  );
  assert.equal(String(fixed(4)), "fixed(value=4)");
});

Deno.test("distributionFromSpec() builds every kind and round-trips through toJSON()", async (t) => {
  await t.step("round trip", () => {
    for (const [d] of ALL) {
      const spec = JSON.parse(JSON.stringify(d)) as DistributionSpec;
      const back = distributionFromSpec(spec);
      assert.equal(String(back), String(d));
      assert.equal(back.mean, d.mean);
    }
    assert.deepEqual(
      new Set(ALL.map(([d]) => d.kind)),
      new Set(DISTRIBUTION_KINDS),
      "every kind is covered",
    );
  });

  await t.step("shorthands", () => {
    assert.equal(String(distributionFromSpec(3)), "fixed(value=3)");
    assert.equal(String(distributionFromSpec({ exponential: 2 })), "exponential(mean=2)");
    assert.equal(String(distributionFromSpec({ poisson: { mean: 4 } })), "poisson(mean=4)");
    assert.equal(String(distributionFromSpec({ fixed: 1 })), "fixed(value=1)");
  });

  await t.step("errors name the problem", () => {
    const cases: Array<[unknown, typeof RangeError | typeof TypeError, string]> = [
      [
        { lognormel: { mean: 7, sd: 8 } },
        TypeError,
        'unknown kind "lognormel"; valid kinds are fixed, exponential, lognormal',
      ],
      [
        { lognormal: { mean: 7, sdev: 8 } },
        TypeError,
        'unknown lognormal parameter "sdev"; expected mean, sd',
      ],
      [{ lognormal: { mean: 7 } }, TypeError, 'lognormal parameter "sd" is missing'],
      [{ lognormal: 7 }, TypeError, "lognormal parameters must be an object with mean, sd"],
      [{}, TypeError, "expected exactly one key naming the kind"],
      [{ fixed: 1, exponential: 2 }, TypeError, "received keys [fixed, exponential]"],
      ["7", TypeError, 'expected a number or an object like { "lognormal"'],
      [null, TypeError, "received null"],
      [
        { lognormal: { mean: 7, sd: -1 } },
        RangeError,
        "Cannot create a lognormal distribution: sd must be >= 0, received -1",
      ],
      [
        { exponential: 0 },
        RangeError,
        "Cannot create an exponential distribution: mean must be > 0, received 0",
      ],
      [Infinity, RangeError, "Cannot create a fixed distribution: value must be finite"],
    ];
    for (const [spec, cls, fragment] of cases) {
      assert.throws(() => distributionFromSpec(spec), (e: unknown) => {
        assert.ok(e instanceof cls, `${fragment}: got ${e}`);
        assert.ok((e as Error).message.includes(fragment), `"${(e as Error).message}"`);
        return true;
      });
    }
  });
});

Deno.test("distribution factories validate at construction", () => {
  const cases: Array<[() => unknown, typeof RangeError | typeof TypeError, string]> = [
    [() => exponential(-2), RangeError, "mean must be > 0, received -2"],
    [
      () => gamma({ mean: 1, sd: -1 }),
      RangeError,
      "Cannot create a gamma distribution: sd must be >= 0",
    ],
    [() => normal({ mean: NaN, sd: 1 }), TypeError, "mean must be a number, received NaN"],
    [() => weibull({ shape: 1, scale: 0 }), RangeError, "scale must be > 0, received 0"],
    [
      () => triangular({ min: 3, mode: 2, max: 4 }),
      RangeError,
      "min must be <= mode (2), received 3",
    ],
    [() => uniform({ min: 2, max: 1 }), RangeError, "min must be <= max (1), received 2"],
    [
      () => truncatedNormal({ mean: 0, sd: 1, min: 1, max: 1 }),
      RangeError,
      "min must be < max (1), received 1",
    ],
    [() => beta({ alpha: 1, beta: -1 }), RangeError, "beta must be > 0, received -1"],
    [() => poisson(-0.5), RangeError, "Cannot create a poisson distribution: mean must be >= 0"],
    [
      () => binomial({ n: 3.5, p: 0.1 }),
      RangeError,
      "n must be a non-negative integer, received 3.5",
    ],
    [() => binomial({ n: 3, p: 2 }), RangeError, "p must be in [0, 1], received 2"],
    [
      () => empirical({ values: [1, NaN], weights: [1, 1] }),
      TypeError,
      "values[1] must be a number",
    ],
    [() => empirical({ values: [1], weights: [1, 2] }), RangeError, "one entry per value"],
    [
      () => lognormal(undefined as unknown as { mean: number; sd: number }),
      TypeError,
      "the options must be an object, received undefined",
    ],
  ];
  for (const [fn, cls, fragment] of cases) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof cls, `${fragment}: got ${e}`);
      assert.ok((e as Error).message.includes(fragment), `"${(e as Error).message}"`);
      return true;
    });
  }
});
