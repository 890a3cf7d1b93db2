/**
 * The planner's charts of the HTML report: occupancy of the baseline and an option against
 * capacity on one pair of axes, yearly lines against a capacity or staff-in-post reference line,
 * and a strip plot of a figure's replications per option. Each returns an `<svg data-chart="…">`
 * whose data marks carry `class="data"`, with axis titles (units included) and no legend inside:
 * the page puts a wrapping {@linkcode htmlLegend} above it.
 *
 * @module
 */

import {
  axisTitle,
  dayTicks,
  NARROW_FONT,
  type PlotFrame,
  plotFrame,
  textWidth,
  tickText,
  yAxis,
} from "./axis.ts";
import { escapeHtml, formatNumber, linearScale, niceTicks, px } from "./svg.ts";

const W = 760;

function svgOpen(id: string, title: string, h: number, w = W, cls = ""): string {
  return `<svg data-chart="${
    escapeHtml(id)
  }" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"${cls} role="img" aria-label="${
    escapeHtml(title)
  }" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`;
}

/** The x-axis title under a plot whose tick labels end `below` units under it; its height. */
function xTitle(f: PlotFrame, text: string, below: number, font = NARROW_FONT) {
  const t = axisTitle(text, {
    x: (f.x0 + f.x1) / 2,
    y: f.y0 + below + font * 1.3,
    width: f.x1 - f.x0,
    anchor: "middle",
    font,
  });
  return { svg: t.svg, bottom: f.y0 + below + font * 1.3 + (t.lines - 1) * font * 1.2 + 10 };
}

function dashAttr(d: string | undefined): string {
  return d ? ` stroke-dasharray="${d}"` : "";
}

/** One entry of a page legend. */
export interface LegendItem {
  /** Text. */
  label: string;
  /** Colour. */
  colour: string;
  /** Line dash array ("" = solid). */
  dash?: string;
  /** Draw a filled band swatch (opacity) instead of a line. */
  band?: number;
  /** Draw a solid filled swatch (a bar series) instead of a line. */
  fill?: boolean;
}

/**
 * A legend as HTML that wraps onto as many lines as it needs (any number of series stays
 * labelled), with line swatches in each series' colour and dash (filled ones for bar series).
 *
 * @param items The entries.
 * @returns A `<div class="legend">`.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const html = htmlLegend([{ label: "A & B", colour: "#000", dash: "2 3" }]);
 * assert.match(html, /A &amp; B/);
 * assert.match(html, /stroke-dasharray="2 3"/);
 * ```
 */
export function htmlLegend(items: readonly LegendItem[]): string {
  return `<div class="legend">${
    items.map((i) =>
      `<span class="key"><svg width="26" height="12" aria-hidden="true">${
        i.fill
          ? `<rect class="fill" x="5" y="0" width="16" height="12" fill="${i.colour}"/>`
          : i.band
          ? `<rect x="1" y="1" width="24" height="10" fill="${i.colour}" opacity="${i.band}"/>`
          : `<line x1="1" x2="25" y1="6" y2="6" stroke="${i.colour}" stroke-width="3"${
            dashAttr(i.dash)
          }/>`
      }</svg>${escapeHtml(i.label)}</span>`
    ).join("")
  }</div>`;
}

/** One weekly point of an occupancy comparison: a percentile band and the median. */
export interface OccupancyPoint {
  /** Day index. */
  day: number;
  /** 5th percentile across replications. */
  p05: number;
  /** Median. */
  p50: number;
  /** 95th percentile. */
  p95: number;
  /** Open capacity. */
  capacity: number;
}

/**
 * Weekly acute occupancy of the baseline and one option on the same axes: each a 90% band
 * (p05–p95 across replications) and a median line, with the open capacity as a dotted line.
 *
 * @param id The `data-chart` id.
 * @param options Title, y label, the two series, their colours and an x-axis day label.
 * @returns The SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const pts = [0, 7].map((day) => ({ day, p05: 1, p50: 2, p95: 3, capacity: 4 }));
 * const svg = occupancyCompareChart("o", { title: "t", yLabel: "beds", xLabel: "week", baseline: pts, option: pts, baselineColour: "#666", optionColour: "#00f", dayLabel: String });
 * assert.equal(svg.match(/class="data /g)!.length, 5);
 * ```
 */
