#include "src/field/vector_ops.h"

#include "src/common/check.h"

namespace baobab::field {

const VectorKernels& vector_kernels(SimdLevel level) {
  BAOBAB_CHECK(static_cast<int>(level) <= static_cast<int>(detect_cpu_simd_level()),
               "vector_kernels: SIMD level not supported by this CPU");
  switch (level) {
    case SimdLevel::kAvx512:
      return detail::kAvx512VectorKernels;
    case SimdLevel::kAvx2:
      return detail::kAvx2VectorKernels;
    case SimdLevel::kScalar:
      break;
  }
  return detail::kScalarVectorKernels;
}

const VectorKernels& vector_kernels() {
  static const VectorKernels& table = vector_kernels(active_simd_level());
  return table;
}

namespace {
void check_sizes(size_t a, size_t b, size_t out) {
  BAOBAB_CHECK(a == out && b == out, "vector op: span sizes differ");
}
}  // namespace

void add(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out) {
  check_sizes(a.size(), b.size(), out.size());
  vector_kernels().add(a.data(), b.data(), out.data(), out.size());
}
void sub(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out) {
  check_sizes(a.size(), b.size(), out.size());
  vector_kernels().sub(a.data(), b.data(), out.data(), out.size());
}
void mul(std::span<const Fp> a, std::span<const Fp> b, std::span<Fp> out) {
  check_sizes(a.size(), b.size(), out.size());
  vector_kernels().mul(a.data(), b.data(), out.data(), out.size());
}
void scale(std::span<const Fp> a, Fp s, std::span<Fp> out) {
  check_sizes(a.size(), a.size(), out.size());
  vector_kernels().scale(a.data(), s, out.data(), out.size());
}

}  // namespace baobab::field
