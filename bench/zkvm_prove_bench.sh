#!/usr/bin/env bash
# The grid of issue 5 item 5: cycle_loop proofs at 2^16..2^MAX cycles, 1 and 2
# threads, both profiles, one process each (peak RSS per proof).
#   bench/zkvm_prove_bench.sh [BUILD_DIR] [MAX_LOG]   (defaults: build, 20)
set -euo pipefail
build=${1:-build}
max_log=${2:-20}
elf=$build/guests/cycle_loop.elf
for log in $(seq 16 2 "$max_log"); do
  # cycle_loop runs ~10 instructions per round plus a fixed start-up and printf.
  rounds=$(( (1 << log) / 10 - 600 ))
  for profile in conjectured-100 proven-100; do
    for threads in 1 2; do
      OMP_NUM_THREADS=$threads "$build/bench/zkvm_prove_bench" "$elf" \
        --input-text "$rounds" --profile "$profile" --no-check |
        sed "s/^{/{\"threads\":$threads,\"target_log_cycles\":$log,/"
    done
  done
done
