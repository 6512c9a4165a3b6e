// Every CUDA runtime call goes through BAOBAB_CUDA_TRY, which turns a failure
// into an Error naming the call and CUDA's message (STYLE §7). Include only
// from .cu files.
#pragma once

#include <cuda_runtime.h>

#include <string>

#include "src/common/result.h"

namespace baobab::kernels {

inline Error cuda_error(cudaError_t status, const char* call) {
  return Error{ErrorCode::kResourceLimit,
               std::string(call) + " failed: " + cudaGetErrorString(status), "CUDA"};
}

}  // namespace baobab::kernels

#define BAOBAB_CUDA_TRY(call)                                          \
  do {                                                                 \
    const cudaError_t baobab_cuda_status = (call);                     \
    if (baobab_cuda_status != cudaSuccess) {                           \
      return ::baobab::kernels::cuda_error(baobab_cuda_status, #call); \
    }                                                                  \
  } while (false)
