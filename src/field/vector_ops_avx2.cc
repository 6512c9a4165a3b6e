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
void mul_add3_avx2(const Fp* a, const Fp* s, Fp* acc0, Fp* acc1, Fp* acc2, uint64_t n) {
  const auto s0 = avx2::broadcast(s[0]);
  const auto s1 = avx2::broadcast(s[1]);
  const auto s2 = avx2::broadcast(s[2]);
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    const auto v = avx2::load(a + i);
    avx2::store(acc0 + i, avx2::add(avx2::load(acc0 + i), avx2::mul(v, s0)));
    avx2::store(acc1 + i, avx2::add(avx2::load(acc1 + i), avx2::mul(v, s1)));
    avx2::store(acc2 + i, avx2::add(avx2::load(acc2 + i), avx2::mul(v, s2)));
  }
  for (; i < n; ++i) {
    acc0[i] += s[0] * a[i];
    acc1[i] += s[1] * a[i];
    acc2[i] += s[2] * a[i];
  }
}
void mul_add3_columns_avx2(const Fp* const* columns, const Fp* s, uint64_t count, Fp* acc0,
                           Fp* acc1, Fp* acc2, uint64_t n) {
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    auto a0 = avx2::load(acc0 + i);
    auto a1 = avx2::load(acc1 + i);
    auto a2 = avx2::load(acc2 + i);
    for (uint64_t c = 0; c < count; ++c) {
      const auto v = avx2::load(columns[c] + i);
      a0 = avx2::add(a0, avx2::mul(v, avx2::broadcast(s[3 * c])));
      a1 = avx2::add(a1, avx2::mul(v, avx2::broadcast(s[3 * c + 1])));
      a2 = avx2::add(a2, avx2::mul(v, avx2::broadcast(s[3 * c + 2])));
    }
    avx2::store(acc0 + i, a0);
    avx2::store(acc1 + i, a1);
    avx2::store(acc2 + i, a2);
  }
  for (; i < n; ++i) {
    for (uint64_t c = 0; c < count; ++c) {
      acc0[i] += s[3 * c] * columns[c][i];
      acc1[i] += s[3 * c + 1] * columns[c][i];
      acc2[i] += s[3 * c + 2] * columns[c][i];
    }
  }
}
void dot3_columns_avx2(const Fp* w0, const Fp* w1, const Fp* w2, const Fp* const* columns,
                       uint64_t count, Fp* out, uint64_t n) {
  for (uint64_t c = 0; c < count; ++c) {
    auto s0 = _mm256_setzero_si256(), s1 = s0, s2 = s0;
    uint64_t i = 0;
    for (; i + 4 <= n; i += 4) {
      const auto v = avx2::load(columns[c] + i);
      s0 = avx2::add(s0, avx2::mul(v, avx2::load(w0 + i)));
      s1 = avx2::add(s1, avx2::mul(v, avx2::load(w1 + i)));
      s2 = avx2::add(s2, avx2::mul(v, avx2::load(w2 + i)));
    }
    alignas(32) Fp lanes[3][4];
    avx2::store(lanes[0], s0);
    avx2::store(lanes[1], s1);
    avx2::store(lanes[2], s2);
    for (int k = 0; k < 3; ++k) {
      Fp sum = lanes[k][0] + lanes[k][1] + lanes[k][2] + lanes[k][3];
      const Fp* w = k == 0 ? w0 : k == 1 ? w1 : w2;
      for (uint64_t j = i; j < n; ++j) sum += w[j] * columns[c][j];
      out[3 * c + static_cast<uint64_t>(k)] = sum;
    }
  }
}
}  // namespace

const VectorKernels kAvx2VectorKernels{
    SimdLevel::kAvx2,      add_avx2,         sub_avx2, mul_avx2, scale_avx2, mul_add3_avx2,
    mul_add3_columns_avx2, dot3_columns_avx2};

}  // namespace baobab::field::detail
