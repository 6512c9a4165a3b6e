#!/usr/bin/env bash
# `baobab submit` against a real one-node Slurm (the slurm.cluster fixture,
# slurm/test_cluster.sh): a proof on 2 ranks through srun --mpi=pmix
# completes with the bytes of a one-process proof and verifies; USR1 sent
# to the batch shell mid-proof (what --signal=B:USR1@lead does before the
# time limit) makes the job checkpoint, requeue itself and resume (its log
# names the phase), ending with the same proof; a batch of 3 proofs runs as
# a job array followed by a check job that verifies them and writes a
# summary; `baobab status` and `baobab cancel` report and cancel (a
# cancelled job stays cancelled); a job pre-empted by a higher-priority
# partition checkpoints, is requeued and resumes to the same proof.
#   slurm_job_test.sh <baobab> <guest dir> <examples dir> <cluster dir>
# Exits 77 (skipped) without the guests or without a running cluster.
set -euo pipefail
baobab=$(realpath "$1")
guests=$(realpath "$2")
examples=$(realpath "$3")
cluster=$4
source "$(dirname "$0")/../src/cli/mpi_guest_test_env.sh"
export SLURM_CONF="$cluster/slurm.conf"
if [ ! -f "$SLURM_CONF" ] || ! scontrol ping >/dev/null 2>&1; then
  echo "SKIP: no test cluster (slurm/test_cluster.sh start needs slurm-wlm and munge)"
  exit 77
