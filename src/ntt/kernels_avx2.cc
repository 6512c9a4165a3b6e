// AVX2 NTT kernels (4 lanes, radix 8 in 16 registers); compiled with -mavx2
// and called only after run-time detection (STYLE §9).
#include "src/field/simd/avx2_goldilocks.h"
#include "src/ntt/simd_kernels_impl.h"

namespace baobab::ntt::detail {

namespace {
struct Avx2Ops {
  using V = __m256i;
  static constexpr int kLanesLog = 2;
  static constexpr int kMaxGroup = 3;
  static V load(const Fp* p) { return field::avx2::load(p); }
  static void store(Fp* p, V v) { field::avx2::store(p, v); }
  static V sub(V a, V b) { return field::avx2::sub(a, b); }
  static V add(V a, V b) { return field::avx2::add(a, b); }
  static V mul(V a, V b) { return field::avx2::mul(a, b); }
  static V broadcast(Fp x) { return field::avx2::broadcast(x); }

  // In-register transpose of the 4x4 tile r[row] lane col -> r[col] lane row.
  static void transpose(V* r) {
    const V t0 = _mm256_unpacklo_epi64(r[0], r[1]);
    const V t1 = _mm256_unpackhi_epi64(r[0], r[1]);
    const V t2 = _mm256_unpacklo_epi64(r[2], r[3]);
    const V t3 = _mm256_unpackhi_epi64(r[2], r[3]);
    r[0] = _mm256_permute2x128_si256(t0, t2, 0x20);
    r[1] = _mm256_permute2x128_si256(t1, t3, 0x20);
    r[2] = _mm256_permute2x128_si256(t0, t2, 0x31);
    r[3] = _mm256_permute2x128_si256(t1, t3, 0x31);
  }
};
}  // namespace

const NttKernels kAvx2NttKernels = make_kernels<Avx2Ops>(SimdLevel::kAvx2);

}  // namespace baobab::ntt::detail
