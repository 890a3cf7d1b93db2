/**
 * The caresim M/M/3 of docs/from-simpy.md gives Erlang C's mean wait: W_q = C(3, 2.4)/(3 − 2.4)
 * = 1.0787 days. One run of 50,000 days (about 120,000 customers, fixed seed); its standard
 * error, from 20 batch means, is 3.6 % of W_q, so the tolerance is four standard errors (15 %).
 * The count served (λ × 50,000 within 1 %) catches an exponential given the rate where the mean
 * is meant, and a wrong number of servers moves W_q far outside the tolerance (c = 4: 0.18).
 */
import assert from "node:assert/strict";
import { mmc } from "../docs/from-simpy/mmc.ts";
import { mmcMeanWaitDays } from "./testdata/queueing.ts";

Deno.test("docs/from-simpy M/M/3 matches Erlang C", () => {
  const expected = mmcMeanWaitDays(3, 2.4, 1);
  const { meanWaitDays, served } = mmc();
  assert.ok(Math.abs(served - 2.4 * 50_000) < 0.01 * 2.4 * 50_000, `served ${served}`);
  assert.ok(
    Math.abs(meanWaitDays - expected) < 0.15 * expected,
    `W_q ${meanWaitDays.toFixed(4)} vs Erlang C ${expected.toFixed(4)}`,
  );
});
