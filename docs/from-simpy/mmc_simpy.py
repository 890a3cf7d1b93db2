"""M/M/3 in SimPy, as in docs/from-simpy.md. Run: python3 docs/from-simpy/mmc_simpy.py"""
import json
import random
import time

import simpy


def mmc(days=50_000):
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=3)
    rng = random.Random(1)
    waits = []

    def customer():
        arrived = env.now
        with servers.request() as req:
            yield req
            waits.append(env.now - arrived)
            yield env.timeout(rng.expovariate(1.0))  # by RATE

    def source():
        while True:
            yield env.timeout(rng.expovariate(2.4))
            env.process(customer())

    env.process(source())
    env.run(until=days)
    return sum(waits) / len(waits), len(waits)


if __name__ == "__main__":
    t0 = time.perf_counter()
    wait, served = mmc()
    print(json.dumps({"served": served, "meanWaitDays": wait, "seconds": time.perf_counter() - t0}))
