// AVX2 kernels (4 lanes); compiled with -mavx2 flags, called only after
// run-time detection (STYLE §9). Tails shorter than a register use scalar Fp.
#include "src/field/simd/avx2_goldilocks.h"
#include "src/field/vector_ops.h"

namespace baobab::field::detail {

namespace {
constexpr uint64_t kLanes = 4;

template <class VectorOp, class ScalarOp>
void elementwise(const Fp* a, const Fp* b, Fp* out, uint64_t n, VectorOp vop, ScalarOp sop) {
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    avx2::store(out + i, vop(avx2::load(a + i), avx2::load(b + i)));
  for (; i < n; ++i) out[i] = sop(a[i], b[i]);
}

void add_avx2(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx2::add(x, y); },
      [](Fp x, Fp y) { return x + y; });
}
void sub_avx2(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx2::sub(x, y); },
      [](Fp x, Fp y) { return x - y; });
}
void mul_avx2(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx2::mul(x, y); },
      [](Fp x, Fp y) { return x * y; });
}
void scale_avx2(const Fp* a, Fp s, Fp* out, uint64_t n) {
  const auto factor = avx2::broadcast(s);
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) avx2::store(out + i, avx2::mul(avx2::load(a + i), factor));
  for (; i < n; ++i) out[i] = a[i] * s;
}
}  // namespace

const VectorKernels kAvx2VectorKernels{SimdLevel::kAvx2, add_avx2, sub_avx2, mul_avx2, scale_avx2};

}  // namespace baobab::field::detail
