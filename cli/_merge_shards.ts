/**
 * Merging shard output directories in bounded memory: the per-replication CSVs are streamed
 * (concatenated, and parsed once for the summaries) instead of read whole. Private to cli/.
 *
 * @module
 */

import { join } from "node:path";
import { parseCsvStream } from "../report/csv_stream.ts";
import { parseSummaryJson } from "../report/outputs.ts";
import { figuresOfTables, type ReplicationFigures } from "../report/run_figures.ts";
import type { RunMeta } from "../report/run_meta.ts";
import { RunSummarizer, type RunSummary } from "../report/run_summarizer.ts";
import {
  readRow,
  type RunTables,
  TABLE_FILES,
  TABLE_HEADERS,
  type TableFile,
  type TableRecords,
} from "../report/tables.ts";
import { OutputError } from "../report/write_outputs.ts";
import { gunzip } from "../report/daily_file.ts";

/**
 * The shards given do not make up the whole job.
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(new IncompleteShards("shard 2/2 is missing").name, "IncompleteShards");
 * ```
 */
export class IncompleteShards extends Error {
  /**
   * @param message Which shards are missing.
   */
  constructor(message: string) {
    super(message);
    this.name = "IncompleteShards";
  }
}

/** One shard directory and its summary.json. */
export interface ShardDir {
  /** The directory. */
  dir: string;
  /** Its metadata. */
  meta: RunMeta;
}

/**
 * Reads a shard directory's summary.json.
 *
 * @param dir The directory.
 * @returns The shard.
 * @throws {OutputError} If summary.json cannot be read or is not caresim's.
 */
export async function readShard(dir: string): Promise<ShardDir> {
  const path = join(dir, "summary.json");
  let text;
  try {
    text = await Deno.readTextFile(path);
  } catch (error) {
    throw new OutputError(`Cannot merge: cannot read ${path} (${(error as Error).message})`);
  }
  try {
    return { dir, meta: parseSummaryJson(text) };
  } catch (error) {
    throw new OutputError(`Cannot merge ${dir}: ${(error as Error).message}`);
  }
}

function ranges(indices: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < indices.length; i++) {
    let j = i;
    while (j + 1 < indices.length && indices[j + 1] === indices[j] + 1) j++;
    out.push(i === j ? `${indices[i]}` : `${indices[i]}–${indices[j]}`);
    i = j;
  }
  return out.join(", ");
}

/**
 * Checks that shards belong together and make up the whole job, and orders them.
 *
 * @param shards The shards, in any order.
 * @returns The shards in replication order and the merged metadata (no shard).
 * @throws {OutputError} If the shards differ in scenario, seed, replications, version or shard
 *   count, or overlap.
 * @throws {IncompleteShards} If replications are missing, naming the missing shards.
 *
 * @example Shard 2 of 3 missing
 * ```ts
 * import assert from "node:assert/strict";
 * const meta = (index: number, indices: number[]) => ({ caresimVersion: "0", scenarioName: "x", scenarioHash: "h", seed: 1, replications: 3, indices, shard: { index, count: 3 }, options: [], groups: [], scenario: {} as never });
 * assert.throws(
 *   () => orderShards([{ dir: "a", meta: meta(1, [0]) }, { dir: "c", meta: meta(3, [2]) }]),
 *   /shard 2\/3 is missing \(replication 1\)/,
 * );
 * ```
 */
export function orderShards(shards: ShardDir[]): { shards: ShardDir[]; meta: RunMeta } {
  const first = shards[0].meta;
  for (const { meta } of shards) {
    for (const key of ["scenarioHash", "seed", "replications", "caresimVersion"] as const) {
      if (meta[key] !== first[key]) {
        throw new OutputError(
          `Cannot merge: the shards differ in ${key}, received ${JSON.stringify(first[key])} and ${
            JSON.stringify(meta[key])
          }`,
        );
      }
    }
    if (meta.shard && first.shard && meta.shard.count !== first.shard.count) {
      throw new OutputError(
        `Cannot merge: the shards come from different splits, received shard ${first.shard.index}/${first.shard.count} and ${meta.shard.index}/${meta.shard.count}`,
      );
    }
  }
  const sorted = [...shards].sort((a, b) =>
    (a.meta.indices[0] ?? Infinity) - (b.meta.indices[0] ?? Infinity)
  );
  const indices = sorted.flatMap((s) => s.meta.indices);
  for (let i = 1; i < indices.length; i++) {
    if (indices[i] <= indices[i - 1]) {
      throw new OutputError(
        `Cannot merge: replication ${
          indices[i]
        } appears in more than one shard (or out of order), received shards holding ${
          sorted.map((s) => `${s.meta.indices[0]}–${s.meta.indices.at(-1)}`).join(", ")
        }`,
      );
    }
  }
  const have = new Set(indices);
  const missing = Array.from({ length: first.replications }, (_, i) => i).filter((i) =>
    !have.has(i)
  );
  if (missing.length > 0) {
    const count = first.shard?.count;
    const given = new Set(shards.map((s) => s.meta.shard?.index));
    const absent = count === undefined
      ? []
      : Array.from({ length: count }, (_, i) => i + 1).filter((k) => !given.has(k));
    const what = absent.length > 0
      ? `${absent.length === 1 ? "shard" : "shards"} ${
        absent.map((k) => `${k}/${count}`).join(", ")
      } ${absent.length === 1 ? "is" : "are"} missing (${
        missing.length === 1 ? "replication" : "replications"
      } ${ranges(missing)})`
      : `${missing.length} of ${first.replications} replications are missing (${ranges(missing)})`;
    throw new IncompleteShards(
      `Cannot merge: ${what}; run ${
        absent.length === 1 ? "it" : "them"
      } with deno task sim ... --shard K/N and merge every shard's directory`,
    );
  }
  const { shard: _, ...meta } = first;
  return { shards: sorted, meta: { ...meta, indices } };
}

