/**
 * Edit distance and closest-name lookup, used to suggest the intended key for a misspelled one.
 *
 * @module
 */

/**
 * Levenshtein edit distance (insertions, deletions, substitutions) between two strings.
 *
 * @param a First string.
 * @param b Second string.
 * @returns The number of single-character edits turning `a` into `b`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(levenshtein("acuteBed", "acuteBeds"), 1);
 * ```
 */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    prev = cur;
  }
  return prev[b.length];
}

/**
 * The candidate closest to `name` (case-insensitive edit distance), if any is close enough
 * (distance ≤ max(2, a third of the name's length)).
 *
 * @param name The unknown name.
 * @param candidates Valid names.
 * @returns The closest valid name, or undefined when none is plausible.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(closestName("acutebeds", ["acuteBeds", "id"]), "acuteBeds");
 * assert.equal(closestName("zzzzzzzz", ["id"]), undefined);
 * ```
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = levenshtein(name.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}
