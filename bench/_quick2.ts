import { runMmcSched } from "./_tmp/mmc_sched.ts";
import { runMmcCallback } from "./_tmp/mmc_callback.ts";
import { runMmcHeap } from "./_tmp/mmc_heap.ts";
import { createStream } from "./_tmpmod.ts";
const p = { servers: 10, rho: 0.9, meanServiceDays: 1, customers: 1_000_000, seed: 1 };
for (let r = 0; r < 3; r++) {
  for (
    const [n, f] of [["sched", runMmcSched], ["b", runMmcCallback], ["c", runMmcHeap]] as const
  ) {
    const t0 = performance.now();
    const res = f(p);
    const t = performance.now() - t0;
    console.log(n, t.toFixed(0), res.meanWaitDays);
  }
  const s = createStream(1, 0, "x");
  let acc = 0;
  const t0 = performance.now();
  for (let i = 0; i < 2e6; i++) acc += s.exponential(1);
  console.log("rng 2e6", (performance.now() - t0).toFixed(0));
}
