/**
 * The event calendar: a binary min-heap of entries ordered by (time, priority, insertion id).
 * Private to the engine; never re-exported.
 *
 * @module
 */

/** Anything the calendar can hold: a time, a priority, an insertion id and what to do when due. */
export interface CalendarEntry {
  /** Time the entry is due, in days. */
  _t: number;
  /** Lower runs first among entries due at the same time. */
  _p: number;
  /** Insertion order, so simultaneous entries of equal priority run first in, first out. */
  _id: number;
  /** Called when the entry is taken off the calendar. */
  _fire(): void;
}

function before(a: CalendarEntry, b: CalendarEntry): boolean {
  if (a._t !== b._t) return a._t < b._t;
  if (a._p !== b._p) return a._p < b._p;
  return a._id < b._id;
}

/** A binary heap of {@linkcode CalendarEntry} with O(log n) push and pop. */
export class EventCalendar {
  #heap: CalendarEntry[] = [];

  /** Number of entries waiting. */
  get size(): number {
    return this.#heap.length;
  }

  /** The next entry due, without removing it (undefined when empty). */
  peek(): CalendarEntry | undefined {
    return this.#heap[0];
  }

  /** Adds an entry. */
  push(entry: CalendarEntry): void {
    const heap = this.#heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (!before(entry, p)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = entry;
  }

  /** Removes and returns the next entry due (undefined when empty). */
  pop(): CalendarEntry | undefined {
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
