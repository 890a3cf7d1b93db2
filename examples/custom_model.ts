// deno-lint-ignore-file no-console
/**
 * A researcher's custom model, built on caresim's public API (`mod.ts`) alone:
 *
 * 1. A new pathway on the engine: a virtual ward with 12 beds. Referrals arrive at random; when
 *    every bed is taken the patient is admitted to hospital instead. The simulated share turned
 *    away is checked against Erlang's loss formula.
 * 2. A new intervention on the whole-system model: a falls-prevention service that cuts
 *    emergency admissions of people aged 75+ in need segments 3–4 by 15%, ramping up over six
 *    months, compared with the baseline on the same random numbers.
 *
 * Run: deno run -A examples/custom_model.ts
 *
 * @module
 */

import {
  annualValue,
  type ModelModifiers,
  pairedDifference,
  parseScenario,
  Resource,
  simulateReplication,
  Simulation,
} from "../mod.ts";

// 1. A virtual-ward pathway on the engine.
const BEDS = 12;
const REFERRALS_PER_DAY = 2;
const STAY_DAYS = 5;
const sim = new Simulation({ seed: 42 });
const ward = new Resource(sim, { name: "virtual_ward", capacity: BEDS });
const referrals = sim.stream("referrals");
const stays = sim.stream("stays");
let referred = 0;
let admittedInstead = 0;
sim.process((function* () {
  for (;;) {
    yield sim.timeout(referrals.exponential(1 / REFERRALS_PER_DAY));
    referred++;
    if (ward.inUse >= ward.capacity) {
      admittedInstead++; // no virtual-ward bed: the patient goes to hospital
      continue;
    }
    sim.process((function* () {
      const bed = yield ward.request();
      yield sim.timeout(stays.exponential(STAY_DAYS));
      ward.release(bed);
    })());
  }
})());
sim.run({ until: 20_000 });

/** Erlang B: probability that all c servers are busy with offered load a. */
function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = a * b / (k + a * b);
  return b;
}
const simulated = admittedInstead / referred;
const analytic = erlangB(BEDS, REFERRALS_PER_DAY * STAY_DAYS);
console.log("Virtual ward (12 beds, 2 referrals/day, 5-day stays)");
console.log(`  turned away, simulated: ${(100 * simulated).toFixed(1)}%`);
console.log(`  turned away, Erlang B:  ${(100 * analytic).toFixed(1)}%`);
console.log(`  within 2 points: ${Math.abs(simulated - analytic) < 0.02}`);

// 2. A new intervention on the whole-system model.
const fallsPrevention: ModelModifiers = {
  rates(dayIndex, cell) {
    if (cell.minAgeYears < 75 || cell.segment < 3 || dayIndex < 0) return undefined;
    const ramp = Math.min(1, dayIndex / 182);
    return { emergencyAdmission: 1 - 0.15 * ramp };
  },
};
const scenario = parseScenario({
  version: 1,
  name: "falls-prevention",
  years: 2,
  population: { size: 20000 },
});
const replications = [0, 1, 2, 3];
const baseline = replications.map((replication) =>
  simulateReplication(scenario, { seed: 7, replication })
);
const withFalls = replications.map((replication) =>
  simulateReplication(scenario, {
    seed: 7,
    replication,
    variant: "falls-prevention",
    modifiers: fallsPrevention,
  })
);
const admissions = (r: typeof baseline[number]) => annualValue(r, "emergency_admissions");
const avoided = pairedDifference(baseline.map(admissions), withFalls.map(admissions));
console.log("\nFalls prevention (75+, segments 3-4, -15% admissions after a 6-month ramp)");
console.log(
  `  emergency admissions over 2 years, baseline: ${
    (baseline.map(admissions).reduce((a, b) => a + b) / baseline.length).toFixed(1)
  }`,
);
console.log(
  `  admissions avoided: ${avoided.mean.toFixed(1)} (95% CI ${avoided.ciLow.toFixed(1)} to ${
    avoided.ciHigh.toFixed(1)
  })`,
);
