#!/usr/bin/env bash
# A checkpointed proof survives what a cluster does to jobs (issue 7): the
# whole MPI job killed with SIGKILL at random moments, killed while a
# checkpoint file is being written, stopped by SIGUSR1 on one rank (exit 75
# after the phase under way), a damaged phase record, killed while resuming;
# each time the same command run again finishes with the proof bytes of an
# uninterrupted run.
#   checkpoint_kill_test.sh <baobab> <mpiexec> <guest dir> [kills]
# kills: random SIGKILLs (default 3; the opt-in soak test runs 20).
# Exits 77 (skipped) when the guests were not built (no RISC-V toolchain).
set -euo pipefail
baobab=$1
mpiexec=$2
guests=$3
kills=${4:-3}
source "$(dirname "$0")/mpi_guest_test_env.sh"
tmp=$(mktemp -d)
job=
cleanup() {
  [ -n "$job" ] && kill_job "$job"
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
# SIGKILL to mpirun and its ranks (the ranks first: an orphaned rank would
# keep running).
kill_job() {
  pkill -KILL -P "$1" 2>/dev/null || true
  kill -KILL "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

echo 3000 >"$tmp/rounds.txt"  # cycle_loop: ~33k cycles, every phase takes a while
prove=("$baobab" prove "$guests/cycle_loop.elf" --input "$tmp/rounds.txt" --profile conjectured-100)
ranks=2
mpirun_prove=("$mpiexec" --bind-to none -np "$ranks" "${prove[@]}")
run() { "${mpirun_prove[@]}" "$@"; }

start=$(date +%s.%N)
"${prove[@]}" -o "$tmp/plain.bin" >/dev/null 2>&1 || fail "uninterrupted proof"
plain_seconds=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
echo "uninterrupted: $plain_seconds s"

# 1. SIGKILL at a random moment of a fresh run, then the same command to
# the end: the proof of the uninterrupted run, each time.
for ((k = 1; k <= kills; k++)); do
  rm -rf "$tmp/kill.h5"*
  "${mpirun_prove[@]}" -o "$tmp/killed.bin" --checkpoint "$tmp/kill.h5" >/dev/null 2>"$tmp/err" &
  job=$!  # mpirun itself (not a subshell), whose children are the ranks
  delay=$(awk -v seed="$RANDOM" -v top="$plain_seconds" 'BEGIN { srand(seed); printf "%.2f", rand() * top }')
  sleep "$delay"
  kill_job "$job"
  job=
  for _ in $(seq 50); do  # SIGKILLed processes take a moment to go
    pgrep -f -- "--checkpoint $tmp/kill.h5" >/dev/null || break
    sleep 0.1
  done
  ! pgrep -f -- "--checkpoint $tmp/kill.h5" >/dev/null || fail "a rank outlived the kill"
  run -o "$tmp/killed.bin" --checkpoint "$tmp/kill.h5" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err"; fail "the run after kill $k ($delay s)"; }
  cmp "$tmp/plain.bin" "$tmp/killed.bin" || fail "the proof after kill $k ($delay s) differs"
  echo "kill $k after $delay s: $(grep -o 'phases up to [a-z.]*' "$tmp/err" || echo 'nothing saved yet')"
done

# 2. Killed while writing a checkpoint file: a generation or a record is
# half written (.partial) at the moment of the kill.
caught=0
for attempt in 1 2 3 4 5; do
  rm -rf "$tmp/write.h5"*
  "${mpirun_prove[@]}" -o "$tmp/write.bin" --checkpoint "$tmp/write.h5" >/dev/null 2>"$tmp/err" &
  job=$!
  partial=
  while kill -0 "$job" 2>/dev/null; do
    partial=$(ls "$tmp"/write.h5.partial "$tmp"/write.h5.phases/*.partial 2>/dev/null | head -1 || true)
    [ -n "$partial" ] && break
    sleep 0.005
  done
  kill_job "$job"
  job=
  if [ -n "$partial" ]; then
    caught=1
    echo "killed while writing $(basename "$partial") (attempt $attempt)"
    break
  fi
done
[ "$caught" -eq 1 ] || fail "never caught a checkpoint write in progress"
run -o "$tmp/write.bin" --checkpoint "$tmp/write.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "the run after a kill during a write"; }
cmp "$tmp/plain.bin" "$tmp/write.bin" || fail "the proof after a kill during a write differs"

# 3. SIGUSR1 on rank 1 only: every rank stops after the phase under way
# (exit 75, saying so), and the same command resumes.
"${mpirun_prove[@]}" -o "$tmp/signal.bin" --checkpoint "$tmp/signal.h5" >/dev/null 2>"$tmp/err" &
job=$!
while [ ! -e "$tmp/signal.h5" ] && kill -0 "$job" 2>/dev/null; do sleep 0.05; done
rank1=$(pgrep -P "$job" | sed -n 2p)
[ -n "$rank1" ] || fail "no second rank to signal"
kill -USR1 "$rank1"
set +e
wait "$job"
status=$?
set -e
job=
[ "$status" -eq 75 ] || { cat "$tmp/err"; fail "SIGUSR1 exited $status, expected 75"; }
grep -q "signal 10 on rank 1: stopped after phase" "$tmp/err" || { cat "$tmp/err"; fail "the stop does not say so"; }
[ ! -e "$tmp/signal.bin" ] || fail "a stopped run wrote a proof"
run -o "$tmp/signal.bin" --checkpoint "$tmp/signal.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "the run after SIGUSR1"; }
grep -q "resumed from" "$tmp/err" || fail "the run after SIGUSR1 did not resume"
cmp "$tmp/plain.bin" "$tmp/signal.bin" || fail "the proof after SIGUSR1 differs"

# 4. A flipped byte in a phase record: found, that phase redone, same proof.
# (Without the proof record, which a resume after open reads alone.)
rm -f "$tmp/signal.h5.phases/open.h5"
record="$tmp/signal.h5.phases/composition.h5"
[ -f "$record" ] || fail "no composition record"
offset=$(($(stat -c %s "$record") / 2))
byte=$(od -An -tu1 -j "$offset" -N1 "$record" | tr -d ' ')
printf "$(printf '\\%03o' $((byte ^ 64)))" | dd of="$record" bs=1 seek="$offset" conv=notrunc status=none
run -o "$tmp/damaged.bin" --checkpoint "$tmp/signal.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "the run with a damaged record"; }
grep -q "record of phase composition cannot be used" "$tmp/err" ||
  { cat "$tmp/err"; fail "the damaged record was not reported"; }
grep -q "phases up to commit.aux were done" "$tmp/err" || { cat "$tmp/err"; fail "wrong resume point"; }
cmp "$tmp/plain.bin" "$tmp/damaged.bin" || fail "the proof with a damaged record differs"

# 5. Killed while resuming (reading the witness and the records), one
# process: they stay usable, and the next resume starts after the same
# phase again. Without the proof record (which a resume reads alone) the
# resume recomputes from the records up to fri.
rm -f "$tmp/signal.h5.phases/open.h5"
"${prove[@]}" -o "$tmp/reread.bin" --checkpoint "$tmp/signal.h5" >/dev/null 2>"$tmp/err" &
job=$!
# Into the recomputed phases, while a record is open for reading.
sleep "$(awk -v top="$plain_seconds" 'BEGIN { printf "%.2f", 0.4 * top }')"
kill_job "$job"
job=
"$baobab" inspect "$tmp/signal.h5" >"$tmp/inspect.txt" || fail "inspect after a kill during a resume"
! grep -q unusable "$tmp/inspect.txt" || { cat "$tmp/inspect.txt"; fail "a kill during a resume damaged a record"; }
run -o "$tmp/reread.bin" --checkpoint "$tmp/signal.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "the run after a kill during a resume"; }
grep -q "phases up to fri were done" "$tmp/err" || { cat "$tmp/err"; fail "not resumed after fri"; }
cmp "$tmp/plain.bin" "$tmp/reread.bin" || fail "the proof after a kill during a resume differs"
echo "PASS"
