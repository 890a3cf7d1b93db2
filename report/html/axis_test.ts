import assert from "node:assert/strict";
import { NARROW_FONT, textWidth, WIDE_FONT } from "./axis.ts";
import { barChart } from "./charts.ts";
import { htmlLegend, offScaleLimit, stripChart, yearLineChart } from "./planning_charts.ts";

/** The text of each `<text class="tick">` with its x, anchor and lines (tspans), in a group. */
function tickTexts(svg: string) {
  return [
    ...svg.matchAll(
      /<text class="tick[^"]*" x="([\d.-]+)" y="([\d.-]+)"(?: text-anchor="(\w+)")?[^>]*>(.*?)<\/text>/g,
    ),
  ]
    .map(([, x, y, anchor, body]) => {
      const inner = body.replace(/<title>.*?<\/title>/, "");
      const lines = inner.includes("<tspan")
        ? [...inner.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1])
        : [inner];
      return { x: Number(x), y: Number(y), anchor: anchor ?? "start", lines };
    });
}

/** The left edge of the plot: where the grid lines start. */
function plotLeft(svg: string): number {
  return Number(svg.match(/<line class="grid" x1="([\d.]+)"/)![1]);
}

const COSTS = [
  "acute",
  "delayed bed days",
  "ed",
  "gp",
  "community",
  "intermediate care",
  "reablement",
  "home care",
  "care homes",
  "care model staff",
  "d2a delayed days",
];

function costChart(): string {
  return barChart("cost", {
    title: "Cost by setting",
    yLabel: "cost, whole horizon (£)",
    categories: COSTS,
    series: [0, 1, 2].map((s) => ({
      label: `Option ${s}`,
      values: COSTS.map((_, i) => 117_000_000 / (i + 1)),
    })),
    legend: false,
    money: true,
  });
}

function group(svg: string, cls: string): string {
  const at = svg.indexOf(`<g class="${cls}">`);
  return at < 0 ? "" : svg.slice(at, svg.indexOf("</g>", at));
}

