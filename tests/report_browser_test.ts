// deno-lint-ignore-file no-console
/**
 * Opens report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core
 * from tests/browser/node_modules through Node), for two options and for twelve: no console
 * errors, no network requests, every chart has drawn data marks with non-empty geometry, the
 * figures shown are summary.json's, nothing needed is off-screen at 400 px, and laid out for
 * print every collapsible section is open, nothing is wider than an A4 page and headings stay
 * with what follows.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { testRun } from "../report/_test_run.ts";
import { shownFigureProblem, testReportCharts } from "../report/_report_expectations.ts";
import { buildOutputs } from "../report/outputs.ts";
import { runMeta } from "../report/run_meta.ts";
import { runTables } from "../report/tables.ts";
import { writeOutputs } from "../report/write_outputs.ts";

const CHROMIUM = "/usr/bin/chromium";

interface PageResult {
  consoleErrors: string[];
  pageErrors: string[];
  externalRequests: string[];
  title: string;
  charts: { id: string; marks: number; drawn: number; width: number; height: number }[];
  figures: { path: string; scale: number; text: string }[];
  narrow: {
    pageWidth: number;
    viewport: number;
    offScreen: string[];
    chartsRight: number;
    legendFontPx: number;
    chartFontPx: number;
    scrollProblems: string[];
  };
  print: {
    details: number;
    hiddenInDetails: number;
    assumptionRows: number;
    assumptionRowsShown: number;
    tooWide: string[];
    headingsKeptWithNext: number;
    headings: number;
    leadInsBreakable: string[];
  };
}

function checkReport(name: string, result: PageResult, json: unknown, options: number): void {
  assert.deepEqual(result.consoleErrors, [], name);
  assert.deepEqual(result.pageErrors, [], name);
  assert.deepEqual(result.externalRequests, [], name);
  assert.equal(result.title, "caresim report — test");
  const ids = result.charts.map((c) => c.id);
  assert.deepEqual(ids, testReportCharts(options, true), name);
  for (const c of result.charts) {
    assert.ok(c.width > 100 && c.height > 50, `${name}: ${c.id} has a size`);
    assert.ok(
      c.drawn >= 2 && c.drawn === c.marks,
      `${name}: ${c.id}: ${c.drawn} of ${c.marks} marks drawn`,
    );
  }
  // The values shown are summary.json's.
  assert.ok(
    result.figures.length > 10 * (options + 1),
    `${name}: ${result.figures.length} figures`,
  );
  for (const f of result.figures) {
    const problem = shownFigureProblem(json, f);
    assert.equal(problem, undefined, `${name}: ${problem}`);
  }
  // 400 px: nothing needed off-screen (tables scroll in their own boxes), charts scale, text legible.
  assert.equal(result.narrow.pageWidth, result.narrow.viewport, `${name}: page scrolls sideways`);
  assert.deepEqual(result.narrow.offScreen, [], `${name}: off-screen at 400 px`);
  assert.ok(result.narrow.chartsRight <= result.narrow.viewport, `${name}: a chart is cut off`);
  assert.ok(result.narrow.legendFontPx >= 12, `${name}: legends and readings ≥ 12 px`);
  assert.ok(
    result.narrow.chartFontPx >= 11,
    `${name}: chart text drawn at ${result.narrow.chartFontPx} px at 400 px (at least 11)`,
  );
  assert.deepEqual(result.narrow.scrollProblems, [], `${name}: wide tables at 400 px`);
  // Print: every collapsible section open, all assumptions shown, nothing wider than the page,
  // headings kept with what follows.
  assert.ok(result.print.details >= 2, name);
  assert.equal(result.print.hiddenInDetails, 0, `${name}: a closed section in print`);
  assert.ok(result.print.assumptionRows > 100, name);
  assert.equal(result.print.assumptionRowsShown, result.print.assumptionRows, name);
  assert.deepEqual(result.print.tooWide, [], `${name}: wider than an A4 page`);
  assert.equal(result.print.headingsKeptWithNext, result.print.headings, name);
  assert.deepEqual(result.print.leadInsBreakable, [], `${name}: a heading's note may end a page`);
}
const BROWSER_DIR = new URL("./browser/", import.meta.url).pathname;
const chromiumMissing = !existsSync(CHROMIUM) && !Deno.env.get("CI");
if (chromiumMissing) {
  console.warn(
    `\n!!! SKIPPING tests/report_browser_test.ts: ${CHROMIUM} is not installed.\n!!! Install it with: apt-get update && apt-get install -y chromium\n`,
  );
}

Deno.test({
  name: "report.html renders in headless Chromium, at 400 px and in print, with every chart drawn",
  ignore: chromiumMissing,
  async fn() {
    if (!existsSync(`${BROWSER_DIR}node_modules/playwright-core`)) {
      // a fresh clone: install the pinned playwright-core (package-lock.json) from npm
      const install = await new Deno.Command("npm", {
        args: ["ci", "--no-audit", "--no-fund", "--silent"],
        cwd: BROWSER_DIR,
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.equal(
        install.code,
        0,
        `Cannot install playwright-core: \`npm ci\` in tests/browser failed:\n${
          new TextDecoder().decode(install.stderr)
        }`,
      );
    }
    const root = await Deno.makeTempDir();
    try {
      for (const [name, optionCount] of [["two options", 2], ["twelve options", 12]] as const) {
        const run = testRun({ indices: [0, 1, 2], optionCount, years: 2, costs: true });
        const { files } = buildOutputs(await runMeta(run), runTables(run));
        const dir = `${root}/${optionCount}`;
        await writeOutputs(dir, files);
        const out = await new Deno.Command("node", {
          args: [`${BROWSER_DIR}check_report.mjs`, `${dir}/report.html`],
          cwd: BROWSER_DIR,
          stdout: "piped",
          stderr: "piped",
        }).output();
        const stderr = new TextDecoder().decode(out.stderr);
        assert.equal(out.code, 0, stderr);
        const result = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!);
        const json = JSON.parse(files["summary.json"]);
        checkReport(name, result, json, optionCount);
      }
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
});
