#!/usr/bin/env bash
# Two builds of `baobab prove` against each other (before/after a change), on
# a machine too noisy for one run of each to mean much: for each R in the list,
# `repeats` rounds of one run of each binary, alternating, then a byte
# comparison of their proofs. One JSON line per run: which binary, R, wall
# seconds (rank 0), CPU seconds of all ranks together (user + system, from
# `--json`'s phases_per_rank: with more ranks than cores this is the measure
# of the work, since wall time then counts the waits for a core), page
# faults and peak resident memory per rank, bytes rank 0 sent, and rank 0's
# witness phase.
#   bench/compare_provers.sh <baobab A> <baobab B> <guest.elf> <public input> "<R list>" [repeats]
# Example (cycle_loop at 2^18 cpu rows; 16 ranks oversubscribed on 2 cores):
#   printf 24000 >n18.txt
#   bench/compare_provers.sh /tmp/baobab.old build/src/cli/baobab \
#     build/guests/cycle_loop.elf n18.txt "16" 2
set -euo pipefail
a=$1
b=$2
elf=$3
public=$4
ranks_list=$5
repeats=${6:-2}
source "$(dirname "$0")/one_node_mpi_env.sh"
# A rank waiting in MPI yields its core to the others (more ranks than cores).
export OMPI_MCA_mpi_yield_when_idle=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for ranks in $ranks_list; do
  for ((round = 1; round <= repeats; ++round)); do
    for which in A B; do
      binary=$a
      [ "$which" = B ] && binary=$b
      mpirun -np "$ranks" --bind-to none -x OMP_NUM_THREADS=1 \
        "$binary" prove "$elf" --input "$public" -o "$tmp/proof.$which" --json >"$tmp/out.json" \
        2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
      python3 - "$which" "$ranks" "$tmp/out.json" <<'PY'
import json, sys
which, ranks, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
run = json.load(open(path))
per_rank = run["phases_per_rank"]
cpu = sum(p["user_seconds"] + p["system_seconds"] for rank in per_rank for p in rank)
faults = sum(p["minor_faults"] for rank in per_rank for p in rank) / len(per_rank)
witness = next(p["seconds"] for p in per_rank[0] if p["name"] == "witness")
print(json.dumps({"binary": which, "ranks": ranks, "seconds": run["seconds"],
                  "cpu_seconds_all_ranks": round(cpu, 3), "faults_per_rank": int(faults),
                  "peak_rss_bytes_max": max(run["peak_rss_bytes_per_rank"]),
                  "bytes_sent_rank0": run["bytes_sent_per_rank"][0],
                  "witness_seconds_rank0": witness}))
PY
    done
    cmp -s "$tmp/proof.A" "$tmp/proof.B" || { echo "proof bytes differ at R=$ranks" >&2; exit 1; }
  done
done
