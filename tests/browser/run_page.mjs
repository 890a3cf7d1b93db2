// deno-lint-ignore-file no-console
// Opens a page in headless Chromium (Debian's /usr/bin/chromium, via playwright-core), waits
// until it sets window.caresimResult, and prints one JSON line: that result plus any console
// and page errors. Usage: node run_page.mjs URL
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// A non-literal specifier, as in check_report.mjs: Node resolves it from node_modules here.
const PLAYWRIGHT = "playwright-core";
const { chromium } = await import(PLAYWRIGHT);

const [, , url] = process.argv;
const userDataDir = mkdtempSync(join(tmpdir(), "caresim-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
});
const out = { consoleErrors: [], pageErrors: [], result: null };
try {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") out.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => out.pageErrors.push(String(e)));
  await page.goto(url, { waitUntil: "load" });
  try {
    await page.waitForFunction(() => globalThis.caresimResult !== undefined, null, {
      timeout: 120_000,
    });
  } catch (error) {
    // Say what the page reported before it stopped answering, then fail.
    console.error(JSON.stringify(out));
    throw error;
  }
  out.result = await page.evaluate(() => globalThis.caresimResult);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(out));
