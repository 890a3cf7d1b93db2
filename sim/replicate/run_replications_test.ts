import assert from "node:assert/strict";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { runReplications } from "./run_replications.ts";
import { shardIndices } from "./shard.ts";
import { lcg, type LcgInput, type LcgResult } from "./testdata/lcg_replication.ts";

const FIXTURE = new URL("./testdata/lcg_replication.ts", import.meta.url);
const INPUT: LcgInput = { steps: 20_000 };
const SEED = 42;
const N = 12;

function run(options: {
  exportName?: string;
  workers?: number;
  indices?: readonly number[];
  input?: LcgInput;
  module?: URL | string;
  onProgress?: (done: number, total: number) => void;
}) {
  return runReplications<LcgResult, LcgInput>({
    module: options.module ?? FIXTURE,
    exportName: options.exportName ?? "lcg",
    input: options.input ?? INPUT,
    replications: N,
    seed: SEED,
    workers: options.workers,
    indices: options.indices,
    onProgress: options.onProgress,
  });
}

/** Wraps the global Worker to count workers created and terminated (sanitizers do not). */
function trackWorkers() {
  const Original = globalThis.Worker;
  const counts = { created: 0, terminated: 0 };
  class Tracked extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      counts.created++;
    }
    override terminate(): void {
      counts.terminated++;
      super.terminate();
    }
  }
  globalThis.Worker = Tracked;
  return { counts, restore: () => void (globalThis.Worker = Original) };
}

Deno.test("runReplications", async (t) => {
  const tracker = trackWorkers();
  const { counts } = tracker;
  /** Runs a step and checks every worker it started was terminated. */
  async function step(name: string, fn: () => Promise<void>) {
    await t.step(name, async () => {
      await fn();
      assert.equal(counts.terminated, counts.created, "every worker terminated");
    });
  }
  const expected = Array.from(
    { length: N },
    (_, r) => lcg({ seed: SEED, replication: r, input: INPUT }),
  );

  await step("results are in replication order and equal an in-process run", async () => {
    const results = await run({ workers: 2 });
    assert.deepEqual(results, expected);
    assert.equal(new Set(results.map((r) => r.sum)).size, N, "replications differ");
  });

  await step("results are identical for 1, 2 and 3 workers (and the default)", async () => {
    const one = await run({ workers: 1 });
    const two = await run({ workers: 2 });
    const three = await run({ workers: 3 });
    const fallback = await run({});
    assert.deepEqual(one, expected);
    assert.deepEqual(two, one);
    assert.deepEqual(three, one);
    assert.deepEqual(fallback, one);
  });

  await step("merged shards equal the whole run", async () => {
    const merged: LcgResult[] = [];
    for (let index = 1; index <= 3; index++) {
      merged.push(...await run({ workers: 2, indices: shardIndices(N, { index, count: 3 }) }));
    }
    assert.deepEqual(merged, expected);
  });

  await step("indices in any order come back sorted; empty indices run nothing", async () => {
    const before = counts.created;
    const results = await run({ workers: 8, indices: [9, 2, 5] });
    assert.deepEqual(results, [expected[2], expected[5], expected[9]]);
    assert.equal(counts.created - before, 3, "workers capped at the replications to run");
    assert.deepEqual(await run({ indices: [] }), []);
  });

  await step("async exports, a file-path module and onProgress", async () => {
    const calls: [number, number][] = [];
    const modulePath = relative(Deno.cwd(), fileURLToPath(FIXTURE));
    const results = await run({
      module: modulePath,
      exportName: "lcgAsync",
      workers: 3,
      onProgress: (done, total) => calls.push([done, total]),
    });
    assert.deepEqual(results, expected);
    assert.deepEqual(calls, Array.from({ length: N }, (_, i) => [i + 1, N]));
  });

  await step("each replication gets a fresh copy of the input", async () => {
    const results = await runReplications<number, LcgInput>({
      module: FIXTURE,
      exportName: "mutating",
      input: { steps: 0, counter: { value: 0 } },
      replications: 6,
      seed: 1,
      workers: 2,
    });
    assert.deepEqual(results, [1, 1, 1, 1, 1, 1]);
  });

  await step("a failing replication rejects naming it and stops the workers", async () => {
    const started = performance.now();
    await assert.rejects(
      run({ exportName: "failing", input: { steps: 10, failAt: 5 }, workers: 3 }),
      (e: unknown) => {
        assert.ok(e instanceof Error);
        assert.match(e.message, /^Cannot run replication 5: RangeError: fixture failure at 5$/);
        assert.ok(e.cause instanceof Error && /fixture failure at 5/.test(e.cause.message));
        return true;
      },
    );
    assert.ok(performance.now() - started < 5000);
  });

  await step("an uncloneable result, a missing export or a broken module rejects", async () => {
    await assert.rejects(
      run({ exportName: "uncloneable", workers: 1 }),
      /Cannot run replication 0: DataCloneError/,
    );
    await assert.rejects(
      run({ exportName: "notAFunction", workers: 2 }),
      /Cannot run replication \d+: TypeError: .*export "notAFunction" .* must be a function, received number/,
    );
    await assert.rejects(
      run({ module: new URL("./testdata/broken_module.ts", import.meta.url), workers: 2 }),
      /Cannot run replication \d+: Error: fixture module failed to load/,
    );
    await assert.rejects(
      run({ module: new URL("./testdata/missing.ts", import.meta.url), workers: 1 }),
      /Cannot run replication 0: .*missing\.ts/,
    );
  });

  await step("onProgress throwing rejects and stops the workers", async () => {
    await assert.rejects(
      run({
        workers: 2,
        onProgress: () => {
          throw new Error("boom");
        },
      }),
      /Cannot run replications: onProgress threw after replication \d+/,
    );
  });

  await step("bad options are rejected before any worker starts", async () => {
    const before = counts.created;
    const base = { module: FIXTURE, exportName: "lcg", input: INPUT, replications: 3, seed: 1 };
    const cases: [Record<string, unknown>, ErrorConstructor, RegExp][] = [
      [{ replications: 0 }, RangeError, /replications must be an integer >= 1, received 0/],
      [{ workers: 0 }, RangeError, /workers must be an integer >= 1, received 0/],
      [{ workers: 1.5 }, RangeError, /workers must be an integer >= 1, received 1.5/],
      [{ indices: [0, 3] }, RangeError, /each index must be an integer in \[0, 3\), received 3/],
      [{ indices: [1, 1] }, RangeError, /indices must be distinct, received 1 twice/],
      [{ seed: Number.NaN }, RangeError, /seed must be a finite number, received NaN/],
      [{ exportName: "" }, TypeError, /exportName must be a non-empty string/],
      [{ module: 3 }, TypeError, /module must be a URL or a non-empty string, received 3/],
      [{ input: { f: () => 1 } }, TypeError, /input must be structured-cloneable/],
      [{ onProgress: "yes" }, TypeError, /onProgress must be a function, received string/],
    ];
    for (const [patch, cls, re] of cases) {
      await assert.rejects(
        // deno-lint-ignore no-explicit-any
        runReplications({ ...base, ...patch } as any),
        (e: unknown) => e instanceof cls && re.test((e as Error).message),
        JSON.stringify(patch),
      );
    }
    assert.equal(counts.created, before, "no worker started");
  });
  tracker.restore();
});
