// The benchmark's M/M/c model in SIM.JS (npm simjs), written the way its documentation
// models queues: one source entity that re-arms a timer per arrival and sends each customer
// to a FCFS Facility with `useFacility`. Loaded by bench/run.ts with the simjs module.

/**
 * @param {any} simjs the simjs module
 * @param {{servers:number, rho:number, meanServiceDays:number, customers:number, seed:number, onTick?: () => void}} p
 * @returns {{served:number, meanWaitDays:number, endDays:number}}
 */
export function runSimjs(simjs, p) {
  const { Sim, Entity, Facility, Random } = simjs;
  const sim = new Sim();
  const rng = new Random(p.seed);
  const servers = new Facility("servers", Facility.FCFS, p.servers);
  const arrivalRate = (p.rho * p.servers) / p.meanServiceDays;
  const serviceRate = 1 / p.meanServiceDays;
  let arrived = 0;
  let served = 0;
  const onDone = () => {
    served++;
  };
  class Source extends Entity {
    start() {
      this.arrive();
    }
    arrive() {
      if (p.onTick !== undefined && arrived % 16384 === 0) p.onTick();
      this.useFacility(servers, rng.exponential(serviceRate)).done(onDone);
      if (++arrived < p.customers) this.setTimer(rng.exponential(arrivalRate)).done(this.arrive);
    }
  }
  sim.addEntity(Source);
  sim.simulate(Infinity);
  return {
    served,
    meanWaitDays: servers.queueStats().durationSeries.average(),
    endDays: sim.time(),
  };
}

/**
 * The stress model of bench/engine/stress_hospital.ts in SIM.JS: ward stays as timers, care
 * homes as a FCFS Facility. Returns µs per model event in 50-day windows starting when the
 * care-home queue reaches each checkpoint. (SIM.JS's simulate(until) drops the first event
 * beyond `until`, so the run is not chunked: the windows are timed from inside the model.)
 *
 * @param {any} simjs the simjs module
 * @param {number[]} checkpoints
 * @param {() => number} clock milliseconds
 */
export function runSimjsStress(simjs, checkpoints, clock) {
  const { Sim, Entity, Facility, Random } = simjs;
  const sim = new Sim();
  const rng = new Random(1);
  const homes = new Facility("homes", Facility.FCFS, 2000);
  const sigma = Math.sqrt(Math.log(2)); // lognormal with mean 5, sd 5
  const mu = Math.log(5) - (sigma * sigma) / 2;
  const out = [];
  let events = 0;
  let next = 0;
  let window = null;
  class Admissions extends Entity {
    start() {
      this.admit();
    }
    admit() {
      const now = this.time();
      if (window !== null && now >= window.day + 50) {
        out.push({ queue: window.queue, usPerEvent: (1000 * (clock() - window.t0)) / (events - window.e0) });
        window = null;
        next++;
      }
      if (next === checkpoints.length) {
        sim.queue.data.length = 0; // all windows measured: stop the run
        return;
      }
      const queue = homes.queue.size();
      if (window === null && queue >= checkpoints[next]) {
        window = { queue, day: now, e0: events, t0: clock() };
      }
      events++;
      this.setTimer(Math.exp(mu + sigma * rng.normal(0, 1))).done(this.discharge);
      this.setTimer(rng.exponential(400)).done(this.admit);
    }
    discharge() {
      events++;
      if (rng.random() < 0.5) this.useFacility(homes, rng.exponential(1 / 20)).done(this.leave);
    }
    leave() {
      events += 2; // care-home entry and exit: SIM.JS reports only the end of a facility use
    }
  }
  sim.addEntity(Admissions);
  sim.simulate(Infinity);
  return out;
}
