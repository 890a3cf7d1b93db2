import assert from "node:assert/strict";
import { fitCommunityReferrals, HOME_CARE_TARGET_UTILISATION } from "./home_care_referrals.ts";

const DEFAULT = JSON.parse(
  await Deno.readTextFile(new URL("../scenarios/default.json", import.meta.url)),
);

Deno.test("fitCommunityReferrals() gives the rate whose steady state holds the target hours", async (t) => {
  const fit = fitCommunityReferrals(DEFAULT);
  await t.step("at the fitted rate the flows sustain 90% of the capacity", () => {
    const refit = fitCommunityReferrals({
      ...DEFAULT,
      socialCare: { homeCare: { communityReferralsPer100kPerYear: fit.value } },
    });
    assert.equal(fit.targetHours, HOME_CARE_TARGET_UTILISATION * 7700);
    assert.ok(Math.abs(refit.hoursAtScenarioRate - fit.targetHours) < 1e-6 * fit.targetHours);
  });
  await t.step("the schema default is the fitted value, rounded", () => {
    // One referral per 100,000 a year moves the steady state by about 12 hours a week.
    assert.ok(Math.abs(fit.value - 178) <= 0.5, `fitted ${fit.value}, default 178`);
    assert.ok(Math.abs(fit.hoursAtScenarioRate - fit.targetHours) < 0.005 * fit.targetHours);
  });
});

Deno.test("fitCommunityReferrals() refuses flows that alone exceed the target, naming the fix", () => {
  assert.throws(
    () =>
      fitCommunityReferrals({
        version: 1,
        population: { size: 100000 },
        socialCare: { homeCare: { capacityHoursPerWeekPer100k: 1000 } },
      }),
    (e: Error) =>
      e instanceof RangeError && /communityReferralsPer100kPerYear/.test(e.message) &&
      /raise capacityHoursPerWeekPer100k/.test(e.message),
  );
});
