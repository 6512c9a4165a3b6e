// The CUDA Backend (DESIGN §5): src/backend/backend.h on one GPU, built from
// GpuNtt and GpuMerkleTree. Host views go to device buffers and back; device
// buffers of each shape are kept and reused between calls (first allocation
// and touch of device memory is not free). Results are bit-identical to
// CpuBackend. Not thread-safe: one backend per rank (per GPU).
#pragma once

#include <memory>

#include "src/backend/backend.h"

namespace baobab::kernels {

// Device 0 with tables for columns up to 2^log_max_size rows; an Error
// (saying why) where no GPU can be used or its memory is too small.
Result<std::unique_ptr<backend::Backend>> make_cuda_backend(int log_max_size);

}  // namespace baobab::kernels
