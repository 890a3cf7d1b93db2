import { runMmcCallback } from "./_tmp/mmc_callback.ts";
import { runMmcHeap } from "./_tmp/mmc_heap.ts";
const p = { servers: 10, rho: 0.9, meanServiceDays: 1, customers: 1_000_000, seed: 1 };
const t: Record<string, number[]> = { b: [], c: [] };
let w = 0;
for (let r = 0; r < 7; r++) {
  for (const [n, f] of [["b", runMmcCallback], ["c", runMmcHeap]] as const) {
    const t0 = performance.now();
    w = f(p).meanWaitDays;
    t[n].push(performance.now() - t0);
  }
}
const med = (x: number[]) => x.sort((a, b) => a - b)[x.length >> 1];
console.log(
  `b ${med(t.b).toFixed(0)} c ${med(t.c).toFixed(0)} b/c ${
    (med(t.c) / med(t.b)).toFixed(2)
  } w ${w}`,
);
