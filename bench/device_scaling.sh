#!/usr/bin/env bash
# Issue 6's strong-scaling run on a host with at least 16 cores (the lent
# device machine): machine facts, then bench/prove_ranks.sh on cycle_loop at
# a 2^22-row cpu table, one rank per core, R = 16 first and R = 2 last so that
# a run cut short still has R = 1 and R = 16. Results go to <out dir>.
#   bench/device_scaling.sh <baobab> <guest dir> <out dir> ["R list"] [rounds]
set -euo pipefail
baobab=$1
guests=$2
out=$3
list=${4:-"16 1 8 4 2"}
rounds=${5:-417000}
mkdir -p "$out"
{
  date -u
  nproc
  lscpu | grep -E "Model name|Socket|Thread|Core|MHz|L3" || true
  free -g
  mpirun --version | head -1
  ldd "$baobab"
} >"$out/machine.txt" 2>&1 || true
printf %s "$rounds" >"$out/rounds.txt"
"$(dirname "$0")/prove_ranks.sh" "$baobab" "$guests/cycle_loop.elf" "$out/rounds.txt" "$list" |
  tee "$out/scaling.jsonl"