fi
tmp=$(mktemp -d /tmp/baobab-slurm.XXXXXX)
chmod 0755 "$tmp"
cleanup() {
  for id_file in "$tmp"/*.jobid; do [ -f "$id_file" ] && scancel $(cat "$id_file") 2>/dev/null; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*"
  tail -n 30 "$tmp"/*.log 2>/dev/null || true
  exit 1
}
cd "$tmp"
cp "$guests/cycle_loop.elf" "$guests/fibonacci.elf" .
echo 3000 >rounds.txt
"$baobab" prove cycle_loop.elf --input rounds.txt --profile conjectured-100 -o plain.bin >/dev/null 2>&1 ||
  fail "one-process proof"

# Waits until the job of $1.toml has left the queue; prints its final state.
wait_job() {
  local id state
  id=$(sed -n 1p "$1.jobid")  # the proving job (a check job id may follow)
  for _ in $(seq 600); do
    state=$(scontrol show job "$id" 2>/dev/null | grep -oE "JobState=[A-Z_]+" | sort -u | cut -d= -f2 | tr '\n' ' ')
    case "$state" in
      # Transient states: SIGNALING is a job being signalled (pre-emption,
      # scancel --signal) on its way to its next state.
      *PENDING* | *RUNNING* | *REQUEUED* | *CONFIGURING* | *COMPLETING* | *SUSPENDED* | \
        *SIGNALING* | *RESIZING* | *STAGE_OUT* | "") sleep 0.5 ;;
      *) echo "$state"; return 0 ;;
    esac
  done
  echo "TIMEOUT"
}

# Submits <name>.toml and waits until the job's checkpoint <name>.h5 exists
# (the proof is under way); sets job_id to the proving job's id.
submit_until_checkpoint() {
  "$baobab" submit "$1.toml" >/dev/null || fail "submit $1"
  job_id=$(sed -n 1p "$1.jobid")
  for _ in $(seq 600); do [ -f "$1.h5" ] && break; sleep 0.1; done
  [ -f "$1.h5" ] || fail "the $1 job wrote no checkpoint"
}
job_file() {  # name, ranks, then extra lines
  local name=$1 ranks=$2
  shift 2
  {
    echo "name = \"$name\""
    echo "profile = \"conjectured-100\""
    echo "tasks_per_node = $ranks"
    echo "time = \"00:10:00\""
    echo "signal_lead_seconds = 60"
    printf '%s\n' "$@"
  } >"$name.toml"
}

# 1. A proof on 2 ranks completes and verifies.
job_file single 2 'verify = false' 'program = "cycle_loop.elf"' 'input = "rounds.txt"' 'output = "single.bin"' \
  'checkpoint = "single.h5"'
"$baobab" submit single.toml --dry-run >dry.txt || fail "submit --dry-run"
grep -q -- "--signal=B:USR1@60" dry.txt && grep -q -- "--requeue" dry.txt || fail "dry run lacks the signal or requeue"
[ ! -e single.sbatch ] || fail "--dry-run wrote the script"
"$baobab" submit single.toml >submit.txt || fail "submit"
grep -q "submitted job" submit.txt || fail "submit did not say so"
[ -f single.sbatch ] || fail "no script next to the job file"
state=$(wait_job single)
[ "$state" = "COMPLETED " ] || fail "single job ended $state"
cmp plain.bin single.bin || fail "the Slurm proof differs from the one-process proof"
"$baobab" run cycle_loop.elf --input rounds.txt --output claimed.out >/dev/null 2>&1 || fail "run"
"$baobab" verify single.bin --program cycle_loop.elf --input rounds.txt --output claimed.out --min-proven-bits 0 \
  >/dev/null 2>&1 || fail "the Slurm proof does not verify"
"$baobab" status single.toml >status.txt || fail "status"
grep -q "single.bin: written" status.txt && grep -q "phases up to open" status.txt ||
  { cat status.txt; fail "status does not show the finished proof"; }

# 2. USR1 to the batch shell mid-proof: checkpoint, requeue, resume, same proof.
job_file signalled 2 'verify = false' 'program = "cycle_loop.elf"' 'input = "rounds.txt"' 'output = "signalled.bin"' \
  'checkpoint = "signalled.h5"'
submit_until_checkpoint signalled
id=$job_id
scancel --batch --signal=USR1 "$id"
state=$(wait_job signalled)
[ "$state" = "COMPLETED " ] || fail "signalled job ended $state"
scontrol show job "$id" | grep -q "Restarts=1" || fail "the signalled job was not requeued once"
log=$(ls signalled-*.log)
grep -q "USR1 received" "$log" || fail "the batch script did not trap USR1"
grep -qE "stopped after phase [a-z.]+, which is saved" "$log" || fail "the prover did not stop after a phase"
grep -qE "resumed from .*signalled.h5: phases up to [a-z.]+ were done" "$log" ||
  fail "the requeued run did not resume"
cmp plain.bin signalled.bin || fail "the signalled, requeued proof differs"

# 3. A batch of 3 proofs: a job array, one proof per task, and the check
# job after it verifies all three and writes the summary.
{
  echo 'program = "fibonacci.elf"'
  for n in 1 2 3; do
    echo "[[batch]]"
    echo "input = \"$examples/fibonacci/samples/n10.public\""
    echo "output = \"fib$n.bin\""
    echo "checkpoint = \"fib$n.h5\""
  done
} >batch_entries.txt
mapfile -t entries <batch_entries.txt
job_file batch 1 "${entries[@]}"
"$baobab" submit batch.toml --dry-run | grep -q -- "--array=0-2" || fail "no job array"
"$baobab" submit batch.toml >/dev/null || fail "submit batch"
state=$(wait_job batch)
[ "$state" = "COMPLETED " ] || fail "the array ended $state"
for n in 1 2 3; do [ -f "fib$n.bin" ] || fail "array task $n wrote no proof"; done
cmp fib1.bin fib2.bin && cmp fib1.bin fib3.bin || fail "the array's proofs of one input differ"
check_id=$(sed -n 2p batch.jobid)
[ -n "$check_id" ] || fail "no check job submitted"
for _ in $(seq 600); do [ -f batch-summary.json ] && break; sleep 0.2; done
grep -q '"accepted":3,"proofs":3' batch-summary.json || { cat batch-summary.* || true; fail "the check job did not accept 3 of 3"; }
grep -q "3 of 3 proofs accepted" batch-summary.txt || fail "no readable summary"
"$baobab" status batch.toml | grep -q "check         job batch: 3 of 3" || fail "status does not show the check"

# 4. cancel: the job leaves the queue, its checkpoint stays.
job_file cancelled 2 'verify = false' 'program = "cycle_loop.elf"' 'input = "rounds.txt"' 'output = "cancelled.bin"' \
  'checkpoint = "cancelled.h5"'
submit_until_checkpoint cancelled
"$baobab" cancel cancelled.toml >/dev/null || fail "cancel"
state=$(wait_job cancelled)
[ "$state" = "CANCELLED " ] || fail "cancelled job ended $state"
[ -f cancelled.h5 ] || fail "cancel removed the checkpoint"
# 5. Pre-empted by a job of the higher-priority partition (PreemptMode=
# REQUEUE, GraceTime 60 s): the ranks get TERM, stop after the phase under
# way, the script requeues the job, and the next run resumes to the same proof.
job_file preempted 2 'verify = false' 'program = "cycle_loop.elf"' 'input = "rounds.txt"' \
  'output = "preempted.bin"' 'checkpoint = "preempted.h5"'
submit_until_checkpoint preempted
id=$job_id
sbatch --partition=urgent --ntasks=4 --output="$tmp/urgent.log" --wrap "sleep 2" >/dev/null ||
  fail "the urgent job was not submitted"
state=$(wait_job preempted)
[ "$state" = "COMPLETED " ] || fail "the pre-empted job ended $state"
scontrol show job "$id" | grep -q "Restarts=1" || fail "the pre-empted job was not requeued once"
log=$(ls preempted-*.log)
grep -qE "signal 15 on rank [0-9]+: stopped after phase" "$log" || fail "the ranks did not stop on the pre-emption"
grep -qE "resumed from .*preempted.h5" "$log" || fail "the pre-empted job did not resume"
cmp plain.bin preempted.bin || fail "the pre-empted proof differs"
echo PASS