Deno.test("chart axes fit their labels at both page widths", async (t) => {
  await t.step("the left margin holds the widest y tick label at the narrow size", () => {
    const svg = costChart();
    const left = plotLeft(svg);
    const yTicks = tickTexts(svg).filter((tk) => tk.anchor === "end");
    assert.ok(yTicks.length >= 3);
    for (const tk of yTicks) {
      const width = textWidth(tk.lines[0], NARROW_FONT);
      assert.ok(tk.x - width >= 0, `"${tk.lines[0]}" starts at ${tk.x - width}, off the chart`);
      assert.ok(tk.x < left, `"${tk.lines[0]}" right of the plot's left edge`);
    }
  });

  await t.step("money ticks read £ with k/m, never the unit code", () => {
    const svg = costChart();
    const labels = tickTexts(svg).filter((tk) => tk.anchor === "end").map((tk) => tk.lines[0]);
    assert.ok(labels.includes("£100m") || labels.includes("£120m"), labels.join(" "));
    assert.ok(labels.every((l) => /^\u2212?£\d/.test(l)), labels.join(" "));
    assert.doesNotMatch(svg, /gbp/);
  });

  await t.step("negative ticks carry the typographic minus (U+2212), never a hyphen", () => {
    const svg = barChart("net", {
      title: "Net cost",
      yLabel: "cost (£)",
      categories: ["a", "b"],
      series: [{ label: "Option", values: [-2_500_000, 1_000_000] }],
      legend: false,
      money: true,
    });
    const labels = tickTexts(svg).filter((tk) => tk.anchor === "end").map((tk) => tk.lines[0]);
    const negative = labels.filter((l) => l.startsWith("\u2212"));
    assert.ok(negative.length >= 1, labels.join(" "));
    assert.ok(negative.includes("\u2212£2m") || negative.includes("\u2212£2.5m"), labels.join(" "));
    assert.ok(labels.every((l) => !l.includes("-")), labels.join(" "));
  });

  await t.step("no two x labels overlap, at the wide and at the narrow size", () => {
    const svg = costChart();
    for (const [cls, font] of [["wide-only", WIDE_FONT], ["narrow-only", NARROW_FONT]] as const) {
      const g = group(svg, cls) || svg;
      // category labels are centred under their bars; a key (anchor start) spans the width
      const xTicks = tickTexts(g).filter((tk) => tk.anchor === "middle");
      assert.equal(xTicks.length, COSTS.length, cls);
      const boxes = xTicks.map((tk) => {
        const w = Math.max(...tk.lines.map((l) => textWidth(l, font)));
        return [tk.x - w / 2, tk.x + w / 2] as const;
      });
      for (let i = 1; i < boxes.length; i++) {
        assert.ok(
          boxes[i][0] >= boxes[i - 1][1],
          `${cls}: "${xTicks[i - 1].lines.join(" ")}" overlaps "${xTicks[i].lines.join(" ")}"`,
        );
      }
      // every category is named in full somewhere the reader sees (label or the key below)
      const key = svg.slice(svg.indexOf("</svg>")).replace(/<[^>]+>/g, "");
      const shown = `${tickTexts(g).flatMap((tk) => tk.lines).join(" ")} ${key}`;
      for (const c of COSTS) assert.ok(shown.includes(c), `${cls}: ${c} not shown`);
    }
  });

  await t.step(
    "a numbered chart leaves no gap: its key is HTML below it, not space in the SVG",
    () => {
      const svg = costChart();
      assert.match(svg, /<\/svg><p class="category-key">/);
      const height = Number(svg.match(/viewBox="0 0 760 ([\d.]+)"/)![1]);
      const numbers = tickTexts(svg).filter((tk) =>
        /^\d+$/.test(tk.lines[0]) && tk.anchor === "middle"
      );
      const lowest = Math.max(...numbers.map((tk) => tk.y));
      // below the lowest number only its own line (at the narrow size) and a margin
      assert.ok(
        height - lowest <= NARROW_FONT * 1.2 + 4,
        `${height - lowest} units under the numbers`,
      );
    },
  );

  await t.step("a strip plot's option labels are never cut (above their rows)", () => {
    const label = "Baseline care model (no change) with a long name";
    const svg = stripChart("s", {
      title: "t",
      xLabel: "admissions avoided",
      rows: [{ label, values: [1, 2, 3], mean: 2, p05: 1, p95: 3, colour: "#000" }],
    });
    const row = tickTexts(svg).find((tk) => tk.lines[0] === label)!;
    assert.ok(row, "the full label is drawn");
    assert.ok(row.x >= 0 && row.x + textWidth(label, NARROW_FONT) <= 760);
  });

  await t.step("legends of bar series have filled swatches", () => {
    const html = htmlLegend([{ label: "A", colour: "#123456", fill: true }]);
    assert.match(html, /<rect class="fill"[^>]*fill="#123456"/);
    assert.doesNotMatch(html, /<line/);
  });
});

Deno.test("yearLineChart({ clip }) keeps the axis for the many and marks the outliers", () => {
  const se = (label: string, peak: number) => ({
    label,
    values: [peak / 4, peak / 2, peak],
    low: [0, 0, -peak],
    high: [peak / 2, peak, 3 * peak],
    colour: "#000",
  });
  const series = [se("a", 10_000), se("b", 12_000), se("c", 15_000), se("big", 600_000)];
  const limit = offScaleLimit(series);
  assert.equal(limit, 2.5 * (12_000 + 15_000) / 2);
  const svg = yearLineChart("ed", {
    title: "t",
    yLabel: "hours",
    xLabel: "year",
    categories: ["1", "2", "3"],
    series,
    clip: true,
  });
  const yTicks = tickTexts(svg).filter((tk) => tk.anchor === "end").map((tk) => tk.lines[0]);
  const top = Number(yTicks.at(-1)!.replace("k", "e3"));
  assert.ok(top <= limit * 1.25 && top >= 15_000, `top tick ${yTicks.at(-1)}`);
  // the outlier's points above the axis are marked and carry their values
  assert.equal(svg.match(/class="data point off-scale"/g)?.length, 3, "150k, 300k and 600k");
  assert.match(svg, /class="tick off-scale"[^>]*>600k</);
  // the lowest tick is 0: intervals reaching below zero are cut at the axis
  assert.equal(yTicks[0], "0");
});
