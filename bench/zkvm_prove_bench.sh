#!/usr/bin/env bash
# The grid of issue 5 item 5: cycle_loop proofs at 2^16..2^MAX cycles, 1 and 2
# threads, both profiles, one process each (peak RSS per proof).
#   bench/zkvm_prove_bench.sh [BUILD_DIR] [MAX_LOG]   (defaults: build, 20)
set -euo pipefail
build=${1:-build}
max_log=${2:-20}
elf=$build/guests/cycle_loop.elf
for log in $(seq 16 "$max_log"); do
  # cycle_loop costs ~19.5k cycles of start-up and printf plus ~10.3 per
  # round: aim just below 2^log cycles so the cpu table has 2^log rows.
  rounds=$(( ((1 << log) - 22000) * 10 / 103 ))
  for profile in conjectured-100 proven-100; do
    for threads in 1 2; do
      OMP_NUM_THREADS=$threads "$build/bench/zkvm_prove_bench" "$elf" \
        --input-text "$rounds" --profile "$profile" --no-check |
        sed "s/^{/{\"threads\":$threads,\"target_log_cycles\":$log,/"
    done
  done
done
