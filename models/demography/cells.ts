/**
 * The cell layout shared by every demography module: age group × need segment × residence,
 * flattened as `(group * 4 + segment) * 2 + residence` — the same layout as the model's cohort
 * cells, so a band-level result can be copied into them index for index.
 *
 * @module
 */

/** Segment shares or per-segment values, in order: healthy, emerging, regular support, severe. */
export type SegmentTuple = readonly [number, number, number, number];

/** Number of need segments. */
export const SEGMENTS = 4;

/** Residence index of people living at home. */
export const AT_HOME = 0;

/** Residence index of care-home residents. */
export const IN_CARE_HOME = 1;

/** Cells per age group (4 segments × 2 residences). */
export const CELLS_PER_GROUP = 8;

/**
 * The flat index of cell (age group, segment 0–3, residence 0–1).
 *
 * @param group Age group index (a single year of age, or a band).
 * @param segment Segment index 0–3 (segment 1 is index 0).
 * @param residence {@linkcode AT_HOME} or {@linkcode IN_CARE_HOME}.
 * @returns The cell index.
 *
 * @example Band 1, segment 3, care home
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(cell(1, 2, IN_CARE_HOME), 13);
 * ```
 */
export function cell(group: number, segment: number, residence: number): number {
  return (group * SEGMENTS + segment) * 2 + residence;
}

/**
 * People per age group: the sum of its eight cells.
 *
 * @param counts Counts by cell.
 * @returns People by age group.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const counts = new Float64Array(16).fill(1);
 * assert.deepEqual([...groupTotals(counts)], [8, 8]);
 * ```
 */
export function groupTotals(counts: Float64Array): Float64Array {
  const groups = counts.length / CELLS_PER_GROUP;
  const out = new Float64Array(groups);
  for (let c = 0; c < counts.length; c++) out[Math.floor(c / CELLS_PER_GROUP)] += counts[c];
  return out;
}

/**
 * Segment shares of each age group (home and care home together), 4 per group.
 *
 * @param counts Counts by cell.
 * @returns Shares by `group * 4 + segment` (0 for an empty group).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const counts = new Float64Array(8);
 * counts[cell(0, 0, AT_HOME)] = 3;
 * counts[cell(0, 3, IN_CARE_HOME)] = 1;
 * assert.deepEqual([...segmentShares(counts)], [0.75, 0, 0, 0.25]);
 * ```
 */
export function segmentShares(counts: Float64Array): Float64Array {
  const groups = counts.length / CELLS_PER_GROUP;
  const out = new Float64Array(groups * SEGMENTS);
  for (let g = 0; g < groups; g++) {
    let total = 0;
    for (let c = g * CELLS_PER_GROUP; c < (g + 1) * CELLS_PER_GROUP; c++) total += counts[c];
    if (total === 0) continue;
    for (let s = 0; s < SEGMENTS; s++) {
      out[g * SEGMENTS + s] = (counts[cell(g, s, AT_HOME)] + counts[cell(g, s, IN_CARE_HOME)]) /
        total;
    }
  }
  return out;
}
