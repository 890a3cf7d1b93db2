import { runMmcCallback } from "./_tmp/mmc_callback.ts";
import { runMmcProcess } from "./_tmp/mmc_process.ts";
import { runMmcHeap } from "./_tmp/mmc_heap.ts";
const p = { servers: 10, rho: 0.9, meanServiceDays: 1, customers: 1_000_000, seed: 1 };
const t: Record<string, number[]> = { a: [], b: [], c: [] };
for (let r = 0; r < 5; r++) {
  for (const [n, f] of [["a", runMmcProcess], ["b", runMmcCallback], ["c", runMmcHeap]] as const) {
    const t0 = performance.now();
    f(p);
    t[n].push(performance.now() - t0);
  }
}
const med = (x: number[]) => x.sort((a, b) => a - b)[x.length >> 1];
console.log(
  `a ${med(t.a).toFixed(0)} b ${med(t.b).toFixed(0)} c ${med(t.c).toFixed(0)} a/c ${
    (med(t.c) / med(t.a)).toFixed(2)
  } b/c ${(med(t.c) / med(t.b)).toFixed(2)}`,
);
