import assert from "node:assert/strict";
import { tCritical } from "./_t_critical.ts";
import { studentTQuantile } from "./student_t.ts";

Deno.test("tCritical() gives the two-sided t critical value, the same on every call", async (t) => {
  await t.step("95% with 4 degrees of freedom is 2.776 (t table)", () => {
    assert.ok(Math.abs(tCritical(0.95, 4) - 2.7764) < 1e-4);
    assert.equal(tCritical(0.95, 4), tCritical(0.95, 4));
  });
  await t.step("bit-identical to studentTQuantile for many levels and df", () => {
    for (const level of [0.8, 0.9, 0.95, 0.99]) {
      for (let df = 1; df <= 200; df++) {
        assert.equal(tCritical(level, df), studentTQuantile(1 - (1 - level) / 2, df));
      }
    }
  });
});
