/**
 * Streaming CSV reading for files too large to hold (merging shards), through csv-parse's
 * stream parser. Apart from report/csv.ts because that parser needs Node's stream module, which
 * browsers lack: the portable build leaves this module out.
 *
 * @module
 */

import { parse as parseStream } from "npm:csv-parse@6.1.0/stream";

/**
 * Parses a CSV byte stream with a header row into records keyed by column name, one at a
 * time (for files too large to hold).
 *
 * @param bytes The CSV file's bytes (UTF-8).
 * @returns A stream of records (all values strings); it errors if the CSV is malformed.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * const bytes = new Blob(['a,b\n1,"x,y"\n']).stream();
 * assert.deepEqual(await Array.fromAsync(parseCsvStream(bytes)), [{ a: "1", b: "x,y" }]);
 * ```
 */
export function parseCsvStream(
  bytes: ReadableStream<Uint8Array>,
): ReadableStream<Record<string, string>> {
  // csv-parse decodes UTF-8 itself (given bytes, not strings).
  return bytes.pipeThrough(parseStream({ columns: true, skip_empty_lines: true }));
}
