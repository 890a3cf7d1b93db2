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

Deno.test("PriorityQueue keeps the same order after switching to a heap for many priorities", () => {
  const queue = new PriorityQueue<Item>();
  const pushes: [number, string][] = [];
  // interleave pops and pushes with far more distinct priorities than buckets
  let x = 12345;
  const popped: string[] = [];
  const expected: string[] = [];
  let pending: [number, string][] = [];
  for (let i = 0; i < 2000; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    const p = x % (MAX_BUCKETS * 4);
    const label = `i${i}`;
    pushes.push([p, label]);
    pending.push([p, label]);
    queue.push({ _qp: 0, _qid: 0, label }, p);
    if (i % 3 === 2) {
      const next = reference(pending)[0];
      expected.push(next);
      pending = pending.filter(([, l]) => l !== next);
      popped.push(queue.pop()!.label);
    }
  }
  expected.push(...reference(pending));
  popped.push(...drain(queue));
  assert.deepEqual(popped, expected);
});
