import assert from "node:assert/strict";
import { nextArrivalTime, periodicRate } from "./arrivals.ts";
import { createStream } from "./stream.ts";
import { chiSquareCritical, moments } from "./_test_util.ts";

// Arrivals per day in each hour of the day; hours 0–5 and 22–23 are closed.
const HOURLY = [
  0,
  0,
  0,
  0,
  0,
  0,
  48,
  96,
  240,
  240,
  192,
  144,
  120,
  120,
  144,
  168,
  144,
  120,
  96,
  72,
  48,
  24,
  0,
  0,
];

function arrivalsUntil(seed: number, days: number, profile: ReturnType<typeof periodicRate>) {
  const stream = createStream(seed, 0, "arrivals");
  const times: number[] = [];
  let t = nextArrivalTime(stream, 0, { ...profile, horizonDays: days });
  while (t < days) {
    times.push(t);
    t = nextArrivalTime(stream, t, { ...profile, horizonDays: days });
  }
  return times;
}

Deno.test("nextArrivalTime() follows an hourly daily profile, zero hours included", async (t) => {
  const days = 1000;
  const profile = periodicRate({ periodDays: 1, ratesPerDay: HOURLY });
  const times = arrivalsUntil(1, days, profile);
  const counts = new Array(24).fill(0);
  for (const x of times) counts[Math.floor((x % 1) * 24)]++;

  await t.step("closed hours get exactly zero arrivals", () => {
    for (const h of [0, 1, 2, 3, 4, 5, 22, 23]) assert.equal(counts[h], 0, `hour ${h}`);
  });

  await t.step("each open hour is within 5 SE of days × rate / 24, and chi-square passes", () => {
    let chi2 = 0;
    let df = -1;
    for (let h = 0; h < 24; h++) {
      const expected = (days * HOURLY[h]) / 24;
      if (expected === 0) continue;
      const z = (counts[h] - expected) / Math.sqrt(expected);
      assert.ok(Math.abs(z) < 5, `hour ${h}: ${counts[h]} vs ${expected} (z = ${z.toFixed(2)})`);
      chi2 += z * z;
      df++;
    }
    assert.ok(chi2 < chiSquareCritical(df), `chi-square ${chi2} (df ${df})`);
  });

  await t.step("the first hour after the closed period is not skewed within the hour", () => {
    const quarters = [0, 0, 0, 0];
    for (const x of times) {
      const hour = (x % 1) * 24;
      if (hour >= 6 && hour < 7) quarters[Math.floor((hour - 6) * 4)]++;
    }
    const expected = (days * HOURLY[6]) / 24 / 4;
    for (const [q, c] of quarters.entries()) {
      const z = (c - expected) / Math.sqrt(expected);
      assert.ok(Math.abs(z) < 5, `quarter ${q}: ${c} vs ${expected}`);
    }
  });

  await t.step("same seed reproduces the same arrival times", () => {
    assert.deepEqual(arrivalsUntil(1, 5, profile), times.filter((x) => x < 5));
  });
});

Deno.test("nextArrivalTime() after a long zero-rate spell waits exactly Exp(rate) past its end", () => {
  // Rate 0 for 10 days, then 24/day: the first arrival is 10 + Exp(mean 1/24).
  const rate = { ratePerDay: (t: number) => (t < 10 ? 0 : 24), maxRatePerDay: 24 };
  const n = 20_000;
  const stream = createStream(2, 0, "spell");
  const waits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const first = nextArrivalTime(stream, 0, rate);
    assert.ok(first >= 10);
    waits[i] = first - 10;
  }
  const m = moments(waits);
  const mean = 1 / 24;
  assert.ok(Math.abs(m.mean - mean) < 5 * mean / Math.sqrt(n), `mean wait ${m.mean}`);
  assert.ok(Math.abs(m.variance - mean * mean) < 5 * mean * mean * Math.sqrt(8 / n));
});

Deno.test("nextArrivalTime() with a constant rate gives Poisson counts", () => {
  const stream = createStream(3, 0, "constant");
  const opts = { ratePerDay: () => 3, maxRatePerDay: 5, horizonDays: 1 };
  const n = 20_000;
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let k = 0;
    let t = nextArrivalTime(stream, 0, opts);
    while (t < 1) {
      k++;
      t = nextArrivalTime(stream, t, opts);
    }
    counts[i] = k;
  }
  const m = moments(counts);
  assert.ok(Math.abs(m.mean - 3) < 5 * Math.sqrt(3 / n), `mean ${m.mean}`);
  assert.ok(Math.abs(m.variance - 3) < 5 * Math.sqrt((3 + 2 * 9) / n), `variance ${m.variance}`);
});

