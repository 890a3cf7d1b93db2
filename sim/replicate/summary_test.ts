import assert from "node:assert/strict";
import * as ss from "npm:simple-statistics@7.8.8";
import { quantile } from "../numerics/quantile.ts";
import { pairedDifference, summarize } from "./summary.ts";

const SAMPLE = [12.1, 9.8, 11.4, 10.2, 13.5, 8.9, 10.7, 11.9, 12.6, 9.4];

Deno.test("summarize", async (t) => {
  await t.step(
    "mean and sd come from simple-statistics, percentiles from numerics (type 7)",
    () => {
      const s = summarize(SAMPLE);
      assert.equal(s.n, 10);
      assert.equal(s.mean, ss.mean(SAMPLE));
      assert.equal(s.sd, ss.sampleStandardDeviation(SAMPLE));
      assert.equal(s.p05, quantile(SAMPLE, 0.05));
      assert.equal(s.p50, quantile(SAMPLE, 0.5));
      assert.equal(s.p95, quantile(SAMPLE, 0.95));
    },
  );

  await t.step("95% CI half-width is t(0.975, 9) · sd / √n on a known sample", () => {
    const s = summarize(SAMPLE);
    // Hand-computed: mean 11.05, sd 1.4714806… , t(0.975, 9) = 2.2621571628
    assert.ok(Math.abs(s.mean - 11.05) < 1e-12);
    const sd = Math.sqrt(SAMPLE.reduce((a, x) => a + (x - 11.05) ** 2, 0) / 9);
    const half = 2.2621571627982 * sd / Math.sqrt(10);
    assert.ok(Math.abs(s.ciHigh - (11.05 + half)) < 1e-9);
    assert.ok(Math.abs(s.ciLow - (11.05 - half)) < 1e-9);
    assert.equal((s.ciHigh - s.ciLow).toFixed(4), (2 * half).toFixed(4));
    // A z-based interval would be narrower by 1.96 / 2.262
    assert.ok((s.ciHigh - s.ciLow) / 2 > 1.96 * sd / Math.sqrt(10) * 1.15);
  });

  await t.step("level changes the width: 90% < 95% < 99%", () => {
    const w = (level: number) => {
      const s = summarize(SAMPLE, { level });
      return s.ciHigh - s.ciLow;
    };
    assert.ok(w(0.9) < w(0.95) && w(0.95) < w(0.99));
    const s99 = summarize([1, 2, 3, 4, 5], { level: 0.99 });
    // t(0.995, 4) = 4.604
    assert.equal(((s99.ciHigh - 3) / (Math.sqrt(2.5) / Math.sqrt(5))).toFixed(3), "4.604");
  });

  await t.step("n = 1: sd and CI are NaN, mean and percentiles are the value", () => {
    const s = summarize([7]);
    assert.equal(s.n, 1);
    assert.equal(s.mean, 7);
    assert.ok(Number.isNaN(s.sd) && Number.isNaN(s.ciLow) && Number.isNaN(s.ciHigh));
    assert.deepEqual([s.p05, s.p50, s.p95], [7, 7, 7]);
  });

  await t.step("constant values give a zero-width interval", () => {
    const s = summarize([4, 4, 4]);
    assert.equal(s.sd, 0);
    assert.equal(s.ciLow, 4);
    assert.equal(s.ciHigh, 4);
  });

  await t.step("is deterministic and does not mutate its input", () => {
    const input = [3, 1, 2, 1e16, -1e16, 0.5];
    const copy = [...input];
    assert.deepEqual(summarize(input), summarize(copy));
    assert.deepEqual(input, copy);
  });

  await t.step("errors name the rule and the value", () => {
    assert.throws(
      () => summarize([]),
      (e: unknown) =>
        e instanceof RangeError &&
        /at least one value is required, received 0 values/.test(e.message),
    );
    assert.throws(
      () => summarize([1, Number.NaN]),
      (e: unknown) =>
        e instanceof RangeError &&
        /values\[1\] must be a finite number, received NaN/.test(e.message),
    );
    assert.throws(() => summarize([1, 2], { level: 95 }), /level must be in \(0, 1\), received 95/);
    assert.throws(
      // @ts-expect-error: wrong type on purpose
      () => summarize("12"),
      (e: unknown) => e instanceof TypeError && /values must be an array/.test(e.message),
    );
  });
});

Deno.test("pairedDifference", async (t) => {
  await t.step("summarises a[i] − b[i]; common random numbers narrow the CI", () => {
    const baseline = SAMPLE;
    const scenario = SAMPLE.map((x, i) => x - 1 + (i % 2 === 0 ? 0.1 : -0.1));
    const d = pairedDifference(scenario, baseline);
    assert.ok(Math.abs(d.mean - -1) < 1e-12);
    assert.deepEqual(d, summarize(scenario.map((x, i) => x - baseline[i])));
    const unpairedHalfWidth = 2.262 * Math.sqrt(
      (ss.sampleVariance(scenario) + ss.sampleVariance(baseline)) / 10,
    );
    assert.ok(d.ciHigh - d.mean < unpairedHalfWidth / 10);
  });

  await t.step("throws when the lengths differ", () => {
    assert.throws(
      () => pairedDifference([1, 2, 3], [1, 2]),
      (e: unknown) =>
        e instanceof RangeError &&
        /a and b must have the same length, received 3 and 2/.test(e.message),
    );
    assert.throws(() => pairedDifference([], []), /at least one value/);
  });
});
