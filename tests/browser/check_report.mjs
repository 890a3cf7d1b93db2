// deno-lint-ignore-file no-console
// Opens an HTML report in headless Chromium (Debian's /usr/bin/chromium, via playwright-core)
// and prints one JSON line: console errors, page errors, network requests that left the file,
// for each <svg data-chart> how many data marks have non-empty geometry, the figures the page
// shows with their summary.json paths (data-json), and what is off-screen at a 400 px viewport
// and hidden or too wide when the page is laid out for print (A4 width, print media).
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
  result.figures = await page.evaluate(() =>
    [...document.querySelectorAll("[data-json]")].map((el) => ({
      path: el.getAttribute("data-json"),
      scale: Number(el.getAttribute("data-scale") ?? 1),
      text: el.textContent,
    }))
  );
  if (screenshotPath) {
    await page.screenshot({ path: screenshotPath, fullPage: true });
  }
  // A phone: 400 px wide. Only boxes meant to scroll (.scroll) may hold wider content.
  await page.setViewportSize({ width: 400, height: 800 });
  result.narrow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const offScreen = [...document.querySelectorAll("main *")].filter((el) => {
      if (el.closest(".scroll") || el.closest("svg") && el.tagName !== "svg") return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 0.5;
    }).map((el) => `${el.tagName.toLowerCase()}.${el.className?.baseVal ?? el.className}`);
    const charts = [...document.querySelectorAll("svg[data-chart]")].map((svg) =>
      svg.getBoundingClientRect().right
    );
    // Chart text as drawn: its computed size scaled by the chart's drawn width over its viewBox.
    const chartFontPx = Math.min(
      ...[...document.querySelectorAll("svg[data-chart] text")].filter((t) =>
        t.getBoundingClientRect().width > 0
      ).map((t) => {
        const svg = t.closest("svg");
        return parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width /
          svg.viewBox.baseVal.width;
      }),
    );
    // Tables wider than their scroll box keep their row labels in view and show a cue.
    const scrollProblems = [...document.querySelectorAll(".scroll")].filter((box) =>
      box.scrollWidth > box.clientWidth + 1
    ).flatMap((box) => {
      const label = box.querySelector("tbody th") ?? box.querySelector("tbody td");
      const sticky = label && getComputedStyle(label).position === "sticky";
      const cue = getComputedStyle(box).backgroundImage.includes("gradient");
      const table = box.querySelector("table")?.className;
      return [
        ...(sticky ? [] : [`${table}: no sticky row label`]),
        ...(cue ? [] : [`${table}: no scroll cue`]),
      ];
    });
    return {
      chartFontPx,
      scrollProblems: [...new Set(scrollProblems)],
      pageWidth: document.documentElement.scrollWidth,
      viewport: width,
      offScreen: offScreen.slice(0, 10),
      chartsRight: Math.max(...charts),
      legendFontPx: Math.min(
        ...[...document.querySelectorAll(".legend .key, .reading, .category-key")].map((el) =>
          parseFloat(getComputedStyle(el).fontSize)
        ),
      ),
    };
  });
  // Print: A4 at 96 dpi is 794 px wide, less Chromium's default margins.
  await page.setViewportSize({ width: 718, height: 1000 });
  await page.emulateMedia({ media: "print" });
  result.print = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const details = [...document.querySelectorAll("details")];
    const hiddenInDetails = details.filter((d) =>
      [...d.children].some((c) =>
        c.tagName !== "SUMMARY" && !c.checkVisibility()
      )
    ).length;
    const tooWide = [...document.querySelectorAll("main table, main svg[data-chart]")].filter((
      el,
    ) => el.getBoundingClientRect().right > width + 0.5).map((el) =>
      el.getAttribute("data-chart") ?? el.className
    );
    const headings = [...document.querySelectorAll("h2, h3")];
    return {
      details: details.length,
      hiddenInDetails,
      assumptionRows: document.querySelectorAll("table.assumptions tbody tr").length,
      assumptionRowsShown: [...document.querySelectorAll("table.assumptions tbody tr")].filter((
        tr,
      ) => tr.checkVisibility()).length,
      tooWide,
      headingsKeptWithNext: headings.filter((h) =>
        getComputedStyle(h).breakAfter === "avoid"
      ).length,
      headings: headings.length,
      // A heading's lead-in (paragraphs and legends up to the first figure, table or chart) must
      // stay with that block too and not split itself, or the heading ends a page with only (part
      // of) its note under it.
      leadInsBreakable: headings.flatMap((h) => {
        const bad = [];
        for (let el = h.nextElementSibling; el; el = el.nextElementSibling) {
          if (!(el.tagName === "P" || el.classList.contains("legend"))) break;
          const style = getComputedStyle(el);
          if (style.breakAfter !== "avoid" || style.breakInside !== "avoid") {
            bad.push(h.textContent);
          }
        }
        return bad;
      }),
    };
  });
  if (screenshotPath) {
    await page.pdf({ path: screenshotPath.replace(/\.png$/, ".pdf"), format: "A4" });
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
console.log(JSON.stringify(result));
