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
void mul_add3_scalar(const Fp* a, const Fp* s, Fp* acc0, Fp* acc1, Fp* acc2, uint64_t n) {
  for (uint64_t i = 0; i < n; ++i) {
    acc0[i] += s[0] * a[i];
    acc1[i] += s[1] * a[i];
    acc2[i] += s[2] * a[i];
  }
}
void mul_add3_columns_scalar(const Fp* const* columns, const Fp* s, uint64_t count, Fp* acc0,
                             Fp* acc1, Fp* acc2, uint64_t n) {
  for (uint64_t c = 0; c < count; ++c) mul_add3_scalar(columns[c], s + 3 * c, acc0, acc1, acc2, n);
}
void dot3_columns_scalar(const Fp* w0, const Fp* w1, const Fp* w2, const Fp* const* columns,
                         uint64_t count, Fp* out, uint64_t n) {
  for (uint64_t c = 0; c < count; ++c) {
    Fp s0 = Fp::zero(), s1 = Fp::zero(), s2 = Fp::zero();
    for (uint64_t i = 0; i < n; ++i) {
      s0 += w0[i] * columns[c][i];
      s1 += w1[i] * columns[c][i];
      s2 += w2[i] * columns[c][i];
    }
    out[3 * c] = s0;
    out[3 * c + 1] = s1;
    out[3 * c + 2] = s2;
  }
}
}  // namespace

const VectorKernels kScalarVectorKernels{SimdLevel::kScalar,
                                         add_scalar,
                                         sub_scalar,
                                         mul_scalar,
                                         scale_scalar,
                                         mul_add3_scalar,
                                         mul_add3_columns_scalar,
                                         dot3_columns_scalar};

}  // namespace baobab::field::detail
