// Goldilocks arithmetic on 4 lanes of an AVX2 register. Include only from
// files compiled with AVX2 enabled (the *_avx2.cc sources, STYLE §9), and call
// only after run-time detection chose SimdLevel::kAvx2 or better.
//
// AVX2 has no unsigned 64-bit compare: flipping the sign bit of both operands
// turns the signed compare into an unsigned one. Lanes are canonical on input
// and output, so results are bit-identical to the scalar Fp operators.
#pragma once

#include <immintrin.h>

#include "src/field/goldilocks.h"

namespace baobab::field::avx2 {

inline __m256i modulus() {
  return _mm256_set1_epi64x(static_cast<long long>(Fp::kModulus));
}
inline __m256i epsilon() {
  return _mm256_set1_epi64x(static_cast<long long>(Fp::kEpsilon));
}
inline __m256i sign_bit() {
  return _mm256_set1_epi64x(static_cast<long long>(1ULL << 63));
}

// All-ones lanes where a < b as unsigned 64-bit integers.
inline __m256i less_than(__m256i a, __m256i b) {
  const __m256i s = sign_bit();
  return _mm256_cmpgt_epi64(_mm256_xor_si256(b, s), _mm256_xor_si256(a, s));
}

inline __m256i canonicalize(__m256i x) {
  const __m256i below_p = less_than(x, modulus());
  return _mm256_sub_epi64(x, _mm256_andnot_si256(below_p, modulus()));
}

// a + b = a - (p - b), plus p when that borrows: 7 operations against 11 for
// add-then-reduce; canonical in, canonical out.
inline __m256i add(__m256i a, __m256i b) {
  const __m256i p = modulus();
  const __m256i q = _mm256_sub_epi64(p, b);  // in [1, p]
  const __m256i d = _mm256_sub_epi64(a, q);
  return _mm256_add_epi64(d, _mm256_and_si256(less_than(a, q), p));
}

inline __m256i sub(__m256i a, __m256i b) {
  const __m256i diff = _mm256_sub_epi64(a, b);
  return _mm256_sub_epi64(diff, _mm256_and_si256(less_than(a, b), epsilon()));
}

// Reduces hi·2^64 + lo per lane (2^96 = -1, 2^64 = 2^32 - 1); hi_lo·(2^32 - 1)
// comes from one vpmuludq.
inline __m256i reduce128(__m256i hi, __m256i lo) {
  const __m256i eps = epsilon();
  const __m256i hi_hi = _mm256_srli_epi64(hi, 32);
  __m256i t0 = _mm256_sub_epi64(lo, hi_hi);
  t0 = _mm256_sub_epi64(t0, _mm256_and_si256(less_than(lo, hi_hi), eps));
  const __m256i t1 = _mm256_mul_epu32(hi, eps);
  __m256i r = _mm256_add_epi64(t0, t1);
  r = _mm256_add_epi64(r, _mm256_and_si256(less_than(r, t1), eps));
  return canonicalize(r);
}

inline void mul_wide(__m256i a, __m256i b, __m256i& hi, __m256i& lo) {
  const __m256i mask32 = epsilon();
  const __m256i a_hi = _mm256_srli_epi64(a, 32);
  const __m256i b_hi = _mm256_srli_epi64(b, 32);
  const __m256i ll = _mm256_mul_epu32(a, b);
  const __m256i lh = _mm256_mul_epu32(a, b_hi);
  const __m256i hl = _mm256_mul_epu32(a_hi, b);
  const __m256i hh = _mm256_mul_epu32(a_hi, b_hi);
  const __m256i t = _mm256_add_epi64(hl, _mm256_srli_epi64(ll, 32));
  const __m256i u = _mm256_add_epi64(lh, _mm256_and_si256(t, mask32));
  lo = _mm256_or_si256(_mm256_slli_epi64(u, 32), _mm256_and_si256(ll, mask32));
  hi = _mm256_add_epi64(hh, _mm256_add_epi64(_mm256_srli_epi64(t, 32), _mm256_srli_epi64(u, 32)));
}

inline __m256i mul(__m256i a, __m256i b) {
  __m256i hi, lo;
  mul_wide(a, b, hi, lo);
  return reduce128(hi, lo);
}

inline __m256i load(const Fp* p) {
  return _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
}
inline void store(Fp* p, __m256i v) {
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(p), v);
}
inline __m256i broadcast(Fp x) {
  return _mm256_set1_epi64x(static_cast<long long>(x.value()));
}

}  // namespace baobab::field::avx2
