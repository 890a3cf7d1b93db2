/**
 * Inline SVG charts for the HTML report: a fan chart, grouped bars with confidence-interval
 * whiskers, lines, and a tornado. Each returns an `<svg data-chart="…">` string whose data
 * marks carry `class="data"`; no scripts, no external resources.
 *
 * @module
 */

import {
  axisTitle,
  categoryLabels,
  dayTicks,
  LINE,
  NARROW_FONT,
  plotFrame,
  textWidth,
  tickText,
  yAxis,
} from "./axis.ts";
import { amount, money } from "../answer_words.ts";
import { colour, escapeHtml, formatNumber, linearScale, niceTicks, px } from "./svg.ts";

const W = 760;
const M = { right: 20, top: 36 };

function open(id: string, title: string, h: number): string {
  return `<svg data-chart="${
    escapeHtml(id)
  }" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${
    escapeHtml(title)
  }" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`;
}

/** An in-chart legend on one line; bar series get filled swatches, lines line samples. */
function legend(items: { label: string; colour: string; fill?: boolean }[]) {
  let x = 4;
  let s = "";
  for (const item of items) {
    s += item.fill
      ? `<rect class="swatch" x="${x}" y="8" width="18" height="12" fill="${item.colour}"/>`
      : `<line class="swatch" x1="${x}" x2="${
        x + 18
      }" y1="15" y2="15" stroke="${item.colour}" stroke-width="2.5"/>`;
    s += `<text class="legend" x="${x + 22}" y="19">${escapeHtml(item.label)}</text>`;
    x += 30 + item.label.length * 6.6;
  }
  return s;
}

/** One point of a fan chart: quantiles across replications at a time. */
export interface FanPoint {
  /** Day index (x). */
  day: number;
  /** 5th percentile. */
  p05: number;
  /** 25th percentile. */
  p25: number;
  /** Median. */
  p50: number;
  /** 75th percentile. */
  p75: number;
  /** 95th percentile. */
  p95: number;
  /** Capacity at that time (drawn as a line), if any. */
  capacity?: number;
}

/**
 * A fan chart: 90% band (p05–p95), 50% band (p25–p75), median line and a capacity line.
 *
 * @param id The `data-chart` id.
 * @param options Title, y label, points, and a function labelling a day on the x axis.
 * @returns The SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const pts = [0, 7, 14].map((day) => ({ day, p05: 1, p25: 2, p50: 3, p75: 4, p95: 5, capacity: 6 }));
 * assert.match(fanChart("fan", { title: "t", yLabel: "beds", points: pts, dayLabel: String }), /data-chart="fan"/);
 * ```
 */
export function fanChart(id: string, options: {
  title: string;
  yLabel: string;
  points: FanPoint[];
  dayLabel: (day: number) => string;
  colour?: string;
}): string {
  const { points } = options;
  const c = options.colour ?? colour(0);
  const values = points.flatMap((p) => [p.p05, p.p95, p.capacity ?? p.p95]);
  const ticks = niceTicks(Math.min(...values), Math.max(...values));
  const f = plotFrame({
    width: W,
    labels: ticks.map((t) => tickText(t)),
    title: options.yLabel,
    plotHeight: 220,
    right: M.right + 30,
  });
  const h = f.y0 + 40;
  const x = linearScale([points[0].day, points.at(-1)!.day], [f.x0, f.x1]);
  const y = linearScale([ticks[0], ticks.at(-1)!], [f.y0, f.y1]);
  const band = (lo: keyof FanPoint, hi: keyof FanPoint) =>
    "M" + points.map((p) => `${px(x(p.day))},${px(y(p[hi] as number))}`).join("L") + "L" +
    [...points].reverse().map((p) => `${px(x(p.day))},${px(y(p[lo] as number))}`).join("L") + "Z";
  const line = (k: keyof FanPoint) =>
    "M" + points.map((p) => `${px(x(p.day))},${px(y(p[k] as number))}`).join("L");
  let s = open(id, options.title, h) + yAxis(f, ticks, y, { title: options.yLabel });
  s += `<path class="data band90" d="${band("p05", "p95")}" fill="${c}" opacity="0.18"/>`;
  s += `<path class="data band50" d="${band("p25", "p75")}" fill="${c}" opacity="0.35"/>`;
  s += `<path class="data median" d="${line("p50")}" fill="none" stroke="${c}" stroke-width="2"/>`;
  if (points.some((p) => p.capacity !== undefined)) {
    s += `<path class="data capacity" d="${
      line("capacity")
    }" fill="none" stroke="#444" stroke-width="1.5" stroke-dasharray="6 4"/>`;
  }
  s += dayTicks(f, points.map((p) => p.day), x, options.dayLabel);
  return s + "</svg>";
}