Deno.test("nextArrivalTime() returns Infinity past the horizon or with a zero envelope", () => {
  const s = createStream(4, 0, "edge");
  assert.equal(nextArrivalTime(s, 0, { ratePerDay: () => 0, maxRatePerDay: 0 }), Infinity);
  assert.equal(
    nextArrivalTime(s, 0, { ratePerDay: () => 0, maxRatePerDay: 5, horizonDays: 100 }),
    Infinity,
  );
  assert.equal(
    nextArrivalTime(s, 5, { ratePerDay: () => 1, maxRatePerDay: 1, horizonDays: 5 }),
    Infinity,
  );
  const closed = periodicRate({ periodDays: 1, ratesPerDay: [0, 0] });
  assert.equal(closed.maxRatePerDay, 0);
  assert.equal(nextArrivalTime(s, 0, closed), Infinity);
});

Deno.test("nextArrivalTime() and periodicRate() reject invalid input", () => {
  const s = createStream(5, 0, "errors");
  const cases: Array<[() => unknown, typeof RangeError | typeof TypeError, string]> = [
    [
      () => nextArrivalTime(s, 0, { ratePerDay: () => 12, maxRatePerDay: 10 }),
      RangeError,
      "ratePerDay(t) must be in [0, maxRatePerDay = 10], received 12 at t = ",
    ],
    [
      () => nextArrivalTime(s, 0, { ratePerDay: () => -1, maxRatePerDay: 10 }),
      RangeError,
      "received -1 at t = ",
    ],
    [
      () => nextArrivalTime(s, 0, { ratePerDay: () => NaN, maxRatePerDay: 10 }),
      RangeError,
      "received NaN",
    ],
    [
      () => nextArrivalTime(s, 0, { ratePerDay: () => 0, maxRatePerDay: 10, maxCandidates: 1000 }),
      RangeError,
      "no arrival accepted in 1000 candidates",
    ],
    [
      () => nextArrivalTime(s, 0, { ratePerDay: () => 1, maxRatePerDay: -1 }),
      RangeError,
      "Cannot generate an arrival: maxRatePerDay must be >= 0, received -1",
    ],
    [
      () => nextArrivalTime(s, NaN, { ratePerDay: () => 1, maxRatePerDay: 1 }),
      TypeError,
      "nowDays must be a number",
    ],
    [
      () => nextArrivalTime(s, 0, { ratePerDay: 3 as unknown as () => number, maxRatePerDay: 1 }),
      TypeError,
      "ratePerDay must be a function",
    ],
    [
      () => periodicRate({ periodDays: 0, ratesPerDay: [1] }),
      RangeError,
      "Cannot create a periodic rate: periodDays must be > 0, received 0",
    ],
    [() => periodicRate({ periodDays: 1, ratesPerDay: [] }), RangeError, "must not be empty"],
    [
      () => periodicRate({ periodDays: 1, ratesPerDay: [1, -2] }),
      RangeError,
      "ratesPerDay[1] must be >= 0, received -2",
    ],
  ];
  for (const [fn, cls, fragment] of cases) {
    assert.throws(fn, (e: unknown) => {
      assert.ok(e instanceof cls, `${fragment}: got ${e}`);
      assert.ok((e as Error).message.includes(fragment), `"${(e as Error).message}"`);
      return true;
    });
  }
});

Deno.test("periodicRate() maps time to slices across periods", () => {
  const weekly = periodicRate({ periodDays: 7, ratesPerDay: [1, 2, 3, 4, 5, 6, 7] });
  assert.equal(weekly.ratePerDay(0), 1);
  assert.equal(weekly.ratePerDay(6.999), 7);
  assert.equal(weekly.ratePerDay(7), 1);
  assert.equal(weekly.ratePerDay(15.5), 2);
  assert.equal(weekly.ratePerDay(-0.5), 7);
  assert.equal(weekly.maxRatePerDay, 7);
  assert.equal(weekly.meanRatePerDay, 4);
});
