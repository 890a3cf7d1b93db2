import assert from "node:assert/strict";
import { EmpiricalTable } from "./empirical_table.ts";
import { createStream } from "./stream.ts";
import { assertChiSquare } from "./_test_util.ts";

Deno.test("EmpiricalTable.sample() equals stream.empirical() draw for draw", () => {
  const spec = { values: ["a", "b", "c", "d", "e"], weights: [0.5, 0, 3, 1.25, 0.25] };
  const table = new EmpiricalTable(spec);
  const a = createStream(1, 0, "route");
  const b = createStream(1, 0, "route");
  for (let i = 0; i < 10_000; i++) assert.equal(table.sample(a), b.empirical(spec));
});

Deno.test("EmpiricalTable.sample() matches its probabilities (chi-square)", () => {
  const weights = [5, 0, 1, 2, 2, 10];
  const table = new EmpiricalTable({ values: [0, 1, 2, 3, 4, 5], weights });
  assert.deepEqual(table.probabilities(), [0.25, 0, 0.05, 0.1, 0.1, 0.5]);
  const s = createStream(2, 0, "table");
  const n = 200_000;
  const xs = new Float64Array(n);
  for (let i = 0; i < n; i++) xs[i] = table.sample(s);
  assert.ok(!xs.includes(1), "zero-weight value never drawn");
  assertChiSquare("table", xs, (k) => weights[k] / 20, 5);
});

Deno.test("EmpiricalTable.indexFor() inverts the cumulative weights at the edges", () => {
  const table = new EmpiricalTable({ values: [10, 20, 30], weights: [0, 1, 1] });
  assert.equal(table.indexFor(0), 1);
  assert.equal(table.indexFor(0.4999), 1);
  assert.equal(table.indexFor(0.5), 2);
  assert.equal(table.indexFor(1 - 2 ** -32), 2);
});

Deno.test("EmpiricalTable copies its input and rejects bad weights", () => {
  const values = [1, 2];
  const weights = [1, 1];
  const table = new EmpiricalTable({ values, weights });
  values[0] = 99;
  weights[0] = 0;
  assert.deepEqual(table.values, [1, 2]);
  assert.deepEqual(table.probabilities(), [0.5, 0.5]);
  assert.throws(
    () => new EmpiricalTable({ values: [1, 2], weights: [1, Infinity] }),
    (e: unknown) =>
      e instanceof RangeError &&
      e.message.includes("Cannot build an empirical table: weights[1] must be finite"),
  );
  assert.throws(
    () => new EmpiricalTable({ values: [1], weights: "1" as unknown as number[] }),
    (e: unknown) => e instanceof TypeError && e.message.includes("weights must be an array"),
  );
});
