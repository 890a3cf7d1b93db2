/**
 * The CLI's worker entry (`recordPairedReplication`) wrapped to report the worker thread's own
 * CPU time, for `bench/worker_cpu.ts`: the CPU the thread had used when this module finished
 * loading (the worker's bootstrap and module load) and before and after each replication, read
 * from Linux's `/proc/thread-self/schedstat` (nanoseconds on a CPU, and waiting for one).
 *
 * @module
 */

import { recordPairedReplication } from "../studies/record_replication.ts";
import type { PairedInput } from "../models/run_scenario.ts";

/** Nanoseconds this thread has run, and waited to run, since it started. */
function threadTimes(): { cpu: number; wait: number } {
  const [cpu, wait] = Deno.readTextFileSync("/proc/thread-self/schedstat").split(" ");
  return { cpu: Number(cpu) / 1e9, wait: Number(wait) / 1e9 };
}

const loaded = threadTimes();
const thread = Deno.readTextFileSync("/proc/thread-self/stat").split(" ")[0]!;

/** One replication's timing (the record itself is dropped: only its size is kept). */
export interface TimedReplication {
  /** Replication index. */
  replication: number;
  /** The worker's thread id. */
  thread: string;
  /** Thread CPU and run-queue wait (s) when the module had loaded. */
  loaded: { cpu: number; wait: number };
  /** Thread CPU and wait (s) before and after the replication. */
  before: { cpu: number; wait: number };
  after: { cpu: number; wait: number };
  /** Characters of CSV text the record carried. */
  csvChars: number;
}

/**
 * Runs one replication as the CLI's workers do and times it on the worker thread.
 *
 * @param args `{ seed, replication, input }` as passed by `streamReplications`.
 * @returns The timing.
 */
export function timedRecord(
  args: { seed: number; replication: number; input: PairedInput },
): TimedReplication {
  const before = threadTimes();
  const record = recordPairedReplication(args);
  const after = threadTimes();
  const csvChars = Object.values(record.csv).reduce((n, s) => n + s.length, 0);
  return { replication: args.replication, thread, loaded, before, after, csvChars };
}
