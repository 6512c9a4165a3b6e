#include <cuda_runtime.h>

#include "kernels/device.h"

namespace baobab::kernels {

GpuInfo probe_gpus() {
  GpuInfo info;
  int count = 0;
  const cudaError_t status = cudaGetDeviceCount(&count);
  if (status != cudaSuccess) {
    info.unavailable = std::string("cudaGetDeviceCount: ") + cudaGetErrorString(status);
    cudaGetLastError();  // clear the sticky error so later probes start clean
    return info;
  }
  if (count == 0) {
    info.unavailable = "no CUDA device";
    return info;
  }
  info.device_count = count;
  cudaDeviceProp properties{};
  if (cudaGetDeviceProperties(&properties, 0) == cudaSuccess) info.name = properties.name;
  return info;
}

}  // namespace baobab::kernels
