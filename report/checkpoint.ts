/**
 * Checkpoints of a run in progress: every finished replication's record is saved beside the
 * output directory (`.<out>.checkpoint/`) as soon as it is taken, so a run stopped by SIGINT,
 * SIGTERM or SIGKILL can resume where it stopped, and the per-replication CSV files are
 * assembled from the saved rows at the end without holding them in memory.
 *
 * Layout: `manifest.json` (which run the checkpoint belongs to), then per replication `r`
 * the files `r.annual.csv`, `r.annual_by_segment.csv`, `r.daily.csv`, `r.workforce.csv` (its rows) and `r.json` (its
 * figures), the last written to a temporary name and renamed, so its presence means the
 * replication is complete.
 *
 * @module
 */

import { basename, dirname, join, resolve } from "node:path";
import { OutputError } from "./write_outputs.ts";
import type { ReplicationFigures, ReplicationRecord } from "./run_figures.ts";
import type { TableFile } from "./tables.ts";

/** What identifies a run: a checkpoint resumes only the same run. */
export interface CheckpointManifest {
  /** caresim version. */
  caresim: string;
  /** Hash of the resolved scenario. */
  scenarioHash: string;
  /** Master seed. */
  seed: number;
  /** Replications of the whole job. */
  replications: number;
  /** The replication indices this run holds (a shard or all), ascending. */
  indices: number[];
}

const MANIFEST = "manifest.json";
const FIELDS = ["caresim", "scenarioHash", "seed", "replications", "indices"] as const;

/**
 * The checkpoint directory of an output directory: `.<name>.checkpoint` beside it.
 *
 * @param outDir The output directory.
 * @returns The checkpoint directory (absolute).
 *
 * @example Basic use
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(checkpointDir("/runs/out/default"), "/runs/out/.default.checkpoint");
 * ```
 */
export function checkpointDir(outDir: string): string {
  const target = resolve(outDir);
  return join(dirname(target), `.${basename(target)}.checkpoint`);
}

