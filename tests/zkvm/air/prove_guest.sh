#!/usr/bin/env bash
# Proves one guest run with `baobab prove` and checks `baobab verify`
# accepts it for the output `baobab run` produces (the oracle tests pin that
# output against qemu-riscv32) and rejects it for a wrong exit code.
#   prove_guest.sh BAOBAB ELF PROFILE [--input F] [--private F] [--expected F]
# Exit 77 (skip) when the guest was not built.
set -euo pipefail
baobab=$1 elf=$2 profile=$3
shift 3
[ -f "$elf" ] || { echo "SKIP: $elf not built (needs the RISC-V toolchain)"; exit 77; }
input=() private=() expected=""
while [ $# -gt 0 ]; do
  case "$1" in
    --input) input=(--input "$2"); shift 2 ;;
    --private) private=(--private "$2"); shift 2 ;;
    --expected) expected=$2; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
set +e
"$baobab" run "$elf" "${input[@]}" "${private[@]}" --output "$tmp/out" 2>"$tmp/run.log"
code=$?
set -e
if [ -n "$expected" ]; then cmp "$tmp/out" "$expected"; fi
exit_code=$(sed -n 's/.*exit code \([0-9]*\).*/\1/p' "$tmp/run.log" | tail -1)
[ -n "$exit_code" ] || { echo "could not read the exit code (run status $code)"; cat "$tmp/run.log"; exit 1; }
"$baobab" prove "$elf" "${input[@]}" "${private[@]}" --profile "$profile" \
  -o "$tmp/proof" --output "$tmp/proved_out"
cmp "$tmp/out" "$tmp/proved_out"
level=()
[ "$profile" = conjectured-100 ] && level=(--min-proven-bits 0)
"$baobab" verify "$tmp/proof" --program "$elf" "${input[@]}" --output "$tmp/out" \
  --exit-code "$exit_code" "${level[@]}"
set +e
"$baobab" verify "$tmp/proof" --program "$elf" "${input[@]}" --output "$tmp/out" \
  --exit-code $((exit_code + 1)) "${level[@]}" >/dev/null 2>&1
wrong=$?
set -e
[ "$wrong" -eq 1 ] || { echo "a wrong exit code was not rejected (status $wrong)"; exit 1; }
echo "proved and verified $(basename "$elf") (exit code $exit_code)"