/** One series of a bar chart: a value per category with its interval. */
export interface BarSeries {
  /** Legend label. */
  label: string;
  /** Value per category (NaN = missing). */
  values: number[];
  /** Lower interval end per category (optional whiskers). */
  low?: number[];
  /** Upper interval end per category. */
  high?: number[];
  /** Fill colour (default: the palette colour of the series index). */
  colour?: string;
}

/**
 * Grouped bars (one group per category, one bar per series) with interval whiskers.
 *
 * @param id The `data-chart` id.
 * @param options Title, y label, category labels and series; `legend: false` leaves the legend
 *   to the page (e.g. `htmlLegend`, which wraps).
 * @returns The SVG, then the categories' key (a paragraph) when they are numbered.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = barChart("b", { title: "t", yLabel: "n", categories: ["Year 1"], series: [{ label: "A", values: [3], low: [2], high: [4] }] });
 * assert.match(svg, /class="data bar"/);
 * ```
 */
export function barChart(id: string, options: {
  title: string;
  yLabel: string;
  categories: string[];
  series: BarSeries[];
  legend?: boolean;
  money?: boolean;
}): string {
  const { categories, series } = options;
  const fill = (i: number) => series[i].colour ?? colour(i);
  const all = series.flatMap((s) => [...s.values, ...(s.low ?? []), ...(s.high ?? [])])
    .filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const f = plotFrame({
    width: W,
    labels: ticks.map((t) => tickText(t, options.money)),
    title: options.yLabel,
    plotHeight: 230,
  });
  const top = options.legend === false ? 0 : 26;
  const frame = { ...f, y0: f.y0 + top, y1: f.y1 + top };
  const y = linearScale([ticks[0], ticks.at(-1)!], [frame.y0, frame.y1]);
  const band = (frame.x1 - frame.x0) / Math.max(1, categories.length);
  const barW = Math.min(48, band * 0.8 / Math.max(1, series.length));
  const xs = categories.map((_, ci) => frame.x0 + band * (ci + 0.5));
  const labels = categoryLabels(categories, { xs, band, y: frame.y0 + 30, width: W });
  const h = Math.ceil(frame.y0 + 30 + labels.height);
  let s = open(id, options.title, h) +
    (options.legend === false
      ? ""
      : legend(series.map((se, i) => ({ label: se.label, colour: fill(i), fill: true })))) +
    yAxis(frame, ticks, y, {
      title: options.yLabel,
      labels: ticks.map((t) => tickText(t, options.money)),
    });
  s += `<line class="zero" x1="${frame.x0}" x2="${frame.x1}" y1="${px(y(0))}" y2="${
    px(y(0))
  }" stroke="#333"/>`;
  const value = (v: number) => options.money ? money(v) : formatNumber(v);
  categories.forEach((cat, ci) => {
    const cx = xs[ci];
    series.forEach((se, si) => {
      const v = se.values[ci];
      if (!Number.isFinite(v)) return;
      const bx = cx - barW * series.length / 2 + si * barW;
      const top = Math.min(y(v), y(0));
      s += `<rect class="data bar" x="${px(bx + 1)}" y="${px(top)}" width="${
        px(barW - 2)
      }" height="${px(Math.max(0.5, Math.abs(y(v) - y(0))))}" fill="${fill(si)}"><title>${
        escapeHtml(`${se.label}, ${cat}: ${value(v)}`)
      }${
        se.low && se.high
          ? escapeHtml(` (95% CI ${value(se.low[ci])} to ${value(se.high[ci])})`)
          : ""
      }</title></rect>`;
      const lo = se.low?.[ci];
      const hi = se.high?.[ci];
      if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi)) {
        const mx = px(bx + barW / 2);
        const cap = Math.min(5, barW / 2);
        s += `<path class="data ci" d="M${mx},${px(y(lo))}L${mx},${px(y(hi))}M${px(mx - cap)},${
          px(y(lo))
        }L${px(mx + cap)},${px(y(lo))}M${px(mx - cap)},${px(y(hi))}L${px(mx + cap)},${
          px(y(hi))
        }" stroke="#222" stroke-width="1.3" fill="none"/>`;
      }
    });
  });
  return s + labels.svg + "</svg>" + labels.keyHtml;
}

