#!/usr/bin/env bash
# `baobab prove --checkpoint` (issue 7, witness phase): the first run writes
# the checkpoint and the proof one process writes without it; a re-run
# resumes (says so) with the same proof bytes, from the proof recorded after
# the last phase (nothing recomputed); a damaged proof record is redone from
# the records before it; a checkpoint written on 4 ranks resumes on 3
# (recomputing from the records up to fri) and on 1 with the same bytes; a
# checkpoint of another
# input is refused (exit 8) and left as it was; --restart replaces it; the
# file reads with h5dump; `baobab inspect` shows it (exit 8 on a bad file).
#   checkpoint_test.sh <baobab> <mpiexec> <guest dir> <examples dir>
# Exits 77 (skipped) when the guests were not built (no RISC-V toolchain).
set -euo pipefail
baobab=$1
mpiexec=$2
guests=$3
examples=$4
source "$(dirname "$0")/mpi_guest_test_env.sh"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
elf=$guests/fibonacci.elf
input=$examples/fibonacci/samples/n10.public
prove=("$baobab" prove "$elf" --input "$input" --profile conjectured-100)
fail() { echo "FAIL: $*"; exit 1; }

"${prove[@]}" -o "$tmp/plain.bin" >/dev/null 2>&1 || fail "plain proof"

"${prove[@]}" -o "$tmp/first.bin" --checkpoint "$tmp/run.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "first run with --checkpoint"; }
cmp "$tmp/plain.bin" "$tmp/first.bin" || fail "writing a checkpoint changed the proof"
! grep -q resumed "$tmp/err" || fail "the first run claims a resume"
[ -f "$tmp/run.h5" ] && [ ! -e "$tmp/run.h5.partial" ] || fail "no committed generation"
if command -v h5dump >/dev/null; then
  h5dump -A "$tmp/run.h5" >"$tmp/dump.txt" || fail "h5dump cannot read the checkpoint"
  grep -q '"baobab-checkpoint"' "$tmp/dump.txt" || fail "h5dump does not show the format"
  grep -q 'GROUP "witness"' "$tmp/dump.txt" || fail "h5dump shows no witness phase"
fi

# baobab inspect: what the file holds.
"$baobab" inspect "$tmp/run.h5" >"$tmp/inspect.txt" || fail "inspect"
for expect in "witness" "conjectured-100" "cpu " "resume would"; do
  grep -q "$expect" "$tmp/inspect.txt" || { cat "$tmp/inspect.txt"; fail "inspect lacks '$expect'"; }
done
printf 'junk' >"$tmp/junk.h5"
for bad in "$tmp/junk.h5" "$tmp/missing.h5"; do
  set +e
  "$baobab" inspect "$bad" >/dev/null 2>&1
  status=$?
  set -e
  [ "$status" -eq 8 ] || fail "inspect $bad exited $status, expected 8"
done

"${prove[@]}" -o "$tmp/again.bin" --checkpoint "$tmp/run.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "resume"; }
grep -q "resumed from $tmp/run.h5" "$tmp/err" || fail "the resume does not say so"
grep -q "phases up to open were done" "$tmp/err" || { cat "$tmp/err"; fail "not resumed after open"; }
! grep -q "commit.main" "$tmp/err" || { cat "$tmp/err"; fail "a resume after open recomputed"; }
cmp "$tmp/plain.bin" "$tmp/again.bin" || fail "the resumed proof differs"
"$baobab" inspect "$tmp/run.h5" >"$tmp/inspect.txt" || fail "inspect after open"
grep -q "nothing is recomputed" "$tmp/inspect.txt" || { cat "$tmp/inspect.txt"; fail "inspect after open"; }

# A flipped byte in the recorded proof: found, redone from fri, same proof.
record="$tmp/run.h5.phases/open.h5"
[ -f "$record" ] || fail "no open record"
offset=$(($(stat -c %s "$record") / 2))
byte=$(od -An -tu1 -j "$offset" -N1 "$record" | tr -d ' ')
printf "$(printf '\\%03o' $((byte ^ 4)))" | dd of="$record" bs=1 seek="$offset" conv=notrunc status=none
"${prove[@]}" -o "$tmp/damaged.bin" --checkpoint "$tmp/run.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "resume with a damaged proof record"; }
grep -q "record of phase open cannot be used" "$tmp/err" || { cat "$tmp/err"; fail "not reported"; }
grep -q "phases up to fri were done" "$tmp/err" || { cat "$tmp/err"; fail "wrong resume point"; }
cmp "$tmp/plain.bin" "$tmp/damaged.bin" || fail "the proof with a damaged proof record differs"

# Written on 4 ranks, resumed on 3 and on 1.
"$mpiexec" -np 4 "${prove[@]}" -o "$tmp/r4.bin" --checkpoint "$tmp/ranks.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "4 ranks"; }
rm -f "$tmp/ranks.h5.phases/open.h5"  # so that 3 ranks recompute from the 4 ranks' records
"$mpiexec" -np 3 "${prove[@]}" -o "$tmp/r3.bin" --checkpoint "$tmp/ranks.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "resume on 3 ranks"; }
grep -q "phases up to fri were done" "$tmp/err" || { cat "$tmp/err"; fail "3 ranks did not resume"; }
"${prove[@]}" -o "$tmp/r1.bin" --checkpoint "$tmp/ranks.h5" >/dev/null 2>"$tmp/err" ||
  { cat "$tmp/err"; fail "resume on 1 process"; }
grep -q "phases up to open were done" "$tmp/err" || { cat "$tmp/err"; fail "1 process did not resume"; }
for r in r4 r3 r1; do cmp "$tmp/plain.bin" "$tmp/$r.bin" || fail "$r: another proof"; done

# Another input: refused, exit 8, the checkpoint untouched.
printf 7 >"$tmp/other.public"
cp "$tmp/run.h5" "$tmp/before.h5"
set +e
"$baobab" prove "$elf" --input "$tmp/other.public" --profile conjectured-100 -o "$tmp/other.bin" \
  --checkpoint "$tmp/run.h5" >/dev/null 2>"$tmp/err"
status=$?
set -e
[ "$status" -eq 8 ] || { cat "$tmp/err"; fail "another input exited $status, expected 8"; }
grep -q "another public input" "$tmp/err" || { cat "$tmp/err"; fail "the refusal does not say why"; }
cmp "$tmp/run.h5" "$tmp/before.h5" || fail "a refused checkpoint was changed"
[ ! -e "$tmp/other.bin" ] || fail "a proof was written despite the refusal"

# --restart replaces it; the next run resumes the new one.
"$baobab" prove "$elf" --input "$tmp/other.public" --profile conjectured-100 -o "$tmp/other.bin" \
  --checkpoint "$tmp/run.h5" --restart >/dev/null 2>&1 || fail "--restart"
[ -f "$tmp/run.h5.prev" ] || fail "the replaced generation was not kept"
"$baobab" prove "$elf" --input "$tmp/other.public" --profile conjectured-100 -o "$tmp/other2.bin" \
  --checkpoint "$tmp/run.h5" >/dev/null 2>"$tmp/err" || fail "resume after --restart"
grep -q resumed "$tmp/err" || fail "no resume after --restart"
cmp "$tmp/other.bin" "$tmp/other2.bin" || fail "the proof after --restart differs on resume"

set +e
"${prove[@]}" -o "$tmp/x.bin" --restart >/dev/null 2>&1
status=$?
set -e
[ "$status" -eq 2 ] || fail "--restart without --checkpoint exited $status, expected 2"
echo "ok: write, inspect, resume, damaged proof record, resume on 1/3 ranks from 1/4, refusal, restart"
