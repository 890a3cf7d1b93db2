/**
 * The portable elementary functions against the engine's own `Math` (within 1 ulp on 100,000
 * seeded arguments per function), against correctly rounded values worked out to 60 digits
 * (Python's `decimal`), and exactly on the special values ECMAScript fixes.
 */
import assert from "node:assert/strict";
import { PortableMath } from "./portable_math.ts";

const { exp, log, log1p, log10, pow, sinPi } = PortableMath;

const F = new Float64Array(1);
const B = new BigInt64Array(F.buffer);

/** Position of x on the line of doubles (monotone: −0 and +0 both 0). */
function ordinal(x: number): bigint {
  F[0] = x;
  const b = B[0]!;
  return b < 0n ? -(b & 0x7fffffffffffffffn) : b;
}

/** Distance in units in the last place; 0 when both are NaN. */
function ulps(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity;
  const d = ordinal(a) - ordinal(b);
  return Number(d < 0n ? -d : d);
}

/** A seeded xorshift32 stream of numbers in [0, 1). */
function uniforms(seed: number): () => number {
  let s = seed | 0;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A double with 64 random bits (every sign, exponent, NaN and infinity included). */
function anyDouble(u: () => number): number {
  const w = new Uint32Array(F.buffer);
  w[0] = Math.floor(u() * 4294967296);
  w[1] = Math.floor(u() * 4294967296);
  return F[0]!;
}

const N = 100_000;

/** Largest distance from `reference` over N draws of `args`, with the worst arguments. */
function worst(
  ours: (x: number, y: number) => number,
  reference: (x: number, y: number) => number,
  args: () => [number, number],
): { ulps: number; at: [number, number] } {
  let max = 0;
  let at: [number, number] = [0, 0];
  for (let i = 0; i < N; i++) {
    const [x, y] = args();
    const d = ulps(ours(x, y), reference(x, y));
    if (d > max) [max, at] = [d, [x, y]];
  }
  return { ulps: max, at };
}

Deno.test("exp, log, log1p, log10 and pow are within 1 ulp of Math's on 100,000 arguments each", () => {
  const u = uniforms(20_260_101);
  const logUniform = (lo: number, hi: number) => Math.pow(2, lo + (hi - lo) * u()) * (1 + u());
  const checks: [
    string,
    (x: number, y: number) => number,
    (x: number, y: number) => number,
    () => [
      number,
      number,
    ],
  ][] = [
    ["exp", exp, Math.exp, () => [i++ % 2 ? anyDouble(u) : (u() - 0.5) * 1500, 0]],
    ["exp near 0", exp, Math.exp, () => [(u() - 0.5) * 2, 0]],
    ["log", log, Math.log, () => [i++ % 2 ? anyDouble(u) : logUniform(-1074, 1023), 0]],
    ["log near 1", log, Math.log, () => [0.5 + 1.5 * u(), 0]],
    [
      "log1p",
      log1p,
      Math.log1p,
      () => [i++ % 2 ? anyDouble(u) : (u() - 0.5) * logUniform(-60, 8), 0],
    ],
    ["log1p near 0", log1p, Math.log1p, () => [-0.9 + 2 * u(), 0]],
    ["log10", log10, Math.log10, () => [i++ % 2 ? anyDouble(u) : logUniform(-1074, 1023), 0]],
    ["pow", pow, Math.pow, () => [u() * 100, (u() - 0.5) * 300]],
    ["pow, x near 1", pow, Math.pow, () => [1 + (u() - 0.5) * 1e-4, (u() - 0.5) * 1e6]],
    ["pow, x < 0", pow, Math.pow, () => [-u() * 50, Math.floor((u() - 0.5) * 200)]],
    ["pow, any bits", pow, Math.pow, () => [anyDouble(u), anyDouble(u)]],
  ];
  let i = 0;
  for (const [name, ours, reference, args] of checks) {
    const w = worst(ours, reference, args);
    assert.ok(w.ulps <= 1, `${name}: ${w.ulps} ulps at ${w.at}`);
  }
});

Deno.test("sinPi is within 1e-15 of Math.sin(Math.PI * x), periodic and odd", () => {
  const u = uniforms(7);
  for (let i = 0; i < N; i++) {
    const x = (u() - 0.5) * 4;
    const s = sinPi(x);
    assert.ok(Math.abs(s - Math.sin(Math.PI * x)) <= 1e-15, `sinPi(${x})`);
    assert.ok(Object.is(sinPi(-x), -s), `odd at ${x}`);
    const k = Math.floor((u() - 0.5) * 2 ** 20) / 1024; // x + 2 is exact for these
    assert.equal(sinPi(k + 2), sinPi(k), `period at ${k}`);
  }
  for (let n = -40; n <= 40; n++) {
    assert.equal(Math.abs(sinPi(n)), 0, `sinPi(${n})`);
    assert.equal(sinPi(n + 0.5), n % 2 === 0 ? 1 : -1, `sinPi(${n} + 0.5)`);
  }
  assert.ok(Number.isNaN(sinPi(Infinity)) && Number.isNaN(sinPi(NaN)));
  assert.ok(Object.is(sinPi(-0), -0));
  assert.equal(sinPi(2 ** 60 + 2 ** 10), 0);
});

Deno.test("the functions are within 1 ulp of the correctly rounded value (60-digit references)", () => {
  // [function, x, y, the true value rounded to the nearest double]
  const cases: [(x: number, y: number) => number, number, number, number][] = [
    [exp, 1, 0, 2.718281828459045],
    [exp, -1, 0, 0.36787944117144233],
    [exp, 0.5, 0, 1.6487212707001282],
    [exp, 10, 0, 22026.465794806718],
    [exp, -20.5, 0, 1.2501528663867426e-9],
    [exp, 700, 0, 1.0142320547350045e+304],
    [exp, -740, 0, 4.2e-322],
    [exp, 1e-10, 0, 1.0000000001],
    [log, 2, 0, 0.6931471805599453],
    [log, 10, 0, 2.302585092994046],
    [log, 0.1, 0, -2.3025850929940455],
    [log, 1e-300, 0, -690.7755278982137],
    [log, 1.0000001, 0, 9.999999505838704e-8],
    [log, 123456.789, 0, 11.723646487185881],
    [log1p, 1e-5, 0, 9.999950000333332e-6],
    [log1p, -0.5, 0, -0.6931471805599453],
    [log1p, 0.25, 0, 0.22314355131420976],
    [log1p, 3, 0, 1.3862943611198906],
    [log1p, -0.999, 0, -6.907755278982136],
    [log10, 2, 0, 0.3010299956639812],
    [log10, 7, 0, 0.8450980400142568],
    [log10, 0.5, 0, -0.3010299956639812],
    [log10, 12345.678, 0, 4.091514945509202],
    [log10, 1e-5, 0, -5],
    [pow, 2, 0.5, 1.4142135623730951],
    [pow, 10, 0.3, 1.9952623149688795],
    [pow, 1.0001, 10000, 2.7181459268249255],
    [pow, 0.9, -50.5, 204.52823629022248],
    [pow, 3, 1.5, 5.196152422706632],
    [pow, 1e-3, 2.5, 3.162277660168379e-8],
    [pow, 7, -0.25, 0.6147881529512643],
    [sinPi, 0.1, 0, 0.30901699437494745],
    [sinPi, 1 / 3, 0, 0.8660254037844386],
    [sinPi, 0.3, 0, 0.8090169943749475],
    [sinPi, 2.6, 0, 0.9510565162951535],
    [sinPi, -7.25, 0, 0.7071067811865476],
    [sinPi, 1e-5, 0, 3.141592653073022e-5],
    [sinPi, 0.7, 0, 0.8090169943749475],
    [sinPi, 1e-300, 0, 3.1415926535897936e-300],
  ];
  let exact = 0;
  for (const [f, x, y, expected] of cases) {
    const d = ulps(f(x, y), expected);
    assert.ok(d <= 1, `${f.name}(${x}, ${y}) = ${f(x, y)}, expected ${expected}`);
    if (d === 0) exact++;
  }
  assert.ok(exact >= cases.length - 3, `${exact} of ${cases.length} correctly rounded`);
  assert.equal(log(2), Math.LN2);
  assert.equal(log(10), Math.LN10);
  assert.equal(exp(1), Math.E);
});

Deno.test("exact results: special values, integer powers, powers of ten", () => {
  const special = [0, -0, 1, -1, Infinity, -Infinity, NaN];
  for (const x of special) {
    for (
      const [name, f, g] of [
        ["exp", exp, Math.exp],
        ["log", log, Math.log],
        ["log1p", log1p, Math.log1p],
        ["log10", log10, Math.log10],
      ] as const
    ) assert.ok(Object.is(f(x), g(x)), `${name}(${x})`);
  }
  // Subnormal arguments
  assert.equal(exp(5e-324), 1);
  assert.equal(exp(-745.1332191019412), 0);
  assert.equal(log(5e-324), -744.4400719213812);
  assert.equal(log1p(5e-324), 5e-324);
  assert.ok(Object.is(log1p(-0), -0));
  assert.equal(log10(5e-324), -323.3062153431158);
  assert.ok(Number.isNaN(log(-1e-310)));
  // pow: every pair of edge values as ECMAScript's Number::exponentiate gives it
  const edges = [
    ...special,
    0.5,
    -0.5,
    2,
    -2,
    3,
    -3,
    1.5,
    5e-324,
    -5e-324,
    2.2250738585072014e-308,
    Number.MAX_VALUE,
    -Number.MAX_VALUE,
    2 ** 53,
    2 ** 53 + 2,
    -(2 ** 31 + 1),
    2 ** 64,
  ];
  const fixed = (x: number, y: number) =>
    [x, y].some((v) => special.includes(v) && !(v === 1 || v === -1) || Number.isNaN(v)) ||
    x === 1 || Math.pow(x, y) === 0 || !Number.isFinite(Math.pow(x, y));
  for (const x of edges) {
    for (const y of edges) {
      const ours = pow(x, y);
      const theirs = Math.pow(x, y);
      if (fixed(x, y)) {
        assert.ok(Object.is(ours, theirs), `pow(${x}, ${y}) = ${ours}, not ${theirs}`);
      } else assert.ok(ulps(ours, theirs) <= 1, `pow(${x}, ${y}) = ${ours}, not ${theirs}`);
    }
  }
  assert.ok(Number.isNaN(pow(1, NaN)));
  assert.ok(Number.isNaN(pow(-1, Infinity)));
  assert.equal(pow(NaN, -0), 1);
  assert.equal(pow(-0, -3), -Infinity);
  assert.equal(pow(-Infinity, 3), -Infinity);
  assert.ok(Number.isNaN(pow(-8, 1 / 3)));
  assert.equal(pow(2, -1074), 5e-324);
  assert.equal(pow(2, 1023) * 2, Infinity);
  // Integer powers of integers are exact while they fit in 53 bits
  for (let b = -20; b <= 20; b++) {
    for (let e = 0; e <= 60; e++) {
      const big = BigInt(b) ** BigInt(e);
      if (big > 2n ** 53n || big < -(2n ** 53n)) break;
      assert.equal(pow(b, e), Number(big), `pow(${b}, ${e})`);
    }
  }
  for (let k = 0; k <= 22; k++) assert.equal(pow(10, k), Number(`1e${k}`), `pow(10, ${k})`);
  for (let k = -307; k <= 308; k++) assert.equal(log10(Number(`1e${k}`)), k, `log10(1e${k})`);
});
