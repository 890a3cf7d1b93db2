/**
 * Where a default parameter comes from: an evidence.md row with its quality grade, or an
 * assumption where evidence.md is uncertain (⚠) or silent. Attached to schema fields with
 * zod `.meta()` so the source also lands in the JSON Schema.
 *
 * @module
 */

/** The provenance of one default value. */
export interface ParameterSource {
  /** evidence.md section and row (with quality grade), or the reasoning behind an assumption. */
  source: string;
  /** True when evidence.md marks the figure uncertain (⚠) or has no figure for it. */
  assumption: boolean;
}

/** Schema metadata of a parameter: its source, optionally overridden per age band id. */
export interface ParameterMeta extends ParameterSource {
  /** Human description of the parameter (units in the name and here). */
  description: string;
  /** Per-age-band sources, keyed by band id (e.g. "85+"), where they differ. */
  perBand?: Record<string, ParameterSource>;
}

/**
 * Builds the metadata of a parameter backed by an evidence.md row.
 *
 * @param description What the parameter means, with units.
 * @param source evidence.md section/row and quality grade.
 * @param options `assumption` (default false) and optional `perBand` sources.
 * @returns The metadata object for zod `.meta()`.
 *
 * @example An evidence-backed parameter
 * ```ts
 * import assert from "node:assert/strict";
 * const m = evidence("Readmission probability", "B2 30-day emergency readmission 7.0% (A)");
 * assert.equal(m.assumption, false);
 * ```
 */
export function evidence(
  description: string,
  source: string,
  options: { assumption?: boolean; perBand?: Record<string, ParameterSource> } = {},
): ParameterMeta {
  return {
    description,
    source,
    assumption: options.assumption ?? false,
    ...(options.perBand ? { perBand: options.perBand } : {}),
  };
}

/**
 * Builds the metadata of a parameter that evidence.md does not settle (uncertain or silent).
 *
 * @param description What the parameter means, with units.
 * @param reasoning Why this value: the nearest evidence.md rows and the arithmetic.
 * @returns The metadata object for zod `.meta()`, flagged as an assumption.
 *
 * @example An assumption
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(assumption("Weekend discharge ratio", "no figure in evidence.md").assumption, true);
 * ```
 */
export function assumption(description: string, reasoning: string): ParameterMeta {
  return { description, source: `assumption: ${reasoning}`, assumption: true };
}
