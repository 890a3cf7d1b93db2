import assert from "node:assert/strict";
import { studentTCdf, studentTQuantile } from "./student_t.ts";

/** Exact CDF for odd df (A&S 26.7.3): ½ + [θ + sinθ cosθ (1 + ⅔cos²θ + …)]/π. */
function oddDfCdf(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const c2 = Math.cos(theta) ** 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= (df - 3) / 2; k++) {
    term *= (2 * k) / (2 * k + 1) * c2;
    sum += term;
  }
  return 0.5 + (theta + (df === 1 ? 0 : Math.sin(theta) * Math.cos(theta) * sum)) / Math.PI;
}

Deno.test("studentTQuantile", async (t) => {
  await t.step("matches published 97.5% critical values to 4 d.p.", () => {
    const table: [number, string][] = [
      [1, "12.7062"],
      [2, "4.3027"],
      [4, "2.7764"],
      [9, "2.2622"],
      [29, "2.0452"],
      [99, "1.9842"],
      [Infinity, "1.9600"],
    ];
    for (const [df, expected] of table) {
      assert.equal(studentTQuantile(0.975, df).toFixed(4), expected, `df=${df}`);
    }
    // Other levels: t(0.995, 10) = 3.1693, t(0.95, 20) = 1.7247, t(0.9, 5) = 1.4759
    assert.equal(studentTQuantile(0.995, 10).toFixed(4), "3.1693");
    assert.equal(studentTQuantile(0.95, 20).toFixed(4), "1.7247");
    assert.equal(studentTQuantile(0.9, 5).toFixed(4), "1.4759");
  });

  await t.step("agrees with closed forms for df 1 and 2 to ~1e-13 relative", () => {
    for (const p of [0.5 + 1e-6, 0.5 - 1e-9, 0.6, 0.9, 0.975, 0.999, 1 - 1e-8, 1e-7, 0.3]) {
      const q = Math.min(p, 1 - p);
      // tan(π(p − ½)), written as cot(πq) in the tails where that is the precise form
      const cauchy = q > 0.25
        ? Math.tan(Math.PI * (p - 0.5))
        : Math.sign(p - 0.5) / Math.tan(Math.PI * q);
      assert.ok(Math.abs(studentTQuantile(p, 1) / cauchy - 1) < 1e-12, `df1 p=${p}`);
      const df2 = (2 * p - 1) / Math.sqrt(2 * p * (1 - p));
      assert.ok(Math.abs(studentTQuantile(p, 2) / df2 - 1) < 1e-12, `df2 p=${p}`);
    }
  });

  await t.step("inverts the exact odd-df CDF to 1e-14", () => {
    for (const df of [3, 5, 9, 29, 99, 301]) {
      for (const p of [0.55, 0.8, 0.95, 0.975, 0.995, 0.9999]) {
        assert.ok(Math.abs(oddDfCdf(studentTQuantile(p, df), df) - p) < 1e-14, `df=${df} p=${p}`);
      }
    }
  });

  await t.step("is antisymmetric, 0 at the median, ±∞ at the ends", () => {
    assert.equal(studentTQuantile(0.5, 7), 0);
    // exact antisymmetry where both p and 1 − p are representable exactly
    assert.equal(studentTQuantile(0.125, 7), -studentTQuantile(0.875, 7));
    assert.ok(Math.abs(studentTQuantile(0.25, 1) + 1) < 1e-15);
    assert.equal(studentTQuantile(0, 3), -Infinity);
    assert.equal(studentTQuantile(1, 3), Infinity);
  });

  await t.step("is continuous across the Cornish–Fisher switch at df 1000 and tends to z", () => {
    for (const p of [0.9, 0.975, 1 - 1e-6]) {
      const a = studentTQuantile(p, 1000);
      const b = studentTQuantile(p, 1000 * (1 + 1e-12));
      assert.ok(Math.abs(a - b) < 1e-11, `p=${p}: ${a} vs ${b}`);
    }
    assert.ok(studentTQuantile(0.975, 1e6) > studentTQuantile(0.975, Infinity));
    const z = 1.959963984540054;
    // t ≈ z + (z³ + z) / (4ν)
    assert.ok(Math.abs(studentTQuantile(0.975, 1e9) - (z + (z ** 3 + z) / 4e9)) < 1e-14);
    // Non-integer df: monotone between neighbours
    const mid = studentTQuantile(0.975, 4.5);
    assert.ok(mid < studentTQuantile(0.975, 4) && mid > studentTQuantile(0.975, 5));
  });

  await t.step("round-trips through studentTCdf, including tiny tails and small df", () => {
    for (const df of [0.5, 1, 3.7, 12, 250, Infinity]) {
      for (const p of [1e-12, 1e-4, 0.2, 0.7, 0.99]) {
        const x = studentTQuantile(p, df);
        assert.ok(Math.abs(studentTCdf(x, df) / p - 1) < 1e-9, `df=${df} p=${p}`);
      }
    }
  });

  await t.step("errors name the rule and the value", () => {
    assert.throws(
      () => studentTQuantile(1.2, 3),
      (e: unknown) =>
        e instanceof RangeError && /p must be in \[0, 1\], received 1.2/.test(e.message),
    );
    assert.throws(() => studentTQuantile(Number.NaN, 3), RangeError);
    assert.throws(
      () => studentTQuantile(0.9, 0),
      (e: unknown) =>
        e instanceof RangeError && /degrees of freedom must be > 0.*received 0/.test(e.message),
    );
    assert.throws(() => studentTCdf(1, -1), RangeError);
    assert.throws(() => studentTCdf(Number.NaN, 1), /t must be a number, received NaN/);
  });
});

Deno.test("studentTCdf", async (t) => {
  await t.step("matches exact odd-df values and the normal limit", () => {
    for (const df of [1, 3, 7, 51]) {
      for (const x of [-8, -2, -0.3, 0, 0.5, 1.96, 4]) {
        assert.ok(Math.abs(studentTCdf(x, df) - oddDfCdf(x, df)) < 1e-14, `df=${df} x=${x}`);
      }
    }
    assert.ok(Math.abs(studentTCdf(1.959963984540054, Infinity) - 0.975) < 1e-15);
    assert.ok(Math.abs(studentTCdf(-6.361340902404056, Infinity) / 1e-10 - 1) < 1e-12);
    assert.equal(studentTCdf(Infinity, 4), 1);
    assert.equal(studentTCdf(-Infinity, 4), 0);
  });
});