/** The tornado chart's legend entries (for an HTML legend beside it): bar colours and whiskers. */
export const TORNADO_LEGEND = [
  { label: "lowest value tried", colour: colour(0), fill: true },
  { label: "highest value tried", colour: colour(1), fill: true },
  { label: "95% CI of the mean", colour: "#222" },
  { label: "base run's 95% CI", colour: "#999", band: 0.2 },
] as const;

/** One bar of a tornado: the output at the low and high ends of one parameter's range. */
export interface TornadoBar {
  /** Parameter label. */
  label: string;
  /** Output at the lowest value tried. */
  low: number;
  /** Output at the highest value tried. */
  high: number;
  /** Text for the low end (e.g. the parameter value). */
  lowLabel: string;
  /** Text for the high end. */
  highLabel: string;
  /** 95% CI of the output at the lowest value, drawn as a whisker. */
  lowCi?: readonly [number, number];
  /** 95% CI of the output at the highest value, drawn as a whisker. */
  highCi?: readonly [number, number];
}

/**
 * A tornado chart: horizontal bars from the base value to the outputs at each parameter's low
 * and high values, widest swing on top, each parameter's name and values on a line above its bar
 * (never cut, at any width); where given, each end's 95% CI is a whisker and the base value's CI
 * a grey band, so a swing inside the noise shows as such. The legend is the page's
 * ({@linkcode TORNADO_LEGEND}, so it wraps).
 *
 * @param id The `data-chart` id.
 * @param options Title, x label, base value (and its CI) and bars.
 * @returns The SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = tornadoChart("t", { title: "t", xLabel: "admissions", base: 10, bars: [{ label: "a", low: 8, high: 13, lowLabel: "0.1", highLabel: "0.3" }] });
 * assert.equal(svg.match(/class="data tornado-bar"/g)!.length, 2);
 * const withCi = tornadoChart("t", { title: "t", xLabel: "admissions", base: 10, baseCi: [9, 11], bars: [{ label: "a", low: 8, high: 13, lowLabel: "0.1", highLabel: "0.3", lowCi: [7, 9], highCi: [12, 14] }] });
 * assert.equal(withCi.match(/class="data tornado-ci"/g)!.length, 2);
 * ```
 */
