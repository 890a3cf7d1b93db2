import assert from "node:assert/strict";
import { testRun } from "../_test_run.ts";
import { shownFigureProblem, testReportCharts } from "../_report_expectations.ts";
import { buildOutputs } from "../outputs.ts";
import { runMeta } from "../run_meta.ts";
import { runTables } from "../tables.ts";

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
    assert.deepEqual(charts, testReportCharts(2));
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
      const problem = shownFigureProblem(json, { path, scale: Number(scale ?? 1), text });
      assert.equal(problem, undefined, problem);
    }
  });

  await t.step("bar charts' legends show filled swatches, not line samples", () => {
    const figures = html.split('<figure class="chart">').slice(1);
    const bars = figures.filter((f) => /class="data bar"/.test(f));
    assert.ok(bars.length >= 2, `${bars.length} bar charts`);
    for (const f of bars) {
      const legend = f.slice(f.indexOf('<div class="legend">'), f.indexOf("<svg data-chart"));
      assert.match(legend, /<rect class="fill"/);
      assert.doesNotMatch(legend, /<line/, "a bar series' legend shows a line sample");
    }
  });

  await t.step("assumptions are all in the page (print opens them)", () => {
    assert.match(html, /Assumptions and sources/);
    assert.match(html, /acute\.readmission30DayProbability/);
    assert.match(html, /details::details-content\{content-visibility:visible/);
    assert.match(html, /break-after:avoid/);
  });
});
