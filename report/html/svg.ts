/**
 * Small helpers for hand-written inline SVG: escaping, number formatting, linear scales and
 * "nice" axis ticks. Private to report/.
 *
 * @module
 */

import { PortableMath } from "../../sim/mod.ts";

/**
 * Escapes text for HTML/SVG content and attribute values.
 *
 * @param text Any text.
 * @returns The escaped text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(escapeHtml('<a href="x">&</a>'), "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/**
 * Formats a number for people: thousands separated by commas, decimals by magnitude
 * (0 from 1,000, 1 from 10, else 2), "–" for NaN.
 *
 * @param value A number.
 * @returns The text.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatNumber(12345.6), "12,346");
 * assert.equal(formatNumber(-3.14159), "-3.14");
 * assert.equal(formatNumber(NaN), "–");
 * ```
 */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const a = Math.abs(value);
  const digits = a >= 1000 ? 0 : a >= 10 ? 1 : 2;
  const fixed = value.toFixed(digits);
  const [int, frac] = fixed.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const grouped = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const out = `${sign}${grouped}${frac ? `.${frac}` : ""}`;
  return out === "-0" || /^-0\.0+$/.test(out) ? out.slice(1) : out;
}

/**
 * Rounds a coordinate to 0.1 px (keeps the SVG small and deterministic).
 *
 * @param value A coordinate.
 * @returns The rounded coordinate.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(px(1.2345), 1.2);
 * ```
 */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A linear scale from a domain to a range.
 *
 * @param domain [d0, d1] (equal ends map to the middle of the range).
 * @param range [r0, r1].
 * @returns The mapping function.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(linearScale([0, 10], [100, 200])(5), 150);
 * ```
 */
export function linearScale(
  domain: [number, number],
  range: [number, number],
): (value: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  if (d1 === d0) return () => (r0 + r1) / 2;
  return (v) => r0 + (v - d0) / (d1 - d0) * (r1 - r0);
}

/**
 * About `count` round tick values covering [min, max], and the domain they span.
 *
 * @param min Lowest value.
 * @param max Highest value.
 * @param count Wanted number of intervals.
 * @returns Ticks ascending; the first ≤ min and the last ≥ max.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(niceTicks(3, 97, 4), [0, 25, 50, 75, 100]);
 * ```
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max === min) {
    const pad = Math.abs(max) > 0 ? Math.abs(max) * 0.1 : 1;
    min -= pad;
    max += pad;
  }
  const raw = (max - min) / count;
  const mag = PortableMath.pow(10, Math.floor(PortableMath.log10(raw)));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  const start = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = start; v < max + step * 0.999; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks.length < 2) ticks.push(Number((start + step).toPrecision(12)));
  return ticks;
}

/**
 * The series palette: twelve colours that stay apart for the common colour-vision deficiencies
 * (Okabe–Ito's seven plus five of Paul Tol's muted scheme, without the yellows that vanish on
 * white). The baseline is drawn in {@linkcode BASELINE_COLOUR}, not from the palette.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(new Set(PALETTE).size, 12);
 * ```
 */
export const PALETTE: readonly string[] = [
  "#0072B2",
  "#D55E00",
  "#009E73",
  "#CC79A7",
  "#E69F00",
  "#56B4E9",
  "#332288",
  "#882255",
  "#44AA99",
  "#999933",
  "#AA4499",
  "#000000",
];

/**
 * The baseline's colour (a neutral grey) in charts that compare it with options.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(!PALETTE.includes(BASELINE_COLOUR));
 * ```
 */
export const BASELINE_COLOUR = "#6b6b6b";

/**
 * A colour of the fixed palette ({@linkcode PALETTE}, colour-blind safe).
 *
 * @param index Series index.
 * @returns A hex colour.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(colour(0), colour(12));
 * assert.notEqual(colour(0), colour(8));
 * ```
 */
export function colour(index: number): string {
  const n = PALETTE.length;
  return PALETTE[((index % n) + n) % n];
}

const DASHES = ["", "7 3", "2 3", "9 3 2 3"];

/**
 * The line style of a series (an SVG `stroke-dasharray`, "" for solid): it cycles against the
 * palette so that (colour, style) pairs stay distinct for 48 series, and neighbouring series
 * differ in style as well as colour.
 *
 * @param index Series index.
 * @returns The dash array.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(dash(0), "");
 * assert.notEqual(dash(12), dash(0));
 * ```
 */
export function dash(index: number): string {
  const i = Math.max(0, Math.floor(index));
  return DASHES[(i + Math.floor(i / PALETTE.length)) % DASHES.length];
}
