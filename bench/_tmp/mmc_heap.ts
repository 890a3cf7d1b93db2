/**
 * Variant (c): the M/M/c model as a minimal hand-written event loop — a binary min-heap of
 * event objects ordered by (time, sequence number), a FIFO array of waiting customers and a
 * busy-server count — as a competent engineer would write it for this one model. It draws
 * from the same random streams as the engine variants, so the comparison measures the engine's
 * overhead, not the generator's.
 *
 * @module
 */
import { createStream } from "../_tmpmod.ts";
import { meanInterarrivalDays, type MmcParams, type MmcResult, TICK_EVERY } from "./mmc_model.ts";

const ARRIVAL = 0;
const DEPARTURE = 1;

interface Ev {
  t: number;
  seq: number;
  kind: number;
}

/**
 * Runs the M/M/c model on a hand-written binary-heap event loop.
 *
 * @param params The model parameters.
 * @returns Customers served, mean wait and end time.
 */
export function runMmcHeap(params: MmcParams): MmcResult {
  const arrivals = createStream(params.seed, 0, "arrivals");
  const service = createStream(params.seed, 0, "service");
  const meanGap = meanInterarrivalDays(params);
  const { meanServiceDays, customers, onTick, servers } = params;

  const heap: Ev[] = [];
  let seq = 0;
  const push = (t: number, kind: number) => {
    const ev: Ev = { t, seq: seq++, kind };
    let i = heap.length;
    heap.push(ev);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      if (p.t < t || (p.t === t && p.seq < ev.seq)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = ev;
  };
  const pop = (): Ev => {
    const top = heap[0];
    const last = heap.pop()!;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        let c = l;
        if (
          r < n && (heap[r].t < heap[l].t || (heap[r].t === heap[l].t && heap[r].seq < heap[l].seq))
        ) {
          c = r;
        }
        const h = heap[c];
        if (last.t < h.t || (last.t === h.t && last.seq < h.seq)) break;
        heap[i] = h;
        i = c;
      }
      heap[i] = last;
    }
    return top;
  };

  // waiting customers: arrival time and service time, FIFO with a moving head
  const waitArrival: number[] = [];
  const waitService: number[] = [];
  let head = 0;
  let busy = 0;
  let arrived = 0;
  let served = 0;
  let waitSum = 0;
  let now = 0;

  push(0, ARRIVAL);
  while (heap.length > 0) {
    const ev = pop();
    now = ev.t;
    if (ev.kind === ARRIVAL) {
      if (onTick !== undefined && arrived % TICK_EVERY === 0) onTick();
      const serviceDays = service.exponential(meanServiceDays);
      if (busy < servers) {
        busy++;
        push(now + serviceDays, DEPARTURE);
      } else {
        waitArrival.push(now);
        waitService.push(serviceDays);
      }
      if (++arrived < customers) push(now + arrivals.exponential(meanGap), ARRIVAL);
    } else {
      served++;
      if (head < waitArrival.length) {
        waitSum += now - waitArrival[head];
        push(now + waitService[head], DEPARTURE);
        head++;
        if (head === waitArrival.length) {
          waitArrival.length = waitService.length = head = 0;
        }
      } else {
        busy--;
      }
    }
  }
  return { served, meanWaitDays: waitSum / served, endDays: now };
}
