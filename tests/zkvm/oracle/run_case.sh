#!/usr/bin/env bash
# Runs one guest under qemu-riscv32 (the oracle) and, when --baobab is given,
# under `baobab run`, and checks that both produce the same public output bytes
# and exit code (and, when given, the expected output and exit code).
#
#   run_case.sh --qemu QEMU --elf PROG.elf [--baobab BAOBAB] [--public FILE]
#               [--private FILE] [--expected FILE] [--exit-code N]
#
# Exit status: 0 same, 1 different (details on stderr), 77 skipped (no qemu).
set -uo pipefail

qemu="" baobab="" elf="" public=/dev/null private=/dev/null expected="" want_code=""
while [ $# -gt 0 ]; do
  case "$1" in
    --qemu) qemu=$2; shift 2 ;;
    --baobab) baobab=$2; shift 2 ;;
    --elf) elf=$2; shift 2 ;;
    --public) public=$2; shift 2 ;;
    --private) private=$2; shift 2 ;;
    --expected) expected=$2; shift 2 ;;
    --exit-code) want_code=$2; shift 2 ;;
    *) echo "run_case.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
if [ -z "$qemu" ] || [ ! -x "$qemu" ]; then
  echo "SKIP: qemu-riscv32 not found (apt-get install qemu-user)"
  exit 77
fi
[ -f "$elf" ] || { echo "FAIL: no guest $elf (is the RISC-V toolchain installed?)" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
fail() { echo "FAIL: $*" >&2; status=1; }

# -cpu rv32,c=false: compressed instructions would be illegal in the zkVM too.
"$qemu" -cpu rv32,c=false "$elf" 3<"$public" <"$private" >"$work/qemu.out" 2>"$work/qemu.err"
qemu_code=$?
echo "qemu-riscv32: exit code $qemu_code, $(wc -c <"$work/qemu.out") output bytes"

if [ -n "$want_code" ] && [ "$qemu_code" != "$want_code" ]; then
  fail "qemu exit code $qemu_code, expected $want_code"
  sed 's/^/  qemu stderr: /' "$work/qemu.err" | head -20 >&2
fi
if [ -n "$expected" ] && ! cmp -s "$work/qemu.out" "$expected"; then
  fail "qemu output differs from $expected"
  diff <(od -An -tx1 -v "$work/qemu.out") <(od -An -tx1 -v "$expected") | head -10 >&2
fi

if [ -n "$baobab" ]; then
  args=(run "$elf" --output "$work/baobab.out" --json)
  [ "$public" != /dev/null ] && args+=(--input "$public")
  [ "$private" != /dev/null ] && args+=(--private "$private")
  "$baobab" "${args[@]}" >"$work/baobab.json" 2>"$work/baobab.err"
  run_status=$?
  if [ "$run_status" -ne 0 ]; then
    fail "baobab run exited with status $run_status"
    sed 's/^/  baobab: /' "$work/baobab.err" | head -20 >&2
  else
    baobab_code=$(sed -n 's/.*"exit_code":[[:space:]]*\(-\{0,1\}[0-9]*\).*/\1/p' "$work/baobab.json")
    cycles=$(sed -n 's/.*"cycles":[[:space:]]*\([0-9]*\).*/\1/p' "$work/baobab.json")
    echo "baobab run:   exit code $baobab_code, $(wc -c <"$work/baobab.out") output bytes, $cycles cycles"
    # qemu reports the exit code modulo 256, as Linux does.
    if [ -z "$baobab_code" ] || [ $((baobab_code & 255)) != "$qemu_code" ]; then
      fail "exit codes differ: qemu $qemu_code, baobab '${baobab_code}'"
    fi
    if ! cmp -s "$work/qemu.out" "$work/baobab.out"; then
      fail "public outputs differ (qemu vs baobab)"
      diff <(od -An -tx1 -v "$work/qemu.out") <(od -An -tx1 -v "$work/baobab.out") | head -10 >&2
    fi
  fi
fi
[ "$status" -eq 0 ] && echo "PASS"
exit "$status"
