#!/bin/sh
# Steady-state machine instructions per customer of the engine benchmark's variants, counted by
# valgrind (Debian package `valgrind`): runs each variant 4 and 7 times (200,000 customers a run,
# V8 single-threaded) and divides the difference by 600,000 customers, so start-up and JIT
# warm-up cancel. Wall time on this shared 2-core machine drifts by up to 1.5x between minutes;
# instruction counts do not, so they can tell engine changes of a few per cent apart. (c) repeats
# to 0.1 %; (a) settles in one of two JIT states from run to run (e.g. 5,370 or 5,700), so run it
# a few times and compare like with like.
#
# Usage: sh bench/instructions.sh [a] [b] [c]   (default: all three)
set -eu
cd "$(dirname "$0")/.."
DENO="${DENO:-$(npx -y deno@2.9.6 eval 'console.log(Deno.execPath())' 2>/dev/null)}"
count() {
  valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
    "$DENO" run -A --v8-flags=--single-threaded bench/engine/run_variant.ts "$1" "$2" 2>&1 |
    sed -n 's/.*I *refs: *//p' | tr -d ','
}
[ $# -gt 0 ] || set -- a b c
for variant in "$@"; do
  four=$(count "$variant" 4)
  seven=$(count "$variant" 7)
  echo "($variant) $(((seven - four) / 600000)) instructions per customer"
done