export function tornadoChart(id: string, options: {
  title: string;
  xLabel: string;
  base: number;
  baseCi?: readonly [number, number];
  bars: TornadoBar[];
}): string {
  const bars = [...options.bars].sort((a, b) =>
    Math.abs(b.high - b.low) - Math.abs(a.high - a.low)
  );
  // Each parameter's name and values on a line of its own above its bar, so a long dotted path
  // is never cut and the plot keeps the chart's full width at 400 px.
  const labelH = LINE;
  const barH = 20;
  const rowH = labelH + barH + 10;
  const top = 8;
  const all = [
    options.base,
    ...(options.baseCi ?? []),
    ...bars.flatMap((b) => [b.low, b.high, ...(b.lowCi ?? []), ...(b.highCi ?? [])]),
  ].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  // the end ticks' labels are centred on the plot's edges: half of each must fit the margin
  const half = (t: number) => textWidth(tickText(t), NARROW_FONT) / 2 + 4;
  const left = Math.max(12, half(ticks[0]));
  const right = W - Math.max(M.right, half(ticks.at(-1)!));
  const x = linearScale([ticks[0], ticks.at(-1)!], [left, right]);
  const bottom = top + bars.length * rowH;
  const xTitle = axisTitle(options.xLabel, {
    x: W / 2,
    y: bottom + 56,
    width: W - 24,
    anchor: "middle",
  });
  const height = Math.ceil(bottom + 56 + (xTitle.lines - 1) * NARROW_FONT * 1.2 + 12);
  let s = `<svg data-chart="${
    escapeHtml(id)
  }" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-label="${
    escapeHtml(options.title)
  }" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>`;
  const [bl, bh] = options.baseCi ?? [NaN, NaN];
  if (Number.isFinite(bl) && Number.isFinite(bh)) {
    s += `<rect class="base-ci" x="${px(x(bl))}" y="${top}" width="${
      px(Math.max(1, x(bh) - x(bl)))
    }" height="${bottom - top}" fill="#999" opacity="0.2"><title>${
      escapeHtml(`base 95% CI: ${amount(bl)} to ${amount(bh)}`)
    }</title></rect>`;
  }
  for (const t of ticks) {
    s += `<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${top}" y2="${bottom}"/>`;
    s += `<text class="tick" x="${px(x(t))}" y="${bottom + 26}" text-anchor="middle">${
      tickText(t)
    }</text>`;
  }
  s += xTitle.svg;
  bars.forEach((b, i) => {
    const yy = top + i * rowH + labelH;
    s += `<text class="tick tornado-label" x="${left}" y="${yy - 8}">${
      escapeHtml(`${b.label} (${b.lowLabel} → ${b.highLabel})`)
    }</text>`;
    for (const [v, c, t] of [[b.low, 0, b.lowLabel], [b.high, 1, b.highLabel]] as const) {
      const a = Math.min(x(v), x(options.base));
      const w = Math.max(1, Math.abs(x(v) - x(options.base)));
      s += `<rect class="data tornado-bar" x="${px(a)}" y="${yy}" width="${
        px(w)
      }" height="${barH}" fill="${colour(c)}" opacity="0.85"><title>${
        escapeHtml(`${b.label} = ${t}: ${amount(v)}`)
      }</title></rect>`;
    }
    for (const [ci, dy] of [[b.lowCi, 0.3], [b.highCi, 0.7]] as const) {
      if (!ci || !Number.isFinite(ci[0]) || !Number.isFinite(ci[1])) continue;
      const cy = yy + barH * dy;
      s += `<path class="data tornado-ci" d="M${px(x(ci[0]))} ${px(cy)}H${px(x(ci[1]))}M${
        px(x(ci[0]))
      } ${px(cy - 3)}v6M${px(x(ci[1]))} ${
        px(cy - 3)
      }v6" stroke="#222" stroke-width="1.2" fill="none"><title>${
        escapeHtml(`95% CI: ${amount(ci[0])} to ${amount(ci[1])}`)
      }</title></path>`;
    }
  });
  s += `<line class="data base" x1="${px(x(options.base))}" x2="${px(x(options.base))}" y1="${
    top - 4
  }" y2="${bottom}" stroke="#222" stroke-width="1.5"/>`;
  return s + "</svg>";
}