export function occupancyCompareChart(id: string, options: {
  title: string;
  yLabel: string;
  xLabel: string;
  baseline: OccupancyPoint[];
  option?: OccupancyPoint[];
  baselineColour: string;
  optionColour: string;
  optionDash?: string;
  dayLabel: (day: number) => string;
}): string {
  const series = [
    { pts: options.baseline, c: options.baselineColour, d: "6 3", cls: "baseline" },
    ...(options.option
      ? [{ pts: options.option, c: options.optionColour, d: options.optionDash, cls: "option" }]
      : []),
  ];
  const all = series.flatMap((s) => s.pts.flatMap((q) => [q.p05, q.p95, q.capacity]));
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const p = plotFrame({
    width: W,
    labels: ticks.map((t) => tickText(t)),
    title: options.yLabel,
    plotHeight: 230,
    right: 50,
  });
  const days = options.baseline.map((q) => q.day);
  const x = linearScale([days[0], days.at(-1)!], [p.x0, p.x1]);
  const y = linearScale([ticks[0], ticks.at(-1)!], [p.y0, p.y1]);
  const line = (pts: OccupancyPoint[], k: "p50" | "capacity") =>
    "M" + pts.map((q) => `${px(x(q.day))},${px(y(q[k]))}`).join("L");
  const xt = xTitle(p, options.xLabel, 30);
  let s = svgOpen(id, options.title, Math.ceil(xt.bottom)) +
    yAxis(p, ticks, y, { title: options.yLabel }) + xt.svg;
  for (const se of series) {
    const band = "M" + se.pts.map((q) => `${px(x(q.day))},${px(y(q.p95))}`).join("L") + "L" +
      [...se.pts].reverse().map((q) => `${px(x(q.day))},${px(y(q.p05))}`).join("L") + "Z";
    s += `<path class="data band90 ${se.cls}" d="${band}" fill="${se.c}" opacity="0.16"/>`;
  }
  for (const se of series) {
    s += `<path class="data median ${se.cls}" d="${
      line(se.pts, "p50")
    }" fill="none" stroke="${se.c}" stroke-width="2.2"${dashAttr(se.d)}/>`;
  }
  s += `<path class="data capacity" d="${
    line(options.baseline, "capacity")
  }" fill="none" stroke="#111" stroke-width="1.6" stroke-dasharray="2 3"/>`;
  s += dayTicks(p, days, x, options.dayLabel);
  return s + "</svg>";
}

/** One line of a yearly chart. */
export interface YearSeries {
  /** Label (tooltips). */
  label: string;
  /** Value per category (NaN = missing). */
  values: number[];
  /** 95% CI ends per category (drawn as whiskers), if any. */
  low?: number[];
  /** Upper CI ends. */
  high?: number[];
  /** Colour. */
  colour: string;
  /** Dash array ("" = solid). */
  dash?: string;
}

/**
 * Lines over years with optional 95% CI whiskers and a horizontal reference line (capacity, or
 * staff in post). `small` draws a 250-px-wide panel for small multiples.
 *
 * @param id The `data-chart` id.
 * @param options Title, axis titles, categories, series and the reference line.
 * @returns The SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = yearLineChart("y", { title: "t", yLabel: "places", xLabel: "year", categories: ["1", "2"], series: [{ label: "A", values: [1, 2], low: [0.5, 1.5], high: [1.5, 2.5], colour: "#000" }], reference: { label: "capacity", value: 3 } });
 * assert.equal(svg.match(/class="data point"/g)!.length, 2);
 * assert.equal(svg.match(/class="data reference"/g)!.length, 1);
 * ```
 */
