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

/** Placeholder left in emptied now-lane slots so they do not keep entries alive. */
const EMPTY: CalendarEntry = { _t: 0, _p: 0, _id: 0, _fire() {} };

function before(a: CalendarEntry, b: CalendarEntry): boolean {
  if (a._t !== b._t) return a._t < b._t;
  if (a._p !== b._p) return a._p < b._p;
  return a._id < b._id;
}

/**
 * The same order as {@linkcode before}, kept as a separate function for the now-lane so the
 * heap's comparisons stay specialised to the kinds of entries the heap holds (V8 optimises per
 * function).
 */
function laneBefore(a: CalendarEntry, b: CalendarEntry): boolean {
  if (a._t !== b._t) return a._t < b._t;
  if (a._p !== b._p) return a._p < b._p;
  return a._id < b._id;
}

/**
 * The calendar: a binary heap of {@linkcode CalendarEntry} with O(log n) push and pop, plus a
 * first-in first-out lane for entries due now (zero delay), which are the commonest (grants,
 * process starts, signals) and need no sifting. Entries in the lane all share the current time
 * and are in (time, priority, insertion) order, so taking the earlier of the lane's head and the
 * heap's top gives exactly the order a single heap would.
 */
export class EventCalendar {
  #heap: CalendarEntry[] = [];
  /** The now-lane: entries lane[head..tail), all due at the current time, in order. */
  #lane: CalendarEntry[] = [];
  #head = 0;
  #tail = 0;

  /** Number of entries waiting. */
  get size(): number {
    return this.#heap.length + this.#tail - this.#head;
  }

  /** The next entry due, without removing it (undefined when empty). */
  peek(): CalendarEntry | undefined {
    const top = this.#heap[0];
    if (this.#head === this.#tail) return top;
    const first = this.#lane[this.#head];
    return top !== undefined && laneBefore(top, first) ? top : first;
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

  /**
   * Adds an entry due at the current time (that of the last entry taken off, or the start):
   * appended to the now-lane when that keeps the lane in order, otherwise heaped.
   */
  pushNow(entry: CalendarEntry): void {
    const tail = this.#tail;
    if (tail === this.#head || laneBefore(this.#lane[tail - 1], entry)) {
      this.#lane[tail] = entry;
      this.#tail = tail + 1;
    } else {
      this.push(entry);
    }
  }

  /** Removes and returns the next entry due (undefined when empty). */
  pop(): CalendarEntry | undefined {
    return this.popBefore(Infinity);
  }

  /**
   * Removes and returns the next entry if it is due before `stopTime`; otherwise leaves the
   * calendar as it is and returns undefined.
   */
  popBefore(stopTime: number): CalendarEntry | undefined {
    const head = this.#head;
    const top = this.#heap[0];
    if (head !== this.#tail) {
      const lane = this.#lane;
      const first = lane[head];
      if (top === undefined || laneBefore(first, top)) {
        if (!(first._t < stopTime)) return undefined;
        lane[head] = EMPTY;
        if (head + 1 === this.#tail) this.#head = this.#tail = 0;
        else this.#head = head + 1;
        return first;
      }
    }
    if (top === undefined || !(top._t < stopTime)) return undefined;
    return this.#popHeap();
  }

  #popHeap(): CalendarEntry | undefined {
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
