/**
 * The axes every chart of the HTML report shares: tick text (k/m, £), a y axis with its title
 * above the plot, margins that fit the widest tick label, and category labels that wrap or, when
 * they cannot, turn into numbers with a key. Text is laid out for two sizes: the wide page's and
 * the narrow page's (below 600 px the report's CSS enlarges chart text so that it stays at least
 * 11 px when a chart shrinks to a phone's width), and a label that differs between them is drawn
 * twice, once for each (`class="wide-only"` / `"narrow-only"`, which the CSS shows or hides).
 *
 * @module
 */

import { escapeHtml, formatNumber, px } from "./svg.ts";
import { MINUS } from "../answer_words.ts";

/** Tick-label size, viewBox units, on a wide page (the CSS's `svg .tick`). */
export const WIDE_FONT = 13;
/** Tick-label size, viewBox units, below 600 px (the CSS): 11.5 px on a 760-unit chart drawn 380 px wide. */
export const NARROW_FONT = 23;
/** Line height for chart text at the narrow size. */
export const LINE = 28;
/** Average advance of a character, in em, for the report's sans-serif (DejaVu Sans digits: 0.64). */
const EM = 0.64;

/**
 * The estimated width of a text at a font size (characters × the sans-serif's average advance).
 *
 * @param text The text.
 * @param fontSize Font size in viewBox units.
 * @returns Width in viewBox units.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(textWidth("£15m", 25), 64);
 * ```
 */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * EM * fontSize;
}

/**
 * Axis tick text, short enough for a margin: 250k, 1.5m, £ in front of money, and the typographic
 * minus (U+2212) before a negative value, as everywhere else in the report.
 *
 * @param value The tick value.
 * @param money Prefix £.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(tickText(15_000_000, true), "£15m");
 * assert.equal(tickText(-2500), "\u22122,500");
 * assert.equal(tickText(250_000), "250k");
 * assert.equal(tickText(0, true), "£0");
 * assert.equal(tickText(-1e-17), "0");
 * ```
 */
export function tickText(value: number, money = false): string {
  const a = Math.abs(value);
  const body = a >= 1e6
    ? `${Number((a / 1e6).toFixed(2))}m`
    : a >= 1e4
    ? `${Number((a / 1e3).toFixed(1))}k`
    : Number.isInteger(a)
    ? formatNumber(a).replace(/\.0+$/, "")
    : String(Number(a.toFixed(2)));
  return `${value < 0 && body !== "0" ? MINUS : ""}${money ? "£" : ""}${body}`;
}

/**
 * Splits a text into lines of at most `maxChars` characters at spaces; undefined when a word is
 * longer than a line or more than `maxLines` lines are needed.
 *
 * @param text The text.
 * @param maxChars Characters per line.
 * @param maxLines Most lines allowed.
 * @returns The lines, or undefined.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(wrapWords("delayed bed days", 8, 3), ["delayed", "bed days"]);
 * assert.equal(wrapWords("intermediate care", 8, 3), undefined);
 * ```
 */
export function wrapWords(text: string, maxChars: number, maxLines: number): string[] | undefined {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (word.length > maxChars) return undefined;
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= maxChars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines.length <= maxLines ? lines : undefined;
}

/** Lines of a text at a size (default the narrow one) that fit `width` (a long word stays whole). */
function titleLines(text: string, width: number, font = NARROW_FONT): string[] {
  const chars = Math.max(8, Math.floor(width / (EM * font)));
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= chars) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

function tspans(lines: readonly string[], x: number, dy = LINE): string {
  return lines.map((l, i) =>
    `<tspan x="${px(x)}"${i === 0 ? "" : ` dy="${dy}"`}>${escapeHtml(l)}</tspan>`
  ).join("");
}

/**
 * An axis title as SVG text, wrapped so that it fits `width` at the narrow size.
 *
 * @param text The title.
 * @param options Where (x, baseline y of the first line), its width and anchor.
 * @returns The `<text class="axis-label">` and the number of lines.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(axisTitle("a b", { x: 0, y: 20, width: 700 }).lines, 1);
 * ```
 */
export function axisTitle(
  text: string,
  options: { x: number; y: number; width: number; anchor?: "start" | "middle"; font?: number },
): { svg: string; lines: number } {
  const font = options.font ?? NARROW_FONT;
  const lines = titleLines(text, options.width, font);
  return {
    svg: `<text class="axis-label" x="${px(options.x)}" y="${px(options.y)}" text-anchor="${
      options.anchor ?? "start"
    }">${tspans(lines, options.x, px(font * 1.2))}</text>`,
    lines: lines.length,
  };
}

/**
 * The left margin that fits the widest tick label at the narrow size, and at least `min`.
 *
 * @param labels The tick labels.
 * @param min Smallest margin.
 * @returns The margin in viewBox units.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(leftMargin(["£125m"], 40) >= textWidth("£125m", NARROW_FONT));
 * ```
 */
