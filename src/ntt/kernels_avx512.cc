// AVX-512 NTT kernels (8 lanes, radix 16 in 32 registers); compiled with
// -mavx512* flags and called only after run-time detection (STYLE §9).
#include "src/field/simd/avx512_goldilocks.h"
#include "src/ntt/simd_kernels_impl.h"

namespace baobab::ntt::detail {

namespace {
struct Avx512Ops {
  using V = __m512i;
  static constexpr int kLanesLog = 3;
  static constexpr int kMaxGroup = 4;
  static V load(const Fp* p) { return field::avx512::load(p); }
  static void store(Fp* p, V v) { field::avx512::store(p, v); }
  static V sub(V a, V b) { return field::avx512::sub(a, b); }
  static V add(V a, V b) { return field::avx512::add(a, b); }
  static V mul(V a, V b) { return field::avx512::mul(a, b); }
  static V broadcast(Fp x) { return field::avx512::broadcast(x); }

  // In-register transpose of the 8x8 tile r[row] lane col -> r[col] lane row.
  // The all-lanes masked forms avoid _mm512_undefined_epi32(), which GCC 12
  // flags as uninitialised under -O2 with sanitizers.
  static void transpose(V* r) {
    constexpr __mmask8 kAll = 0xFF;
    V t[8], u[8];
    for (int i = 0; i < 8; i += 2) {
      t[i] = _mm512_mask_unpacklo_epi64(r[i], kAll, r[i],
                                        r[i + 1]);  // elements 0,2,4,6 of rows i, i+1
      t[i + 1] = _mm512_mask_unpackhi_epi64(r[i], kAll, r[i], r[i + 1]);  // elements 1,3,5,7
    }
    const V lo = _mm512_setr_epi64(0, 1, 8, 9, 4, 5, 12, 13);
    const V hi = _mm512_setr_epi64(2, 3, 10, 11, 6, 7, 14, 15);
    for (int b = 0; b < 8; b += 4) {
      u[b + 0] = _mm512_permutex2var_epi64(t[b], lo, t[b + 2]);      // elements 0, 4
      u[b + 2] = _mm512_permutex2var_epi64(t[b], hi, t[b + 2]);      // elements 2, 6
      u[b + 1] = _mm512_permutex2var_epi64(t[b + 1], lo, t[b + 3]);  // elements 1, 5
      u[b + 3] = _mm512_permutex2var_epi64(t[b + 1], hi, t[b + 3]);  // elements 3, 7
    }
    for (int e = 0; e < 4; ++e) {
      r[e] = _mm512_mask_shuffle_i64x2(u[e], kAll, u[e], u[e + 4], 0x44);
      r[e + 4] = _mm512_mask_shuffle_i64x2(u[e], kAll, u[e], u[e + 4], 0xEE);
    }
  }
};
}  // namespace

const NttKernels kAvx512NttKernels = make_kernels<Avx512Ops>(SimdLevel::kAvx512);

}  // namespace baobab::ntt::detail
