"""The benchmark's M/M/c model in SimPy 3 (Debian python3-simpy3), as SimPy's documentation
writes it: a source process and one process per customer using a Resource. Run by bench/run.ts.

usage: python3 simpy_mmc.py CUSTOMERS REPS  -> prints one JSON line with the run times.
       python3 simpy_mmc.py --stress ...     -> see stress() below.
"""
import json
import math
import random
import sys
import time

import simpy


def run(customers, servers=10, rho=0.9, mean_service=1.0, seed=1):
    env = simpy.Environment()
    res = simpy.Resource(env, capacity=servers)
    rng = random.Random(seed)
    rate = rho * servers / mean_service
    waits = [0.0, 0]

    def customer(service):
        arrived = env.now
        with res.request() as req:
            yield req
            waits[0] += env.now - arrived
            waits[1] += 1
            yield env.timeout(service)

    def source():
        for _ in range(customers):
            env.process(customer(rng.expovariate(1 / mean_service)))
            yield env.timeout(rng.expovariate(rate))

    env.process(source())
    env.run()
    return waits[1], waits[0] / waits[1]


SIGMA = math.sqrt(math.log(2))
MU = math.log(5) - SIGMA**2 / 2


def stress(days, checkpoints):
    """The hospital stress model (see bench/engine/stress_hospital.ts); prints µs per event
    in windows around the given care-home queue lengths."""
    env = simpy.Environment()
    homes = simpy.Resource(env, capacity=2000)
    rng = random.Random(1)
    count = [0]

    def patient():
        count[0] += 1
        yield env.timeout(rng.lognormvariate(MU, SIGMA))  # mean 5, sd 5 days
        count[0] += 1
        if rng.random() < 0.5:
            with homes.request() as place:
                yield place
                count[0] += 1
                yield env.timeout(rng.expovariate(1 / 20))
            count[0] += 1

    def admissions():
        while True:
            yield env.timeout(rng.expovariate(400))
            env.process(patient())

    env.process(admissions())
    out = []
    for q in checkpoints:
        while len(homes.queue) < q and env.now < days:
            env.run(until=env.now + 1)
        queue, c0, t0 = len(homes.queue), count[0], time.perf_counter()
        env.run(until=env.now + 50)
        out.append({"queue": queue, "usPerEvent": 1e6 * (time.perf_counter() - t0) / (count[0] - c0)})
    return out


if __name__ == "__main__":
    if sys.argv[1] == "--stress":
        print(json.dumps(stress(float(sys.argv[2]), [int(x) for x in sys.argv[3:]])))
    else:
        n, reps = int(sys.argv[1]), int(sys.argv[2])
        times = []
        for _ in range(reps):
            t0 = time.perf_counter()
            served, wait = run(n)
            times.append(time.perf_counter() - t0)
        print(json.dumps({"seconds": times, "served": served, "meanWaitDays": wait}))
