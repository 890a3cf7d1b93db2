#!/bin/sh
# One shard of a caresim job per Slurm array task. Submit it with run_slurm.sh (which then
# submits the merge), or by hand:
#   sbatch --array=0-3 examples/distributed/slurm_array.sh
# Every task runs the same command; `--shard auto` reads SLURM_ARRAY_TASK_ID, _MIN and _COUNT,
# so shard k of N is array task MIN + k - 1 and the array must be a range with step 1.
#SBATCH --job-name=caresim-shards
#SBATCH --cpus-per-task=2
set -eu
SCENARIO="${SCENARIO:-scenarios/default.json}"
REPLICATIONS="${REPLICATIONS:-100}"
SEED="${SEED:-1}"
RESULTS="${RESULTS:-out/slurm}"
# --resume: a task that was preempted or requeued continues where it stopped.
deno task sim "$SCENARIO" --replications "$REPLICATIONS" --seed "$SEED" \
  --workers "${SLURM_CPUS_PER_TASK:-1}" --shard auto --resume --quiet \
  --out "$RESULTS/shard-$SLURM_ARRAY_TASK_ID"
