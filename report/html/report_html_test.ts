import assert from "node:assert/strict";
import { testRun } from "../_test_run.ts";
import { amount } from "../answer_words.ts";
import { buildOutputs } from "../outputs.ts";
import { runMeta } from "../run_meta.ts";
import { runTables } from "../tables.ts";

/** The value at a dotted path of summary.json ("answer.options.0.byPeriod.all.…"). */
function at(doc: unknown, path: string): unknown {
  return path.split(".").reduce((o: unknown, k) => (o as Record<string, unknown>)?.[k], doc);
}

Deno.test("reportHtml() is self-contained, puts the answer first and has every chart", async (t) => {
  const run = testRun({ indices: [0, 1, 2], optionCount: 2, years: 2 });
  const { files } = buildOutputs(await runMeta(run), runTables(run));
  const html = files["report.html"];
  const json = JSON.parse(files["summary.json"]);

  await t.step("self-contained: no external resource, no source-less script", () => {
    assert.doesNotMatch(html, /<link|<img|src=|@import|url\(/i);
    assert.equal(html.match(/<script/g)?.length, 1, "one inline script (opens details to print)");
    assert.doesNotMatch(html, /NaN|undefined/);
  });

  await t.step("the answer comes before every other section, charts for every option", () => {
    const ids = [...html.matchAll(/<h2 id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(ids[0], "answer");
    const charts = [...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(charts, [
      "admissions-avoided-spread",
      "occupancy-1",
      "occupancy-2",
      "admissions-avoided",
      "ed-boarding",
      "delayed-transfers",
      "care-homes",
      "home-care",
      "fte-0",
      "fte-1",
    ]);
    // Each workforce panel draws the baseline and both options (2 years → 2 points each).
    const fte0 = html.slice(html.indexOf('data-chart="fte-0"'), html.indexOf('data-chart="fte-1"'));
    assert.equal(fte0.match(/class="data point"/g)?.length, 3 * 2);
  });

  await t.step("plain words: fewer/more, human labels, both intervals", () => {
    assert.match(html, /fewer admissions|more admissions/);
    assert.match(html, /95% CI .* 90% of replications/);
    assert.match(html, /Care coordinators/);
    assert.match(html, /Are 3 replications enough\?/);
    assert.match(html, /Acute bed days/);
  });

  await t.step("every figure marked with a summary.json path shows that value", () => {
    const marked = [...html.matchAll(/(?:data-scale="(\d+)" )?data-json="([^"]+)">([^<]*)</g)];
    assert.ok(marked.length > 20, `${marked.length} figures marked`);
    for (const [, scale, path, text] of marked) {
      const value = at(json, path);
      assert.equal(typeof value, "number", path);
      const shown = amount(Math.abs(value as number) * Number(scale ?? 1));
      assert.ok(
        text.includes(shown) || (/no change|as many/.test(text) && Number(shown) === 0),
        `${path}: ${text} does not show ${shown}`,
      );
    }
  });

  await t.step("assumptions are all in the page (print opens them)", () => {
    assert.match(html, /Assumptions and sources/);
    assert.match(html, /acute\.readmission30DayProbability/);
    assert.match(html, /details::details-content\{content-visibility:visible/);
    assert.match(html, /break-after:avoid/);
  });
});
