// Goldilocks arithmetic on the device: the same canonical representation and
// the same reduction as src/field/goldilocks.h, so results are bit-identical
// to the CPU. Include only from .cu files.
#pragma once

#include <cstdint>

namespace baobab::kernels::gl {

constexpr uint64_t kModulus = 0xFFFFFFFF00000001ULL;
constexpr uint64_t kEpsilon = 0xFFFFFFFFULL;  // 2^64 mod p

__device__ __forceinline__ uint64_t canonical(uint64_t x) {
  return x >= kModulus ? x - kModulus : x;
}

__device__ __forceinline__ uint64_t add(uint64_t a, uint64_t b) {
  const uint64_t sum = a + b;
  return canonical(sum + (sum < a ? kEpsilon : 0));
}

__device__ __forceinline__ uint64_t sub(uint64_t a, uint64_t b) {
  const uint64_t diff = a - b;
  return diff - (a < b ? kEpsilon : 0);
}

// hi·2^64 + lo with 2^64 = 2^32 - 1 and 2^96 = -1 (mod p).
__device__ __forceinline__ uint64_t reduce128(uint64_t hi, uint64_t lo) {
  const uint64_t hi_hi = hi >> 32;
  const uint64_t hi_lo = hi & kEpsilon;
  uint64_t t0 = lo - hi_hi;
  t0 -= (lo < hi_hi) ? kEpsilon : 0;
  const uint64_t t1 = hi_lo * kEpsilon;
  uint64_t r = t0 + t1;
  r += (r < t1) ? kEpsilon : 0;
  return canonical(r);
}

__device__ __forceinline__ uint64_t mul(uint64_t a, uint64_t b) {
  return reduce128(__umul64hi(a, b), a * b);
}

}  // namespace baobab::kernels::gl
