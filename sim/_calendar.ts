/**
 * The event calendar: a binary min-heap ordered by (time, priority, insertion id). Private to
 * the engine; never re-exported.
 *
 * The keys live in typed arrays beside the array of entries, so comparisons read plain numbers
 * whatever kinds of entry the calendar holds (timeouts, grants, callbacks, process starts), and
 * sifting moves numbers rather than rewriting object fields. Entries due now (zero delay — grants,
 * process starts, signals) go to a first-in first-out lane that needs no sifting; taking the
 * earlier of the lane's head and the heap's top gives exactly the order of a single heap.
 *
 * The heap sifts slot numbers (an Int32Array) rather than the entries themselves: an entry is
 * written once into a slot when pushed. Entries are young objects and the calendar's arrays are
 * long-lived, so every pointer store into them pays V8's old-to-new write barrier; sifting plain
 * numbers avoids paying it at every level of the heap.
 *
 * @module
 */

/** Anything the calendar can hold: what to do when it is due. */
export interface CalendarEntry {
  /** Called when the entry is taken off the calendar. */
  _fire(): void;
}

const INITIAL_SIZE = 64;

/** A min-heap of {@linkcode CalendarEntry} keyed by (time, priority, insertion id). */
export class EventCalendar {
  /** Time of the entry last taken off (the simulation's clock reads it). */
  time = 0;
  #nextId = 0;
  // heap
  #size = 0;
  /** Length of the heap's typed arrays, kept as a plain number (cheaper than `.length`). */
  #capacity = INITIAL_SIZE;
  #times = new Float64Array(INITIAL_SIZE);
  #prios = new Float64Array(INITIAL_SIZE);
  #ids = new Float64Array(INITIAL_SIZE);
  /** Heap position -> slot of the entry in `#entries`. */
  #slots = new Int32Array(INITIAL_SIZE);
  /** Slot -> entry; slots [0, size + freeCount) are in use or on the free stack. */
  #entries: (CalendarEntry | undefined)[] = [];
  /** Stack of free slots. */
  #free = new Int32Array(INITIAL_SIZE);
  #freeCount = 0;
  // now-lane: lane[head..tail), all due at the same time, in key order
  #laneHead = 0;
  #laneTail = 0;
  #laneCapacity = INITIAL_SIZE;
  #laneTimes = new Float64Array(INITIAL_SIZE);
  #lanePrios = new Float64Array(INITIAL_SIZE);
  #laneIds = new Float64Array(INITIAL_SIZE);
  #laneItems: (CalendarEntry | undefined)[] = [];

  /** Number of entries waiting. */
  get size(): number {
    return this.#size + this.#laneTail - this.#laneHead;
  }

