/**
 * Replications: run a model many times on Web Workers ({@linkcode runReplications}), split the
 * work into shards ({@linkcode shardIndices}), and summarise results with t-based confidence
 * intervals ({@linkcode summarize}, {@linkcode pairedDifference}).
 *
 * @example Summarise shard-merged results
 * ```ts
 * import assert from "node:assert/strict";
 *
 * const all = [...shardIndices(4, { index: 1, count: 2 }), ...shardIndices(4, { index: 2, count: 2 })];
 * assert.deepEqual(all, [0, 1, 2, 3]);
 * const s = summarize(all);
 * assert.equal(s.mean, 1.5);
 * assert.ok(s.ciLow < 1.5 && s.ciHigh > 1.5);
 * ```
 *
 * @module
 */

export {
  type ReplicationContext,
  type ReplicationFunction,
  runReplications,
  type RunReplicationsOptions,
} from "./run_replications.ts";
export {
  type ReplicationOutcome,
  type ReplicationStream,
  streamReplications,
  type StreamReplicationsOptions,
} from "./stream_replications.ts";
export { parseShard, type Shard, shardIndices } from "./shard.ts";
export { BoundedSample } from "./bounded_sample.ts";
export { StreamingSummary, type StreamingSummaryOptions } from "./streaming_summary.ts";
export { studentTCdf, studentTQuantile } from "./student_t.ts";
export { pairedDifference, summarize, type Summary, type SummaryOptions } from "./summary.ts";
