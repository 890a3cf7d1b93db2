#!/bin/sh
# Runs the shards as an Indexed Job, waits for all of them, then runs the merge Job:
#   sh examples/distributed/kubernetes/run_kubernetes.sh
set -eu
cd "$(dirname "$0")"
kubectl apply -f shards-job.yaml
kubectl wait --for=condition=complete --timeout=24h job/caresim-shards
kubectl apply -f merge-job.yaml
kubectl wait --for=condition=complete --timeout=1h job/caresim-merge
kubectl logs job/caresim-merge
