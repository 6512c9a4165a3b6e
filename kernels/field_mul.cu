#include <cuda_runtime.h>

#include <vector>

#include "kernels/cuda_check.h"
#include "kernels/device_buffer.h"
#include "kernels/field_mul.h"
#include "kernels/goldilocks.cuh"

namespace baobab::kernels {

namespace {

constexpr unsigned kThreadsPerBlock = 256;

// Grid-stride loop with 64-bit indices: any n fits, whatever the grid size.
__global__ void mul_kernel(const uint64_t* a, const uint64_t* b, uint64_t* out, uint64_t n) {
  const uint64_t stride = static_cast<uint64_t>(gridDim.x) * blockDim.x;
  for (uint64_t i = static_cast<uint64_t>(blockIdx.x) * blockDim.x + threadIdx.x; i < n;
       i += stride) {
    out[i] = gl::mul(a[i], b[i]);
  }
}

unsigned grid_for(uint64_t n) {
  const uint64_t blocks = (n + kThreadsPerBlock - 1) / kThreadsPerBlock;
  return static_cast<unsigned>(blocks < 65535 * 16 ? (blocks == 0 ? 1 : blocks) : 65535 * 16);
}

}  // namespace

Status gpu_mul(std::span<const field::Fp> a, std::span<const field::Fp> b,
               std::span<field::Fp> out) {
  if (a.size() != out.size() || b.size() != out.size()) {
    return Error{ErrorCode::kInvalidArgument, "gpu_mul: span sizes differ", "CUDA"};
  }
  const uint64_t n = out.size();
  if (n == 0) return Ok{};
  auto da = DeviceBuffer<uint64_t>::allocate(n);
  if (!da) return da.error();
  auto db = DeviceBuffer<uint64_t>::allocate(n);
  if (!db) return db.error();
  const uint64_t bytes = n * sizeof(uint64_t);
  BAOBAB_CUDA_TRY(cudaMemcpy(da.value().data(), a.data(), bytes, cudaMemcpyHostToDevice));
  BAOBAB_CUDA_TRY(cudaMemcpy(db.value().data(), b.data(), bytes, cudaMemcpyHostToDevice));
  mul_kernel<<<grid_for(n), kThreadsPerBlock>>>(da.value().data(), db.value().data(),
                                                da.value().data(), n);
  BAOBAB_CUDA_TRY(cudaGetLastError());
  BAOBAB_CUDA_TRY(cudaMemcpy(out.data(), da.value().data(), bytes, cudaMemcpyDeviceToHost));
  return Ok{};
}

Result<double> gpu_mul_throughput(uint64_t n, int repetitions) {
  if (n == 0 || repetitions <= 0) {
    return Error{ErrorCode::kInvalidArgument, "gpu_mul_throughput: empty run", "CUDA"};
  }
  auto da = DeviceBuffer<uint64_t>::allocate(n);
  if (!da) return da.error();
  auto db = DeviceBuffer<uint64_t>::allocate(n);
  if (!db) return db.error();
  std::vector<uint64_t> host(n);
  for (uint64_t i = 0; i < n; ++i) host[i] = (i * 0x9E3779B97F4A7C15ULL) % field::Fp::kModulus;
  BAOBAB_CUDA_TRY(cudaMemcpy(da.value().data(), host.data(), n * 8, cudaMemcpyHostToDevice));
  BAOBAB_CUDA_TRY(cudaMemcpy(db.value().data(), host.data(), n * 8, cudaMemcpyHostToDevice));
  mul_kernel<<<grid_for(n), kThreadsPerBlock>>>(da.value().data(), db.value().data(),
                                                da.value().data(), n);  // warm-up
  BAOBAB_CUDA_TRY(cudaGetLastError());
  cudaEvent_t start{}, stop{};
  BAOBAB_CUDA_TRY(cudaEventCreate(&start));
  BAOBAB_CUDA_TRY(cudaEventCreate(&stop));
  BAOBAB_CUDA_TRY(cudaEventRecord(start));
  for (int r = 0; r < repetitions; ++r) {
    mul_kernel<<<grid_for(n), kThreadsPerBlock>>>(da.value().data(), db.value().data(),
                                                  da.value().data(), n);
  }
  BAOBAB_CUDA_TRY(cudaEventRecord(stop));
  BAOBAB_CUDA_TRY(cudaEventSynchronize(stop));
  float ms = 0;
  BAOBAB_CUDA_TRY(cudaEventElapsedTime(&ms, start, stop));
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  BAOBAB_CUDA_TRY(cudaGetLastError());
  return static_cast<double>(n) * repetitions / (static_cast<double>(ms) * 1e-3);
}

}  // namespace baobab::kernels