async function readManifest(dir: string): Promise<CheckpointManifest | undefined> {
  try {
    return JSON.parse(await Deno.readTextFile(join(dir, MANIFEST)));
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return undefined;
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

function describe(manifest: CheckpointManifest, key: typeof FIELDS[number]): string {
  const v = manifest[key];
  if (key === "indices") {
    const i = v as number[];
    return i.length === 0 ? "none" : `${i.length} replications from ${i[0]} to ${i.at(-1)}`;
  }
  return JSON.stringify(v);
}

/**
 * A run's checkpoint directory.
 *
 * @example Save, reopen with resume, read back
 * ```ts
 * import assert from "node:assert/strict";
 * const root = await Deno.makeTempDir();
 * const manifest = { caresim: "0", scenarioHash: "h", seed: 1, replications: 2, indices: [0, 1] };
 * const first = await Checkpoint.open(`${root}/out`, manifest, { resume: false });
 * await first.checkpoint.save({ replication: 1, groups: [], csv: { "annual.csv": "a\n", "annual_by_segment.csv": "", "daily.csv": "", "workforce.csv": "" } });
 * const again = await Checkpoint.open(`${root}/out`, manifest, { resume: true });
 * assert.deepEqual([...again.done], [1]);
 * assert.deepEqual(await again.checkpoint.figures(1), { replication: 1, groups: [] });
 * await again.checkpoint.remove();
 * await Deno.remove(root);
 * ```
 */
export class Checkpoint {
  readonly #dir: string;

  private constructor(dir: string) {
    this.#dir = dir;
  }

  /** The directory. */
  get dir(): string {
    return this.#dir;
  }

  /**
   * Opens the checkpoint of an output directory. With `resume`, an existing checkpoint of the
   * same run is kept and its complete replications are returned as done; without, any previous
   * checkpoint there is discarded (`discarded` counts its replications).
   *
   * @param outDir The output directory.
   * @param manifest The run.
   * @param options Whether to resume.
   * @returns The checkpoint, the replications already done, and how many were discarded.
   * @throws {OutputError} If resuming a checkpoint of a different run, or the directory is in
   *   the way and not a checkpoint.
   */
  static async open(
    outDir: string,
    manifest: CheckpointManifest,
    options: { resume: boolean },
  ): Promise<{ checkpoint: Checkpoint; done: Set<number>; discarded: number }> {
    const dir = checkpointDir(outDir);
    const existing = await readManifest(dir);
    let exists = existing !== undefined;
    if (!exists) {
      try {
        for await (const _ of Deno.readDir(dir)) {
          throw new OutputError(
            `Cannot checkpoint the run: ${dir} exists and is not a caresim checkpoint; move it away`,
          );
        }
        exists = true; // an empty directory
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
    }
    const checkpoint = new Checkpoint(dir);
    let discarded = 0;
    if (existing && options.resume) {
      for (const key of FIELDS) {
        if (JSON.stringify(existing[key]) !== JSON.stringify(manifest[key])) {
          throw new OutputError(
            `Cannot resume: the checkpoint in ${dir} is of a different run (its ${key} is ${
              describe(existing, key)
            }, this run's is ${
              describe(manifest, key)
            }); rerun the same command it was started with, or run without --resume to start again`,
          );
        }
      }
      return { checkpoint, done: await checkpoint.#done(manifest.indices), discarded };
    }
    if (existing) discarded = (await checkpoint.#done(existing.indices ?? [])).size;
    if (exists) await Deno.remove(dir, { recursive: true });
    await Deno.mkdir(dir, { recursive: true });
    await checkpoint.#atomicWrite(MANIFEST, JSON.stringify(manifest));
    return { checkpoint, done: new Set(), discarded };
  }

  async #done(indices: readonly number[]): Promise<Set<number>> {
    const wanted = new Set(indices);
    const done = new Set<number>();
    for await (const entry of Deno.readDir(this.#dir)) {
      const m = /^(\d+)\.json$/.exec(entry.name);
      if (m && wanted.has(Number(m[1]))) done.add(Number(m[1]));
    }
    return done;
  }

  async #atomicWrite(name: string, text: string) {
    const temp = join(this.#dir, `.${name}.tmp`);
    await Deno.writeTextFile(temp, text);
    await Deno.rename(temp, join(this.#dir, name));
  }

  /**
   * Saves a finished replication: its rows, then its figures (which mark it complete).
   *
   * @param record The replication's record.
   */
  async save(record: ReplicationRecord): Promise<void> {
    const r = record.replication;
    for (const [file, text] of Object.entries(record.csv)) {
      await Deno.writeTextFile(join(this.#dir, `${r}.${file}`), text);
    }
    const figures: ReplicationFigures = { replication: r, groups: record.groups };
    await this.#atomicWrite(`${r}.json`, JSON.stringify(figures));
  }

  /**
   * Reads a saved replication's figures.
   *
   * @param replication The replication index.
   * @returns Its figures.
   */
  async figures(replication: number): Promise<ReplicationFigures> {
    return JSON.parse(await Deno.readTextFile(join(this.#dir, `${replication}.json`)));
  }

  /**
   * A stream of the saved rows of one table, replication by replication, after `header`.
   *
   * @param file Which table.
   * @param header The file's header line.
   * @param indices Replications, in the order to write them.
   * @param onReplication Called after each replication's rows are read.
   * @returns The file's bytes.
   */
  rows(
    file: TableFile,
    header: string,
    indices: readonly number[],
    onReplication?: () => void,
  ): ReadableStream<Uint8Array> {
    const dir = this.#dir;
    let i = -1;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (i === -1) controller.enqueue(new TextEncoder().encode(header));
        else if (i < indices.length) {
          controller.enqueue(await Deno.readFile(join(dir, `${indices[i]}.${file}`)));
          onReplication?.();
        } else controller.close();
        i++;
      },
    });
  }

  /** Deletes the checkpoint (after the outputs are written). */
  async remove(): Promise<void> {
    await Deno.remove(this.#dir, { recursive: true });
  }
}
