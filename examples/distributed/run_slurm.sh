#!/bin/sh
# Runs a caresim job as a Slurm job array of SHARDS tasks, then merges the shards:
#   SHARDS=4 REPLICATIONS=100 sh examples/distributed/run_slurm.sh
# Run it from the repository root (the jobs inherit the working directory and environment,
# including SCENARIO, REPLICATIONS, SEED and RESULTS). Prints the two job ids.
set -eu
cd "$(dirname "$0")/../.."
SHARDS="${SHARDS:-4}"
export SCENARIO="${SCENARIO:-scenarios/default.json}" REPLICATIONS="${REPLICATIONS:-100}" \
  SEED="${SEED:-1}" RESULTS="${RESULTS:-out/slurm}"
mkdir -p "$RESULTS/logs"
shards=$(sbatch --parsable --array="0-$((SHARDS - 1))" --output="$RESULTS/logs/shard-%a.log" \
  examples/distributed/slurm_array.sh)
merge=$(sbatch --parsable --dependency="afterok:$shards" --output="$RESULTS/logs/merge.log" \
  examples/distributed/slurm_merge.sh)
echo "shards: job $shards, merge: job $merge (results in $RESULTS/merged)"