export function yearLineChart(id: string, options: {
  title: string;
  yLabel: string;
  xLabel: string;
  categories: string[];
  series: YearSeries[];
  reference?: { label: string; value: number };
  small?: boolean;
  clip?: boolean;
}): string {
  const { categories, series, reference } = options;
  const small = options.small ?? false;
  const w = small ? 300 : W;
  const font = small ? 12 : NARROW_FONT;
  const ref = reference && Number.isFinite(reference.value) ? [reference.value] : [];
  const means = series.flatMap((se) => se.values).filter(Number.isFinite);
  const all = series.flatMap((se) => [...se.values, ...(se.low ?? []), ...(se.high ?? [])])
    .concat(ref).filter(Number.isFinite);
  const limit = options.clip ? offScaleLimit(series) : Infinity;
  const shown = options.clip ? [...means.filter((v) => v <= limit), ...ref] : all;
  const inRange = options.clip ? shown.concat(all.filter((v) => v >= 0 && v <= limit)) : shown;
  const ticks = niceTicks(Math.min(0, ...shown), Math.max(0, ...inRange), small ? 3 : 5);
  const [lowest, highest] = [ticks[0], ticks.at(-1)!];
  const labels = ticks.map((t) => tickText(t));
  const p = plotFrame({
    width: w,
    labels,
    title: options.yLabel,
    plotHeight: small ? 120 : 220,
    minLeft: small ? 40 : 48,
    right: small ? 10 : 24,
    font,
  });
  const xt = xTitle(p, options.xLabel, small ? 17 : 30, font);
  const h = Math.ceil(xt.bottom);
  const y = linearScale([lowest, highest], [p.y0, p.y1]);
  const yc = (v: number) => y(Math.min(highest, Math.max(lowest, v)));
  const band = (p.x1 - p.x0) / Math.max(1, categories.length);
  const x = (i: number) => p.x0 + band * (i + 0.5);
  let s = svgOpen(id, options.title, h, w, small ? ' class="small"' : "") +
    yAxis(p, ticks, y, { title: options.yLabel, font }) + xt.svg;
  if (reference && Number.isFinite(reference.value)) {
    s += `<path class="data reference" d="M${p.x0},${px(y(reference.value))}L${p.x1},${
      px(y(reference.value))
    }" stroke="#111" stroke-width="1.6" stroke-dasharray="2 3" fill="none"><title>${
      escapeHtml(`${reference.label}: ${formatNumber(reference.value)}`)
    }</title></path>`;
  }
  series.forEach((se, si) => {
    const pts = se.values.map((v, i) => [i, v] as const).filter(([, v]) => Number.isFinite(v));
    if (pts.length === 0) return;
    const offset = (si - (series.length - 1) / 2) * Math.min(6, band / (series.length + 2));
    const xx = (i: number) => x(i) + offset;
    s += `<path class="line" d="M${
      pts.map(([i, v]) => `${px(xx(i))},${px(yc(v))}`).join("L")
    }" fill="none" stroke="${se.colour}" stroke-width="2.2"${dashAttr(se.dash)}><title>${
      escapeHtml(`${se.label}: ${se.values.map(formatNumber).join(", ")}`)
    }</title></path>`;
    for (const [i, v] of pts) {
      const lo = se.low?.[i];
      const hi = se.high?.[i];
      if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi)) {
        s += `<path class="ci" d="M${px(xx(i))},${px(yc(lo))}L${px(xx(i))},${
          px(yc(hi))
        }" stroke="${se.colour}" stroke-width="1.2"/>`;
      }
      if (v > highest) {
        s += `<path class="data point off-scale" d="M${px(xx(i) - 6)},${px(p.y1 + 4)}L${
          px(xx(i))
        },${px(p.y1 - 6)}L${px(xx(i) + 6)},${px(p.y1 + 4)}Z" fill="${se.colour}"><title>${
          escapeHtml(`${se.label}, ${categories[i]}: ${formatNumber(v)} (off the scale)`)
        }</title></path><text class="tick off-scale" x="${px(xx(i))}" y="${
          px(p.y1 - 10)
        }" text-anchor="middle" fill="${se.colour}">${tickText(v)}</text>`;
      } else {
        s += `<circle class="data point" cx="${px(xx(i))}" cy="${
          px(y(v))
        }" r="2.6" fill="${se.colour}"/>`;
      }
    }
  });
  categories.forEach((cat, i) => {
    s += `<text class="tick" x="${px(x(i))}" y="${p.y0 + (small ? 17 : 30)}" text-anchor="middle">${
      escapeHtml(cat)
    }</text>`;
  });
  return s + "</svg>";
}

/**
 * The value above which a yearly series is drawn off the scale: 2.5 times the median of the
 * series' peaks (Infinity when fewer than three series or that median is not above zero), so one
 * or two options with very long queues do not flatten everyone else's lines.
 *
 * @param series The series.
 * @returns The limit.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const se = (v: number) => ({ label: "", values: [v], colour: "#000" });
 * assert.equal(offScaleLimit([se(10), se(12), se(100)]), 30);
 * ```
 */
