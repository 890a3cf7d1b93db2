import assert from "node:assert/strict";
import { errorFunction as reference } from "npm:simple-statistics@7.8.8";
import { errorFunction } from "./error_function.ts";

Deno.test("errorFunction is simple-statistics' fit (to rounding) and within 1.2e-7 of erf", () => {
  // erf at 0.5, 1, 2 and 3 (Abramowitz & Stegun table 7.1)
  const table: [number, number][] = [
    [0.5, 0.5204998778130465],
    [1, 0.8427007929497149],
    [2, 0.9953222650189527],
    [3, 0.9999779095030014],
  ];
  for (const [x, erf] of table) {
    assert.ok(Math.abs(errorFunction(x) - erf) < 1.2e-7 * erf, `erf(${x})`);
    assert.equal(errorFunction(-x), -errorFunction(x));
  }
  for (let x = -6; x <= 6; x += 0.01) {
    assert.ok(Math.abs(errorFunction(x) - reference(x)) <= 4e-16, `at ${x}`);
  }
  assert.equal(errorFunction(Infinity), 1);
  assert.equal(errorFunction(-Infinity), -1);
});
