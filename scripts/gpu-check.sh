#!/usr/bin/env bash
# Runs the GPU tests and the GPU benchmark on a machine with an NVIDIA GPU
# (docs/gpu.md). Usage: scripts/gpu-check.sh BUILD_DIR [OUT_DIR] [MAX_LOG]
# BUILD_DIR is a build with CUDA (nvcc found at configure time); the test
# binaries and bench/gpu_bench are taken from it. Logs and the benchmark's
# JSON lines go to OUT_DIR (default: BUILD_DIR/gpu-check).
set -uo pipefail
build=${1:?usage: gpu-check.sh BUILD_DIR [OUT_DIR] [MAX_LOG]}
out=${2:-$build/gpu-check}
max_log=${3:-26}
mkdir -p "$out"
nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv \
  | tee "$out/gpu.txt"
status=0
for test in kernels_emulation_test kernels_test gpu_ntt_test gpu_merkle_test cuda_backend_test; do
  bin=$(find "$build" -name "$test" -type f -perm -u+x | head -1)
  if [[ -z $bin ]]; then echo "missing $test in $build"; status=1; continue; fi
  echo "== $test"
  "$bin" --gtest_brief=1 2>&1 | tee "$out/$test.log" | tail -5
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
done
bench=$(find "$build" -name gpu_bench -type f -perm -u+x | head -1)
if [[ -n $bench ]]; then
  echo "== gpu_bench"
  "$bench" --max-log "$max_log" --json "$out/gpu_bench.jsonl" 2>&1 | tee "$out/gpu_bench.txt"
  [[ ${PIPESTATUS[0]} -eq 0 ]] || status=1
fi
exit $status
