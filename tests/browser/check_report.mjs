// deno-lint-ignore-file no-console
// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium, via playwright-core)
// and prints one JSON line: console errors, page errors, network requests that left the file,
// and for each <svg data-chart> how many data marks have non-empty geometry.
// Usage: node check_report.mjs REPORT.html [SCREENSHOT.png]
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// A non-literal specifier: Node resolves it from tests/browser/node_modules, while `deno check .`
// leaves it alone (playwright-core is not a Deno dependency).
const PLAYWRIGHT = "playwright-core";
const { chromium } = await import(PLAYWRIGHT);

const [, , reportPath, screenshotPath] = process.argv;
const userDataDir = mkdtempSync(join(tmpdir(), "caresim-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
  viewport: { width: 1100, height: 900 },
});
const result = {
  consoleErrors: [],
  pageErrors: [],
  externalRequests: [],
  charts: [],
};
try {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") result.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => result.pageErrors.push(String(e)));
  page.on("request", (r) => {
    if (!r.url().startsWith("file:")) result.externalRequests.push(r.url());
  });
  const url = pathToFileURL(resolve(reportPath)).href;
  await page.goto(url, { waitUntil: "load" });
  result.title = await page.title();
  result.charts = await page.evaluate(() =>
    [...document.querySelectorAll("svg[data-chart]")].map((svg) => {
      const marks = [...svg.querySelectorAll(".data")];
      const drawn = marks.filter((el) => {
        const b = el.getBBox();
        const r = el.getBoundingClientRect();
        return (b.width > 0 || b.height > 0) && (r.width > 0 || r.height > 0);
      });
      const box = svg.getBoundingClientRect();
      return {
        id: svg.getAttribute("data-chart"),
        marks: marks.length,
        drawn: drawn.length,
        width: box.width,
        height: box.height,
      };
    })
  );
  if (screenshotPath) {
    await page.screenshot({ path: screenshotPath, fullPage: true });
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
