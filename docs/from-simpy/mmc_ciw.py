"""M/M/3 in Ciw, as in docs/from-simpy.md. Run: python3 docs/from-simpy/mmc_ciw.py"""
import json
import time

import ciw

t0 = time.perf_counter()
network = ciw.create_network(
    arrival_distributions=[ciw.dists.Exponential(rate=2.4)],  # by RATE
    service_distributions=[ciw.dists.Exponential(rate=1.0)],
    number_of_servers=[3],
)
ciw.seed(1)
q = ciw.Simulation(network)
q.simulate_until_max_time(50_000)
records = q.get_all_records()
waits = [r.waiting_time for r in records]
print(json.dumps({"served": len(records), "meanWaitDays": sum(waits) / len(waits),
                  "seconds": time.perf_counter() - t0}))
