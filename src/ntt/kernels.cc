#include "src/ntt/kernels.h"

#include "src/common/check.h"

namespace baobab::ntt::detail {

const NttKernels& ntt_kernels(SimdLevel level) {
  BAOBAB_CHECK(static_cast<int>(level) <= static_cast<int>(detect_cpu_simd_level()),
               "ntt_kernels: SIMD level not supported by this CPU");
  switch (level) {
    case SimdLevel::kAvx512:
      return kAvx512NttKernels;
    case SimdLevel::kAvx2:
      return kAvx2NttKernels;
    case SimdLevel::kScalar:
      break;
  }
  return kScalarNttKernels;
}

}  // namespace baobab::ntt::detail
