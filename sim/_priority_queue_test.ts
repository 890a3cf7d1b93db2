import assert from "node:assert/strict";
import { MAX_BUCKETS, PriorityQueue, type Queued } from "./_priority_queue.ts";

interface Item extends Queued {
  label: string;
}

function drain(queue: PriorityQueue<Item>): string[] {
  const out: string[] = [];
  for (let item = queue.pop(); item !== undefined; item = queue.pop()) out.push(item.label);
  return out;
}

function reference(pushes: [number, string][]): string[] {
  return pushes.map(([p, label], i) => ({ p, label, i }))
    .sort((a, b) => a.p - b.p || a.i - b.i)
    .map((x) => x.label);
}

Deno.test("PriorityQueue pops lower priorities first, first in first out within one", () => {
  const queue = new PriorityQueue<Item>();
  const pushes: [number, string][] = [[2, "a"], [1, "b"], [2, "c"], [0, "d"], [1, "e"], [3, "f"]];
  for (const [p, label] of pushes) queue.push({ _qp: 0, _qid: 0, label }, p);
  assert.equal(queue.size, 6);
  assert.deepEqual(drain(queue), reference(pushes));
  assert.equal(queue.size, 0);
});

Deno.test("PriorityQueue keeps FIFO within a priority after switching to a heap", () => {
  const queue = new PriorityQueue<Item>();
  // Park–Miller LCG: products stay below 2^53, so every residue mod 64 occurs.
  let x = 12345;
  const next = () => (x = (x * 48271) % 2147483647);
  const popped: string[] = [];
  const expected: string[] = [];
  let pending: [number, string][] = [];
  const warm = 200; // pushed before any pop: far more distinct priorities than buckets
  for (let i = 0; i < 3000; i++) {
    const p = next() % (MAX_BUCKETS * 4);
    const label = `i${i}`;
    pending.push([p, label]);
    queue.push({ _qp: 0, _qid: 0, label }, p);
    if (i >= warm && i % 3 === 2) {
      const first = reference(pending)[0]!;
      expected.push(first);
      pending = pending.filter(([, l]) => l !== first);
      popped.push(queue.pop()!.label);
    }
    if (i === warm - 1) {
      // the heap is built: more distinct priorities are queued than there are buckets, and
      // each priority is shared by several items, so ties are ordered by the heap
      const distinct = new Set(pending.map(([q]) => q)).size;
      assert.ok(distinct > MAX_BUCKETS, `${distinct} distinct priorities`);
      assert.ok(warm / distinct >= 2, "several items per priority");
    }
  }
  expected.push(...reference(pending));
  popped.push(...drain(queue));
  assert.deepEqual(popped, expected);
});
