import assert from "node:assert/strict";
import { createStream } from "../../sim/mod.ts";
import { parseScenario } from "../../scenarios/load.ts";
import type { EventLogRow } from "../modifiers.ts";
import { simulateReplication } from "../simulate.ts";
import { PATHWAY_DESTINATIONS } from "./acute_referrals.ts";
import { simulatePathways } from "./pathway_model.ts";
import { simulateWithPathways } from "./simulate_with_pathways.ts";

const stays = { lognormal: { mean: 20, sd: 10 } };
const acuteFed = (years: number) =>
  parseScenario({
    version: 1,
    years,
    population: { size: 4000 },
    pathways: [1, 2, 3].map((k) => ({
      id: `p${k}`,
      locality: "a",
      pathway: k,
      capacity: 30,
      demand: "acute-discharges",
      lengthOfStayDays: stays,
    })),
  });

Deno.test("acute-fed pathways: arrivals equal the run's discharges routed to each pathway, exactly", () => {
  const scenario = acuteFed(2);
  const horizon = 2 * 365;
  for (const replication of [0, 1]) {
    const rows: EventLogRow[] = [];
    const { result, pathways } = simulateWithPathways(scenario, {
      seed: 5,
      replication,
      eventLog: (row) => rows.push({ ...row }),
    });
    for (const p of pathways) {
      const expected = rows.filter((r) =>
        r.activity === "discharge_ready" && r.timeDays >= 0 && r.timeDays < horizon &&
        PATHWAY_DESTINATIONS[p.pathway].includes(r.resource)
      ).length;
      const arrivals = p.years.reduce((a, y) =>
        a + y.arrivals, 0);
      assert.equal(arrivals, expected, `pathway ${p.pathway}`);
      assert.ok(arrivals > 0, `pathway ${p.pathway} has referrals`);
    }
    // Feeding the pathways draws no random numbers: the whole-system run is unchanged.
    const plain = simulateReplication(
      parseScenario({
        version: 1,
        years: 2,
        population: { size: 4000 },
      }),
      { seed: 5, replication },
    );
    assert.deepEqual(result.annual, plain.annual);
  }
});

Deno.test("a standalone pathway needs arrivalsPerDay; an acute-fed one does not", () => {
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        pathways: [{ id: "p", locality: "a", pathway: 2, capacity: 5, lengthOfStayDays: 10 }],
      }),
    /pathways\[0\]\.arrivalsPerDay/,
  );
  assert.equal(acuteFed(1).pathways[0]!.demand, "acute-discharges");
  assert.throws(
    () => simulatePathways(acuteFed(1), { seed: 1, replication: 0 }),
    /Cannot simulate pathway "p1": its demand is "acute-discharges"/,
  );
});

/** Poisson referral times at `rate` a day over [0, horizon). */
function poissonTimes(rate: number, horizon: number, seed: number): number[] {
  const stream = createStream(seed, 0, "referrals");
  const out: number[] = [];
  for (let t = stream.exponential(1 / rate); t < horizon; t += stream.exponential(1 / rate)) {
    out.push(t);
  }
  return out;
}

const oneBedPool = (capacity: number, los: unknown) =>
  parseScenario({
    version: 1,
    years: 20,
    population: { size: 1000 },
    pathways: [{
      id: "p2",
      locality: "a",
      pathway: 2,
      capacity,
      demand: "acute-discharges",
      lengthOfStayDays: los,
    }],
  });

Deno.test("acute-fed waits follow queueing theory: D/D/c exactly, M/M/1 and M/M/2 (Erlang C)", () => {
  // D/D/c: a referral every day, 1.5 days' service. One place: the n-th referral (n = 0, 1, …)
  // waits 0.5 n days; two places: nobody waits.
  const horizon = 20 * 365;
  const daily = Array.from({ length: 100 }, (_, i) => i + 0.5);
  const none = { 1: [], 3: [] };
  const [one] = simulatePathways(oneBedPool(1, 1.5), { seed: 1, replication: 0 }, {
    ...none,
    2: daily,
  });
  // Σ waits = 0.5 × (0 + 1 + … + 99) = 2,475 days, all in year 1.
  assert.ok(Math.abs(one!.years[0]!.waitingDays - 2475) < 1e-6);
  const [two] = simulatePathways(oneBedPool(2, 1.5), { seed: 1, replication: 0 }, {
    ...none,
    2: daily,
  });
  assert.equal(two!.years[0]!.waitingDays, 0);
  // M/M/c with λ = 0.5 a day and mean service 1 day (a = 0.5): mean queue Lq.
  // c = 1: ρ² ÷ (1 − ρ) = 0.5. c = 2 (ρ = 0.25): Erlang C = (a²/2)/(1 − ρ) ÷ (1 + a + (a²/2)/(1 − ρ))
  // = 0.1667 ÷ 1.6667 = 0.1, Lq = 0.1 × ρ ÷ (1 − ρ) = 0.0333.
  const meanQueue = (capacity: number) => {
    let sum = 0;
    for (const seed of [1, 2, 3, 4]) {
      const [r] = simulatePathways(oneBedPool(capacity, { exponential: { mean: 1 } }), {
        seed,
        replication: 0,
      }, { ...none, 2: poissonTimes(0.5, horizon, seed) });
      sum += r!.years.reduce((a, y) => a + y.waitingDays, 0) / horizon;
    }
    return sum / 4;
  };
  const lq1 = meanQueue(1);
  const lq2 = meanQueue(2);
  assert.ok(Math.abs(lq1 / 0.5 - 1) < 0.15, `M/M/1 Lq ${lq1} vs 0.5`);
  assert.ok(Math.abs(lq2 / (1 / 30) - 1) < 0.3, `M/M/2 Lq ${lq2} vs 0.0333`);
});

Deno.test("two pathways of one number cannot both take the acute discharges", () => {
  assert.throws(
    () =>
      parseScenario({
        version: 1,
        population: { size: 1000 },
        pathways: ["a", "b"].map((locality) => ({
          id: `${locality}-p2`,
          locality,
          pathway: 2,
          capacity: 5,
          demand: "acute-discharges",
          lengthOfStayDays: 10,
        })),
      }),
    /pathways\[1\]\.demand: expected one pathway 2 fed by acute discharges \(pathways\[0\] already takes them\)/,
  );
});
