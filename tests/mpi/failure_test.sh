#!/usr/bin/env bash
# One rank of a 3-rank job fails; the job must end within the timeout, with a
# non-zero status and a message naming the rank and the cause (issue 6).
#   failure_test.sh MPIEXEC PROBE
set -uo pipefail
mpiexec=$1
probe=$2
run() {  # mode -> prints "status<TAB>output"
  local out status
  out=$(timeout 60 "$mpiexec" -np 3 --oversubscribe "$probe" "$1" 2>&1)
  status=$?
  printf '%s\t%s' "$status" "$out"
}
fail=0
expect() {  # mode, wanted status ("nonzero" or a number), pattern...
  local mode=$1 want=$2
  shift 2
  local result status out
  result=$(run "$mode")
  status=${result%%$'\t'*}
  out=${result#*$'\t'}
  if [[ $status == 124 ]]; then echo "FAIL $mode: the job hung"; fail=1; return; fi
  if [[ $want == nonzero && $status == 0 ]] || [[ $want != nonzero && $status != "$want" ]]; then
    echo "FAIL $mode: exit status $status, wanted $want"; echo "$out"; fail=1; return
  fi
  for pattern in "$@"; do
    if ! grep -q -- "$pattern" <<<"$out"; then
      echo "FAIL $mode: output lacks '$pattern'"; echo "$out"; fail=1; return
    fi
  done
  echo "ok   $mode (exit $status)"
}
expect none 0
expect check 70 "rank 1 of 3" "injected failure on purpose"
expect error 5 "rank 2 of 3" "commit.main: checkpoint disk is full (injected)"
expect crash nonzero "rank 1" "signal 9"
exit $fail
