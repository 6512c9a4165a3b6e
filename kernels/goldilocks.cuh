// Goldilocks arithmetic shared by device kernels and their host emulation: the
// same canonical representation and reduction as src/field/goldilocks.h, so
// results are bit-identical to the CPU. Under nvcc every function is
// __host__ __device__; a plain C++ compiler sees ordinary inline functions,
// which lets tests/kernels/emulation_test.cc run the kernels' per-thread code
// on a machine without a GPU.
#pragma once

#include <cstdint>

#if defined(__CUDACC__)
#define BAOBAB_HD __host__ __device__ __forceinline__
#else
#define BAOBAB_HD inline
#endif

// Loop unrolling for the device pass only (the host compiler rejects the pragma).
#if defined(__CUDA_ARCH__)
#define BAOBAB_UNROLL _Pragma("unroll")
#else
#define BAOBAB_UNROLL
#endif

namespace baobab::kernels::gl {

constexpr uint64_t kModulus = 0xFFFFFFFF00000001ULL;
constexpr uint64_t kEpsilon = 0xFFFFFFFFULL;  // 2^64 mod p

BAOBAB_HD uint64_t canonical(uint64_t x) {
  return x >= kModulus ? x - kModulus : x;
}

BAOBAB_HD uint64_t add(uint64_t a, uint64_t b) {
  const uint64_t sum = a + b;
  return canonical(sum + (sum < a ? kEpsilon : 0));
}

BAOBAB_HD uint64_t sub(uint64_t a, uint64_t b) {
  const uint64_t diff = a - b;
  return diff - (a < b ? kEpsilon : 0);
}

// hi·2^64 + lo with 2^64 = 2^32 - 1 and 2^96 = -1 (mod p).
BAOBAB_HD uint64_t reduce128(uint64_t hi, uint64_t lo) {
  const uint64_t hi_hi = hi >> 32;
  const uint64_t hi_lo = hi & kEpsilon;
  uint64_t t0 = lo - hi_hi;
  t0 -= (lo < hi_hi) ? kEpsilon : 0;
  const uint64_t t1 = hi_lo * kEpsilon;
  uint64_t r = t0 + t1;
  r += (r < t1) ? kEpsilon : 0;
  return canonical(r);
}

BAOBAB_HD uint64_t mul_high(uint64_t a, uint64_t b) {
#if defined(__CUDA_ARCH__)
  return __umul64hi(a, b);
#else
  __extension__ using Uint128 = unsigned __int128;
  return static_cast<uint64_t>((static_cast<Uint128>(a) * b) >> 64);
#endif
}

BAOBAB_HD uint64_t mul(uint64_t a, uint64_t b) {
  return reduce128(mul_high(a, b), a * b);
}

BAOBAB_HD uint64_t pow(uint64_t base, uint64_t exponent) {
  uint64_t result = 1;
  while (exponent != 0) {
    if (exponent & 1) result = mul(result, base);
    base = mul(base, base);
    exponent >>= 1;
  }
  return result;
}

}  // namespace baobab::kernels::gl
