import assert from "node:assert/strict";
import * as ss from "npm:simple-statistics@7.8.8";
import { Tally } from "./tally.ts";

const DATA = [3.2, -1.5, 7.25, 0, 12.5, 4.4, 4.4, 9.75, -3.125, 6, 2.5, 8.8, 1.1];

Deno.test("Tally", async (t) => {
  await t.step("moments match simple-statistics on a fixed array", () => {
    const tally = new Tally();
    for (const x of DATA) tally.add(x);
    assert.equal(tally.count, DATA.length);
    assert.ok(Math.abs(tally.sum - ss.sum(DATA)) < 1e-12);
    assert.ok(Math.abs(tally.mean - ss.mean(DATA)) < 1e-13);
    assert.ok(Math.abs(tally.variance - ss.sampleVariance(DATA)) < 1e-12);
    assert.ok(Math.abs(tally.sd - ss.sampleStandardDeviation(DATA)) < 1e-12);
    assert.equal(tally.min, -3.125);
    assert.equal(tally.max, 12.5);
  });

  await t.step("quantiles interpolate linearly between order statistics (type 7)", () => {
    for (const data of [DATA, DATA.slice(1)]) {
      const tally = new Tally();
      for (const x of data) tally.add(x);
      const s = [...data].sort((a, b) => a - b);
      for (const p of [0, 0.05, 0.1, 0.25, 0.5, 0.5 + 1e-9, 0.75, 0.95, 1, 1 / data.length]) {
        const h = (s.length - 1) * p;
        const lo = Math.floor(h);
        const expected = s[lo]! + ((s[lo + 1] ?? s[lo]!) - s[lo]!) * (h - lo);
        assert.ok(Math.abs(tally.quantile(p) - expected) < 1e-12, `n=${data.length} p=${p}`);
      }
    }
  });

  await t.step("hand-computed variance: 2,4,4,4,5,5,7,9 has mean 5 and variance 32/7", () => {
    const tally = new Tally();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) tally.add(x);
    assert.equal(tally.mean, 5);
    assert.ok(Math.abs(tally.variance - 32 / 7) < 1e-15);
  });

  await t.step("Welford stays accurate for values around 1e9", () => {
    // 1e9 + {4, 7, 13, 16}: variance exactly 30 (a naive sum of squares gives garbage).
    const tally = new Tally({ keepValues: false });
    for (let rep = 0; rep < 1000; rep++) {
      for (const d of [4, 7, 13, 16]) tally.add(1e9 + d);
    }
    assert.ok(Math.abs(tally.mean - (1e9 + 10)) < 1e-5); // relative 1e-14
    // population variance 22.5; sample variance = 22.5 * 4000 / 3999 (the naive
    // sum-of-squares formula gives about 12193 here)
    assert.ok(Math.abs(tally.variance - 22.5 * 4000 / 3999) < 1e-6, String(tally.variance));
  });

  await t.step("grows its value buffer past the initial capacity", () => {
    const tally = new Tally();
    for (let i = 1000; i >= 1; i--) tally.add(i);
    assert.equal(tally.count, 1000);
    assert.ok(Math.abs(tally.quantile(0.0005) - 1.4995) < 1e-12); // h = 999 × 0.0005
    assert.ok(Math.abs(tally.quantile(0.001) - 1.999) < 1e-12);
    assert.equal(tally.quantile(0.5), 500.5);
    assert.equal(tally.values().length, 1000);
    assert.equal(tally.values()[0], 1000);
    tally.add(0); // sorted cache must be invalidated
    assert.equal(tally.quantile(0), 0);
  });

  await t.step("empty and single-observation tallies give NaN, never throw", () => {
    const tally = new Tally();
    assert.equal(tally.count, 0);
    assert.equal(tally.sum, 0);
    for (const v of [tally.mean, tally.variance, tally.sd, tally.min, tally.max]) {
      assert.ok(Number.isNaN(v));
    }
    tally.add(4);
    assert.equal(tally.mean, 4);
    assert.equal(tally.min, 4);
    assert.ok(Number.isNaN(tally.variance));
    assert.ok(Number.isNaN(tally.sd));
  });

  await t.step("reset forgets everything", () => {
    const tally = new Tally();
    for (const x of DATA) tally.add(x);
    tally.reset();
    assert.equal(tally.count, 0);
    assert.ok(Number.isNaN(tally.mean));
    tally.add(1);
    tally.add(3);
    assert.equal(tally.mean, 2);
    assert.equal(tally.variance, 2);
    assert.equal(tally.quantile(1), 3);
    assert.equal(tally.min, 1);
  });

  await t.step("errors name the rule and the value", () => {
    const tally = new Tally();
    assert.throws(() => tally.quantile(0.5), /Cannot compute a Tally quantile: the tally is empty/);
    assert.throws(
      () => tally.add(Number.NaN),
      (e: unknown) =>
        e instanceof RangeError && /must be a finite number, received NaN/.test(e.message),
    );
    assert.throws(() => tally.add(Infinity), RangeError);
    tally.add(1);
    assert.throws(
      () => tally.quantile(1.5),
      (e: unknown) =>
        e instanceof RangeError && /p must be in \[0, 1\], received 1.5/.test(e.message),
    );
    assert.throws(() => tally.quantile(Number.NaN), RangeError);
    const bare = new Tally({ keepValues: false });
    bare.add(1);
    assert.throws(() => bare.quantile(0.5), /received keepValues: false/);
    assert.throws(() => bare.values(), /Cannot read the values/);
    assert.throws(
      // @ts-expect-error: wrong type on purpose
      () => new Tally({ keepValues: "yes" }),
      (e: unknown) => e instanceof TypeError && /keepValues must be a boolean/.test(e.message),
    );
  });
});