/**
 * Opens one per-replication file of a shard; the daily series may be daily.csv.gz (a shard too
 * long for a spreadsheet), read decompressed.
 */
async function openTable(dir: string, file: TableFile): Promise<ReadableStream<Uint8Array>> {
  try {
    return (await Deno.open(join(dir, file))).readable;
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound) || file !== "daily.csv") throw error;
    const gz = await Deno.open(join(dir, "daily.csv.gz")).catch(() => null);
    if (!gz) throw error;
    return gunzip(gz.readable);
  }
}

/** Rows of one file grouped by replication, in file order. */
async function* byReplication<F extends TableFile>(
  dir: string,
  file: F,
): AsyncGenerator<{ replication: number; rows: TableRecords[F][] }> {
  const path = join(dir, file);
  let bytes;
  try {
    bytes = await openTable(dir, file);
  } catch (error) {
    throw new OutputError(`Cannot merge: cannot read ${path} (${(error as Error).message})`);
  }
  let group: { replication: number; rows: TableRecords[F][] } | undefined;
  let i = 0;
  try {
    for await (const row of parseCsvStream(bytes)) {
      const record = readRow(file, row, i++);
      if (group && group.replication !== record.replication) {
        yield group;
        group = undefined;
      }
      (group ??= { replication: record.replication, rows: [] }).rows.push(record);
    }
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(`Cannot merge ${dir}: ${(error as Error).message}`);
  }
  if (group) yield group;
}

/** One shard's figures, replication by replication, read from its three files in step. */
async function* shardFigures(shard: ShardDir): AsyncGenerator<ReplicationFigures> {
  const readers = TABLE_FILES.map((f) => byReplication(shard.dir, f));
  const heads = await Promise.all(readers.map((r) => r.next()));
  for (const replication of shard.meta.indices) {
    const tables: RunTables = { groups: shard.meta.groups, annual: [], daily: [], workforce: [] };
    const parts: Record<TableFile, unknown[]> = {
      "annual.csv": tables.annual,
      "annual_by_segment.csv": tables.annual,
      "daily.csv": tables.daily,
      "workforce.csv": tables.workforce,
    };
    for (let k = 0; k < readers.length; k++) {
      const head = heads[k];
      if (!head.done && head.value.replication === replication) {
        parts[TABLE_FILES[k]].push(...head.value.rows);
        heads[k] = await readers[k].next();
      }
    }
    const [figures] = figuresOfTables(tables);
    if (figures) yield figures;
  }
  for (let k = 0; k < readers.length; k++) {
    if (!heads[k].done) {
      throw new OutputError(
        `Cannot merge ${shard.dir}: ${TABLE_FILES[k]} holds replication ${
          heads[k].value!.replication
        }, which its summary.json does not list`,
      );
    }
  }
}

/**
 * Summarises shards, replication by replication.
 *
 * @param shards The shards, in replication order.
 * @param meta The merged metadata.
 * @returns The merged summary.
 * @throws {OutputError} If a file is missing or malformed.
 */
export async function summarizeShards(shards: ShardDir[], meta: RunMeta): Promise<RunSummary> {
  const summarizer = new RunSummarizer(meta.groups, {
    calendar: { startDate: meta.scenario.startDate, years: meta.scenario.years },
  });
  for (const shard of shards) {
    for await (const figures of shardFigures(shard)) summarizer.add(figures);
  }
  return summarizer.result();
}

/**
 * One merged per-replication file: the header, then each shard's rows (its file after the
 * header line), streamed.
 *
 * @param shards The shards, in replication order.
 * @param file Which file.
 * @returns The file's bytes.
 */
export function concatenated(shards: ShardDir[], file: TableFile): ReadableStream<Uint8Array> {
  const header = new TextEncoder().encode(TABLE_HEADERS[file]);
  let k = -1;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  let skipping = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      for (;;) {
        if (k === -1) {
          k = 0;
          controller.enqueue(header);
          return;
        }
        if (!reader) {
          if (k >= shards.length) return controller.close();
          reader = (await openTable(shards[k].dir, file)).getReader();
          skipping = true;
        }
        const { done, value } = await reader.read();
        if (done) {
          reader = undefined;
          k++;
          continue;
        }
        let chunk = value;
        if (skipping) {
          const nl = chunk.indexOf(10);
          if (nl < 0) continue;
          skipping = false;
          chunk = chunk.subarray(nl + 1);
        }
        if (chunk.length > 0) return controller.enqueue(chunk);
      }
    },
  });
}
