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
