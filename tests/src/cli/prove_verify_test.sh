#!/usr/bin/env bash
# End to end: `baobab prove` a guest, then `baobab verify` accepts the true
# statement (exit 0) and rejects a wrong exit code or a wrong output (exit 1);
# corrupt proofs and bad command lines fail with a clear non-zero exit, never
# a crash (a signal would give 128 + n).
#   prove_verify_test.sh <baobab binary> <guest.elf> <public input> <expected output>
# Exits 77 (skipped) when the guest was not built (no RISC-V toolchain).
set -euo pipefail
baobab=$1
elf=$2
input=$3
expected=$4
if [ ! -f "$elf" ]; then
  echo "SKIP: $elf not built (needs riscv64-unknown-elf-gcc and picolibc, scripts/setup-debian.sh)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

status_of() {  # status_of <command...>: its exit status, stdout/stderr kept in $tmp/last.*
  set +e
  "$@" >"$tmp/last.out" 2>"$tmp/last.err"
  local status=$?
  set -e
  echo "$status"
}
expect() {  # expect <status> <what> <command...>
  local want=$1 what=$2
  shift 2
  local got
  got=$(status_of "$@")
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"
    cat "$tmp/last.out" "$tmp/last.err"
    exit 1
  fi
  echo "ok: $what (exit $got)"
}
expect_failure() {  # expect_failure <what> <command...>: non-zero, not a signal
  local what=$1
  shift
  local got
  got=$(status_of "$@")
  if [ "$got" -eq 0 ] || [ "$got" -ge 128 ]; then
    echo "FAIL: $what: exit $got, expected a non-zero status without a crash"
    cat "$tmp/last.out" "$tmp/last.err"
    exit 1
  fi
  echo "ok: $what (exit $got: $(tail -n 1 "$tmp/last.err"))"
}
field() {  # field <json> <name>
  sed -E "s/.*\"$2\":\"?([^\",]*)\"?.*/\1/" <<<"$1"
}

proof=$tmp/proof.bin
expect 0 "prove" "$baobab" prove "$elf" --input "$input" --profile conjectured-100 \
  -o "$proof" --output "$tmp/output" --json
json=$(cat "$tmp/last.out")
echo "$json"
[ "$(field "$json" exit_code)" = 0 ] || { echo "FAIL: prove reported a non-zero exit code"; exit 1; }
[ "$(field "$json" profile)" = conjectured-100 ] || { echo "FAIL: profile not reported"; exit 1; }
[ "$(field "$json" proof_bytes)" = "$(wc -c <"$proof")" ] || { echo "FAIL: proof_bytes"; exit 1; }
[ ! -e "$proof.tmp" ] || { echo "FAIL: $proof.tmp left behind"; exit 1; }
cmp "$tmp/output" "$expected" || { echo "FAIL: public output differs from $expected"; exit 1; }

verify=("$baobab" verify "$proof" --program "$elf" --input "$input")
expect 0 "verify the true statement" "${verify[@]}" --output "$expected" --min-proven-bits 0
cat "$tmp/last.out"
grep -q '^accepted' "$tmp/last.out" || { echo "FAIL: no 'accepted' line"; exit 1; }
expect 1 "conjectured-100 proof at the default proven level" "${verify[@]}" --output "$expected"
grep -q -- "--min-proven-bits 0" "$tmp/last.err" || { echo "FAIL: no hint"; exit 1; }
expect 1 "wrong exit code" "${verify[@]}" --output "$expected" --min-proven-bits 0 --exit-code 1

# A different output of the same length (the length alone could make the
# statement's shape differ, which is a parse failure rather than a rejection).
printf '%s' "$(head -c 1 "$expected" | tr '0-9' '1-90')" >"$tmp/wrong_output"
tail -c +2 "$expected" >>"$tmp/wrong_output"
cmp -s "$tmp/wrong_output" "$expected" && { echo "FAIL: wrong output equals expected"; exit 1; }
expect 1 "wrong output" "${verify[@]}" --output "$tmp/wrong_output" --min-proven-bits 0

size=$(wc -c <"$proof")
for offset in 0 8 9 17 $((size / 3)) $((size / 2)) $((size - 1)); do
  cp "$proof" "$tmp/bad.bin"
  byte=$(od -An -tu1 -j "$offset" -N 1 "$proof" | tr -d ' ')
  printf "\\$(printf %03o $((byte ^ 0x41)))" |
    dd of="$tmp/bad.bin" bs=1 seek="$offset" conv=notrunc status=none
  expect_failure "byte $offset of $size flipped" "$baobab" verify "$tmp/bad.bin" --program "$elf" \
    --input "$input" --output "$expected" --min-proven-bits 0
done
head -c $((size / 2)) "$proof" >"$tmp/short.bin"
expect_failure "truncated proof" "$baobab" verify "$tmp/short.bin" --program "$elf" \
  --input "$input" --output "$expected" --min-proven-bits 0
: >"$tmp/empty.bin"
expect 3 "empty proof" "$baobab" verify "$tmp/empty.bin" --program "$elf" --input "$input" \
  --output "$expected" --min-proven-bits 0

expect 2 "verify without --program" "$baobab" verify "$proof"
expect 2 "verify a missing proof" "$baobab" verify "$tmp/none.bin" --program "$elf"
expect 3 "verify against a non-ELF program" "$baobab" verify "$proof" --program "$input"
expect 2 "prove with an unknown profile" "$baobab" prove "$elf" --profile fast -o "$tmp/p"
expect 2 "prove without -o" "$baobab" prove "$elf" --input "$input"
expect 3 "prove a non-ELF file" "$baobab" prove "$input" -o "$tmp/p"
expect 1 "prove past --max-cycles" "$baobab" prove "$elf" --input "$input" --max-cycles 10 \
  -o "$tmp/p"
[ ! -e "$tmp/p" ] || { echo "FAIL: a failed prove wrote a proof"; exit 1; }
echo "prove/verify: ok"
