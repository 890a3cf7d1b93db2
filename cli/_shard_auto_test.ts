import assert from "node:assert/strict";
import { UsageError } from "./_args.ts";
import { shardFromEnvironment } from "./_shard_auto.ts";

const slurm = (id: number, min: number, count: number) => ({
  SLURM_ARRAY_TASK_ID: String(id),
  SLURM_ARRAY_TASK_MIN: String(min),
  SLURM_ARRAY_TASK_MAX: String(min + count - 1),
  SLURM_ARRAY_TASK_COUNT: String(count),
});

Deno.test("shardFromEnvironment() reads Slurm, Kubernetes and CI job arrays", async (t) => {
  await t.step("Slurm: task MIN + k − 1 is shard k, whatever the array starts at", () => {
    for (const min of [0, 1, 10]) {
      const shards = [0, 1, 2, 3].map((i) => shardFromEnvironment(slurm(min + i, min, 4)));
      assert.deepEqual(shards, [1, 2, 3, 4].map((index) => ({ index, count: 4 })));
    }
  });
  await t.step("Kubernetes: JOB_COMPLETION_INDEX is 0-based, the count comes from the flag", () => {
    assert.deepEqual(shardFromEnvironment({ JOB_COMPLETION_INDEX: "7" }, { count: 8 }), {
      index: 8,
      count: 8,
    });
  });
  await t.step("CI: CI_NODE_INDEX is 1-based (GitLab's parallel: convention)", () => {
    assert.deepEqual(shardFromEnvironment({ CI_NODE_INDEX: "2", CI_NODE_TOTAL: "3" }), {
      index: 2,
      count: 3,
    });
  });
  await t.step("Slurm takes precedence over the others", () => {
    const env = { ...slurm(1, 0, 2), JOB_COMPLETION_INDEX: "0", CI_NODE_INDEX: "1" };
    assert.deepEqual(shardFromEnvironment(env), { index: 2, count: 2 });
  });
  await t.step("mistakes name the variable or flag and the fix", () => {
    const cases: [Record<string, string>, { count?: number }, RegExp][] = [
      [{}, {}, /no job-array index found; it is set by a Slurm job array/],
      [{ JOB_COMPLETION_INDEX: "0" }, {}, /add --shard-count N \(the Job's completions\)/],
      [{ JOB_COMPLETION_INDEX: "4" }, { count: 4 }, /gives shard 5 of 4, which is not from 1 to 4/],
      [
        { JOB_COMPLETION_INDEX: "x" },
        { count: 4 },
        /JOB_COMPLETION_INDEX must be a whole number >= 0, received "x"/,
      ],
      [
        { CI_NODE_INDEX: "0", CI_NODE_TOTAL: "2" },
        {},
        /CI_NODE_INDEX must be a whole number >= 1, received "0"/,
      ],
      [{ CI_NODE_INDEX: "1" }, {}, /CI_NODE_TOTAL must be a whole number >= 1, received ""/],
      [
        { ...slurm(0, 0, 4), SLURM_ARRAY_TASK_MAX: "6" },
        {},
        /range with step 1 \(e\.g\. --array=0-3\), received tasks 0 to 6 with 4 tasks/,
      ],
      [slurm(0, 0, 4), { count: 3 }, /--shard-count 3 disagrees with Slurm's 4 tasks/],
    ];
    for (const [env, options, message] of cases) {
      assert.throws(
        () => shardFromEnvironment(env, options),
        (e: unknown) => e instanceof UsageError && message.test(e.message),
        JSON.stringify(env),
      );
    }
  });
});
