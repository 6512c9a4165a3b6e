// Element-wise Goldilocks multiplication on the GPU: the first CUDA kernel,
// used to test the device arithmetic against the CPU and to measure it.
// Host spans in, host span out (copies included); errors (no GPU, too little
// device memory, a failed launch) come back as an Error naming the CUDA call.
#pragma once

#include <span>

#include "src/common/result.h"
#include "src/field/goldilocks.h"

namespace baobab::kernels {

Status gpu_mul(std::span<const field::Fp> a, std::span<const field::Fp> b,
               std::span<field::Fp> out);

// Times `repetitions` in-place multiplies of n device-resident elements and
// returns multiplies per second (CUDA events; data stays on the device).
Result<double> gpu_mul_throughput(uint64_t n, int repetitions);

}  // namespace baobab::kernels
