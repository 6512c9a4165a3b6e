#!/usr/bin/env bash
# `baobab check job.toml` without Slurm: two proofs made as the batch script
# makes them (prove --json > <output>.json) are accepted and summarised; a
# flipped byte in one proof, or a missing one, makes it exit 1 and the
# summary says which.
#   check_test.sh <baobab> <guest dir> <examples dir>
set -euo pipefail
baobab=$(realpath "$1")
guests=$(realpath "$2")
examples=$(realpath "$3")
[ -f "$guests/fibonacci.elf" ] || { echo "SKIP: guests not built"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; cat "$tmp"/*-summary.txt 2>/dev/null || true; exit 1; }
cd "$tmp"
cat >job.toml <<TOML
name = "two"
program = "$guests/fibonacci.elf"
profile = "conjectured-100"
[[batch]]
input = "$examples/fibonacci/samples/n10.public"
output = "a.bin"
checkpoint = "a.h5"
[[batch]]
input = "$examples/fibonacci/samples/n93.public"
output = "b.bin"
checkpoint = "b.h5"
TOML
for p in a:n10 b:n93; do
  "$baobab" prove "$guests/fibonacci.elf" --input "$examples/fibonacci/samples/${p#*:}.public" \
    --profile conjectured-100 -o "${p%%:*}.bin" --json >"${p%%:*}.bin.json" 2>/dev/null ||
    fail "prove ${p#*:}"
done
"$baobab" check job.toml >out.txt || fail "check of two good proofs"
grep -q '"accepted":2,"proofs":2' two-summary.json || fail "summary json"
grep -q "2 of 2 proofs accepted" two-summary.txt || fail "summary table"

size=$(stat -c %s b.bin)
offset=$((size / 2))
byte=$(od -An -tu1 -j "$offset" -N1 b.bin | tr -d ' ')
printf "$(printf '\\%03o' $((byte ^ 1)))" | dd of=b.bin bs=1 seek="$offset" conv=notrunc status=none
set +e
"$baobab" check job.toml >out.txt
status=$?
set -e
[ "$status" -eq 1 ] || fail "a damaged proof: check exited $status, expected 1"
grep -q "1 of 2 proofs accepted" two-summary.txt || fail "the damaged proof was accepted"
grep -qE "^rejected .*b\.bin" two-summary.txt || fail "the summary does not name the rejected proof"

rm a.bin
set +e
"$baobab" check job.toml >out.txt
status=$?
set -e
[ "$status" -eq 1 ] || fail "a missing proof: check exited $status"
grep -qE "^missing .*a\.bin: no proof file" two-summary.txt || fail "the summary does not name the missing proof"
echo PASS
