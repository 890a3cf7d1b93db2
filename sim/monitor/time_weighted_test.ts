import assert from "node:assert/strict";
import { TimeWeighted } from "./time_weighted.ts";

Deno.test("TimeWeighted", async (t) => {
  await t.step("hand-computed step function: mean, integral, min, max", () => {
    // level: 2 on [0,3), 5 on [3,4), 0 on [4,6), 1 on [6,10]
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, { initial: 2 });
    clock.now = 3;
    level.update(5);
    clock.now = 4;
    level.update(0);
    clock.now = 6;
    level.update(1);
    clock.now = 10;
    // area = 6 + 5 + 0 + 4 = 15
    assert.equal(level.integral, 15);
    assert.equal(level.mean(), 1.5);
    assert.equal(level.durationDays, 10);
    assert.equal(level.min, 0);
    assert.equal(level.max, 5);
    assert.equal(level.current, 1);
  });

  await t.step("several updates at the same time count only the last level", () => {
    const clock = { now: 0 };
    const level = new TimeWeighted(clock);
    clock.now = 1;
    level.update(100);
    level.update(3);
    clock.now = 2;
    assert.equal(level.integral, 3);
    assert.equal(level.mean(), 1.5);
    assert.equal(level.max, 100); // the level was 100 for an instant
  });

  await t.step("reset restarts the window at now and keeps the current level", () => {
    const clock = { now: 5 };
    const level = new TimeWeighted(clock, { initial: 10 });
    clock.now = 8;
    level.update(4); // warm-up: 10 for 3 days
    clock.now = 12;
    level.reset(); // window starts at 12 with level 4
    assert.equal(level.integral, 0);
    assert.ok(Number.isNaN(level.mean()));
    assert.equal(level.max, 4);
    assert.equal(level.min, 4);
    clock.now = 14;
    level.update(7); // 4 for 2 days
    clock.now = 15; // 7 for 1 day
    assert.equal(level.integral, 15);
    assert.equal(level.mean(), 5);
    assert.equal(level.max, 7);
    assert.equal(level.durationDays, 3);
  });

  await t.step("an empty window has NaN mean; a window starting later uses now", () => {
    const clock = { now: 3 };
    const level = new TimeWeighted(clock, { initial: 2 });
    assert.ok(Number.isNaN(level.mean()));
    clock.now = 5;
    assert.equal(level.mean(), 2);
  });

  await t.step("periods split a level exactly at their boundaries", () => {
    // periods [10, 20), [20, 30), [30, 40); level 0 until 5, 3 on [5, 12), 1 on [12, 35), 4 after
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, { periods: { startDays: 10, lengthDays: 10, count: 3 } });
    clock.now = 5;
    level.update(3);
    clock.now = 12;
    level.add(-2);
    clock.now = 35;
    level.add(3);
    clock.now = 50;
    assert.equal(level.periodIntegral(0), 3 * 2 + 1 * 8);
    assert.equal(level.periodIntegral(1), 10);
    assert.equal(level.periodIntegral(2), 1 * 5 + 4 * 5);
    assert.equal(level.periodMean(1), 1);
    assert.equal(level.periodMean(2), 2.5);
    // the whole window (from 0) includes the warm-up and the time after the last period
    assert.equal(level.integral, 3 * 7 + 1 * 23 + 4 * 15);
  });

  await t.step("a level held across several boundaries counts full periods in each", () => {
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, {
      initial: 2,
      periods: { startDays: 0, lengthDays: 365, count: 5 },
    });
    clock.now = 3 * 365 + 100; // one update spanning three boundaries
    level.update(0);
    clock.now = 10 * 365;
    assert.deepEqual(
      [0, 1, 2, 3, 4].map((k) => level.periodIntegral(k)),
      [730, 730, 730, 200, 0],
    );
    assert.deepEqual([0, 1, 2, 3, 4].map((k) => level.periodMean(k)), [2, 2, 2, 200 / 365, 0]);
  });

  await t.step("the periods' integrals add up to the whole window's when they cover it", () => {
    let state = 7;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, { periods: { startDays: 0, lengthDays: 7, count: 20 } });
    while (clock.now < 139) {
      clock.now = Math.min(140, clock.now + next() * 3);
      level.add(Math.round(next() * 10) - 5);
    }
    clock.now = 140;
    let sum = 0;
    for (let k = 0; k < 20; k++) sum += level.periodIntegral(k);
    assert.ok(Math.abs(sum - level.integral) < 1e-9 * Math.max(1, Math.abs(level.integral)));
  });

  await t.step("reading a period mid-run changes nothing: same bits as never reading", () => {
    const periods = { startDays: 0.3, lengthDays: 1 / 3, count: 30 };
    const clockA = { now: 0 };
    const clockB = { now: 0 };
    const read = new TimeWeighted(clockA, { periods });
    const unread = new TimeWeighted(clockB, { periods });
    let seen = 0;
    for (let i = 1; i <= 200; i++) {
      clockA.now = clockB.now = i * 0.0517;
      for (let k = 0; k < 30; k++) seen += read.periodIntegral(k);
      read.add(((i * 7) % 5) - 2 + 0.1);
      unread.add(((i * 7) % 5) - 2 + 0.1);
    }
    clockA.now = clockB.now = 20;
    for (let k = 0; k < 30; k++) {
      assert.equal(read.periodIntegral(k), unread.periodIntegral(k), `period ${k}`);
    }
    assert.ok(Number.isFinite(seen));
  });

  await t.step("a period not yet begun reads 0 and has no mean; reset keeps the periods", () => {
    const clock = { now: 0 };
    const level = new TimeWeighted(clock, {
      initial: 1,
      periods: { startDays: 0, lengthDays: 10, count: 3 },
    });
    clock.now = 15;
    assert.equal(level.periodIntegral(2), 0);
    assert.ok(Number.isNaN(level.periodMean(2)));
    level.reset();
    assert.equal(level.integral, 0);
    assert.equal(level.periodIntegral(0), 10);
    assert.equal(level.periodIntegral(1), 5);
    assert.deepEqual(level.periods, { startDays: 0, lengthDays: 10, count: 3 });
  });

  await t.step("period errors name the rule and the value", () => {
    const clock = { now: 0 };
    assert.throws(
      () => new TimeWeighted(clock).periodIntegral(0),
      (e: unknown) => e instanceof Error && /create it with \{ periods \}/.test(e.message),
    );
    const level = new TimeWeighted(clock, { periods: { startDays: 0, lengthDays: 1, count: 2 } });
    assert.throws(
      () => level.periodIntegral(2),
      (e: unknown) =>
        e instanceof RangeError &&
        /k must be a whole number in \[0, 2\), received 2/.test(e.message),
    );
    assert.throws(() => level.add(Number.NaN), /delta must be a finite number, received NaN/);
    assert.throws(
      () => new TimeWeighted(clock, { periods: { startDays: 0, lengthDays: 0, count: 1 } }),
      /Cannot create a TimeWeighted: periods.lengthDays must be > 0/,
    );
  });

  await t.step("errors: non-finite values, bad clock, time running back", () => {
    const clock = { now: 0 };
    assert.throws(
      () => new TimeWeighted(clock, { initial: Number.NaN }),
      (e: unknown) => e instanceof RangeError && /initial must be a finite number/.test(e.message),
    );
    assert.throws(
      // @ts-expect-error: wrong shape on purpose
      () => new TimeWeighted({}),
      (e: unknown) => e instanceof TypeError && /clock must have a numeric now/.test(e.message),
    );
    const level = new TimeWeighted(clock);
    assert.throws(() => level.update(Infinity), /value must be a finite number, received Infinity/);
    clock.now = 2;
    level.update(1);
    clock.now = 1;
    assert.throws(() => level.update(2), /time must not run back.*received now = 1/);
    assert.throws(() => level.mean(), RangeError);
  });
});
