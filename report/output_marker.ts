/**
 * The marker file caresim writes into every output directory: a run id and the list of files it
 * wrote. A directory is replaced only when its marker says that every file in it is caresim's.
 *
 * @module
 */

import { join } from "node:path";

/** The marker's file name (hidden, so it does not clutter a listing of the outputs). */
export const OUTPUT_MARKER = ".caresim-output.json";

/** What the marker records. */
export interface OutputMarker {
  /** Always `"caresim output directory"`: tells a reader what the file is. */
  caresim: "caresim output directory";
  /** A random id of the run that wrote the directory (not part of any result). */
  runId: string;
  /** The files the run wrote, sorted (the marker itself not included). */
  files: string[];
}

/**
 * Formats the marker of a run that writes `files`.
 *
 * @param runId The run's id.
 * @param files The file names written.
 * @returns The marker file's text.
 *
 * @example Round trip
 * ```ts
 * import assert from "node:assert/strict";
 * const text = outputMarkerText("r1", ["b.csv", "a.csv"]);
 * assert.deepEqual(parseOutputMarker(text)?.files, ["a.csv", "b.csv"]);
 * ```
 */
export function outputMarkerText(runId: string, files: readonly string[]): string {
  const marker: OutputMarker = {
    caresim: "caresim output directory",
    runId,
    files: [...files].sort(),
  };
  return JSON.stringify(marker, null, 2) + "\n";
}

/**
 * Parses a marker's text.
 *
 * @param text The file's text.
 * @returns The marker, or `null` if the text is not a caresim marker.
 *
 * @example Not a marker
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseOutputMarker("{}"), null);
 * ```
 */
export function parseOutputMarker(text: string): OutputMarker | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  const m = value as Partial<OutputMarker> | null;
  if (
    !m || typeof m !== "object" || m.caresim !== "caresim output directory" ||
    typeof m.runId !== "string" || !Array.isArray(m.files) ||
    !m.files.every((f) => typeof f === "string" && isPlainFileName(f))
  ) {
    return null;
  }
  return { caresim: m.caresim, runId: m.runId, files: m.files };
}

/**
 * Reads the marker of a directory.
 *
 * @param dir The directory.
 * @returns The marker, or `null` if there is none or it is not a caresim marker.
 *
 * @example No marker
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * assert.equal(await readOutputMarker(dir), null);
 * await Deno.remove(dir);
 * ```
 */
export async function readOutputMarker(dir: string): Promise<OutputMarker | null> {
  let text: string;
  try {
    const info = await Deno.lstat(join(dir, OUTPUT_MARKER));
    if (!info.isFile) return null;
    text = await Deno.readTextFile(join(dir, OUTPUT_MARKER));
  } catch {
    return null;
  }
  return parseOutputMarker(text);
}

/**
 * Whether a name is a plain file name (no directory part, not `.` or `..`).
 *
 * @param name The name.
 * @returns `true` for a name that stays in its directory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isPlainFileName("summary.csv"), true);
 * assert.equal(isPlainFileName("../x"), false);
 * ```
 */
export function isPlainFileName(name: string): boolean {
  return name !== "" && name !== "." && name !== ".." && !/[/\\\0]/.test(name);
}
