import assert from "node:assert/strict";
import { barChart, fanChart, tornadoChart } from "./charts.ts";
import { NARROW_FONT, textWidth } from "./axis.ts";
import { formatNumber, niceTicks } from "./svg.ts";

Deno.test("charts draw their data as inline SVG", async (t) => {
  await t.step("fan chart draws both bands, the median and the capacity line", () => {
    const points = [0, 7, 14].map((day) => ({
      day,
      p05: 80,
      p25: 90,
      p50: 95,
      p75: 100,
      p95: 110,
      capacity: 120,
    }));
    const svg = fanChart("f", { title: "T", yLabel: "beds", points, dayLabel: String });
    for (const cls of ["band90", "band50", "median", "capacity"]) {
      assert.match(svg, new RegExp(`class="data ${cls}"`));
    }
    assert.doesNotMatch(svg, /NaN|undefined/);
  });

  await t.step(
    "bars: one per series and category, with CI whiskers; negatives go below zero",
    () => {
      const svg = barChart("b", {
        title: "T",
        yLabel: "n",
        categories: ["Y1", "Y2"],
        series: [{ label: "A", values: [5, -2], low: [4, -3], high: [6, -1] }, {
          label: "B",
          values: [1, 2],
        }],
      });
      assert.equal(svg.match(/class="data bar"/g)!.length, 4);
      assert.equal(svg.match(/class="data ci"/g)!.length, 2);
      assert.doesNotMatch(svg, /NaN|undefined|height="-/);
    },
  );

  await t.step("tornado", () => {
    const tor = tornadoChart("t", {
      title: "T",
      xLabel: "x",
      base: 10,
      bars: [
        { label: "small", low: 9, high: 11, lowLabel: "a", highLabel: "b" },
        { label: "big", low: 5, high: 20, lowLabel: "a", highLabel: "b" },
      ],
    });
    assert.ok(tor.indexOf(">big (a → b)<") < tor.indexOf(">small (a → b)<"), "widest swing first");
  });

  await t.step("tornado labels sit above their bars, whole at the narrow size", () => {
    const label = "acute.readmission30DayProbability";
    const tor = tornadoChart("t", {
      title: "T",
      xLabel: "admissions_avoided, whole horizon (admissions; base 332)",
      base: 10,
      baseCi: [8, 12],
      bars: [{
        label,
        low: -5,
        high: 20,
        lowLabel: "0.05",
        highLabel: "0.09",
        lowCi: [-9, -1],
        highCi: [15, 25],
      }],
    });
    const m = tor.match(/<text class="tick tornado-label" x="([\d.]+)" y="([\d.]+)">([^<]*)</)!;
    const [x, y, text] = [Number(m[1]), Number(m[2]), m[3]];
    assert.equal(text, `${label} (0.05 → 0.09)`);
    assert.ok(x >= 0 && x + textWidth(text, NARROW_FONT) <= 760, "label fits at 11.5 px");
    const bar = tor.match(/class="data tornado-bar" x="([\d.]+)" y="([\d.]+)"/)!;
    assert.ok(Number(bar[2]) >= y, "bar below its label");
    assert.equal(tor.match(/class="data tornado-ci"/g)!.length, 2, "a whisker per end");
    // ticks: the negative end reads with U+2212; the axis title is drawn
    assert.match(tor, />\u2212\d+</);
    assert.match(tor, /class="axis-label"[^>]*>.*admissions_avoided/);
    const height = Number(tor.match(/viewBox="0 0 760 ([\d.]+)"/)![1]);
    const title = Number(tor.match(/class="axis-label" x="[\d.]+" y="([\d.]+)"/)![1]);
    assert.ok(title < height, "axis title inside the chart");
    // every tick label lies wholly inside the chart at the narrow size
    for (
      const t of tor.matchAll(/<text class="tick" x="([\d.]+)"[^>]*text-anchor="middle">([^<]*)</g)
    ) {
      const w = textWidth(t[2], NARROW_FONT);
      assert.ok(Number(t[1]) - w / 2 >= 0 && Number(t[1]) + w / 2 <= 760, `tick "${t[2]}" cut`);
    }
  });

  await t.step("axis helpers", () => {
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.equal(formatNumber(1234567.8), "1,234,568");
    assert.equal(formatNumber(-0.001), "0.00");
  });
});
