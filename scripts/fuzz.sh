#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs them for a
# fixed total time (default 60 s; FUZZ_SECONDS overrides), split evenly
# between the targets so the total does not grow with their number. A crash,
# leak, sanitizer report or timeout fails the run; the reproducer is left in build-fuzz/.
#   scripts/fuzz.sh [seconds]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-${FUZZ_SECONDS:-60}}
build="$root/build-fuzz"
CC=clang-14 CXX=clang++-14 cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DBAOBAB_FUZZ=ON -DBAOBAB_WERROR=OFF -DBAOBAB_CUDA=OFF -DBAOBAB_BUILD_TESTS=OFF \
  -DBAOBAB_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target proof_parser_fuzz proof_parser_fuzz_seed \
  elf_loader_fuzz elf_loader_fuzz_seed zkvm_proof_fuzz zkvm_proof_fuzz_seed
targets=3
per_target=$(( seconds / targets > 0 ? seconds / targets : 1 ))

corpus="$build/corpus/proof_parser"
mkdir -p "$corpus"
"$build/tests/fuzz/proof_parser_fuzz_seed" "$corpus/honest_proof"
echo "== fuzzing the proof parser and verifier for ${per_target}s"
cd "$build"
ASAN_OPTIONS=detect_leaks=1 OMP_NUM_THREADS=1 \
  "$build/tests/fuzz/proof_parser_fuzz" -max_total_time="$per_target" -timeout=10 -max_len=65536 \
  -print_final_stats=1 "$corpus"

elf_corpus="$build/corpus/elf_loader"
mkdir -p "$elf_corpus"
"$build/tests/fuzz/elf_loader_fuzz_seed" "$elf_corpus/echo.elf"
echo "== fuzzing the ELF loader and executor for ${per_target}s"
ASAN_OPTIONS=detect_leaks=1 OMP_NUM_THREADS=1 \
  "$build/tests/fuzz/elf_loader_fuzz" -max_total_time="$per_target" -timeout=10 -max_len=16384 \
  -print_final_stats=1 "$elf_corpus"
zkvm_corpus="$build/corpus/zkvm_proof"
mkdir -p "$zkvm_corpus"
OMP_NUM_THREADS=1 "$build/tests/fuzz/zkvm_proof_fuzz_seed" "$zkvm_corpus/honest_proof"
echo "== fuzzing the zkVM proof container, parser and verifier for ${per_target}s"
ASAN_OPTIONS=detect_leaks=1 OMP_NUM_THREADS=1 \
  "$build/tests/fuzz/zkvm_proof_fuzz" -max_total_time="$per_target" -timeout=30 \
  -max_len=1048576 -rss_limit_mb=4096 -print_final_stats=1 "$zkvm_corpus"
echo "== fuzzing: no failure in ${seconds}s"