export function leftMargin(labels: readonly string[], min: number): number {
  return Math.ceil(Math.max(min, ...labels.map((l) => textWidth(l, NARROW_FONT) + 12)));
}

/**
 * Up to five labelled days along the x axis of a time chart (the first at the start, the last
 * at the end; five fit at the narrow size).
 *
 * @param frame The plot.
 * @param days The days plotted.
 * @param x The day-to-x scale.
 * @param dayLabel A day's label.
 * @returns SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = dayTicks({ x0: 0, x1: 700, y0: 300, y1: 0 }, [0, 7, 14], (d) => d * 50, String);
 * assert.equal(svg.match(/class="tick"/g)!.length, 3);
 * ```
 */
export function dayTicks(
  frame: PlotFrame,
  days: readonly number[],
  x: (day: number) => number,
  dayLabel: (day: number) => string,
): string {
  let s = "";
  const n = Math.min(5, days.length);
  for (let i = 0; i < n; i++) {
    const day = days[Math.round(i * (days.length - 1) / Math.max(1, n - 1))];
    const anchor = i === 0 ? "start" : i === n - 1 ? "end" : "middle";
    s += `<text class="tick" x="${px(x(day))}" y="${frame.y0 + 30}" text-anchor="${anchor}">${
      escapeHtml(dayLabel(day))
    }</text>`;
  }
  return s;
}

/** A plot area inside a chart. */
export interface PlotFrame {
  /** Left edge. */
  x0: number;
  /** Right edge. */
  x1: number;
  /** Bottom (y of the lowest tick). */
  y0: number;
  /** Top (y of the highest tick). */
  y1: number;
}

/**
 * A y axis: grid lines, tick labels right-aligned in the left margin, and the axis title above
 * the plot, left-aligned at the chart's edge (it reads at any width; a rotated title would not
 * fit the plot's height at the narrow size).
 *
 * @param frame The plot.
 * @param ticks Tick values.
 * @param y The value-to-y scale.
 * @param options The title, the tick labels (default {@linkcode tickText}).
 * @returns SVG.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = yAxis({ x0: 60, x1: 700, y0: 300, y1: 60 }, [0, 1], (v) => 300 - v * 240, { title: "beds" });
 * assert.match(svg, /class="axis-label"/);
 * ```
 */
export function yAxis(
  frame: PlotFrame,
  ticks: readonly number[],
  y: (value: number) => number,
  options: { title: string; labels?: readonly string[]; font?: number },
): string {
  let s = "";
  ticks.forEach((t, i) => {
    s += `<line class="grid" x1="${px(frame.x0)}" x2="${px(frame.x1)}" y1="${px(y(t))}" y2="${
      px(y(t))
    }"/><text class="tick" x="${px(frame.x0 - 6)}" y="${px(y(t) + 4)}" text-anchor="end">${
      escapeHtml(options.labels?.[i] ?? tickText(t))
    }</text>`;
  });
  const font = options.font ?? NARROW_FONT;
  const lines = titleLines(options.title, frame.x1 - 4, font).length;
  return s + axisTitle(options.title, {
    x: 4,
    y: frame.y1 - 14 - (lines - 1) * font * 1.2,
    width: frame.x1 - 4,
    font,
  }).svg;
}

/**
 * A plot area with room for its y axis: the left margin fits the widest tick label and the top
 * one the y-axis title (wrapped) above the plot.
 *
 * @param options Chart width, tick labels, y title, plot height, smallest left margin, right
 *   margin and the font the layout must hold (default the narrow size).
 * @returns The plot frame.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const f = plotFrame({ width: 760, labels: ["£15m"], title: "cost (£)", plotHeight: 200 });
 * assert.equal(f.y0 - f.y1, 200);
 * assert.ok(f.x0 >= textWidth("£15m", NARROW_FONT));
 * ```
 */
export function plotFrame(options: {
  width: number;
  labels: readonly string[];
  title: string;
  plotHeight: number;
  minLeft?: number;
  right?: number;
  font?: number;
}): PlotFrame {
  const font = options.font ?? NARROW_FONT;
  const x0 = font === NARROW_FONT ? leftMargin(options.labels, options.minLeft ?? 48) : Math.ceil(
    Math.max(options.minLeft ?? 40, ...options.labels.map((l) => textWidth(l, font) + 10)),
  );
  const x1 = options.width - (options.right ?? 20);
  const lines = titleLines(options.title, x1 - 4, font).length;
  const y1 = Math.ceil(18 + lines * font * 1.2);
  return { x0, x1, y1, y0: y1 + options.plotHeight };
}

interface LabelSet {
  svg: string;
  height: number;
}