  /** Time of the next entry due, or Infinity when empty. */
  peekTime(): number {
    const heapTime = this.#size > 0 ? this.#times[0] : Infinity;
    if (this.#laneHead === this.#laneTail) return heapTime;
    const laneTime = this.#laneTimes[this.#laneHead];
    return laneTime < heapTime ? laneTime : heapTime;
  }

  /**
   * Adds an entry due at `time`.
   *
   * @returns The entry's insertion id.
   */
  push(entry: CalendarEntry, time: number, priority: number): number {
    const id = this.#nextId++;
    const lt = this.#laneTail;
    if (
      time === this.time &&
      (lt === this.#laneHead || this.#laneTimes[lt - 1] < time ||
        (this.#laneTimes[lt - 1] === time && this.#lanePrios[lt - 1] <= priority))
    ) {
      this.#laneAppend(entry, time, priority, id);
    } else {
      this.#heapPush(entry, time, priority, id);
    }
    return id;
  }

  /**
   * Removes and returns the next entry if it is due before `stopTime` (setting `time` to its
   * time); otherwise leaves the calendar as it is and returns undefined.
   */
  popBefore(stopTime: number): CalendarEntry | undefined {
    const head = this.#laneHead;
    if (head !== this.#laneTail) {
      const lt = this.#laneTimes[head];
      if (this.#size === 0 || this.#laneFirst(head)) {
        if (!(lt < stopTime)) return undefined;
        const entry = this.#laneItems[head]!;
        this.#laneItems[head] = undefined;
        if (head + 1 === this.#laneTail) this.#laneHead = this.#laneTail = 0;
        else this.#laneHead = head + 1;
        this.time = lt;
        return entry;
      }
    }
    if (this.#size === 0 || !(this.#times[0] < stopTime)) return undefined;
    this.time = this.#times[0];
    return this.#heapPop();
  }

  /** True when the lane's head comes before the heap's top. */
  #laneFirst(head: number): boolean {
    const lt = this.#laneTimes[head];
    const ht = this.#times[0];
    if (lt !== ht) return lt < ht;
    const lp = this.#lanePrios[head];
    const hp = this.#prios[0];
    if (lp !== hp) return lp < hp;
    return this.#laneIds[head] < this.#ids[0];
  }

  #laneAppend(entry: CalendarEntry, time: number, priority: number, id: number): void {
    let i = this.#laneTail;
    if (i === this.#laneCapacity) {
      this.#laneCapacity *= 2;
      this.#laneTimes = grow(this.#laneTimes);
      this.#lanePrios = grow(this.#lanePrios);
      this.#laneIds = grow(this.#laneIds);
    }
    this.#laneTimes[i] = time;
    this.#lanePrios[i] = priority;
    this.#laneIds[i] = id;
    this.#laneItems[i] = entry;
    this.#laneTail = ++i;
  }

  #heapPush(entry: CalendarEntry, time: number, priority: number, id: number): void {
    if (this.#size === this.#capacity) {
      this.#capacity *= 2;
      this.#times = grow(this.#times);
      this.#prios = grow(this.#prios);
      this.#ids = grow(this.#ids);
      this.#slots = growInt(this.#slots);
      this.#free = growInt(this.#free);
    }
    // with no free slot, slots [0, size) are all taken, so `size` is the next new one
    const slot = this.#freeCount > 0 ? this.#free[--this.#freeCount] : this.#size;
    this.#entries[slot] = entry;
    const times = this.#times;
    const prios = this.#prios;
    const ids = this.#ids;
    const slots = this.#slots;
    let i = this.#size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = times[parent];
      if (pt < time || (pt === time && (prios[parent] < priority || prios[parent] === priority))) {
        break;
      }
      times[i] = pt;
      prios[i] = prios[parent];
      ids[i] = ids[parent];
      slots[i] = slots[parent];
      i = parent;
    }
    times[i] = time;
    prios[i] = priority;
    ids[i] = id;
    slots[i] = slot;
  }

  #heapPop(): CalendarEntry {
    const times = this.#times;
    const prios = this.#prios;
    const ids = this.#ids;
    const slots = this.#slots;
    const topSlot = slots[0];
    const top = this.#entries[topSlot]!;
    this.#entries[topSlot] = undefined;
    this.#free[this.#freeCount++] = topSlot;
    const size = --this.#size;
    const t = times[size];
    const p = prios[size];
    const id = ids[size];
    const slot = slots[size];
    if (size > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        const r = c + 1;
        if (
          r < size &&
          (times[r] < times[c] ||
            (times[r] === times[c] &&
              (prios[r] < prios[c] || (prios[r] === prios[c] && ids[r] < ids[c]))))
        ) c = r;
        const ct = times[c];
        if (t < ct || (t === ct && (p < prios[c] || (p === prios[c] && id < ids[c])))) break;
        times[i] = ct;
        prios[i] = prios[c];
        ids[i] = ids[c];
        slots[i] = slots[c];
        i = c;
      }
      times[i] = t;
      prios[i] = p;
      ids[i] = id;
      slots[i] = slot;
    }
    return top;
  }
}

function grow(array: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function growInt(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}
