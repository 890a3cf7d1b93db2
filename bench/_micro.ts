import { Resource, Simulation } from "./_tmpmod.ts";
const sim = new Simulation();
const res = new Resource(sim, { name: "r", capacity: 1 });
const med = (x: number[]) => x.sort((a, b) => a - b)[x.length >> 1];
const T: Record<string, number[]> = { req: [], sched: [], q: [] };
for (let k = 0; k < 7; k++) {
  let t0 = performance.now();
  for (let i = 0; i < 1e6; i++) {
    const r = res.request();
    res.release(r);
  }
  T.req.push(performance.now() - t0);
  t0 = performance.now();
  for (let i = 0; i < 1e6; i++) sim.schedule(1, () => {});
  sim.run();
  T.sched.push(performance.now() - t0);
  t0 = performance.now();
  // queued path: hold 1, queue one, release -> grant via calendar
  for (let i = 0; i < 1e5; i++) {
    const a = res.request();
    const b = res.request();
    b.addCallback(() => {});
    res.release(a);
    sim.run();
    res.release(b);
  }
  T.q.push((performance.now() - t0) * 10);
}
for (const k in T) console.log(k, med(T[k]).toFixed(0), "ns/op");
