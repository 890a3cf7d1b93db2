/**
 * Where a run's daily series goes: `daily.csv`, or — when it has more rows than a spreadsheet
 * opens (Excel's 1,048,576 rows, header included) — `daily.csv.gz`, the same CSV compressed with
 * gzip (about a tenth of the size; R's `read.csv`, pandas' `read_csv` and `zcat` read it as it
 * is). The choice depends only on the run's shape, so a run and its merged shards agree.
 *
 * @module
 */

import type { RunMeta } from "./run_meta.ts";
import { EXCEL_MAX_ROWS } from "./results_xlsx.ts";

/** Days in a model year (the daily series has one row per day, group and replication). */
const DAYS_PER_YEAR = 365;

/**
 * Rows daily.csv may hold (below its header) and still open in a spreadsheet.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(DAILY_ROWS_LIMIT, 1_048_575);
 * ```
 */
export const DAILY_ROWS_LIMIT = EXCEL_MAX_ROWS - 1;

/**
 * The rows of a run's daily series: one per day, group (baseline and each option) and
 * replication held.
 *
 * @param meta The run's metadata (its replications, groups and scenario years).
 * @returns The number of rows below the header.
 *
 * @example Five years of 20 replications, baseline and one option
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = { indices: Array.from({ length: 20 }, (_, i) => i), groups: [{}, {}], scenario: { years: 5 } };
 * assert.equal(dailyRowCount(meta as never), 20 * 2 * 5 * 365);
 * ```
 */
export function dailyRowCount(meta: Pick<RunMeta, "indices" | "groups" | "scenario">): number {
  return meta.indices.length * meta.groups.length * meta.scenario.years * DAYS_PER_YEAR;
}

/**
 * The daily series' file name for a run of this many rows.
 *
 * @param rows Rows below the header ({@linkcode dailyRowCount}).
 * @param limit Most rows written uncompressed (default {@linkcode DAILY_ROWS_LIMIT}).
 * @returns `daily.csv`, or `daily.csv.gz` above the limit.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(dailyFileName(1_048_575), "daily.csv");
 * assert.equal(dailyFileName(1_048_576), "daily.csv.gz");
 * ```
 */
export function dailyFileName(
  rows: number,
  limit: number = DAILY_ROWS_LIMIT,
): "daily.csv" | "daily.csv.gz" {
  return rows > limit ? "daily.csv.gz" : "daily.csv";
}

/**
 * Compresses a byte stream with gzip (deterministic: no file name or time in the header).
 *
 * @param bytes The bytes.
 * @returns The gzip stream.
 *
 * @example Round trip
 * ```ts
 * import assert from "node:assert/strict";
 * const gz = gzip(new Blob(["a,b\n1,2\n"]).stream());
 * assert.equal(await new Response(gunzip(gz)).text(), "a,b\n1,2\n");
 * ```
 */
export function gzip(bytes: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return bytes.pipeThrough(
    new CompressionStream("gzip") as TransformStream<Uint8Array, Uint8Array>,
  );
}

/**
 * Decompresses a gzip byte stream.
 *
 * @param bytes The gzip bytes.
 * @returns The decompressed stream; it errors if the bytes are not gzip.
 *
 * @example See {@linkcode gzip}.
 * ```ts
 * import assert from "node:assert/strict";
 * await assert.rejects(new Response(gunzip(new Blob(["not gzip"]).stream())).text());
 * ```
 */
export function gunzip(bytes: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  return bytes.pipeThrough(
    new DecompressionStream("gzip") as TransformStream<Uint8Array, Uint8Array>,
  );
}
