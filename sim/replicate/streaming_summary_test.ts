import assert from "node:assert/strict";
import { BoundedSample } from "./bounded_sample.ts";
import { StreamingSummary } from "./streaming_summary.ts";
import { summarize } from "./summary.ts";

/** Deterministic pseudo-random values (a 32-bit LCG), skewed like bed-day totals. */
function values(n: number, seed = 7): number[] {
  let s = seed >>> 0;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = (s + 0.5) / 4294967296;
    return 1e5 * Math.exp(0.3 * Math.log(u / (1 - u)));
  });
}

function rankOf(sorted: number[], v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo / sorted.length;
}

Deno.test("StreamingSummary", async (t) => {
  await t.step("up to the sample size it is summarize(), bit for bit", () => {
    for (const n of [1, 2, 5, 100]) {
      const x = values(n);
      const s = new StreamingSummary({ sampleSize: 100 });
      x.forEach((v, r) => s.add(v, r));
      assert.deepEqual(s.summary(), summarize(x), `n = ${n}`);
      assert.deepEqual(s.summary({ level: 0.9 }), summarize(x, { level: 0.9 }));
    }
  });

  await t.step(
    "beyond it: mean exact, sd to rounding, percentiles within the sample's error",
    () => {
      const n = 20_000;
      const k = 500;
      const x = values(n);
      const s = new StreamingSummary({ sampleSize: k });
      x.forEach((v, r) => s.add(v, r));
      const streamed = s.summary();
      const exact = summarize(x);
      assert.equal(streamed.n, n);
      assert.equal(streamed.mean, exact.mean, "the same compensated sum");
      assert.ok(Math.abs(streamed.sd / exact.sd - 1) < 1e-12, `sd ${streamed.sd} vs ${exact.sd}`);
      assert.ok(Math.abs(streamed.ciHigh - exact.ciHigh) < 1e-9 * exact.sd);
      // The percentiles are summarize()'s of the bounded sample, which holds k replications…
      const sample = new BoundedSample(k);
      x.forEach((v, r) => sample.add(v, r));
      const fromSample = summarize(sample.values());
      assert.deepEqual([streamed.p05, streamed.p50, streamed.p95], [
        fromSample.p05,
        fromSample.p50,
        fromSample.p95,
      ]);
      // …a uniform sample: the rank of its p-quantile among all values has sd √(p(1−p)/k).
      const all = [...x].sort((a, b) => a - b);
      const held = sample.values().sort((a, b) => a - b);
      assert.equal(held.length, k);
      for (const p of [0.05, 0.5, 0.95]) {
        const rank = rankOf(all, held[Math.floor(p * k)]);
        const tolerance = 4 * Math.sqrt(p * (1 - p) / k);
        assert.ok(Math.abs(rank - p) < tolerance, `p${p}: rank ${rank}, tolerance ${tolerance}`);
      }
    },
  );

  await t.step("values must be finite and replications ascending", () => {
    const s = new StreamingSummary();
    s.add(1, 3);
    assert.throws(() => s.add(2, 3), /ascending order, received 3 after 3/);
    assert.throws(() => s.add(Number.NaN, 4), /value of replication 4 must be a finite number/);
    assert.throws(() => new StreamingSummary().summary(), /at least one value is required/);
    assert.throws(
      () => new StreamingSummary({ sampleSize: 0 }),
      /capacity must be an integer >= 1/,
    );
  });
});

Deno.test("BoundedSample keeps a fixed, order-independent set of replications", async (t) => {
  await t.step("never more than the capacity; the same set whatever the order added", () => {
    const forward = new BoundedSample(50);
    const backward = new BoundedSample(50);
    const n = 5000;
    for (let r = 0; r < n; r++) forward.add(r, r);
    for (let r = n - 1; r >= 0; r--) backward.add(r, r);
    const a = forward.values().sort((x, y) => x - y);
    assert.equal(a.length, 50);
    assert.deepEqual(backward.values().sort((x, y) => x - y), a);
    // Shards: the sample of a whole run is the sample of its shards' samples.
    const shards = [new BoundedSample(50), new BoundedSample(50)];
    for (let r = 0; r < n; r++) shards[r < 1234 ? 0 : 1].add(r, r);
    const merged = new BoundedSample(50);
    for (const s of shards) for (const r of s.values()) merged.add(r, r);
    assert.deepEqual(merged.values().sort((x, y) => x - y), a);
  });
  await t.step("the sample is spread uniformly over the replications", () => {
    // 2,000 of 100,000 replications: each decile should hold 200 ± 4 sd (sd = √(200·0.9)).
    const s = new BoundedSample(2000);
    for (let r = 0; r < 100_000; r++) s.add(r, r);
    const deciles = new Array(10).fill(0);
    for (const r of s.values()) deciles[Math.floor(r / 10_000)]++;
    for (const d of deciles) assert.ok(Math.abs(d - 200) < 4 * Math.sqrt(180), `${deciles}`);
  });
});