export function offScaleLimit(series: readonly YearSeries[]): number {
  const peaks = series.map((se) => Math.max(...se.values.filter(Number.isFinite)))
    .filter(Number.isFinite).sort((a, b) => a - b);
  if (peaks.length < 3) return Infinity;
  const mid = peaks.length % 2
    ? peaks[(peaks.length - 1) / 2]
    : (peaks[peaks.length / 2 - 1] + peaks[peaks.length / 2]) / 2;
  return mid > 0 ? 2.5 * mid : Infinity;
}

/** One row of a strip plot. */
export interface StripRow {
  /** Row label (option). */
  label: string;
  /** The replications' values. */
  values: number[];
  /** Mean. */
  mean: number;
  /** 5th percentile. */
  p05: number;
  /** 95th percentile. */
  p95: number;
  /** Colour. */
  colour: string;
}

/**
 * A strip plot: one row per option, a dot per replication (spread vertically by a fixed pattern,
 * so the picture is deterministic), the 90% range as a bar and the mean as a tick, with zero
 * marked.
 *
 * @param id The `data-chart` id.
 * @param options Title, x-axis title and rows.
 * @returns The SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = stripChart("s", { title: "t", xLabel: "admissions", rows: [{ label: "A", values: [1, 2, 3], mean: 2, p05: 1.1, p95: 2.9, colour: "#000" }] });
 * assert.equal(svg.match(/class="data dot"/g)!.length, 3);
 * ```
 */
export function stripChart(id: string, options: {
  title: string;
  xLabel: string;
  rows: StripRow[];
}): string {
  // Each row's label sits above its dots, across the whole width: a long option name is never
  // clipped and stays legible when the chart shrinks to a phone's width.
  const rowH = 64;
  const top = 4;
  const bottom = top + options.rows.length * rowH;
  const all = options.rows.flatMap((r) => r.values).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const labels = ticks.map((t) => tickText(t));
  const edge = Math.ceil(Math.max(24, textWidth(labels[0], NARROW_FONT) / 2 + 6));
  const right = W - Math.ceil(Math.max(24, textWidth(labels.at(-1)!, NARROW_FONT) / 2 + 6));
  const f = { x0: edge, x1: right, y0: bottom, y1: top };
  const xt = xTitle(f, options.xLabel, 30);
  const h = Math.ceil(xt.bottom);
  const x = linearScale([ticks[0], ticks.at(-1)!], [edge, right]);
  let s = svgOpen(id, options.title, h) + xt.svg;
  ticks.forEach((t, i) => {
    s += `<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${top}" y2="${bottom}"/>` +
      `<text class="tick" x="${px(x(t))}" y="${bottom + 30}" text-anchor="middle">${
        labels[i]
      }</text>`;
  });
  s += `<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${top}" y2="${bottom}" stroke="#222"/>`;
  options.rows.forEach((r, i) => {
    const mid = top + i * rowH + 44;
    s += `<text class="tick row-label" x="${edge}" y="${px(mid - 22)}">${
      escapeHtml(r.label)
    }</text>`;
    r.values.forEach((v, k) => {
      if (!Number.isFinite(v)) return;
      const jitter = ((k * 7) % 11 - 5) * 2;
      s += `<circle class="data dot" cx="${px(x(v))}" cy="${
        px(mid + jitter)
      }" r="2.6" fill="${r.colour}" opacity="0.55"/>`;
    });
    if (Number.isFinite(r.p05) && Number.isFinite(r.p95)) {
      s += `<path class="range" d="M${px(x(r.p05))},${px(mid + 14)}L${px(x(r.p95))},${
        px(mid + 14)
      }" stroke="${r.colour}" stroke-width="3"><title>${
        escapeHtml(
          `${r.label}: 90% of replications ${formatNumber(r.p05)} to ${formatNumber(r.p95)}`,
        )
      }</title></path>`;
    }
    if (Number.isFinite(r.mean)) {
      s += `<path class="mean" d="M${px(x(r.mean))},${px(mid - 13)}L${px(x(r.mean))},${
        px(mid + 13)
      }" stroke="#111" stroke-width="2.4"><title>${
        escapeHtml(`${r.label}: mean ${formatNumber(r.mean)}`)
      }</title></path>`;
    }
  });
  return s + "</svg>";
}
