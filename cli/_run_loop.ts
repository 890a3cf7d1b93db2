/**
 * The run loop of `deno task sim`: replications stream from the workers in order; each is
 * checkpointed and added to the summaries as it is taken, so memory stays bounded and a run
 * stopped at any point resumes with `--resume`. Private to cli/.
 *
 * @module
 */

import { type Shard, shardIndices, streamReplications } from "../sim/mod.ts";
import type { Scenario } from "../scenarios/schema.ts";
import { checkModelSetup } from "../models/check_setup.ts";
import type { PairedInput } from "../models/run_scenario.ts";
import { workerInput } from "../studies/record_replication.ts";
import { Checkpoint } from "../report/checkpoint.ts";
import { summaryFiles } from "../report/outputs.ts";
import type { ReplicationRecord } from "../report/run_figures.ts";
import { type RunMeta, runMeta } from "../report/run_meta.ts";
import { RunSummarizer, type RunSummary } from "../report/run_summarizer.ts";
import { TABLE_FILES, TABLE_HEADERS } from "../report/tables.ts";
import { dailyFileName, dailyRowCount, gzip } from "../report/daily_file.ts";
import type { OutputContent } from "../report/write_outputs.ts";

const RECORD_MODULE = new URL("../studies/record_replication.ts", import.meta.url);

/** Settings of {@linkcode runCheckpointed}. */
export interface RunLoopOptions {
  /** Replications of the whole job. */
  replications: number;
  /** Master seed. */
  seed: number;
  /** Web Workers. */
  workers: number;
  /** The shard to run; all replications when absent. */
  shard?: Shard;
  /** The output directory (the checkpoint sits beside it). */
  out: string;
  /** Keep the replications an earlier, interrupted run of the same command finished. */
  resume: boolean;
  /** Stops the run (workers terminated, checkpoint kept). */
  signal?: AbortSignal;
  /** Called once the checkpoint is open: replications already done, and discarded. */
  onOpen?: (resumed: number, discarded: number) => void;
  /** Called after each replication is taken (done, total). */
  onProgress?: (done: number, total: number) => void;
}

/** A finished run: its metadata, summary and checkpoint (holding every replication's rows). */
export interface CheckpointedRun {
  /** summary.json's metadata. */
  meta: RunMeta;
  /** Summary rows, fan charts, staff groups. */
  summary: RunSummary;
  /** The checkpoint, to assemble the per-replication files from and then remove. */
  checkpoint: Checkpoint;
}

/**
 * Runs a scenario's replications with checkpoints and streaming summaries. Without `resume` the
 * workers start first and load the model while this thread checks the set-up and opens the
 * checkpoint; with it they start once the checkpoint says which replications are left.
 *
 * @param scenario A resolved scenario.
 * @param options Counts, seed, workers, shard, output directory, resume, signal, callbacks.
 * @returns The finished run.
 * @throws {ScenarioError} If the model cannot be set up from the scenario (workers stopped,
 *   nothing written).
 * @throws {OutputError} If the checkpoint cannot be opened or resumed.
 * @throws {unknown} `signal.reason` when aborted.
 */
export async function runCheckpointed(
  scenario: Scenario,
  options: RunLoopOptions,
): Promise<CheckpointedRun> {
  const { replications, seed } = options;
  const indices = options.shard
    ? shardIndices(replications, options.shard)
    : Array.from({ length: replications }, (_, i) => i);
  const input = workerInput(scenario);
  // Without --resume every replication runs (an earlier checkpoint is discarded), so the workers
  // start now and load the model while this thread checks the set-up and opens the checkpoint.
  let fresh = options.resume ? undefined : startStream(input, indices, options);
  let taken = 0;
  try {
    checkModelSetup(scenario);
    const meta: RunMeta = await runMeta({
      scenario,
      seed,
      replications,
      indices,
      options: input.options.map((o) => o.option),
      results: [],
    });
    if (options.shard) meta.shard = options.shard;
    const { checkpoint, done, discarded } = await Checkpoint.open(options.out, {
      caresim: meta.caresimVersion,
      scenarioHash: meta.scenarioHash,
      seed,
      replications,
      indices,
    }, { resume: options.resume });
    options.onOpen?.(done.size, discarded);
    const summarizer = new RunSummarizer(meta.groups, {
      calendar: { startDate: meta.scenario.startDate, years: meta.scenario.years },
    });
    const todo = indices.filter((r) => !done.has(r));
    // Ask for the first fresh result at once, so the workers start while saved ones are read.
    fresh ??= todo.length === 0 ? undefined : startStream(input, todo, options);
    for (const r of indices) {
      options.signal?.throwIfAborted();
      if (done.has(r)) {
        summarizer.add(await checkpoint.figures(r));
      } else {
        const record = await fresh!.take();
        await checkpoint.save(record);
        summarizer.add(record);
      }
      options.onProgress?.(++taken, indices.length);
    }
    return { meta, summary: summarizer.result(), checkpoint };
  } finally {
    await fresh?.stop();
  }
}

/** Replications streaming from workers that start at once: take results in order, then stop. */
interface FreshReplications {
  /** The next replication's record, in the order of the indices. */
  take(): Promise<ReplicationRecord>;
  /** Terminates the workers (also when this thread failed before taking every result). */
  stop(): Promise<void>;
}

function startStream(
  input: PairedInput,
  indices: number[],
  options: RunLoopOptions,
): FreshReplications {
  // Stopping early (a set-up error on this thread) must not wait for a replication to finish.
  const stopper = new AbortController();
  const signal = options.signal
    ? AbortSignal.any([options.signal, stopper.signal])
    : stopper.signal;
  const stream = streamReplications<ReplicationRecord, PairedInput>({
    module: RECORD_MODULE,
    exportName: "recordPairedReplication",
    input,
    replications: options.replications,
    seed: options.seed,
    workers: options.workers,
    indices,
    signal,
  })[Symbol.asyncIterator]();
  let next = stream.next();
  next.catch(() => {}); // awaited by take(), or dropped by stop()
  return {
    async take() {
      const { value: outcome } = await next;
      next = stream.next();
      next.catch(() => {});
      return outcome!.value;
    },
    async stop() {
      stopper.abort(new Error("the run stopped before its replications were taken"));
      await next.catch(() => {});
      await stream.return?.();
    },
  };
}

/**
 * The output files of a checkpointed run: summary.csv, summary.json and report.html as text,
 * and the per-replication CSVs streamed from the checkpoint in replication order (the daily
 * series compressed as daily.csv.gz when longer than a spreadsheet opens). results.xlsx is left
 * to the caller, to add after any further CSV ({@linkcode resultsXlsxOutput}).
 *
 * @param run The finished run.
 * @param onReplication Called as each replication's rows are copied (three times per
 *   replication, one per file).
 * @returns File name → text or stream, for `writeOutputs`.
 */
export function checkpointedFiles(
  run: CheckpointedRun,
  onReplication?: () => void,
): Record<string, OutputContent> {
  const files: Record<string, OutputContent> = { ...summaryFiles(run.meta, run.summary) };
  for (const file of TABLE_FILES) {
    const rows = run.checkpoint.rows(file, TABLE_HEADERS[file], run.meta.indices, onReplication);
    const name = file === "daily.csv" ? dailyFileName(dailyRowCount(run.meta)) : file;
    files[name] = name.endsWith(".gz") ? gzip(rows) : rows;
  }
  return files;
}
