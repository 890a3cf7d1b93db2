import assert from "node:assert/strict";
import { amount } from "../report/answer_words.ts";
import { sweepCsv, sweepHtml } from "../report/sweep.ts";
import { runSweep, setParameter } from "./sweep.ts";

Deno.test("sweeps vary one parameter at a time", async (t) => {
  await t.step("setParameter() copies and sets dotted and indexed paths", () => {
    const input = { version: 1, hospitals: [{ id: "a" }, { id: "b" }] };
    const out = setParameter(input, "hospitals[1].acuteBeds", 50);
    assert.deepEqual(out.hospitals[1], { id: "b", acuteBeds: 50 });
    assert.equal(
      (input.hospitals[1] as Record<string, unknown>).acuteBeds,
      undefined,
      "input untouched",
    );
    assert.throws(() => setParameter(input, "a..b", 1), /dotted names/);
    assert.throws(() => setParameter({}, "hospitals[0].acuteBeds", 1), /must be an array/);
  });

  await t.step("runSweep() moves outputs the right way and draws a tornado", async () => {
    const input = { version: 1 as const, name: "s", years: 1, population: { size: 3000 } };
    const result = await runSweep(input, [
      { path: "population.size", values: [2000, 6000] },
      { path: "acute.readmission30DayProbability", values: [0.05, 0.1] },
    ], { replications: 2, seed: 1, workers: 1 });
    const mean = (path: string, value: string) =>
      result.rows.find((r) =>
        r.path === path && r.value === value && r.summary.metric === "emergency_admissions"
      )!
        .summary.mean;
    assert.ok(mean("population.size", "6000") > 2 * mean("population.size", "2000"));
    assert.ok(mean("", "") > mean("population.size", "2000"));
    assert.match(
      sweepCsv(result),
      /^path,value,scenario,variant,metric,unit,mean,ci_low,ci_high,p05,p95,n\n,,s,baseline,emergency_admissions/,
    );
    const html = sweepHtml(result);
    // The whisker at the high end of population.size is that run's 95% CI of the mean.
    const high = result.rows.find((r) =>
      r.path === "population.size" && r.value === "6000" &&
      r.summary.metric === "emergency_admissions"
    )!.summary;
    assert.ok(high.ciLow < high.mean && high.mean < high.ciHigh);
    assert.ok(
      html.includes(`95% CI: ${amount(high.ciLow)} to ${amount(high.ciHigh)}`),
      "the high end's whisker",
    );
    assert.ok(
      html.indexOf(">population.size (") < html.indexOf(">acute.readmission30DayProbability ("),
      "widest first",
    );
  });

  await t.step("an invalid value is a ScenarioError naming the sweep", async () => {
    await assert.rejects(
      () => runSweep({ version: 1, population: { size: 100 } }, [{ path: "years", values: [0] }]),
      /scenario with years = 0/,
    );
  });
});

Deno.test("setParameter() cannot reach object prototypes", () => {
  for (
    const path of ["__proto__.polluted", "constructor.prototype.polluted", "acute.__proto__.x"]
  ) {
    assert.throws(
      () => setParameter({ version: 1 }, path, 1),
      (e) => e instanceof RangeError && /is not a scenario parameter/.test(e.message),
    );
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(setParameter({ a: { toString: 1 } }, "b.toString", 2), {
    a: { toString: 1 },
    b: { toString: 2 },
  });
});
