#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for a
# fixed time (default 60 s; FUZZ_SECONDS overrides). A crash, leak, sanitizer
# report or timeout fails the run; the reproducer is left in build-fuzz/.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-${FUZZ_SECONDS:-60}}
build="$root/build-fuzz"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBAOBAB_FUZZ=ON -DBAOBAB_WERROR=OFF -DBAOBAB_CUDA=OFF -DBAOBAB_BUILD_TESTS=OFF \
  -DBAOBAB_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target proof_parser_fuzz proof_parser_fuzz_seed

corpus="$build/corpus/proof_parser"
mkdir -p "$corpus"
"$build/tests/fuzz/proof_parser_fuzz_seed" "$corpus/honest_proof"
echo "== fuzzing the proof parser and verifier for ${seconds}s"
cd "$build"
ASAN_OPTIONS=detect_leaks=1 OMP_NUM_THREADS=1 \
  "$build/tests/fuzz/proof_parser_fuzz" -max_total_time="$seconds" -timeout=10 -max_len=65536 \
  -print_final_stats=1 "$corpus"
echo "== fuzzing: no failure in ${seconds}s"
