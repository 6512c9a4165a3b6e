#!/usr/bin/env bash
# Checkpoint cost of `mpirun -np R baobab prove --checkpoint` (issue 7 item 8).
# Five runs of the same proof, one JSON line each as it ends: "plain" (no
# checkpoint), "checkpointed" (a fresh checkpoint: every phase recorded),
# "resumed" (the same command again: every phase's record there, so the
# resume starts after the last one, open, and reads the recorded proof),
# "resumed_fri" (the open record removed first: a job killed during open
# resumes after fri and recomputes the LDEs open needs) and "resumed_deep"
# (the fri and open records removed: killed during fri). Each line has the
# prover's own seconds ("seconds", from --json) and the command's wall time
# with mpirun's start ("wall_seconds"). Then one line with the overhead
# (checkpointed / plain - 1), the resume costs (resumed / plain, by wall
# time too) and the checkpoint's bytes on disk. All proofs must have the
# same bytes.
#   bench/checkpoint_overhead.sh <baobab> <guest.elf> <public input> <R> <checkpoint dir> [mpirun]
# Example (2^22-row cpu table): printf 417000 >n.txt;
#   bench/checkpoint_overhead.sh build/src/cli/baobab build/guests/cycle_loop.elf n.txt 16 /scratch/ck
set -euo pipefail
baobab=$1
elf=$2
public=$3
ranks=$4
dir=$5
mpirun=${6:-mpirun}
source "$(dirname "$0")/one_node_mpi_env.sh"
mkdir -p "$dir"
rm -rf "$dir"/run.h5*
field() { sed -E "s/.*\"$1\":(\[[^]]*\]|\"[^\"]*\"|[0-9.]+).*/\1/" <<<"$2"; }
declare -A seconds_of wall_of
for kind in plain checkpointed resumed resumed_fri resumed_deep; do
  checkpoint=()
  [ "$kind" != plain ] && checkpoint=(--checkpoint "$dir/run.h5")
  case $kind in
    resumed_fri) rm -f "$dir/run.h5.phases/open.h5" ;;
    resumed_deep) rm -f "$dir/run.h5.phases/fri.h5" "$dir/run.h5.phases/open.h5" ;;
  esac
  start=$(date +%s.%N)
  "$mpirun" -np "$ranks" --bind-to none -x OMP_NUM_THREADS=1 \
    "$baobab" prove "$elf" --input "$public" -o "$dir/proof.$kind" --json "${checkpoint[@]}" \
    >"$dir/out.json" 2>"$dir/err" || { cat "$dir/err" >&2; exit 1; }
  wall_of[$kind]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  [ "$kind" = plain ] || cmp -s "$dir/proof.plain" "$dir/proof.$kind" ||
    { echo "proof bytes differ ($kind)" >&2; exit 1; }
  json=$(cat "$dir/out.json")
  seconds_of[$kind]=$(field seconds "$json")
  phases=$(sed -E 's/.*"phases":(\[[^]]*\]).*/\1/' <<<"$json")
  echo "{\"run\":\"$kind\",\"ranks\":$ranks,\"cycles\":$(field cycles "$json"),\"seconds\":${seconds_of[$kind]},\"wall_seconds\":${wall_of[$kind]},\"resumed_after\":$(field resumed_after "$json"),\"peak_rss_bytes_per_rank\":$(field peak_rss_bytes_per_rank "$json"),\"phases\":$phases}"
  if [ "$kind" = checkpointed ]; then
    witness_bytes=$(stat -c %s "$dir/run.h5")
    record_bytes=$(du -sb "$dir/run.h5.phases" | cut -f1)
  fi
done
awk -v p="${seconds_of[plain]}" -v c="${seconds_of[checkpointed]}" -v r="${seconds_of[resumed]}" \
  -v rf="${seconds_of[resumed_fri]}" -v rd="${seconds_of[resumed_deep]}" \
  -v pw="${wall_of[plain]}" -v rw="${wall_of[resumed]}" \
  -v w="$witness_bytes" -v b="$record_bytes" -v R="$ranks" \
  'BEGIN { printf "{\"ranks\":%d,\"overhead\":%.3f,\"resume_cost\":%.3f,\"resume_cost_wall\":%.3f,\"resume_after_fri_cost\":%.3f,\"resume_after_deep_cost\":%.3f,\"witness_bytes\":%d,\"record_bytes\":%d}\n", R, c / p - 1, r / p, rw / pw, rf / p, rd / p, w, b }'
