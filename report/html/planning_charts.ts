/**
 * The planner's charts of the HTML report: occupancy of the baseline and an option against
 * capacity on one pair of axes, yearly lines against a capacity or staff-in-post reference line,
 * and a strip plot of a figure's replications per option. Each returns an `<svg data-chart="…">`
 * whose data marks carry `class="data"`, with axis titles (units included) and no legend inside:
 * the page puts a wrapping {@linkcode htmlLegend} above it.
 *
 * @module
 */

import { escapeHtml, formatNumber, linearScale, niceTicks, px } from "./svg.ts";

const W = 760;
const M = { left: 78, right: 24, top: 16, bottom: 54 };

/** Axis tick text, short enough for the margin: 250k, 1.5m. */
function tickText(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e6) return `${Number((v / 1e6).toFixed(2))}m`;
  if (a >= 1e4) return `${Number((v / 1e3).toFixed(1))}k`;
  return Number.isInteger(v) ? formatNumber(v).replace(/\.0+$/, "") : String(Number(v.toFixed(2)));
}

interface Plot {
  h: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function plot(h: number): Plot {
  return { h, x0: M.left, x1: W - M.right, y0: h - M.bottom, y1: M.top };
}

function svgOpen(id: string, title: string, h: number): string {
  return `<svg data-chart="${
    escapeHtml(id)
  }" viewBox="0 0 ${W} ${h}" width="${W}" height="${h}" role="img" aria-label="${
    escapeHtml(title)
  }" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(title)}</title>`;
}

function axes(p: Plot, ticks: number[], y: (v: number) => number, yLabel: string, xLabel: string) {
  let s = "";
  for (const t of ticks) {
    s += `<line class="grid" x1="${p.x0}" x2="${p.x1}" y1="${px(y(t))}" y2="${px(y(t))}"/>` +
      `<text class="tick" x="${p.x0 - 6}" y="${px(y(t) + 4)}" text-anchor="end">${
        tickText(t)
      }</text>`;
  }
  return s +
    `<text class="axis-label" transform="translate(16 ${
      px((p.y0 + p.y1) / 2)
    }) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>` +
    `<text class="axis-label" x="${px((p.x0 + p.x1) / 2)}" y="${p.h - 6}" text-anchor="middle">${
      escapeHtml(xLabel)
    }</text>`;
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
}

/**
 * A legend as HTML that wraps onto as many lines as it needs (any number of series stays
 * labelled), with line swatches in each series' colour and dash.
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
        i.band
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
  const p = plot(330);
  const series = [
    { pts: options.baseline, c: options.baselineColour, d: "6 3", cls: "baseline" },
    ...(options.option
      ? [{ pts: options.option, c: options.optionColour, d: options.optionDash, cls: "option" }]
      : []),
  ];
  const all = series.flatMap((s) => s.pts.flatMap((q) => [q.p05, q.p95, q.capacity]));
  const ticks = niceTicks(Math.min(...all), Math.max(...all));
  const days = options.baseline.map((q) => q.day);
  const x = linearScale([days[0], days.at(-1)!], [p.x0, p.x1]);
  const y = linearScale([ticks[0], ticks.at(-1)!], [p.y0, p.y1]);
  const line = (pts: OccupancyPoint[], k: "p50" | "capacity") =>
    "M" + pts.map((q) => `${px(x(q.day))},${px(y(q[k]))}`).join("L");
  let s = svgOpen(id, options.title, p.h) + axes(p, ticks, y, options.yLabel, options.xLabel);
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
  const n = Math.min(6, days.length);
  for (let i = 0; i < n; i++) {
    const day = days[Math.round(i * (days.length - 1) / Math.max(1, n - 1))];
    const anchor = i === 0 ? "start" : i === n - 1 ? "end" : "middle";
    s += `<text class="tick" x="${px(x(day))}" y="${p.y0 + 18}" text-anchor="${anchor}">${
      escapeHtml(options.dayLabel(day))
    }</text>`;
  }
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
}): string {
  const { categories, series, reference } = options;
  const small = options.small ?? false;
  const w = small ? 300 : W;
  const h = small ? 210 : 320;
  const p: Plot = small
    ? { h, x0: 58, x1: w - 10, y0: h - 44, y1: 12 }
    : { h, x0: M.left, x1: W - M.right, y0: h - M.bottom, y1: M.top };
  const all = series.flatMap((se) => [...se.values, ...(se.low ?? []), ...(se.high ?? [])])
    .concat(reference && Number.isFinite(reference.value) ? [reference.value] : [])
    .filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), small ? 3 : 5);
  const y = linearScale([ticks[0], ticks.at(-1)!], [p.y0, p.y1]);
  const band = (p.x1 - p.x0) / Math.max(1, categories.length);
  const x = (i: number) => p.x0 + band * (i + 0.5);
  let s =
    `<svg data-chart="${escapeHtml(id)}" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}"${
      small ? ' class="small"' : ""
    } role="img" aria-label="${
      escapeHtml(options.title)
    }" xmlns="http://www.w3.org/2000/svg"><title>${escapeHtml(options.title)}</title>` +
    axes(p, ticks, y, options.yLabel, options.xLabel);
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
      pts.map(([i, v]) => `${px(xx(i))},${px(y(v))}`).join("L")
    }" fill="none" stroke="${se.colour}" stroke-width="2.2"${dashAttr(se.dash)}><title>${
      escapeHtml(`${se.label}: ${se.values.map(formatNumber).join(", ")}`)
    }</title></path>`;
    for (const [i, v] of pts) {
      const lo = se.low?.[i];
      const hi = se.high?.[i];
      if (lo !== undefined && hi !== undefined && Number.isFinite(lo) && Number.isFinite(hi)) {
        s += `<path class="ci" d="M${px(xx(i))},${px(y(lo))}L${px(xx(i))},${
          px(y(hi))
        }" stroke="${se.colour}" stroke-width="1.2"/>`;
      }
      s += `<circle class="data point" cx="${px(xx(i))}" cy="${
        px(y(v))
      }" r="2.6" fill="${se.colour}"/>`;
    }
  });
  categories.forEach((cat, i) => {
    s += `<text class="tick" x="${px(x(i))}" y="${p.y0 + 17}" text-anchor="middle">${
      escapeHtml(cat)
    }</text>`;
  });
  return s + "</svg>";
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
  const rowH = 34;
  const left = 190;
  const top = 10;
  const h = top + options.rows.length * rowH + 52;
  const bottom = top + options.rows.length * rowH;
  const all = options.rows.flatMap((r) => r.values).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all));
  const x = linearScale([ticks[0], ticks.at(-1)!], [left, W - M.right]);
  let s = svgOpen(id, options.title, h);
  for (const t of ticks) {
    s += `<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${top}" y2="${bottom}"/>` +
      `<text class="tick" x="${px(x(t))}" y="${bottom + 17}" text-anchor="middle">${
        tickText(t)
      }</text>`;
  }
  s += `<line x1="${px(x(0))}" x2="${px(x(0))}" y1="${top}" y2="${bottom}" stroke="#222"/>`;
  s += `<text class="axis-label" x="${px((left + W - M.right) / 2)}" y="${
    h - 8
  }" text-anchor="middle">${escapeHtml(options.xLabel)}</text>`;
  options.rows.forEach((r, i) => {
    const mid = top + i * rowH + rowH / 2;
    const label = r.label.length > 28 ? `${r.label.slice(0, 27)}…` : r.label;
    s += `<text class="tick" x="${left - 8}" y="${px(mid + 4)}" text-anchor="end">${
      escapeHtml(label)
    }<title>${escapeHtml(r.label)}</title></text>`;
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
