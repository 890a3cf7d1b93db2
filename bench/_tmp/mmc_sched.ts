import { Simulation } from "../_tmpmod.ts";
import { meanInterarrivalDays, type MmcParams, type MmcResult } from "./mmc_model.ts";
export function runMmcSched(params: MmcParams): MmcResult {
  const sim = new Simulation({ seed: params.seed });
  const arrivals = sim.stream("arrivals");
  const service = sim.stream("service");
  const meanGap = meanInterarrivalDays(params);
  const { meanServiceDays, customers, servers } = params;
  const waitArrival: number[] = [];
  const waitService: number[] = [];
  let head = 0, busy = 0, arrived = 0, served = 0, waitSum = 0;
  const depart = () => {
    served++;
    if (head < waitArrival.length) {
      waitSum += sim.now - waitArrival[head];
      sim.schedule(waitService[head], depart);
      head++;
    } else busy--;
  };
  const arrive = () => {
    const s = service.exponential(meanServiceDays);
    if (busy < servers) {
      busy++;
      sim.schedule(s, depart);
    } else {
      waitArrival.push(sim.now);
      waitService.push(s);
    }
    if (++arrived < customers) sim.schedule(arrivals.exponential(meanGap), arrive);
  };
  sim.schedule(0, arrive);
  sim.run();
  return { served, meanWaitDays: waitSum / served, endDays: sim.now };
}
