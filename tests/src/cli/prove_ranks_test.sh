#!/usr/bin/env bash
# One proof across MPI ranks (issue 6): `mpirun -np R baobab prove` writes
# exactly the bytes one process writes, for every R given, on several guest
# programs, whatever SIMD path the ranks take (BAOBAB_SIMD cycles through
# scalar, avx2 and the CPU's best) and however many columns the LDE
# exchanges at a time (BAOBAB_EXCHANGE_COLUMNS cycles through 8, 1 and 3),
# and whether the ranks read each other's exchange blocks in shared memory
# or copy them through MPI (BAOBAB_SHARED_EXCHANGE alternates 1 and 0),
# also when the ranks ask for different columns per exchange;
# `baobab verify` accepts each; `--json` accounts for every rank's phases;
# a failure on every rank (a malformed ELF) ends the job with the usual
# exit status, never a hang.
#   prove_ranks_test.sh <baobab> <mpiexec> <guest dir> <examples dir> <ranks...>
# Exits 77 (skipped) when the guests were not built (no RISC-V toolchain).
set -euo pipefail
baobab=$1
mpiexec=$2
guests=$3
examples=$4
shift 4
ranks_list=("$@")
source "$(dirname "$0")/mpi_guest_test_env.sh"
profile=(--profile conjectured-100)  # fewer queries: the same code, a faster test
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# program, public input, private input (or empty)
cases=(
  "fibonacci $examples/fibonacci/samples/n10.public -"
  "sha256 $examples/sha256/samples/abc.public -"
  "portfolio_var $examples/portfolio_var/samples/small.public $examples/portfolio_var/samples/small.private"
  # 129,886 cycles (2^17 rows), two snapshot intervals: the ranks' regions of
  # the execution start at cycle 0 and 65,536, each rewrites the whole
  # 1024-word array several times, so the rows of the later ranks read cells
  # last written in an earlier rank's region.
  "memory_sweep $examples/memory_sweep/samples/regions.public -"
)
for case in "${cases[@]}"; do
  read -r name public private <<<"$case"
  elf=$guests/$name.elf
  extra=()
  [ "$private" != - ] && extra=(--private "$private")
  "$baobab" prove "$elf" -o "$tmp/$name.1p.bin" --input "$public" "${extra[@]}" "${profile[@]}" \
    --output "$tmp/$name.out" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
  simd_levels=(scalar avx2 avx512)
  exchange_columns=(8 1 3)
  shared_exchange=(1 0)
  for i in "${!ranks_list[@]}"; do
    ranks=${ranks_list[$i]}
    shared=${shared_exchange[$(((i + 1) % 2))]}
    BAOBAB_SIMD=${simd_levels[$((i % 3))]} BAOBAB_EXCHANGE_COLUMNS=${exchange_columns[$((i % 3))]} \
      BAOBAB_SHARED_EXCHANGE=$shared "$mpiexec" -np "$ranks" -x BAOBAB_SIMD \
      -x BAOBAB_EXCHANGE_COLUMNS -x BAOBAB_SHARED_EXCHANGE "$baobab" prove "$elf" -o "$tmp/$name.$ranks.bin" --input "$public" \
      "${extra[@]}" "${profile[@]}" --output "$tmp/$name.$ranks.out" --json >"$tmp/json" 2>"$tmp/err" ||
      { cat "$tmp/err"; exit 1; }
    # Every rank's phase accounting: the same phases, CPU time spent, and
    # time in the collectives (the ranks exchanged data).
    python3 - "$tmp/json" "$ranks" <<'PY' || { echo "FAIL: $name: phases_per_rank on $ranks ranks"; cat "$tmp/json"; exit 1; }
import json, sys
report = json.load(open(sys.argv[1]))
names = [p["name"] for p in report["phases"]]
per_rank = report["phases_per_rank"]
assert len(per_rank) == int(sys.argv[2]), "one array per rank"
for phases in per_rank:
    assert [p["name"] for p in phases] == names, "the same phases on every rank"
    assert sum(p["user_seconds"] + p["system_seconds"] for p in phases) > 0, "CPU time"
    assert sum(p["communication_seconds"] for p in phases) > 0, "time in collectives"
    assert all(p["minor_faults"] >= 0 and p["seconds"] >= 0 for p in phases)
PY
    cmp "$tmp/$name.1p.bin" "$tmp/$name.$ranks.bin" ||
      { echo "FAIL: $name: the proof on $ranks ranks differs from one process's"; exit 1; }
    cmp "$tmp/$name.out" "$tmp/$name.$ranks.out"
    "$baobab" verify "$tmp/$name.$ranks.bin" --program "$elf" --input "$public" \
      --output "$tmp/$name.out" --min-proven-bits 0 >/dev/null 2>&1 ||
      { echo "FAIL: $name: the $ranks-rank proof does not verify"; exit 1; }
    echo "ok: $name on $ranks ranks (SIMD ${simd_levels[$((i % 3))]}, ${exchange_columns[$((i % 3))]} columns per exchange, shared exchange $shared): $(stat -c %s "$tmp/$name.$ranks.bin") bytes, identical, verified"
  done
  if [ "$name" = fibonacci ]; then
    # Ranks that would choose different columns per exchange (a mixed
    # cluster) agree on one: same bytes, no hang.
    timeout 300 "$mpiexec" -np 1 env BAOBAB_EXCHANGE_COLUMNS=1 "$baobab" prove "$elf" \
      -o "$tmp/$name.mixed.bin" --input "$public" "${profile[@]}" : \
      -np 1 env BAOBAB_EXCHANGE_COLUMNS=8 "$baobab" prove "$elf" -o "$tmp/$name.mixed.bin" \
      --input "$public" "${profile[@]}" 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
    cmp "$tmp/$name.1p.bin" "$tmp/$name.mixed.bin" ||
      { echo "FAIL: $name: ranks with 1 and 8 columns per exchange wrote other bytes"; exit 1; }
    echo "ok: $name on 2 ranks asking for 1 and 8 columns per exchange: identical"
  fi
done

# Every rank fails the same way: the job ends with the ELF error status (3).
printf 'not an elf' >"$tmp/bad.elf"
set +e
timeout 120 "$mpiexec" -np 2 "$baobab" prove "$tmp/bad.elf" -o "$tmp/bad.bin" >/dev/null 2>"$tmp/err"
status=$?
set -e
[ "$status" -eq 3 ] || { echo "FAIL: malformed ELF on 2 ranks exited $status, expected 3"; cat "$tmp/err"; exit 1; }
grep -q "rank" "$tmp/err" || { echo "FAIL: no rank named"; cat "$tmp/err"; exit 1; }
[ ! -e "$tmp/bad.bin" ] || { echo "FAIL: a proof file was written"; exit 1; }
echo "prove across ranks: ok"
