// AVX512 kernels (8 lanes); compiled with -mavx512 flags, called only after
// run-time detection (STYLE §9). Tails shorter than a register use scalar Fp.
#include "src/field/simd/avx512_goldilocks.h"
#include "src/field/vector_ops.h"

namespace baobab::field::detail {

namespace {
constexpr uint64_t kLanes = 8;

template <class VectorOp, class ScalarOp>
void elementwise(const Fp* a, const Fp* b, Fp* out, uint64_t n, VectorOp vop, ScalarOp sop) {
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    avx512::store(out + i, vop(avx512::load(a + i), avx512::load(b + i)));
  for (; i < n; ++i) out[i] = sop(a[i], b[i]);
}

void add_avx512(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx512::add(x, y); },
      [](Fp x, Fp y) { return x + y; });
}
void sub_avx512(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx512::sub(x, y); },
      [](Fp x, Fp y) { return x - y; });
}
void mul_avx512(const Fp* a, const Fp* b, Fp* out, uint64_t n) {
  elementwise(
      a, b, out, n, [](auto x, auto y) { return avx512::mul(x, y); },
      [](Fp x, Fp y) { return x * y; });
}
void scale_avx512(const Fp* a, Fp s, Fp* out, uint64_t n) {
  const auto factor = avx512::broadcast(s);
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes)
    avx512::store(out + i, avx512::mul(avx512::load(a + i), factor));
  for (; i < n; ++i) out[i] = a[i] * s;
}
void mul_add3_avx512(const Fp* a, const Fp* s, Fp* acc0, Fp* acc1, Fp* acc2, uint64_t n) {
  const auto s0 = avx512::broadcast(s[0]);
  const auto s1 = avx512::broadcast(s[1]);
  const auto s2 = avx512::broadcast(s[2]);
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    const auto v = avx512::load(a + i);
    avx512::store(acc0 + i, avx512::add(avx512::load(acc0 + i), avx512::mul(v, s0)));
    avx512::store(acc1 + i, avx512::add(avx512::load(acc1 + i), avx512::mul(v, s1)));
    avx512::store(acc2 + i, avx512::add(avx512::load(acc2 + i), avx512::mul(v, s2)));
  }
  for (; i < n; ++i) {
    acc0[i] += s[0] * a[i];
    acc1[i] += s[1] * a[i];
    acc2[i] += s[2] * a[i];
  }
}
void mul_add3_columns_avx512(const Fp* const* columns, const Fp* s, uint64_t count, Fp* acc0,
                             Fp* acc1, Fp* acc2, uint64_t n) {
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    auto a0 = avx512::load(acc0 + i);
    auto a1 = avx512::load(acc1 + i);
    auto a2 = avx512::load(acc2 + i);
    for (uint64_t c = 0; c < count; ++c) {
      const auto v = avx512::load(columns[c] + i);
      a0 = avx512::add(a0, avx512::mul(v, avx512::broadcast(s[3 * c])));
      a1 = avx512::add(a1, avx512::mul(v, avx512::broadcast(s[3 * c + 1])));
      a2 = avx512::add(a2, avx512::mul(v, avx512::broadcast(s[3 * c + 2])));
    }
    avx512::store(acc0 + i, a0);
    avx512::store(acc1 + i, a1);
    avx512::store(acc2 + i, a2);
  }
  for (; i < n; ++i) {
    for (uint64_t c = 0; c < count; ++c) {
      acc0[i] += s[3 * c] * columns[c][i];
      acc1[i] += s[3 * c + 1] * columns[c][i];
      acc2[i] += s[3 * c + 2] * columns[c][i];
    }
  }
}
void dot3_columns_avx512(const Fp* w0, const Fp* w1, const Fp* w2, const Fp* const* columns,
                         uint64_t count, Fp* out, uint64_t n) {
  __m512i sum[kDotColumns][3];
  for (auto& column_sums : sum) {
    for (__m512i& s : column_sums) s = _mm512_setzero_si512();
  }
  uint64_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    const auto a0 = avx512::load(w0 + i);
    const auto a1 = avx512::load(w1 + i);
    const auto a2 = avx512::load(w2 + i);
    for (uint64_t c = 0; c < count; ++c) {
      const auto v = avx512::load(columns[c] + i);
      sum[c][0] = avx512::add(sum[c][0], avx512::mul(v, a0));
      sum[c][1] = avx512::add(sum[c][1], avx512::mul(v, a1));
      sum[c][2] = avx512::add(sum[c][2], avx512::mul(v, a2));
    }
  }
  for (uint64_t c = 0; c < count; ++c) {
    for (uint64_t k = 0; k < 3; ++k) {
      alignas(64) Fp lanes[kLanes];
      avx512::store(lanes, sum[c][k]);
      Fp total = Fp::zero();
      for (const Fp& lane : lanes) total += lane;
      const Fp* w = k == 0 ? w0 : k == 1 ? w1 : w2;
      for (uint64_t j = i; j < n; ++j) total += w[j] * columns[c][j];
      out[3 * c + k] = total;
    }
  }
}
}  // namespace

const VectorKernels kAvx512VectorKernels{SimdLevel::kAvx512,
                                         add_avx512,
                                         sub_avx512,
                                         mul_avx512,
                                         scale_avx512,
                                         mul_add3_avx512,
                                         mul_add3_columns_avx512,
                                         dot3_columns_avx512};

}  // namespace baobab::field::detail
