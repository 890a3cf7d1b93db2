import { runMmcProcess } from "./_tmp/mmc_process.ts";
import { runMmcCallback } from "./_tmp/mmc_callback.ts";
import { runMmcHeap } from "./_tmp/mmc_heap.ts";
const p = { servers: 10, rho: 0.9, meanServiceDays: 1, customers: 1_000_000, seed: 1 };
for (let r = 0; r < 3; r++) {
  for (const [n, f] of [["a", runMmcProcess], ["b", runMmcCallback], ["c", runMmcHeap]] as const) {
    const t0 = performance.now();
    const res = f(p);
    const t = performance.now() - t0;
    console.log(n, t.toFixed(0), JSON.stringify(res));
  }
}
