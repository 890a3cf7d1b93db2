/**
 * The settings every run includes, one registration line each. Settings given to
 * `simulateReplication` (option `settings`) run after these.
 *
 * @module
 */

import type { Setting } from "./setting.ts";

/**
 * Built-in pluggable settings, in the order patients are offered to them (none yet: the
 * downstream services of the default model are wired in directly).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.ok(Array.isArray(BUILT_IN_SETTINGS));
 * ```
 */
export const BUILT_IN_SETTINGS: readonly Setting[] = [];
