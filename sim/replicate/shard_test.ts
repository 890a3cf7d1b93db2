import assert from "node:assert/strict";
import { parseShard, shardIndices } from "./shard.ts";

Deno.test("shardIndices", async (t) => {
  await t.step("shards partition 0..total−1: each index exactly once, in order", () => {
    for (const total of [0, 1, 2, 7, 10, 100, 101]) {
      for (const count of [1, 2, 3, 4, 7, 16]) {
        const merged: number[] = [];
        const sizes: number[] = [];
        for (let index = 1; index <= count; index++) {
          const part = shardIndices(total, { index, count });
          sizes.push(part.length);
          merged.push(...part);
        }
        assert.deepEqual(
          merged,
          Array.from({ length: total }, (_, i) => i),
          `${total} in ${count}`,
        );
        assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, "balanced");
      }
    }
  });

  await t.step("contiguous slices, extra replications go to the first shards", () => {
    assert.deepEqual(shardIndices(10, { index: 1, count: 4 }), [0, 1, 2]);
    assert.deepEqual(shardIndices(10, { index: 2, count: 4 }), [3, 4, 5]);
    assert.deepEqual(shardIndices(10, { index: 3, count: 4 }), [6, 7]);
    assert.deepEqual(shardIndices(10, { index: 4, count: 4 }), [8, 9]);
    assert.deepEqual(shardIndices(2, { index: 3, count: 3 }), []);
  });

  await t.step("errors name the rule and the value", () => {
    const cases: [() => unknown, RegExp][] = [
      [
        () => shardIndices(-1, { index: 1, count: 1 }),
        /total must be an integer >= 0, received -1/,
      ],
      [() => shardIndices(1.5, { index: 1, count: 1 }), /received 1.5/],
      [() => shardIndices(10, { index: 1, count: 0 }), /count must be an integer >= 1, received 0/],
      [
        () => shardIndices(10, { index: 0, count: 3 }),
        /index must be an integer from 1 to 3, received 0/,
      ],
      [() => shardIndices(10, { index: 4, count: 3 }), /received 4/],
    ];
    for (const [fn, re] of cases) {
      assert.throws(fn, (e: unknown) => e instanceof RangeError && re.test((e as Error).message));
    }
  });
});

Deno.test("parseShard", async (t) => {
  await t.step("parses k/n and rejects anything else", () => {
    assert.deepEqual(parseShard("1/1"), { index: 1, count: 1 });
    assert.deepEqual(parseShard(" 3 / 8 "), { index: 3, count: 8 });
    for (const bad of ["0/3", "4/3", "1/0", "a/b", "2", "1.5/3", "-1/3", ""]) {
      assert.throws(
        () => parseShard(bad),
        (e: unknown) => e instanceof RangeError && /expected k\/n/.test((e as Error).message),
        bad,
      );
    }
  });
});
