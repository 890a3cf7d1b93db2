/**
 * How a cohort cell (age band × need segment × residence) is addressed. Cells are numbered
 * band-major, then segment, then residence; this file is the only place that knows the
 * numbering, every other module uses these accessors.
 *
 * @module
 */

/**
 * Residence index of people living at home.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(HOME, 0);
 * ```
 */
export const HOME = 0;
/**
 * Residence index of care-home residents.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(CARE_HOME, 1);
 * ```
 */
export const CARE_HOME = 1;

/** A need segment, 1 (healthy) to 4 (severe frailty). */
export type Segment = 1 | 2 | 3 | 4;

/** Cells per age band (4 segments × 2 residences). */
export const CELLS_PER_BAND = 8;

/**
 * The index of cell (band, segment 0–3, residence 0–1).
 *
 * @param band Band index.
 * @param segment Segment index 0–3 (segment 1 = 0).
 * @param residence {@linkcode HOME} or {@linkcode CARE_HOME}.
 * @returns The cell index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cellIndex(1, 2, 1), 13);
 * ```
 */
export function cellIndex(band: number, segment: number, residence: number): number {
  return (band * 4 + segment) * 2 + residence;
}

/**
 * The age band index of a cell.
 *
 * @param cell Cell index.
 * @returns Band index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(bandOf(cellIndex(3, 1, 0)), 3);
 * ```
 */
export function bandOf(cell: number): number {
  return cell >> 3;
}

/**
 * The need segment (1–4) of a cell.
 *
 * @param cell Cell index.
 * @returns Segment 1–4.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(segmentOf(cellIndex(3, 1, 0)), 2);
 * ```
 */
export function segmentOf(cell: number): Segment {
  return (((cell >> 1) & 3) + 1) as Segment;
}

/**
 * The segment index (0–3) of a cell.
 *
 * @param cell Cell index.
 * @returns Segment index 0–3.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(segmentIndexOf(cellIndex(0, 3, 1)), 3);
 * ```
 */
export function segmentIndexOf(cell: number): number {
  return (cell >> 1) & 3;
}

/**
 * The residence index of a cell ({@linkcode HOME} or {@linkcode CARE_HOME}).
 *
 * @param cell Cell index.
 * @returns 0 or 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(residenceOf(cellIndex(2, 0, CARE_HOME)), CARE_HOME);
 * ```
 */
export function residenceOf(cell: number): number {
  return cell & 1;
}

/**
 * Whether a cell's people live at home.
 *
 * @param cell Cell index.
 * @returns True for home cells.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(isHome(cellIndex(2, 0, HOME)));
 * ```
 */
export function isHome(cell: number): boolean {
  return (cell & 1) === HOME;
}

/**
 * The care-home cell of the same band and segment.
 *
 * @param cell Cell index.
 * @returns The care-home cell.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(careHomeCellOf(cellIndex(2, 1, HOME)), cellIndex(2, 1, CARE_HOME));
 * ```
 */
export function careHomeCellOf(cell: number): number {
  return cell | 1;
}

/**
 * Where a cell's people are, as an event-log place ("home" or "care_home").
 *
 * @param cell Cell index.
 * @returns The place.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(placeOf(cellIndex(0, 0, CARE_HOME)), "care_home");
 * ```
 */
export function placeOf(cell: number): "home" | "care_home" {
  return isHome(cell) ? "home" : "care_home";
}
