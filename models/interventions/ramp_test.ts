import assert from "node:assert/strict";
import { DAYS_PER_MONTH, daysBetween, rampFraction } from "./ramp.ts";

Deno.test("rampFraction() shapes", async (t) => {
  const o = { startDay: 100, rampUpMonths: 12 };
  const at = (months: number) => 100 + months * DAYS_PER_MONTH;
  await t.step("zero before go-live, one after the ramp, for every shape", () => {
    for (const shape of ["linear", "step", "s-curve"] as const) {
      assert.equal(rampFraction(99.9, { ...o, shape }), 0);
      assert.equal(rampFraction(at(12), { ...o, shape }), 1);
      assert.equal(rampFraction(at(30), { ...o, shape }), 1);
    }
  });
  await t.step("linear is proportional", () => {
    assert.ok(Math.abs(rampFraction(at(3), { ...o, shape: "linear" }) - 0.25) < 1e-12);
  });
  await t.step("step stays at 0 until the ramp ends", () => {
    assert.equal(rampFraction(at(11.99), { ...o, shape: "step" }), 0);
  });
  await t.step("s-curve is 3x²−2x³: below linear early, above late, ½ at the midpoint", () => {
    const s = (m: number) => rampFraction(at(m), { ...o, shape: "s-curve" });
    assert.ok(Math.abs(s(3) - (3 * 0.0625 - 2 * 0.015625)) < 1e-12);
    assert.ok(s(3) < 0.25 && s(9) > 0.75);
    assert.ok(Math.abs(s(6) - 0.5) < 1e-12);
  });
  await t.step("zero ramp is a step at go-live; negative ramp is an error", () => {
    assert.equal(rampFraction(100, { startDay: 100, rampUpMonths: 0, shape: "s-curve" }), 1);
    assert.throws(
      () => rampFraction(0, { startDay: 0, rampUpMonths: -1, shape: "linear" }),
      RangeError,
    );
  });
  await t.step("daysBetween", () => {
    assert.equal(daysBetween("2025-04-01", "2025-03-31"), -1);
    assert.throws(() => daysBetween("2025-02-30", "2025-03-01"), RangeError);
  });
});
