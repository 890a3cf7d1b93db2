// deno-lint-ignore-file no-console
/**
 * Opens report.html in headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core
 * from tests/browser/node_modules through Node): no console errors, no network requests, and
 * every chart has drawn data marks with non-empty geometry.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { testRun } from "../report/_test_run.ts";
import { buildOutputs } from "../report/outputs.ts";
import { runMeta } from "../report/run_meta.ts";
import { runTables } from "../report/tables.ts";
import { writeOutputs } from "../report/write_outputs.ts";

const CHROMIUM = "/usr/bin/chromium";
const BROWSER_DIR = new URL("./browser/", import.meta.url).pathname;
const chromiumMissing = !existsSync(CHROMIUM) && !Deno.env.get("CI");
if (chromiumMissing) {
  console.warn(
    `\n!!! SKIPPING tests/report_browser_test.ts: ${CHROMIUM} is not installed.\n!!! Install it with: apt-get update && apt-get install -y chromium\n`,
  );
}

Deno.test({
  name: "report.html renders in headless Chromium with every chart drawn",
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
      const run = testRun({ indices: [0, 1, 2], optionCount: 2, years: 2 });
      const { files } = buildOutputs(await runMeta(run), runTables(run));
      await writeOutputs(`${root}/out`, files);
      const out = await new Deno.Command("node", {
        args: [`${BROWSER_DIR}check_report.mjs`, `${root}/out/report.html`],
        cwd: BROWSER_DIR,
        stdout: "piped",
        stderr: "piped",
      }).output();
      const stderr = new TextDecoder().decode(out.stderr);
      assert.equal(out.code, 0, stderr);
      const result = JSON.parse(new TextDecoder().decode(out.stdout).trim().split("\n").at(-1)!);
      assert.deepEqual(result.consoleErrors, []);
      assert.deepEqual(result.pageErrors, []);
      assert.deepEqual(result.externalRequests, []);
      assert.equal(result.title, "caresim report — test");
      const ids = result.charts.map((c: { id: string }) => c.id);
      assert.deepEqual(ids, [
        "occupancy-0",
        "occupancy-1",
        "occupancy-2",
        "admissions-avoided",
        "fte-0",
        "fte-1",
        "delayed-transfers",
      ]);
      for (const c of result.charts) {
        assert.ok(c.width > 100 && c.height > 100, `${c.id} has a size`);
        assert.ok(
          c.drawn >= 2 && c.drawn === c.marks,
          `${c.id}: ${c.drawn} of ${c.marks} marks drawn`,
        );
      }
    } finally {
      await Deno.remove(root, { recursive: true });
    }
  },
});
