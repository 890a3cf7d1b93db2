import assert from "node:assert/strict";
import { barChart, fanChart, tornadoChart } from "./charts.ts";
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
    assert.ok(tor.indexOf(">big<") < tor.indexOf(">small<"), "widest swing first");
  });

  await t.step("axis helpers", () => {
    assert.deepEqual(niceTicks(0, 1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
    assert.equal(formatNumber(1234567.8), "1,234,568");
    assert.equal(formatNumber(-0.001), "0.00");
  });
});
