import assert from "node:assert/strict";
import { createStream } from "../sim/mod.ts";
import { binomialInverse, poissonInverse } from "./inverse.ts";

Deno.test("poissonInverse() has the Poisson mean and variance", () => {
  for (const mean of [0.3, 5, 80]) {
    const s = createStream(1, 0, `p${mean}`);
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const k = poissonInverse(s.random(), mean);
      sum += k;
      sq += k * k;
    }
    const m = sum / n;
    const v = sq / n - m * m;
    assert.ok(Math.abs(m - mean) < 4 * Math.sqrt(mean / n), `mean ${m} vs ${mean}`);
    assert.ok(Math.abs(v / mean - 1) < 0.06, `variance ${v} vs ${mean}`);
  }
});

Deno.test("binomialInverse() has the binomial mean and is monotone in p", () => {
  const s = createStream(2, 0, "b");
  let sum = 0;
  const n = 20000;
  for (let i = 0; i < n; i++) sum += binomialInverse(s.random(), 50, 0.1);
  assert.ok(Math.abs(sum / n - 5) < 0.1);
  for (const u of [0.01, 0.3, 0.5, 0.9, 0.999]) {
    let prev = -1;
    for (const p of [0.001, 0.01, 0.05, 0.2, 0.5, 0.7, 0.99]) {
      const k = binomialInverse(u, 1000, p);
      assert.ok(k >= prev, `u=${u} p=${p}: ${k} < ${prev}`);
      prev = k;
    }
  }
});

Deno.test("poissonInverse() is monotone in the mean for a fixed uniform", () => {
  for (const u of [0.05, 0.5, 0.95]) {
    let prev = -1;
    for (let mean = 0; mean < 39; mean += 0.5) {
      const k = poissonInverse(u, mean);
      assert.ok(k >= prev);
      prev = k;
    }
  }
});