/** Category labels drawn under an axis, and the key to print below the chart when numbered. */
export interface CategoryLabels extends LabelSet {
  /**
   * When the categories are numbered (too long to wrap under their bars): the key as HTML, a
   * paragraph that wraps with the page (shown at both widths, or only at the one that numbers).
   */
  keyHtml: string;
}

function labelSet(
  categories: readonly string[],
  xs: readonly number[],
  band: number,
  y: number,
  fontSize: number,
): LabelSet & { same: string[][] | undefined } {
  const chars = Math.floor(band * 0.96 / (EM * fontSize));
  const wrapped = categories.map((c) => wrapWords(c, chars, 3));
  const lineH = fontSize * 1.2;
  if (wrapped.every((w) => w !== undefined)) {
    const svg = categories.map((c, i) =>
      `<text class="tick" x="${px(xs[i])}" y="${px(y)}" text-anchor="middle"><title>${
        escapeHtml(c)
      }</title>${tspans(wrapped[i]!, xs[i], px(lineH))}</text>`
    ).join("");
    return {
      svg,
      height: Math.max(...wrapped.map((w) => w!.length)) * lineH,
      same: wrapped as string[][],
    };
  }
  // Too long to wrap under their bars: number them (the key goes below the chart, in HTML).
  const svg = categories.map((c, i) =>
    `<text class="tick" x="${px(xs[i])}" y="${px(y)}" text-anchor="middle"><title>${
      escapeHtml(c)
    }</title>${i + 1}</text>`
  ).join("");
  return { svg, height: lineH, same: undefined };
}

/** The numbered categories' key as a paragraph that wraps ("1 acute · 2 ed …"). */
function keyParagraph(categories: readonly string[], only = ""): string {
  return `<p class="category-key${only ? ` ${only}` : ""}">${
    categories.map((c, i) => `<span>${i + 1} ${escapeHtml(c)}</span>`).join(" · ")
  }</p>`;
}

/**
 * Category labels under an axis, laid out for both page widths: each wraps under its band when it
 * can (at most three lines, no word cut), or else the categories are numbered and a key below
 * the chart (HTML, so it wraps with the page and leaves no gap) gives their names; each label's
 * full text is its `<title>`.
 *
 * @param categories The labels.
 * @param options Centres of the bands, band width, baseline y and the chart's width.
 * @returns SVG, the height it takes below `y` (the larger of the two layouts) and the key's HTML.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const short = categoryLabels(["Year 1"], { xs: [100], band: 200, y: 300, width: 760 });
 * assert.doesNotMatch(short.svg, /wide-only/);
 * assert.equal(short.keyHtml, "");
 * const long = categoryLabels(["Cost of community intermediate care", "b"], { xs: [100, 160], band: 60, y: 300, width: 760 });
 * assert.match(long.keyHtml, /<span>1 Cost of community intermediate care<\/span> · <span>2 b<\/span>/);
 * ```
 */
export function categoryLabels(
  categories: readonly string[],
  options: { xs: readonly number[]; band: number; y: number; width: number },
): CategoryLabels {
  const { xs, band, y } = options;
  const wide = labelSet(categories, xs, band, y, WIDE_FONT);
  const narrow = labelSet(categories, xs, band, y, NARROW_FONT);
  const same = wide.same && narrow.same &&
    wide.same.every((w, i) => w.join("\n") === narrow.same![i].join("\n"));
  if (same) return { svg: narrow.svg, height: narrow.height, keyHtml: "" };
  const keyHtml = wide.same === undefined
    ? keyParagraph(categories)
    : narrow.same === undefined
    ? keyParagraph(categories, "narrow-only")
    : "";
  return {
    svg: `<g class="wide-only">${wide.svg}</g><g class="narrow-only">${narrow.svg}</g>`,
    height: Math.max(wide.height, narrow.height),
    keyHtml,
  };
}

/**
 * The words the labels of a group of categories all start with (e.g. "Cost" in "Cost acute",
 * "Cost gp"), and the labels without them; nothing is removed from fewer than two labels or
 * when a label would be left empty.
 *
 * @param labels The labels.
 * @returns The common start ("" if none) and the shortened labels.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(commonStart(["Cost acute", "Cost gp"]), { start: "Cost", rest: ["acute", "gp"] });
 * ```
 */
export function commonStart(labels: readonly string[]): { start: string; rest: string[] } {
  if (labels.length < 2) return { start: "", rest: [...labels] };
  const words = labels.map((l) => l.split(" "));
  let n = 0;
  while (
    words.every((w) => w.length > n + 1 && w[n].toLowerCase() === words[0][n].toLowerCase())
  ) n++;
  return { start: words[0].slice(0, n).join(" "), rest: words.map((w) => w.slice(n).join(" ")) };
}
