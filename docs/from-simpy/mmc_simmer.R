# M/M/3 in R simmer, as in docs/from-simpy.md. Run: Rscript docs/from-simpy/mmc_simmer.R
library(simmer)
set.seed(1)
t0 <- Sys.time()
customer <- trajectory("customer") |>
  seize("servers", 1) |>
  timeout(function() rexp(1, 1)) |>   # by RATE
  release("servers", 1)
env <- simmer("mmc") |>
  add_resource("servers", capacity = 3) |>
  add_generator("customer", customer, function() rexp(1, 2.4)) |>
  run(until = 50000)
arrivals <- get_mon_arrivals(env)
waits <- arrivals$end_time - arrivals$start_time - arrivals$activity_time
cat(sprintf('{"served": %d, "meanWaitDays": %f, "seconds": %f}\n', nrow(arrivals), mean(waits),
  as.numeric(Sys.time() - t0, units = "secs")))
