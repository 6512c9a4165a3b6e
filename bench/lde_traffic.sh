#!/usr/bin/env bash
# Memory traffic of the LDE per rank, simulated (issue 6): runs dist_lde_bench
# under valgrind's callgrind with a cache model (--cache-sim, --simulate-wb)
# and counts, inside the LDE call only (--toggle-collect), the lines the last
# level cache fetches (read and write misses, so read-for-ownership included)
# and writes back (dirty evictions). No hardware counters needed, so it runs
# where the 16-core host is not available, and the counts are deterministic.
#
# One JSON line per configuration, rank 0's counts: traffic bytes per LDE call
# and "passes", the traffic over the rank's LDE output block (N/R rows x cols x
# 8 bytes). The least any LDE can move is 2.5 passes at blowup 2: read the
# trace block (0.5), fetch and write back the output (1 + 1).
#
#   bench/lde_traffic.sh <build dir> [log n] [last-level cache bytes] [R] [batches]
#
# Defaults model one rank of 16 on the 16-core host (300 MiB L3, so 18.75 MiB
# each) at 2^22 rows, scaled down 16 times: 2^15 rows on R = 2 is 256 KiB of
# output block per column (4 MiB there), with a 1 MiB last-level cache.
# R = 1 runs the single-process ntt::lde instead; the same scale for one
# process alone on that host is log n = 18 and 16 MiB (a 64 MiB column
# against 300 MiB of L3 there).
# Each rank simulates a private cache: a line a peer wrote is a miss even
# where a shared L3 would still hold it, so shared-window reads are counted
# at their worst. Exchanges copied by the transport are counted where the
# copies run in user space (vader without single copy, as here); a kernel
# copy (cma) would be invisible. Lines "one rank, distributed path" bound it
# from below: the same block per rank on one rank, every exchange read back
# from its own cache. Slow: valgrind runs about 50 times slower.
set -euo pipefail
build=$1
log_n=${2:-15}
llc=${3:-1048576}
ranks=${4:-2}
batches=${5:-"8 4 2 1"}
cols=8
bench=$build/bench/dist_lde_bench
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# simulate <label> <R> <function pattern> <dist_lde_bench args...>
simulate() {
  local label=$1 np=$2 pattern=$3 log_n=${log_n_override:-$log_n}
  shift 3
  rm -f "$tmp"/cg.*
  mpirun -np "$np" --bind-to none -x OMP_NUM_THREADS=1 -x BAOBAB_SHARED_EXCHANGE \
    valgrind -q --tool=callgrind --cache-sim=yes --simulate-wb=yes --D1=49152,12,64 \
    --LL="$llc",16,64 "--toggle-collect=$pattern" \
    --callgrind-out-file="$tmp/cg.%q{OMPI_COMM_WORLD_RANK}" \
    "$bench" --log-n "$log_n" --cols "$cols" --blowup 2 --repeat 1 "$@" >"$tmp/out" 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  # events: Ir Dr Dw I1mr D1mr D1mw ILmr DLmr DLmw ILdmr DLdmr DLdmw; two LDE
  # calls were counted (--repeat 1 runs one more to touch the buffers).
  awk -v label="$label" -v np="$np" -v cols="$cols" -v log_n="$log_n" -v llc="$llc" \
    '/^summary:/ {
       lines = $8 + $9 + $10 + $11 + $12 + $13
       bytes = 64 * lines / 2
       block = 2 * 2 ^ log_n / np * cols * 8
       printf "{\"variant\":\"%s\",\"ranks\":%d,\"log_n\":%d,\"cols\":%d,\"llc_bytes\":%d,\"traffic_bytes_per_lde\":%.0f,\"passes\":%.2f}\n",
         label, np, log_n, cols, llc, bytes, bytes / block
     }' "$tmp/cg.0"
}

if [ "$ranks" = 1 ]; then  # one process: the single-process ntt::lde, as the prover runs it
  simulate "one process (ntt::lde)" 1 'baobab::ntt::lde*' --order natural
  exit 0
fi
for batch in $batches; do
  BAOBAB_SHARED_EXCHANGE=1 simulate "shared windows, fused, $batch columns per exchange" "$ranks" \
    'baobab::dist::distributed_lde_natural*' --order natural --batch "$batch"
done
for batch in $batches; do
  BAOBAB_SHARED_EXCHANGE=0 simulate "copies through MPI, fused, $batch columns per exchange" "$ranks" \
    'baobab::dist::distributed_lde_natural*' --order natural --batch "$batch"
done
# The same per-rank block on one rank through the distributed path: every
# exchange is read back from the rank's own cache, as a shared L3 at its best
# would serve the peers' windows.
for batch in $batches; do
  log_n_override=$((log_n - $(awk -v r="$ranks" 'BEGIN { print int(log(r) / log(2) + 0.5) }'))) \
    simulate "one rank, distributed path, $batch columns per exchange" 1 \
    'baobab::dist::distributed_lde_natural*' --order natural-distributed --batch "$batch"
done
BAOBAB_SHARED_EXCHANGE=0 simulate "copies through MPI, coefficients stored, 8 columns per exchange" \
  "$ranks" 'baobab::dist::distributed_lde(*' --order natural-stored --batch 8
