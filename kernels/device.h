// GPU discovery for the CUDA backend. Plain C++: no CUDA type leaves kernels/
// (STYLE §10). Any CUDA error while probing (no driver, no device, a driver
// older than the runtime) means "no GPU": everything must run without one.
#pragma once

#include <string>

namespace baobab::kernels {

struct GpuInfo {
  int device_count = 0;
  std::string name;         // device 0, empty when none
  std::string unavailable;  // why no GPU can be used, empty when one can
};

GpuInfo probe_gpus();

}  // namespace baobab::kernels
