#!/bin/sh
# Installs the benchmark's peer simulators: SIM.JS (npm simjs, pinned in package-lock.json)
# into bench/peers/node_modules, and SimPy 3 from Debian when apt-get is available.
set -e
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
if ! /usr/bin/python3 -c "import simpy" 2>/dev/null; then
  if command -v apt-get >/dev/null 2>&1; then
    apt-get install -y python3-simpy3 || echo "SimPy not installed; the benchmark will skip it"
  else
    echo "No apt-get: install SimPy 3 yourself (pip install simpy) to include it"
  fi
fi
