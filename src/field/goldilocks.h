// The Goldilocks prime field F_p, p = 2^64 - 2^32 + 1 (DESIGN §2).
//
// Every Fp holds its canonical representative in [0, p): equality is plain
// integer equality and serialisation is the little-endian value. Arithmetic
// uses the special form of p: 2^64 = 2^32 - 1 (mod p) and 2^96 = -1 (mod p),
// so a 128-bit product reduces with a few 64-bit additions and no division.
// Used by everything above this layer; vector kernels live in simd/.
#pragma once

#include <cstdint>

#include "src/common/check.h"

namespace baobab::field {

// GCC and Clang provide 128-bit integers on 64-bit targets; __extension__ keeps
// -Wpedantic quiet about it.
__extension__ typedef unsigned __int128 uint128_t;

class Fp {
 public:
  static constexpr uint64_t kModulus = 0xFFFFFFFF00000001ULL;
  // 2^64 mod p: what a carry out of bit 63 is worth.
  static constexpr uint64_t kEpsilon = 0xFFFFFFFFULL;
  // 7 generates the whole multiplicative group (order p - 1 = 2^32·3·5·17·257·65537).
  static constexpr uint64_t kGenerator = 7;
  // The 2-adic part of p - 1: subgroups of order 2^k exist for k <= 32.
  static constexpr int kTwoAdicity = 32;

  constexpr Fp() = default;

  // From a value already known to be canonical (< p); checked.
  static constexpr Fp from_canonical(uint64_t value) {
    BAOBAB_CHECK(value < kModulus, "Fp::from_canonical: value >= p");
    return Fp(value, Raw{});
  }
  // From any 64-bit integer, reduced modulo p.
  static constexpr Fp from_u64(uint64_t value) { return Fp(canonical(value), Raw{}); }
  static constexpr Fp zero() { return Fp(); }
  static constexpr Fp one() { return Fp(1, Raw{}); }

  constexpr uint64_t value() const { return v_; }
  constexpr bool is_zero() const { return v_ == 0; }

  friend constexpr bool operator==(Fp a, Fp b) = default;

  friend constexpr Fp operator+(Fp a, Fp b) {
    // Branch-free: on random data every branch here would mispredict half the time.
    uint64_t sum = 0;
    const bool carry = __builtin_add_overflow(a.v_, b.v_, &sum);
    // a + b = sum + 2^64 = sum + kEpsilon (mod p), and then sum + kEpsilon < p.
    sum += kEpsilon & (0 - static_cast<uint64_t>(carry));
    return Fp(canonical(sum), Raw{});
  }

  friend constexpr Fp operator-(Fp a, Fp b) {
    uint64_t diff = 0;
    const bool borrow = __builtin_sub_overflow(a.v_, b.v_, &diff);
    // diff wrapped by +2^64; adding p instead means subtracting kEpsilon.
    return Fp(diff - (kEpsilon & (0 - static_cast<uint64_t>(borrow))), Raw{});
  }

  friend constexpr Fp operator-(Fp a) { return Fp() - a; }

  friend constexpr Fp operator*(Fp a, Fp b) {
    return Fp(reduce128(static_cast<uint128_t>(a.v_) * b.v_), Raw{});
  }

  constexpr Fp& operator+=(Fp other) { return *this = *this + other; }
  constexpr Fp& operator-=(Fp other) { return *this = *this - other; }
  constexpr Fp& operator*=(Fp other) { return *this = *this * other; }

  constexpr Fp square() const { return *this * *this; }
  constexpr Fp doubled() const { return *this + *this; }

  constexpr Fp pow(uint64_t exponent) const {
    Fp result = one();
    Fp base = *this;
    while (exponent != 0) {
      if (exponent & 1) result *= base;
      base = base.square();
      exponent >>= 1;
    }
    return result;
  }

  // Multiplicative inverse by Fermat (a^(p-2)); the inverse of zero is a
  // broken invariant, not a value.
  constexpr Fp inverse() const {
    BAOBAB_CHECK(v_ != 0, "Fp::inverse of zero");
    return pow(kModulus - 2);
  }

  // Reduce a full 128-bit product to its canonical representative.
  static constexpr uint64_t reduce128(uint128_t x) {
    const uint64_t lo = static_cast<uint64_t>(x);
    const uint64_t hi = static_cast<uint64_t>(x >> 64);
    const uint64_t hi_hi = hi >> 32;       // weight 2^96 = -1
    const uint64_t hi_lo = hi & kEpsilon;  // weight 2^64 = 2^32 - 1
    uint64_t t0 = 0;
    const bool borrow = __builtin_sub_overflow(lo, hi_hi, &t0);
    t0 -= kEpsilon & (0 - static_cast<uint64_t>(borrow));  // + p; cannot wrap again
    const uint64_t t1 = hi_lo * kEpsilon;                  // < 2^64
    uint64_t r = 0;
    const bool carry = __builtin_add_overflow(t0, t1, &r);
    r += kEpsilon & (0 - static_cast<uint64_t>(carry));  // cannot wrap again
    return canonical(r);
  }

  // The representative in [0, p) of any 64-bit value.
  static constexpr uint64_t canonical(uint64_t x) { return x >= kModulus ? x - kModulus : x; }

 private:
  struct Raw {};
  constexpr Fp(uint64_t value, Raw) : v_(value) {}

  uint64_t v_ = 0;
};

static_assert(sizeof(Fp) == 8,
              "Fp must be one machine word: spans of Fp are reinterpreted as bytes");

}  // namespace baobab::field
