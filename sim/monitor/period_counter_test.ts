import assert from "node:assert/strict";
import { PeriodCounter } from "./period_counter.ts";
import { checkPeriods } from "./periods.ts";

Deno.test("PeriodCounter", async (t) => {
  await t.step("an amount at a boundary counts in the period it opens", () => {
    // periods [100, 465), [465, 830), [830, 1195)
    const c = new PeriodCounter({ periods: { startDays: 100, lengthDays: 365, count: 3 } });
    c.add(100, 1); // first instant of period 0
    c.add(465 - 1e-9, 2); // last moments of period 0
    c.add(465, 4); // first instant of period 1
    c.add(830, 8); // first instant of period 2
    c.add(1195 - 1e-9, 16); // last moments of period 2
    c.add(1195, 32); // after the last period: not counted
    c.add(100 - 1e-9, 64); // warm-up: not counted
    assert.deepEqual([c.get(0), c.get(1), c.get(2)], [3, 4, 24]);
    assert.equal(c.total(), 31);
  });

  await t.step("categories sum apart and every amount counts in the total", () => {
    const c = new PeriodCounter({
      periods: { startDays: 0, lengthDays: 10, count: 2 },
      categories: 3,
    });
    c.add(1, 1, 0);
    c.add(2, 2, 2);
    c.add(3, 4); // total only
    c.add(15, 8, 2);
    assert.deepEqual([c.get(0), c.get(0, 0), c.get(0, 1), c.get(0, 2)], [7, 1, 0, 2]);
    assert.deepEqual([c.get(1), c.get(1, 2)], [8, 8]);
    assert.equal(c.total(2), 10);
    assert.equal(c.total(1), 0);
    assert.equal(c.total(), 15);
  });

  await t.step("matches a by-hand split of random events, to the bit", () => {
    // A Lehmer generator keeps the test deterministic without the engine's streams.
    let state = 12345;
    const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
    const periods = { startDays: 30, lengthDays: 7, count: 10 };
    const c = new PeriodCounter({ periods, categories: 4 });
    const totals = new Array(10).fill(0);
    const byCat = Array.from({ length: 10 }, () => new Array(4).fill(0));
    for (let i = 0; i < 5000; i++) {
      const time = next() * 120;
      const amount = Math.round(next() * 1000) / 8;
      const category = Math.floor(next() * 4);
      c.add(time, amount, category);
      const k = Math.floor((time - 30) / 7);
      if (k < 0 || k >= 10) continue;
      totals[k] += amount;
      byCat[k]![category] += amount;
    }
    for (let k = 0; k < 10; k++) {
      assert.equal(c.get(k), totals[k]);
      for (let g = 0; g < 4; g++) assert.equal(c.get(k, g), byCat[k]![g]);
    }
  });

  await t.step("reset forgets totals and categories; later amounts count again", () => {
    const c = new PeriodCounter({
      periods: { startDays: 0, lengthDays: 10, count: 2 },
      categories: 3,
    });
    c.add(0, 4, 2);
    c.add(15, 1);
    c.reset();
    for (let k = 0; k < 2; k++) {
      assert.equal(c.get(k), 0);
      for (let j = 0; j < 3; j++) assert.equal(c.get(k, j), 0);
    }
    c.add(0, 2, 1);
    assert.equal(c.get(0, 1), 2);
    assert.equal(c.total(), 2);
  });

  await t.step("errors name the field, the rule and the value", () => {
    const periods = { startDays: 0, lengthDays: 1, count: 2 };
    const cases: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => new PeriodCounter({ periods, categories: -1 }),
        RangeError,
        /categories must be a whole number >= 0, received -1/,
      ],
      [
        () => new PeriodCounter({ periods: { startDays: 0, lengthDays: 1, count: 0 } }),
        RangeError,
        /periods.count must be a whole number >= 1, received 0/,
      ],
      [
        () => new PeriodCounter({} as never),
        TypeError,
        /periods must be \{ startDays, lengthDays, count \}, received undefined/,
      ],
      [
        () => new PeriodCounter({ periods }).add(0, Number.NaN),
        RangeError,
        /amount must be a finite number, received NaN/,
      ],
      [
        () => new PeriodCounter({ periods }).add(Number.NaN, 1),
        RangeError,
        /timeDays must be a number, received NaN/,
      ],
      [
        () => new PeriodCounter({ periods, categories: 4 }).add(0, 1, 4),
        RangeError,
        /category must be a whole number in \[0, 4\), received 4/,
      ],
      [
        () => new PeriodCounter({ periods, categories: 4 }).add(0, 1, 1.5),
        RangeError,
        /received 1.5/,
      ],
      [
        () => new PeriodCounter({ periods }).get(2),
        RangeError,
        /period must be a whole number in \[0, 2\), received 2/,
      ],
    ];
    for (const [fn, cls, re] of cases) {
      assert.throws(fn, (e: unknown) => e instanceof cls && re.test((e as Error).message));
    }
  });
});

Deno.test("checkPeriods rejects each invalid field with its name and returns a frozen copy", () => {
  const ok = { startDays: -5, lengthDays: 0.5, count: 3 };
  const copy = checkPeriods("split", ok);
  assert.deepEqual(copy, ok);
  assert.ok(Object.isFrozen(copy));
  assert.notEqual(copy, ok);
  const bad: [unknown, RegExp][] = [
    [{ startDays: Infinity, lengthDays: 1, count: 1 }, /periods.startDays must be a finite/],
    [{ startDays: 0, lengthDays: -1, count: 1 }, /periods.lengthDays must be > 0/],
    [{ startDays: 0, lengthDays: Infinity, count: 1 }, /periods.lengthDays must be > 0/],
    [{ startDays: 0, lengthDays: 1, count: 2.5 }, /periods.count must be a whole number/],
  ];
  for (const [periods, re] of bad) {
    assert.throws(
      () => checkPeriods("split", periods as never),
      (e: unknown) =>
        e instanceof RangeError && re.test(e.message) && /^Cannot split: /.test(e.message),
    );
  }
});
