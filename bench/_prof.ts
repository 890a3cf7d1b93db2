import { runMmcCallback } from "./_tmp/mmc_callback.ts";
import { runMmcProcess } from "./_tmp/mmc_process.ts";
import { runMmcHeap } from "./_tmp/mmc_heap.ts";
const p = { servers: 10, rho: 0.9, meanServiceDays: 1, customers: 1_000_000, seed: 1 };
const which = (globalThis as any).process?.argv?.[2] ?? "b";
const f = which === "a" ? runMmcProcess : which === "b" ? runMmcCallback : runMmcHeap;
const ts: number[] = [];
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  f(p);
  ts.push(performance.now() - t0);
}
console.log(which, ts.map((x) => x.toFixed(0)).join(" "));
