#!/usr/bin/env bash
# Strong scaling and memory of `mpirun -np R baobab prove` (issue 6). For each
# R in the list (any order), one JSON line as soon as that run ends: R, the
# proof's wall time (the command's own `seconds`, rank 0), each rank's peak
# resident memory and bytes sent (from `--json`), the phase times, and every
# rank's account of each phase (`phases_per_rank`: CPU, system time, page
# faults, seconds in collectives; bench/phase_breakdown.py summarises it); every
# proof must have the same bytes. Then, when R = 1 was in the list, one line
# per R with the parallel efficiency T1 / (R * TR).
#   bench/prove_ranks.sh <baobab> <guest.elf> <public input> "<R list>" [threads per rank]
# MPI settings: bench/one_node_mpi_env.sh (vader without single-copy unless
# OMPI_MCA_btl_vader_single_copy_mechanism is set).
# Example (cycle_loop, 2^22 - 3,292 cycles, the most a 2^22-row cpu table holds
# at this program's 10 cycles a round):
#   printf 417000 >n.txt
#   bench/prove_ranks.sh build/src/cli/baobab build/guests/cycle_loop.elf n.txt "16 1 8 4 2"
set -euo pipefail
baobab=$1
elf=$2
public=$3
ranks_list=$4
threads=${5:-1}
source "$(dirname "$0")/one_node_mpi_env.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
field() { sed -E "s/.*\"$1\":(\[[^]]*\]|[0-9.]+).*/\1/" <<<"$2"; }
declare -A seconds_of
for ranks in $ranks_list; do
  mpirun -np "$ranks" --bind-to none -x OMP_NUM_THREADS="$threads" \
    "$baobab" prove "$elf" --input "$public" -o "$tmp/proof.$ranks" --json >"$tmp/out.json" \
    2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  if [ -f "$tmp/proof.first" ]; then
    cmp -s "$tmp/proof.first" "$tmp/proof.$ranks" || { echo "proof bytes differ at R=$ranks" >&2; exit 1; }
  else
    cp "$tmp/proof.$ranks" "$tmp/proof.first"
  fi
  json=$(cat "$tmp/out.json")
  seconds_of[$ranks]=$(field seconds "$json")
  phases=$(sed -E 's/.*"phases":(\[[^]]*\]).*/\1/' <<<"$json")
  per_rank=$(sed -E 's/.*"phases_per_rank":(\[\[.*\]\]),"seconds".*/\1/' <<<"$json")
  echo "{\"ranks\":$ranks,\"threads\":$threads,\"cycles\":$(field cycles "$json"),\"seconds\":${seconds_of[$ranks]},\"peak_rss_bytes_per_rank\":$(field peak_rss_bytes_per_rank "$json"),\"bytes_sent_per_rank\":$(field bytes_sent_per_rank "$json"),\"phases\":$phases,\"phases_per_rank\":$per_rank}"
done
if [ -n "${seconds_of[1]:-}" ]; then
  for ranks in $ranks_list; do
    awk -v b="${seconds_of[1]}" -v s="${seconds_of[$ranks]}" -v r="$ranks" \
      'BEGIN { printf "{\"ranks\":%d,\"seconds\":%s,\"speedup\":%.2f,\"efficiency\":%.3f}\n", r, s, b / s, b / (s * r) }'
  done
fi
