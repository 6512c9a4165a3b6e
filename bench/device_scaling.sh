#!/usr/bin/env bash
# Issue 6's strong-scaling run on a host with at least 16 cores (the lent
# device machine): machine facts, whether Open MPI's single-copy `cma`
# works here (else plain shared memory), bench/host_ceiling for R = 1 .. 16
# (what the host allows), then bench/prove_ranks.sh on cycle_loop at a
# 2^22-row cpu table, one rank per core, one line per R as each ends, in
# the order given (R = 16 first and R = 2 last by default, so that a run cut
# short still has R = 1 and R = 16). The prover picks its columns per
# exchange from the cache sizes in /sys (src/dist/exchange_columns.h;
# machine.txt lists them); EXCHANGE_COLUMNS="8 2 1" repeats R = 16 with each
# forced (BAOBAB_EXCHANGE_COLUMNS); SHARED_EXCHANGE="0" repeats it with the
# exchanges copied through MPI instead of read from shared windows
# (BAOBAB_SHARED_EXCHANGE, docs/distributed.md); HUGE_PAGES="0" repeats
# it with the large buffers on 4 KiB pages (BAOBAB_HUGE_PAGES=0,
# docs/stark.md; by default they ask for transparent huge pages; /sys's
# THP settings go to machine.txt). Every line carries each rank's account
# of each phase; breakdown.txt (bench/phase_breakdown.py, where python3
# exists) says per phase how much of each R's time is work, waiting and
# page faults.
# Results go to <out dir>.
#   bench/device_scaling.sh <build dir> <out dir> ["R list"] [rounds]
# <build dir> holds src/cli/baobab, bench/host_ceiling and guests/cycle_loop.elf.
set -uo pipefail
build=$1
out=$2
list=${3:-"16 1 8 4 2"}
rounds=${4:-417000}
baobab=$build/src/cli/baobab
elf=$build/guests/cycle_loop.elf
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$out"
{
  date -u
  nproc
  lscpu | grep -E "Model name|Socket|Thread|Core|MHz|L3" || true
  for cache in /sys/devices/system/cpu/cpu0/cache/index*; do
    echo "cache: level $(cat "$cache/level") $(cat "$cache/type") $(cat "$cache/size")" \
      "shared by CPUs $(cat "$cache/shared_cpu_list")"
  done
  free -g
  for f in enabled defrag; do
    echo "transparent huge pages $f: $(cat /sys/kernel/mm/transparent_hugepage/$f)"
  done
  mpirun --version | head -1
} >"$out/machine.txt" 2>&1
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 2000 >"$tmp/small.txt"
single_copy=cma
OMPI_MCA_btl_vader_single_copy_mechanism=cma timeout 120 mpirun -np 2 --bind-to none \
  -x OMP_NUM_THREADS=1 "$baobab" prove "$elf" --input "$tmp/small.txt" -o "$tmp/small.bin" \
  >/dev/null 2>&1 || single_copy=none
echo "single copy: $single_copy" | tee -a "$out/machine.txt"
export OMPI_MCA_btl_vader_single_copy_mechanism=$single_copy
for ranks in 1 2 4 8 16; do
  mpirun -np "$ranks" --bind-to none "$build/bench/host_ceiling" --seconds 1.5
done | tee "$out/ceiling.jsonl"
printf %s "$rounds" >"$out/rounds.txt"
for columns in ${EXCHANGE_COLUMNS:-}; do
  echo "{\"exchange_columns\":$columns}"
  BAOBAB_EXCHANGE_COLUMNS=$columns "$here/prove_ranks.sh" "$baobab" "$elf" "$out/rounds.txt" 16
done | tee "$out/exchange_columns.jsonl"
for shared in ${SHARED_EXCHANGE:-}; do
  echo "{\"shared_exchange\":$shared}"
  BAOBAB_SHARED_EXCHANGE=$shared "$here/prove_ranks.sh" "$baobab" "$elf" "$out/rounds.txt" 16
done | tee "$out/shared_exchange.jsonl"
for huge in ${HUGE_PAGES:-}; do
  echo "{\"huge_pages\":$huge}"
  BAOBAB_HUGE_PAGES=$huge "$here/prove_ranks.sh" "$baobab" "$elf" "$out/rounds.txt" 16
done | tee "$out/huge_pages.jsonl"
"$here/prove_ranks.sh" "$baobab" "$elf" "$out/rounds.txt" "$list" | tee "$out/scaling.jsonl"
if command -v python3 >/dev/null; then
  python3 "$here/phase_breakdown.py" "$out/scaling.jsonl" | tee "$out/breakdown.txt"
fi
