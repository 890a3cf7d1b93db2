/**
 * Specification test: on a baseline with zero growth (the stationary demography), no secular
 * trend and no care model, the home-care hours in use and their segment shares (the holder's
 * segment when the package began) stay where the census put them: the census against the mean
 * of years 6–10. The census holds the packages the flows sustain (`home_care_steady_state.ts`),
 * which is checked too. The tolerance is 4 standard errors of the 6-replication mean change,
 * the standard error from the sampling distribution of a time-averaged M/G/∞ stock — Poisson
 * packages whose autocorrelation decays over a package's mean duration τ, so the mean over W
 * days has variance (2mτ/W)(1 − τ/W·(1 − e^(−W/τ))) for a mean of m packages (binomial for a
 * share, plus the census's multinomial draw of the mix) — or, if larger, from the spread of the
 * replications (in a stationary population of 100,000 the number of frail people itself wanders,
 * which the spread includes). The drift this replaces — the census put every package in segments 3–4 at 90%
 * of the hours while this population's flows sustain 18% more hours, 23% of them in segment 1
 * — is several tolerances.
 */
import assert from "node:assert/strict";
import { parseScenario } from "../../scenarios/load.ts";
import { SystemModel } from "../system_model.ts";
import { summarize } from "../../sim/mod.ts";
import { cellRates } from "../population/cell_rates.ts";
import { cohortParams, initialCounts } from "../population/cohort.ts";
import { homeCareFlows, steadyStatePackages } from "./home_care_steady_state.ts";

const YEARS = 10;
const REPLICATIONS = 6;
const SIZE = 100_000;
/** Years pooled at the end: years 6–10 against the census. */
const LAST = 5;

const mean = (xs: number[]) => xs.reduce((a, x) => a + x, 0) / xs.length;
/** Standard error of the mean of `xs` from their spread (sd ÷ √n, as `summarize` gives the sd). */
const spreadSe = (xs: readonly number[]) => {
  const s = summarize(xs);
  return s.sd / Math.sqrt(s.n);
};

/** Variance factor of the mean over `w` days of a stock with autocorrelation e^(−h/τ). */
const timeAverageFactor = (w: number, tau: number) =>
  2 * tau / w * (1 - tau / w * (1 - Math.exp(-w / tau)));

/** Hours per week in use by segment (index 0–3) and in total (index 4), mean over years. */
function hoursOver(model: SystemModel, years: number[]): number[] {
  const rec = model.record;
  const out = [0, 0, 0, 0, 0];
  for (const y of years) {
    for (let s = 0; s < 4; s++) {
      out[s]! += rec.segmentLevels.home_care_hours[s]!.periodIntegral(y) / 365 / years.length;
    }
    out[4]! += rec.levels.home_care_hours.periodIntegral(y) / 365 / years.length;
  }
  return out;
}

Deno.test("a zero-growth baseline keeps home-care hours and their segment shares for 10 years", async (t) => {
  const scenario = parseScenario({
    version: 1,
    years: YEARS,
    population: { size: SIZE, demography: { inputs: "stationary" } },
  });
  const hoursPerPackage = scenario.socialCare.homeCare.hoursPerPackagePerWeek;
  const tau = scenario.socialCare.homeCare.packageDurationMeanDays;
  const runs = Array.from({ length: REPLICATIONS }, (_, replication) => {
    // Unconstrained: the flows, not queueing for hours or beds, are under test (the stationary
    // population is older than England's and would fill the default capacities).
    const model = new SystemModel(scenario, { seed: 11, replication, unconstrained: true });
    // The census, half a day in (after the census packages started, before a day of flows).
    let first: number[] = [];
    model.ctx.sim.schedule(0.5, () => {
      first = [...model.record.segmentLevels.home_care_hours.map((x) => x.current)];
      first.push(model.record.levels.home_care_hours.current);
    });
    model.run();
    const last = Array.from({ length: LAST }, (_, k) => YEARS - LAST + k);
    return { first, last: hoursOver(model, last) };
  });
  // Variance factor of the last years' mean (the census count is the steady state's, rounded:
  // no sampling noise in the total; its segment mix is a multinomial draw, added below).
  const f = timeAverageFactor(365 * LAST, tau);

  await t.step("the census holds the packages the flows sustain", () => {
    const params = cohortParams(scenario);
    const rates = cellRates(scenario, params);
    const counts = initialCounts(scenario);
    const hc = scenario.socialCare.homeCare;
    const sustained = steadyStatePackages(
      homeCareFlows(scenario, { params, rates, counts }),
      hc.communityReferralsPer100kPerYear * SIZE / 1e5 / 365,
    ).reduce((a, x) => a + x, 0);
    // Half a day in: the census count less the few packages ended, plus the few started.
    for (const r of runs) {
      const census = r.first[4]! / hoursPerPackage;
      assert.ok(Math.abs(census - Math.round(sustained)) < 0.01 * sustained, `${census}`);
    }
  });

  await t.step("total hours and segment shares stay within 4 standard errors", () => {
    const failures: string[] = [];
    const packages = mean(runs.map((r) => r.first[4]!)) / hoursPerPackage;
    // Total: variance of the change in packages m·f, in hours², over the replications.
    const totalSe = Math.max(
      hoursPerPackage * Math.sqrt(packages * f / REPLICATIONS),
      spreadSe(runs.map((r) => r.last[4]! - r.first[4]!)),
    );
    const totalChange = mean(runs.map((r) => r.last[4]! - r.first[4]!));
    // The old census (90% of the hours) sat 16% below the level this population's flows sustain.
    assert.ok(4 * totalSe < 0.16 * packages * hoursPerPackage / 2, `total se ${totalSe}`);
    if (Math.abs(totalChange) > 4 * totalSe) {
      failures.push(
        `total: ${mean(runs.map((r) => r.first[4]!)).toFixed(0)} → ${
          mean(runs.map((r) => r.last[4]!)).toFixed(0)
        } h/week (allowed ±${(4 * totalSe).toFixed(0)})`,
      );
    }
    for (let s = 0; s < 4; s++) {
      const share = (h: number[]) => h[s]! / h[4]!;
      const p = mean(runs.map((r) => share(r.first)));
      const se = Math.max(
        Math.sqrt(p * (1 - p) / packages * (1 + f) / REPLICATIONS),
        spreadSe(runs.map((r) => share(r.last) - share(r.first))),
      );
      const change = mean(runs.map((r) => share(r.last) - share(r.first)));
      if (s === 0) {
        // The old census gave segment 1 no hours; the flows sustain a 0.23 share.
        assert.ok(4 * se < 0.23 / 3, `segment 1 share se ${se}`);
      }
      if (Math.abs(change) > 4 * se) {
        failures.push(
          `segment ${s + 1} share: ${p.toFixed(3)} → ${
            mean(runs.map((r) => share(r.last))).toFixed(3)
          } (allowed ±${(4 * se).toFixed(3)})`,
        );
      }
    }
    assert.deepEqual(failures, []);
  });
});
