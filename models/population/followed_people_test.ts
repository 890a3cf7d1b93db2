/**
 * Specification tests of the followed people: a followed person shares the day's fate of the
 * people of their cell without replacement, so no more of them die than people did; in the
 * model, home-care packages and waits end when their holder dies or moves into a care home, at
 * the rate the cells' deaths give, and no package outlives its holder.
 */
import assert from "node:assert/strict";
import { specModel } from "../_spec_run.ts";
import { cellIndex, HOME } from "./cells.ts";
import type { CohortDayOutcome } from "./cohort.ts";
import { FollowedPeople } from "./followed_people.ts";

/** A day's flows with `flows` out of cell `c` of 32 cells. */
function day(c: number, flows: Partial<Record<"deaths" | "aged", number>>): CohortDayOutcome {
  const z = () => new Float64Array(32);
  const out = {
    deaths: z(),
    deteriorations: z(),
    recoveries: z(),
    aged: z(),
    careHomeReferrals: z(),
    entries: 0,
  };
  out.deaths[c] = flows.deaths ?? 0;
  out.aged[c] = flows.aged ?? 0;
  return out;
}

/** A deterministic uniform sequence (a simple LCG). */
function lcg(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1664525 + 1013904223) % 4294967296) / 4294967296;
}

Deno.test("followed people: everyone in a cell dies → every followed person there ends by death", () => {
  const c = cellIndex(3, 3, HOME);
  const f = new FollowedPeople(32, lcg(1));
  const ended: string[] = [];
  for (let i = 0; i < 3; i++) f.add(c, "homeCarePackage", (why) => ended.push(why));
  const before = new Float64Array(32);
  before[c] = 10;
  f.followDay(before, day(c, { deaths: 10 }));
  assert.deepEqual(ended, ["death", "death", "death"]);
  assert.equal(f.count(c), 0);
});

Deno.test("followed people: never more followed deaths than deaths; ageing moves them", () => {
  const c = cellIndex(1, 2, HOME);
  const f = new FollowedPeople(32, lcg(7));
  let died = 0;
  for (let i = 0; i < 5; i++) f.add(c, "careHomeWait", () => died++);
  const before = new Float64Array(32);
  before[c] = 5;
  f.followDay(before, day(c, { deaths: 2, aged: 3 }));
  assert.equal(died, 2);
  assert.equal(f.count(cellIndex(2, 2, HOME)), 3, "the rest aged into the next band");
});

Deno.test("followed people: a followed person dies with the cell's share of deaths", () => {
  // 200 people, 20 deaths a day: each of 50 followed dies with probability 0.1 a day.
  const c = cellIndex(2, 1, HOME);
  const f = new FollowedPeople(32, lcg(11));
  let died = 0;
  const days = 400;
  let exposed = 0;
  for (let d = 0; d < days; d++) {
    while (f.count(c) < 50) f.add(c, "homeCarePackage", () => died++);
    exposed += f.count(c);
    const before = new Float64Array(32);
    before[c] = 200;
    f.followDay(before, day(c, { deaths: 20 }));
  }
  const expected = exposed * 0.1;
  // Hypergeometric draws: variance below the binomial's exposed × 0.1 × 0.9.
  const sd = Math.sqrt(exposed * 0.1 * 0.9);
  assert.ok(Math.abs(died - expected) < 4 * sd, `${died} vs ${expected}`);
});

Deno.test("home-care packages end when their holders die, at the holders' cells' death rates", () => {
  const m = specModel({ years: 2, population: { size: 100000 }, start: { mode: "census" } });
  const { population, homeCare } = m.parts;
  const params = population.params;
  const followed = population.followed;
  let expectedDeaths = 0;
  let maxOver = 0;
  const check = (d: number) => {
    m.ctx.sim.schedule(d + 0.5 - m.ctx.sim.now, () => {
      for (let c = 0; c < population.cellCount; c++) {
        const holders = followed.count(c, "homeCarePackage");
        maxOver = Math.max(maxOver, followed.count(c) - population.people(c));
        // Deaths at home (cohort) and in hospital (carried by admissions) a day.
        expectedDeaths += holders * (params.pDeath[c]! + params.hospitalDeathRatePerYear[c]! / 365);
      }
      if (d + 1 < 730) check(d + 1);
    });
  };
  check(0);
  m.run();
  assert.ok(maxOver <= 0, "never more followed people in a cell than people");
  const ended = m.record.counts.home_care_packages_ended_by_death;
  const observed = ended.get(0) + ended.get(1);
  assert.ok(expectedDeaths > 50, `${expectedDeaths} expected`);
  assert.ok(
    Math.abs(observed - expectedDeaths) < 4 * Math.sqrt(expectedDeaths) + 0.1 * expectedDeaths,
    `${observed} packages ended by death vs ${expectedDeaths.toFixed(1)}`,
  );
  // Every running package with a known holder is followed (census packages included).
  const running = Math.round(homeCare.inUse / homeCare.hoursPerPackage);
  assert.equal(followed.total("homeCarePackage"), running);
});
