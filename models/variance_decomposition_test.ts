import assert from "node:assert/strict";
import { createStream } from "../sim/mod.ts";
import { groupByParameterSample, varianceDecomposition } from "./variance_decomposition.ts";

Deno.test("varianceDecomposition()", async (t) => {
  await t.step("hand-computed ANOVA", () => {
    // means 2 and 6, grand 4; SSB = 3·(4+4) = 24, MSB = 24; SSW = 2 + 2 = 4, MSW = 4/4 = 1
    const v = varianceDecomposition([[1, 2, 3], [5, 6, 7]]);
    assert.equal(v.mean, 4);
    assert.equal(v.stochasticVariance, 1);
    assert.equal(v.parameterVariance, (24 - 1) / 3);
    assert.equal(v.parameterShare, (23 / 3) / (23 / 3 + 1));
  });
  await t.step("recovers known components (σ²_param = 4, σ²_stoch = 1 → share 0.8)", () => {
    const s = createStream(7, 0, "vd");
    const groups: number[][] = [];
    for (let p = 0; p < 400; p++) {
      const theta = s.normal({ mean: 10, sd: 2 });
      groups.push(Array.from({ length: 8 }, () => theta + s.normal({ mean: 0, sd: 1 })));
    }
    const v = varianceDecomposition(groups);
    assert.ok(Math.abs(v.parameterShare - 0.8) < 0.04, `${v.parameterShare}`);
    assert.ok(Math.abs(v.stochasticVariance - 1) < 0.06, `${v.stochasticVariance}`);
    assert.ok(Math.abs(v.parameterVariance - 4) < 0.7, `${v.parameterVariance}`);
  });
  await t.step("no parameter effect → share near 0, never negative", () => {
    const s = createStream(8, 0, "vd");
    const groups = Array.from(
      { length: 300 },
      () => Array.from({ length: 5 }, () => s.normal({ mean: 0, sd: 1 })),
    );
    const v = varianceDecomposition(groups);
    assert.ok(v.parameterShare >= 0 && v.parameterShare < 0.05, `${v.parameterShare}`);
  });
  await t.step("bad designs are errors", () => {
    assert.throws(() => varianceDecomposition([[1, 2]]), RangeError);
    assert.throws(() => varianceDecomposition([[1, 2], [1]]), RangeError);
    assert.throws(() => varianceDecomposition([[1], [2]]), RangeError);
    assert.throws(() => varianceDecomposition([[1, NaN], [2, 3]]), RangeError);
  });
  await t.step("groupByParameterSample", () => {
    assert.deepEqual(
      groupByParameterSample([
        { parameterSample: 0, value: 1 },
        { parameterSample: 0, value: 2 },
        { parameterSample: 1, value: 3 },
      ]),
      [[1, 2], [3]],
    );
  });
});
