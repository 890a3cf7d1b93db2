import assert from "node:assert/strict";
import { TimeSeries } from "./time_series.ts";
import type { Scheduler } from "./clock.ts";

/** A tiny sorted-array scheduler ordered by (time, priority, insertion). */
class FakeScheduler implements Scheduler {
  now = 0;
  #queue: { at: number; priority: number; seq: number; fn: () => void; live: boolean }[] = [];
  #seq = 0;
  schedule(delayDays: number, fn: () => void, options: { priority?: number } = {}) {
    if (!(delayDays >= 0)) throw new RangeError(`negative delay ${delayDays}`);
    const item = {
      at: this.now + delayDays,
      priority: options.priority ?? 0,
      seq: this.#seq++,
      fn,
      live: true,
    };
    this.#queue.push(item);
    this.#queue.sort((a, b) => a.at - b.at || a.priority - b.priority || a.seq - b.seq);
    return { cancel: () => void (item.live = false) };
  }
  run(untilDays: number): void {
    while (this.#queue.length > 0 && this.#queue[0].at < untilDays) {
      const item = this.#queue.shift()!;
      if (!item.live) continue;
      this.now = item.at;
      item.fn();
    }
    this.now = untilDays;
  }
  get pending(): number {
    return this.#queue.filter((q) => q.live).length;
  }
}

Deno.test("TimeSeries", async (t) => {
  await t.step("samples at start + k * interval, from now by default", () => {
    const s = new FakeScheduler();
    let level = 0;
    s.schedule(2.5, () => (level = 7));
    const series = new TimeSeries(s, { intervalDays: 1, sample: () => level });
    s.run(5); // events at time < 5
    assert.deepEqual(Array.from(series.times), [0, 1, 2, 3, 4]);
    assert.deepEqual(Array.from(series.values), [0, 0, 0, 7, 7]);
    assert.equal(series.length, 5);
  });

  await t.step("startDays and a fractional interval do not drift", () => {
    const s = new FakeScheduler();
    const series = new TimeSeries(s, { intervalDays: 0.1, startDays: 2, sample: () => s.now });
    s.run(102.05);
    const times = series.times;
    assert.equal(times.length, 1001);
    assert.equal(times[0], 2);
    // times are computed as start + k * interval, not by accumulating 0.1
    assert.equal(times[1000], 2 + 1000 * 0.1);
    assert.deepEqual(series.values, times);
  });

  await t.step("priority orders the sample against other events at the same time", () => {
    const s = new FakeScheduler();
    let level = 0;
    s.schedule(1, () => (level = 1), { priority: 0 });
    const late = new TimeSeries(s, {
      intervalDays: 1,
      startDays: 1,
      priority: 10,
      sample: () => level,
    });
    const early = new TimeSeries(s, {
      intervalDays: 1,
      startDays: 1,
      priority: -10,
      sample: () => level,
    });
    s.run(1.5);
    assert.deepEqual(Array.from(late.values), [1]);
    assert.deepEqual(Array.from(early.values), [0]);
  });

  await t.step("reset clears samples (warm-up) and sampling continues on the grid", () => {
    const s = new FakeScheduler();
    const series = new TimeSeries(s, { intervalDays: 2, sample: () => s.now * 10 });
    s.run(5);
    assert.equal(series.length, 3);
    series.reset();
    assert.equal(series.length, 0);
    s.run(9);
    assert.deepEqual(Array.from(series.times), [6, 8]);
    assert.deepEqual(Array.from(series.values), [60, 80]);
  });

  await t.step("stop cancels the pending sample; endDays ends sampling inclusively", () => {
    const s = new FakeScheduler();
    const series = new TimeSeries(s, { intervalDays: 1, sample: () => 1 });
    s.run(2.5);
    series.stop();
    series.stop();
    assert.equal(series.stopped, true);
    s.run(10);
    assert.equal(series.length, 3);
    assert.equal(s.pending, 0);

    const s2 = new FakeScheduler();
    const bounded = new TimeSeries(s2, { intervalDays: 1, endDays: 3, sample: () => 1 });
    s2.run(100);
    assert.deepEqual(Array.from(bounded.times), [0, 1, 2, 3]);
    assert.equal(bounded.stopped, true);
    assert.equal(s2.pending, 0);
  });

  await t.step("grows past the initial buffer", () => {
    const s = new FakeScheduler();
    const series = new TimeSeries(s, { intervalDays: 1, sample: () => s.now });
    s.run(200);
    assert.equal(series.length, 200);
    assert.equal(series.values[199], 199);
  });

  await t.step("errors name the option and the value", () => {
    const s = new FakeScheduler();
    s.now = 5;
    const cases: [() => unknown, ErrorConstructor, RegExp][] = [
      [
        () => new TimeSeries(s, { intervalDays: -1, sample: () => 1 }),
        RangeError,
        /intervalDays must be > 0 and finite, received -1/,
      ],
      [
        () => new TimeSeries(s, { intervalDays: Infinity, sample: () => 1 }),
        RangeError,
        /intervalDays/,
      ],
      [
        () => new TimeSeries(s, { intervalDays: 1, startDays: 4, sample: () => 1 }),
        RangeError,
        /startDays must be finite and >= now \(5\), received 4/,
      ],
      [
        () => new TimeSeries(s, { intervalDays: 1, endDays: 4, sample: () => 1 }),
        RangeError,
        /endDays must be >= startDays \(5\), received 4/,
      ],
      [
        () => new TimeSeries(s, { intervalDays: 1, sample: 3 as unknown as () => number }),
        TypeError,
        /sample must be a function, received number/,
      ],
      [
        () => new TimeSeries({ now: 0 } as Scheduler, { intervalDays: 1, sample: () => 1 }),
        TypeError,
        /schedule\(\) method/,
      ],
    ];
    for (const [fn, cls, re] of cases) {
      assert.throws(fn, (e: unknown) => e instanceof cls && re.test((e as Error).message));
    }
    const bad = new FakeScheduler();
    // @ts-expect-error: wrong return type on purpose
    new TimeSeries(bad, { intervalDays: 1, sample: () => "x" });
    assert.throws(() => bad.run(1), /sample\(\) must return a number, received string/);
  });
});
