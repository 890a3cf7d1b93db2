/**
 * The waiting line of a resource: lower priority first, first in first out within a priority,
 * O(1) per operation whatever the queue length in the usual case of a few distinct priorities.
 * Private to the engine.
 *
 * Items wait in one first-in first-out bucket per distinct priority, the buckets kept in priority
 * order. A queue that ever sees more than {@linkcode MAX_BUCKETS} distinct priorities (e.g.
 * priorities computed from times) switches to a binary heap keyed by (priority, insertion id),
 * which keeps O(log n) operations and exactly the same order.
 *
 * @module
 */

/** An item the queue can order. */
export interface Queued {
  /**
   * @internal Queue priority (lower first).
   * @ignore
   */
  _qp: number;
  /**
   * @internal Queue insertion id.
   * @ignore
   */
  _qid: number;
}

/** Distinct priorities kept as buckets before switching to a heap. */
export const MAX_BUCKETS = 16;

class Bucket<T> {
  /** Mutable so that an emptied sole bucket can be reused for another priority (see pop). */
  priority: number;
  /** items[head..tail) are waiting; slots outside are undefined and reused. */
  items: (T | undefined)[] = [];
  head = 0;
  tail = 0;

  constructor(priority: number) {
    this.priority = priority;
  }

  get size(): number {
    return this.tail - this.head;
  }

  push(item: T): void {
    this.items[this.tail++] = item;
  }

  shift(): T {
    const item = this.items[this.head]!;
    this.items[this.head++] = undefined;
    if (this.head === this.tail) {
      // keep a small backing store (a queue that empties and refills often then reallocates
      // nothing); drop a large one so a long queue's memory is not held after it drains
      if (this.tail > 1024) this.items = [];
      this.head = this.tail = 0;
    } else if (this.head >= 1024 && this.head * 2 >= this.tail) {
      this.items = this.items.slice(this.head, this.tail);
      this.tail -= this.head;
      this.head = 0;
    }
    return item;
  }
}

function before(a: Queued, b: Queued): boolean {
  return a._qp !== b._qp ? a._qp < b._qp : a._qid < b._qid;
}

/** Priority queue of {@linkcode Queued} items. */
export class PriorityQueue<T extends Queued> {
  #nextId = 0;
  #size = 0;
  /** Buckets in increasing priority; null once the queue has switched to a heap. */
  #buckets: Bucket<T>[] | null = [];
  #heap: T[] = [];

  /** Number of items held (including any the owner treats as withdrawn). */
  get size(): number {
    return this.#size;
  }

  /** Adds an item with a priority. */
  push(item: T, priority: number): void {
    item._qp = priority;
    item._qid = this.#nextId++;
    this.#size++;
    const buckets = this.#buckets;
    if (buckets !== null) {
      const n = buckets.length;
      // common cases first: the last bucket, or the only one (reused, even for another
      // priority, once empty)
      if (n > 0 && buckets[n - 1].priority === priority) {
        buckets[n - 1].push(item);
        return;
      }
      if (n === 1 && buckets[0].size === 0) {
        buckets[0].priority = priority;
        buckets[0].push(item);
        return;
      }
      let i = 0;
      while (i < n && buckets[i].priority < priority) i++;
      if (i < n && buckets[i].priority === priority) {
        buckets[i].push(item);
        return;
      }
      if (n < MAX_BUCKETS) {
        const bucket = new Bucket<T>(priority);
        bucket.push(item);
        buckets.splice(i, 0, bucket);
        return;
      }
      this.#switchToHeap();
    }
    this.#heapPush(item);
  }

  /** Removes and returns the first item. */
  pop(): T | undefined {
    if (this.#size === 0) return undefined;
    this.#size--;
    const buckets = this.#buckets;
    if (buckets !== null) {
      const first = buckets[0];
      const item = first.shift();
      // an emptied bucket is dropped unless it is the only one, which is kept for reuse: a
      // queue that empties and refills then allocates nothing
      if (first.size === 0 && buckets.length > 1) buckets.shift();
      return item;
    }
    return this.#heapPop();
  }

  /** A copy of the items held, in the order they would be popped (for inspection, not speed). */
  toArray(): T[] {
    const buckets = this.#buckets;
    if (buckets === null) return [...this.#heap].sort((a, b) => (before(a, b) ? -1 : 1));
    const items: T[] = [];
    for (const bucket of buckets) {
      for (let i = bucket.head; i < bucket.tail; i++) items.push(bucket.items[i]!);
    }
    return items;
  }

  #switchToHeap(): void {
    const buckets = this.#buckets!;
    this.#buckets = null;
    for (const bucket of buckets) {
      for (let i = bucket.head; i < bucket.tail; i++) this.#heapPush(bucket.items[i]!);
    }
  }

  #heapPush(item: T): void {
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

  #heapPop(): T {
    const heap = this.#heap;
    const n = heap.length;
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
