#!/usr/bin/env bash
# Sets up a Debian 12 machine, builds Baobab and runs the whole test suite:
#   1. the Release build: every unit, MPI and (when a GPU is present) GPU test;
#   2. an ASan + UBSan build of the same tests (skip with --no-sanitize);
#   3. the libFuzzer targets for a short fixed time (skip with --no-fuzz;
#      FUZZ_SECONDS sets the time, default 30).
# Exits non-zero on the first failure. `.ci/run` calls this script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sanitize=1
fuzz=1
for arg in "$@"; do
  case "$arg" in
    --no-sanitize) sanitize=0 ;;
    --no-fuzz) fuzz=0 ;;
    *) echo "usage: scripts/test.sh [--no-sanitize] [--no-fuzz]" >&2; exit 2 ;;
  esac
done

"$root/scripts/setup-debian.sh"

jobs=$(nproc)
# ctest runs tests side by side; spinning OpenMP workers of one test would
# starve the others (a 0.3 s prover test took 9 s under ctest -j2).
export OMP_WAIT_POLICY=PASSIVE
echo "== Format check"
"$root/scripts/format.sh" --check

echo "== Release build and tests"
"$root/scripts/build.sh" "$root/build" -DCMAKE_BUILD_TYPE=Release
ctest --test-dir "$root/build" --output-on-failure -j "$jobs" --label-exclude opt-in

if [ "$sanitize" -eq 1 ]; then
  echo "== AddressSanitizer + UndefinedBehaviorSanitizer build and tests"
  # CUDA is left out: the GPU tests skip on CI anyway, and the CUDA runtime
  # is not built for ASan.
  "$root/scripts/build.sh" "$root/build-sanitize" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DBAOBAB_SANITIZE=ON -DBAOBAB_CUDA=OFF -DBAOBAB_BUILD_BENCH=OFF
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$root/build-sanitize" --output-on-failure -j "$jobs" --label-exclude opt-in
fi
if [ "$fuzz" -eq 1 ]; then
  echo "== libFuzzer targets"
  "$root/scripts/fuzz.sh" "${FUZZ_SECONDS:-30}"
fi
echo "== all tests passed"
