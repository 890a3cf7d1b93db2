import assert from "node:assert/strict";
import { streamReplications } from "./stream_replications.ts";

// Every replication counts itself into a shared counter when it starts. Replication 0 waits
// until `waitFor` replications have started (or 10 s), then `thenMs` more, and reports how many
// had started; the others return at once. (Atomics.wait sleeps without reading the clock.)
const MODULE = "data:text/javascript," + encodeURIComponent(`
function sleep(ms) { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms); }
export function run({ replication, input }) {
  const started = new Int32Array(input.counter);
  Atomics.add(started, 0, 1);
  if (replication !== 0) return { replication, started: -1 };
  for (let i = 0; i < 1000 && Atomics.load(started, 0) < input.waitFor; i++) sleep(10);
  sleep(input.thenMs);
  return { replication, started: Atomics.load(started, 0) };
}
export function failAt3({ replication }) {
  if (replication === 3) throw new RangeError("three");
  return replication;
}
export function slow({ replication }) {
  sleep(50);
  return replication;
}
`);

interface Out {
  replication: number;
  started: number;
}

function run(window: number, waitFor = 0, total = 40) {
  return streamReplications<
    Out,
    { counter: SharedArrayBuffer; waitFor: number; thenMs: number }
  >({
    module: MODULE,
    exportName: "run",
    input: { counter: new SharedArrayBuffer(4), waitFor, thenMs: 300 },
    replications: total,
    seed: 1,
    workers: 2,
    window,
  });
}

Deno.test("streamReplications()", async (t) => {
  await t.step("yields every result in replication order", async () => {
    const seen = [];
    for await (const { replication, value } of run(3)) {
      assert.equal(value.replication, replication);
      seen.push(replication);
    }
    assert.deepEqual(seen, Array.from({ length: 40 }, (_, i) => i));
  });

  await t.step("workers run at most `window` places ahead of the consumer", async () => {
    // While replication 0 runs, the other worker may take 1 and 2 but not 3: 3 started, and
    // 300 ms later still 3.
    const bounded = await Array.fromAsync(run(3, 3));
    assert.equal(bounded[0].value.started, 3);
    // Without the bound the other worker runs on through the rest.
    const unbounded = await Array.fromAsync(run(1000, 10));
    assert.ok(unbounded[0].value.started >= 10, `${unbounded[0].value.started} started`);
  });

  await t.step("a failure, an abort or a break ends the stream and its workers", async () => {
    const base = { module: MODULE, input: null, replications: 8, seed: 1, workers: 2 };
    const got: number[] = [];
    // One worker, so 0–2 have finished before 3 fails: results before a failure still arrive.
    await assert.rejects(async () => {
      for await (
        const { value } of streamReplications<number>({
          ...base,
          workers: 1,
          exportName: "failAt3",
        })
      ) {
        got.push(value);
      }
    }, /^Error: Cannot run replication 3: RangeError: three$/);
    assert.deepEqual(got, [0, 1, 2]);

    const controller = new AbortController();
    const reason = new Error("stop");
    await assert.rejects(async () => {
      for await (
        const { replication } of streamReplications({
          ...base,
          exportName: "slow",
          signal: controller.signal,
        })
      ) {
        if (replication === 1) controller.abort(reason);
      }
    }, (e) => e === reason);

    for await (const _ of streamReplications({ ...base, exportName: "slow" })) break;
    // (Leaked workers or timers would fail Deno's sanitizers here.)
  });

  await t.step("a bad window is rejected when the stream is created", () => {
    const base = { module: MODULE, exportName: "run", input: null, replications: 2, seed: 1 };
    assert.throws(
      () => streamReplications({ ...base, window: 0 }),
      /Cannot run replications: window must be an integer >= 1, received 0/,
    );
  });
});
