/**
 * A binary min-heap ordered by (priority, insertion id): lower priority first, first in first
 * out within a priority. O(log n) push and pop whatever the queue length. Private to the engine.
 *
 * @module
 */

/** An item the queue can order. */
export interface Queued {
  /** @internal Queue priority (lower first). */
  _qp: number;
  /** @internal Queue insertion id. */
  _qid: number;
}

function before(a: Queued, b: Queued): boolean {
  return a._qp !== b._qp ? a._qp < b._qp : a._qid < b._qid;
}

/** Min-heap of {@linkcode Queued} items. */
export class PriorityQueue<T extends Queued> {
  #heap: T[] = [];
  #nextId = 0;

  /** Number of items held (including any the owner treats as withdrawn). */
  get size(): number {
    return this.#heap.length;
  }

  /** The first item, without removing it. */
  peek(): T | undefined {
    return this.#heap[0];
  }

  /** Adds an item with a priority. */
  push(item: T, priority: number): void {
    item._qp = priority;
    item._qid = this.#nextId++;
    const heap = this.#heap;
    let i = heap.length;
    heap.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(item, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = item;
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    const heap = this.#heap;
    const n = heap.length;
    if (n === 0) return undefined;
    const top = heap[0];
    const last = heap.pop()!;
    if (n > 1) {
      const size = n - 1;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const c = r < size && before(heap[r], heap[l]) ? r : l;
        if (!before(heap[c], last)) break;
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = last;
    }
    return top;
  }
}
