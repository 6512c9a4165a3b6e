// AVX-512 NTT kernels (8 lanes, radix 16 in 32 registers); compiled with
// -mavx512* flags and called only after run-time detection (STYLE §9).
// add and mul are re-derived here with fewer integer-ALU operations than the
// generic field::avx512 ones (the butterflies are ALU-bound: about 8% faster);
// they return the same canonical values, so results stay bit-identical.
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
  // a + b = a - (p - b): one subtraction, one compare and a masked add of p
  // (4 operations against 5); canonical in, canonical out.
  static V add(V a, V b) {
    const V p = field::avx512::modulus();
    const V q = _mm512_sub_epi64(p, b);  // in [1, p]
    const V d = _mm512_sub_epi64(a, q);
    return _mm512_mask_add_epi64(d, _mm512_cmplt_epu64_mask(a, q), d, p);
  }
  // Same value as field::avx512::mul; the low product word comes from one
  // vpmullq and hi_lo·(2^32-1) from one vpmuludq, which moves work from the
  // integer ALUs to the multipliers. Canonical in, canonical out.
  static V mul(V a, V b) {
    const V eps = field::avx512::epsilon();
    const V a_hi = _mm512_srli_epi64(a, 32);
    const V b_hi = _mm512_srli_epi64(b, 32);
    const V ll = _mm512_mul_epu32(a, b);
    const V lh = _mm512_mul_epu32(a, b_hi);
    const V hl = _mm512_mul_epu32(a_hi, b);
    const V hh = _mm512_mul_epu32(a_hi, b_hi);
    const V t = _mm512_add_epi64(hl, _mm512_srli_epi64(ll, 32));
    const V u = _mm512_add_epi64(lh, _mm512_and_si512(t, eps));
    const V hi =
        _mm512_add_epi64(hh, _mm512_add_epi64(_mm512_srli_epi64(t, 32), _mm512_srli_epi64(u, 32)));
    const V lo = _mm512_mullo_epi64(a, b);
    // lo + 2^64·hi_lo + 2^96·hi_hi = lo + (2^32-1)·hi_lo - hi_hi (mod p)
    const V hi_hi = _mm512_srli_epi64(hi, 32);
    V t0 = _mm512_sub_epi64(lo, hi_hi);
    t0 = _mm512_mask_sub_epi64(t0, _mm512_cmplt_epu64_mask(lo, hi_hi), t0, eps);
    const V t1 = _mm512_mul_epu32(hi, eps);  // hi_lo·(2^32-1) < 2^64
    V r = _mm512_add_epi64(t0, t1);
    r = _mm512_mask_add_epi64(r, _mm512_cmplt_epu64_mask(r, t1), r, eps);
    return field::avx512::canonicalize(r);
  }
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
