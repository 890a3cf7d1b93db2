#!/bin/sh
# Merges the shards written by slurm_array.sh into one output directory. run_slurm.sh submits
# it with --dependency=afterok:<array job>, so it starts once every shard has succeeded; if a
# shard is missing the merge fails (exit 2) and names it.
#SBATCH --job-name=caresim-merge
set -eu
RESULTS="${RESULTS:-out/slurm}"
deno task merge "$RESULTS"/shard-* --out "$RESULTS/merged"
