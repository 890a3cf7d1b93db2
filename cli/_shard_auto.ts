/**
 * `--shard auto`: which shard of a job array this process is, read from the scheduler's
 * environment. Private to cli/.
 *
 * - **Slurm** job arrays (`sbatch --array=0-3`): `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN`
 *   and `SLURM_ARRAY_TASK_COUNT`; the array must be a contiguous range with step 1, and shard k
 *   is task `MIN + k − 1`.
 * - **Kubernetes** Indexed Jobs: `JOB_COMPLETION_INDEX` (0-based); the count is not in the
 *   environment, so give it with `--shard-count N` (the Job's `completions`).
 * - **CI matrices**: `CI_NODE_INDEX` (1-based) and `CI_NODE_TOTAL`, which GitLab CI's
 *   `parallel:` sets; on other CI systems (GitHub Actions, …) set them from the matrix.
 *
 * @module
 */

import type { Shard } from "../sim/mod.ts";
import { UsageError } from "./_args.ts";

const HELP =
  "set by a Slurm job array (SLURM_ARRAY_TASK_ID, SLURM_ARRAY_TASK_COUNT), a Kubernetes Indexed Job (JOB_COMPLETION_INDEX, with --shard-count N) or a CI matrix (CI_NODE_INDEX, CI_NODE_TOTAL)";

function whole(env: Record<string, string | undefined>, name: string, min: number): number {
  const text = env[name] ?? "";
  const value = /^\d{1,9}$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
  if (!(value >= min)) {
    throw new UsageError(
      `Cannot use --shard auto: ${name} must be a whole number >= ${min}, received ${
        JSON.stringify(env[name] ?? "")
      }`,
    );
  }
  return value;
}

function checked(index: number, count: number, source: string): Shard {
  if (index < 1 || index > count) {
    throw new UsageError(
      `Cannot use --shard auto: ${source} gives shard ${index} of ${count}, which is not from 1 to ${count}`,
    );
  }
  return { index, count };
}

/**
 * The shard of this job-array task, from the scheduler's environment (Slurm first, then
 * Kubernetes, then a CI matrix).
 *
 * @param env The environment variables.
 * @param options `count`: the number of shards given with `--shard-count` (required for
 *   Kubernetes; when given with Slurm or CI it must agree).
 * @returns The shard (1-based index).
 * @throws {UsageError} If no scheduler's variables are set, or they are malformed or
 *   inconsistent.
 *
 * @example A Slurm array task and a Kubernetes index
 * ```ts
 * import assert from "node:assert/strict";
 * const slurm = { SLURM_ARRAY_TASK_ID: "3", SLURM_ARRAY_TASK_MIN: "0", SLURM_ARRAY_TASK_MAX: "3", SLURM_ARRAY_TASK_COUNT: "4" };
 * assert.deepEqual(shardFromEnvironment(slurm), { index: 4, count: 4 });
 * assert.deepEqual(shardFromEnvironment({ JOB_COMPLETION_INDEX: "0" }, { count: 8 }), { index: 1, count: 8 });
 * ```
 */
export function shardFromEnvironment(
  env: Record<string, string | undefined>,
  options: { count?: number } = {},
): Shard {
  let shard: Shard;
  let source: string;
  if (env.SLURM_ARRAY_TASK_ID !== undefined) {
    source = "Slurm";
    const id = whole(env, "SLURM_ARRAY_TASK_ID", 0);
    const min = whole(env, "SLURM_ARRAY_TASK_MIN", 0);
    const count = whole(env, "SLURM_ARRAY_TASK_COUNT", 1);
    const max = env.SLURM_ARRAY_TASK_MAX === undefined
      ? min + count - 1
      : whole(env, "SLURM_ARRAY_TASK_MAX", 0);
    if (max - min + 1 !== count) {
      throw new UsageError(
        `Cannot use --shard auto: the Slurm array must be a range with step 1 (e.g. --array=0-${
          count - 1
        }), received tasks ${min} to ${max} with ${count} tasks`,
      );
    }
    shard = checked(id - min + 1, count, source);
  } else if (env.JOB_COMPLETION_INDEX !== undefined) {
    source = "Kubernetes";
    if (options.count === undefined) {
      throw new UsageError(
        "Cannot use --shard auto: a Kubernetes Indexed Job gives JOB_COMPLETION_INDEX but not the number of shards; add --shard-count N (the Job's completions)",
      );
    }
    shard = checked(whole(env, "JOB_COMPLETION_INDEX", 0) + 1, options.count, source);
  } else if (env.CI_NODE_INDEX !== undefined || env.CI_NODE_TOTAL !== undefined) {
    source = "CI";
    shard = checked(whole(env, "CI_NODE_INDEX", 1), whole(env, "CI_NODE_TOTAL", 1), source);
  } else {
    throw new UsageError(`Cannot use --shard auto: no job-array index found; it is ${HELP}`);
  }
  if (options.count !== undefined && options.count !== shard.count) {
    throw new UsageError(
      `Cannot use --shard auto: --shard-count ${options.count} disagrees with ${source}'s ${shard.count} tasks`,
    );
  }
  return shard;
}
