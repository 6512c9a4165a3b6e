// Goldilocks arithmetic on 8 lanes of an AVX-512 register. Include only from
// files compiled with AVX-512 enabled (the *_avx512.cc sources, STYLE §9), and
// call only after run-time detection chose SimdLevel::kAvx512.
//
// Every lane holds a canonical value (< p) on input and output, so results
// are bit-identical to the scalar Fp operators.
#pragma once

#include <immintrin.h>

#include "src/field/goldilocks.h"

namespace baobab::field::avx512 {

inline __m512i modulus() {
  return _mm512_set1_epi64(static_cast<long long>(Fp::kModulus));
}
inline __m512i epsilon() {
  return _mm512_set1_epi64(static_cast<long long>(Fp::kEpsilon));
}

[[gnu::always_inline]] inline __m512i canonicalize(__m512i x) {
  const __m512i p = modulus();
  return _mm512_mask_sub_epi64(x, _mm512_cmpge_epu64_mask(x, p), x, p);
}

// a + b = a - (p - b), plus p when that borrows: one subtraction fewer than
// add-then-reduce, and the result is canonical for canonical inputs.
[[gnu::always_inline]] inline __m512i add(__m512i a, __m512i b) {
  const __m512i p = modulus();
  const __m512i q = _mm512_sub_epi64(p, b);  // in [1, p]
  const __m512i d = _mm512_sub_epi64(a, q);
  return _mm512_mask_add_epi64(d, _mm512_cmplt_epu64_mask(a, q), d, p);
}

[[gnu::always_inline]] inline __m512i sub(__m512i a, __m512i b) {
  const __m512i diff = _mm512_sub_epi64(a, b);
  // A borrow added 2^64; subtracting epsilon turns that into +p.
  return _mm512_mask_sub_epi64(diff, _mm512_cmplt_epu64_mask(a, b), diff, epsilon());
}

// The high 64 bits of the 64x64-bit products, from four 32x32 -> 64-bit
// multiplies (AVX-512 has no full 64-bit high multiply).
[[gnu::always_inline]] inline __m512i mul_high(__m512i a, __m512i b) {
  const __m512i mask32 = epsilon();
  // vpmuludq reads only the low 32 bits of each lane, so duplicating the high
  // halves (a shuffle, off the integer ALUs) serves as the shift right by 32.
  const __m512i a_hi = _mm512_castps_si512(_mm512_movehdup_ps(_mm512_castsi512_ps(a)));
  const __m512i b_hi = _mm512_castps_si512(_mm512_movehdup_ps(_mm512_castsi512_ps(b)));
  const __m512i ll = _mm512_mul_epu32(a, b);
  const __m512i lh = _mm512_mul_epu32(a, b_hi);
  const __m512i hl = _mm512_mul_epu32(a_hi, b);
  const __m512i hh = _mm512_mul_epu32(a_hi, b_hi);
  const __m512i t = _mm512_add_epi64(hl, _mm512_srli_epi64(ll, 32));    // cannot overflow
  const __m512i u = _mm512_add_epi64(lh, _mm512_and_si512(t, mask32));  // cannot overflow
  return _mm512_add_epi64(hh, _mm512_add_epi64(_mm512_srli_epi64(t, 32), _mm512_srli_epi64(u, 32)));
}

// The low product word comes from one vpmullq and hi_lo·(2^32 - 1) from one
// vpmuludq: this moves work from the integer ALUs (the bottleneck of NTT
// butterflies) to the multipliers. Then hi·2^64 + lo reduces with
// 2^64 = 2^32 - 1 and 2^96 = -1: lo - hi_hi + hi_lo·(2^32 - 1).
[[gnu::always_inline]] inline __m512i mul(__m512i a, __m512i b) {
  const __m512i eps = epsilon();
  const __m512i hi = mul_high(a, b);
  const __m512i lo = _mm512_mullo_epi64(a, b);
  const __m512i hi_hi = _mm512_srli_epi64(hi, 32);
  __m512i t0 = _mm512_sub_epi64(lo, hi_hi);
  t0 = _mm512_mask_sub_epi64(t0, _mm512_cmplt_epu64_mask(lo, hi_hi), t0, eps);  // borrow: +p
  const __m512i t1 = _mm512_mul_epu32(hi, eps);  // hi_lo·(2^32-1) < 2^64
  __m512i r = _mm512_add_epi64(t0, t1);
  r = _mm512_mask_add_epi64(r, _mm512_cmplt_epu64_mask(r, t1), r, eps);  // carry: +2^64
  return canonicalize(r);
}

inline __m512i load(const Fp* p) {
  return _mm512_loadu_si512(static_cast<const void*>(p));
}
inline void store(Fp* p, __m512i v) {
  _mm512_storeu_si512(static_cast<void*>(p), v);
}
[[gnu::always_inline]] inline __m512i broadcast(Fp x) {
  return _mm512_set1_epi64(static_cast<long long>(x.value()));
}

}  // namespace baobab::field::avx512
