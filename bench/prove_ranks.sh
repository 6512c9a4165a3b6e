#!/usr/bin/env bash
# Strong scaling and memory of `mpirun -np R baobab prove` (issue 6): for each
# R, the wall time of the proof (the command's own `seconds`, rank 0), the
# peak resident memory of every rank (/usr/bin/time), the bytes each rank sent
# (`bytes_sent_per_rank`) and the parallel efficiency against R = 1; checks
# that every proof has the same bytes. One JSON line per R on stdout.
#   bench/prove_ranks.sh <baobab> <guest.elf> <public input> "<R list>" [threads per rank]
# Example (cycle_loop, 2^22 cycles: n = 420000):
#   printf 420000 >n.txt
#   bench/prove_ranks.sh build/src/cli/baobab build/guests/cycle_loop.elf n.txt "1 2 4 8 16"
set -euo pipefail
baobab=$1
elf=$2
public=$3
ranks_list=$4
threads=${5:-1}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_btl=self,vader \
  OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
base_seconds=
for ranks in $ranks_list; do
  mpirun -np "$ranks" --bind-to none -x OMP_NUM_THREADS="$threads" \
    sh -c '/usr/bin/time -f %M -o "$0.$OMPI_COMM_WORLD_RANK" "$@"' "$tmp/rss" \
    "$baobab" prove "$elf" --input "$public" -o "$tmp/proof.$ranks" --json >"$tmp/out.json" \
    2>"$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
  if [ -f "$tmp/proof.first" ]; then
    cmp -s "$tmp/proof.first" "$tmp/proof.$ranks" || { echo "proof bytes differ at R=$ranks" >&2; exit 1; }
  else
    cp "$tmp/proof.$ranks" "$tmp/proof.first"
  fi
  json=$(cat "$tmp/out.json")
  seconds=$(sed -E 's/.*"seconds":([0-9.]+),"cycles_per_second".*/\1/' <<<"$json")
  cycles=$(sed -E 's/.*"cycles":([0-9]+).*/\1/' <<<"$json")
  sent=$(sed -E 's/.*"bytes_sent_per_rank":\[([0-9,]*)\].*/\1/' <<<"$json")
  rss=$(for r in $(seq 0 $((ranks - 1))); do cat "$tmp/rss.$r"; done | paste -sd,)
  [ -z "$base_seconds" ] && base_seconds=$seconds && base_ranks=$ranks
  efficiency=$(awk -v b="$base_seconds" -v s="$seconds" -v r="$ranks" -v r0="$base_ranks" \
    'BEGIN { printf "%.3f", (b * r0) / (s * r) }')
  echo "{\"ranks\":$ranks,\"threads\":$threads,\"cycles\":$cycles,\"seconds\":$seconds,\"efficiency\":$efficiency,\"peak_rss_kib_per_rank\":[$rss],\"bytes_sent_per_rank\":[$sent]}"
done
