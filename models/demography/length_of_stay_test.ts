import assert from "node:assert/strict";
import {
  defaultLengthOfStayFit,
  defaultLengthOfStayTargets,
  LENGTH_OF_STAY_EVIDENCE,
} from "./default_length_of_stay.ts";
import { DEMOGRAPHY_EVIDENCE } from "./default_demography.ts";
import { normalQuantile } from "../../sim/mod.ts";
import { fitLengthOfStay, meanLengthOfStayDays, shareLongerThan } from "./length_of_stay.ts";

const targets = defaultLengthOfStayTargets();
const fit = defaultLengthOfStayFit();
const pooled = (ids: string[], f: (id: string) => number) => {
  const bands = targets.filter((t) => ids.includes(t.id));
  const n = bands.reduce((s, b) => s + b.admissionsPerYear, 0);
  return bands.reduce((s, b) => s + b.admissionsPerYear * f(b.id), 0) / n;
};
const ALL = targets.map((t) => t.id);

Deno.test("fitLengthOfStay() reproduces every band's mean and the 65+ share over 21 days", () => {
  for (const t of targets) {
    assert.ok(Math.abs(meanLengthOfStayDays(fit.bands[t.id]) - t.meanDays) < 1e-9, t.id);
    assert.equal(shareLongerThan(fit.bands[t.id], 0.5), 1 - t.zeroDayShare);
  }
  const over21 = pooled(["65-74", "75-84", "85+"], (id) => shareLongerThan(fit.bands[id], 21));
  assert.ok(Math.abs(over21 - LENGTH_OF_STAY_EVIDENCE.over21DaysShare65Plus.value) < 1e-9);
  const zeroDay = pooled(ALL, (id) => fit.bands[id].zeroDayShare);
  assert.ok(Math.abs(zeroDay - 1 / 3) < 1e-12);
});

Deno.test("the default length-of-stay mixture meets held-out evidence", async (t) => {
  const bedDays = targets.map((b) => b.admissionsPerYear * meanLengthOfStayDays(fit.bands[b.id]));
  const total = bedDays.reduce((a, b) => a + b, 0);
  await t.step("people 85+ use about 18% of bed days (F1d)", () => {
    const share = bedDays[3] / total;
    assert.ok(Math.abs(share - LENGTH_OF_STAY_EVIDENCE.bedDayShare85Plus.value) < 0.01, `${share}`);
  });
  await t.step("emergency bed days stay below all G&A bed use (101,259 beds at 89.5%)", () => {
    const people = DEMOGRAPHY_EVIDENCE.populationByBand.value.reduce((a, b) => a + b, 0);
    const gaBedDaysPer1000 = 101_259 * 365 * 0.895 / people * 1000;
    const emergencyPer1000 = total / people * 1000;
    assert.ok(
      emergencyPer1000 < 0.85 * gaBedDaysPer1000,
      `${emergencyPer1000} vs ${gaBedDaysPer1000}`,
    );
  });
  await t.step("about 9% of emergency admissions stay over 14 days (G4, ±2 points)", () => {
    const over14 = pooled(ALL, (id) => shareLongerThan(fit.bands[id], 14));
    assert.ok(
      Math.abs(over14 - LENGTH_OF_STAY_EVIDENCE.over14DaysShareAllAges.value) < 0.02,
      `${over14}`,
    );
  });
  await t.step("longer stays with age: mean and tail rise band by band", () => {
    for (let i = 1; i < targets.length; i++) {
      const [a, b] = [fit.bands[targets[i - 1].id], fit.bands[targets[i].id]];
      assert.ok(meanLengthOfStayDays(b) > meanLengthOfStayDays(a));
      assert.ok(shareLongerThan(b, 21) > shareLongerThan(a, 21));
    }
  });
});

Deno.test("shareLongerThan() matches a sampled mixture", () => {
  // Inverse-CDF on a fine grid of uniforms: deterministic, no random stream needed.
  const m = fit.bands["85+"];
  const n = 200_000;
  let over7 = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const u = (i + 0.5) / n;
    let days = 0;
    if (u >= m.zeroDayShare) {
      const v = (u - m.zeroDayShare) / (1 - m.zeroDayShare);
      days = 1 + Math.exp(m.overnightMu + m.overnightSigma * normalQuantile(v));
    }
    sum += days;
    if (days > 7) over7++;
  }
  assert.ok(Math.abs(over7 / n - shareLongerThan(m, 7)) < 1e-4);
  assert.ok(Math.abs(sum / n / meanLengthOfStayDays(m) - 1) < 2e-3);
});

Deno.test("fitLengthOfStay() rejects targets it cannot meet", () => {
  const base = [{ id: "a", admissionsPerYear: 1, meanDays: 5, zeroDayShare: 0.3 }];
  assert.throws(
    () => fitLengthOfStay(base, { longStay: { overDays: 21, share: 0.6, bandIds: ["a"] } }),
    /no lognormal shape gives 0\.6 of stays over 21 days/,
  );
  assert.throws(
    () =>
      fitLengthOfStay([{ ...base[0], zeroDayShare: 1 }], {
        longStay: { overDays: 21, share: 0.05, bandIds: ["a"] },
      }),
    /band a zeroDayShare must be in \[0, 1\)/,
  );
  assert.throws(
    () => fitLengthOfStay(base, { longStay: { overDays: 21, share: 0.05, bandIds: ["b"] } }),
    /longStay\.bandIds \["b"\] must all be band ids/,
  );
});
