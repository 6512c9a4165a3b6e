// Portable reference kernels: the oracle every vector path is tested against.
#include "src/field/vector_ops.h"

namespace baobab::field::detail {

namespace {
void add_scalar(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) out[i] = a[i] + b[i];
}
void sub_scalar(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) out[i] = a[i] - b[i];
}
void mul_scalar(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) out[i] = a[i] * b[i];
}
void scale_scalar(const Fp* a, Fp s, Fp* out, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) out[i] = a[i] * s;
}
}  // namespace

const VectorKernels kScalarVectorKernels{SimdLevel::kScalar, add_scalar, sub_scalar, mul_scalar,
                                         scale_scalar};

}  // namespace baobab::field::detail
