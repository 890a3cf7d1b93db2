/**
 * Specification test of route-specific multipliers: a care model's ED-attendance multiplier
 * changes only the admissions that arrive via ED (a share `acute.edRouteShare` of them), in
 * either direction; an emergency-admission multiplier changes both routes.
 */
import assert from "node:assert/strict";
import { specRun } from "../_spec_run.ts";
import { annualValue } from "../result.ts";

const INPUT = { years: 2, population: { size: 20000 }, start: { mode: "empty" } };

function admissions(rates: Record<string, number> | undefined): { n: number; edShare: number } {
  const { result, scenario } = specRun(INPUT, {
    unconstrained: true,
    modifiers: rates ? { rates: () => rates } : undefined,
  });
  const n = annualValue(result, "emergency_admissions", { year: 1 }) +
    annualValue(result, "emergency_admissions", { year: 2 });
  return { n, edShare: scenario.acute.edRouteShare };
}

Deno.test("an ED-attendance multiplier changes only ED-route admissions, an admission multiplier both", () => {
  const base = admissions(undefined);
  assert.ok(base.n > 3000, `${base.n} admissions`);
  const cases: [Record<string, number>, number][] = [
    [{ edAttendance: 1.5 }, 1 + 0.5 * base.edShare],
    [{ edAttendance: 0.667 }, 1 - 0.333 * base.edShare],
    [{ emergencyAdmission: 1.5 }, 1.5],
  ];
  for (const [rates, expected] of cases) {
    const ratio = admissions(rates).n / base.n;
    // Common random numbers: the change is ≈ Poisson on top of the same base, se ≈ 1%; ED × 1.5
    // acting on both routes would give 1.5, 9% off.
    assert.ok(
      Math.abs(ratio / expected - 1) < 0.03,
      `${JSON.stringify(rates)}: ratio ${ratio.toFixed(3)} vs ${expected.toFixed(3)}`,
    );
  }
});
