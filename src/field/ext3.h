// The cubic extension F_p^3 = F_p[X] / (X^3 - 2) used for challenges, DEEP,
// FRI and LogUp sums (DESIGN §2: a quadratic extension caps proven soundness
// below 100 bits at our trace sizes).
//
// X^3 - 2 is irreducible because 3 divides p - 1 and 2 is not a cube in F_p
// (2^((p-1)/3) != 1); tests/src/field/ext3_test.cc checks this with GMP and a
// Rabin irreducibility test. A binomial modulus makes the reduction a doubling.
#pragma once

#include <array>

#include "src/field/goldilocks.h"

namespace baobab::field {

class Fp3 {
  // A sum of a few 64x64-bit products: 128 bits and the carries above them
  // (at most 4 here), reduced modulo p once. 2^128 = -2^32 (mod p).
  class WideSum {
   public:
    [[gnu::always_inline]] constexpr void add(Fp a, Fp b) {
      const uint128_t product = static_cast<uint128_t>(a.value()) * b.value();
      low_ += product;
      high_ += low_ < product ? 1 : 0;
    }
    [[gnu::always_inline]] constexpr void double_it() {
      high_ = (high_ << 1) | static_cast<uint64_t>(low_ >> 127);
      low_ <<= 1;
    }
    [[gnu::always_inline]] constexpr Fp reduce() const {
      return Fp::from_canonical(Fp::reduce128(low_)) - Fp::from_u64(high_ << 32);
    }

   private:
    uint128_t low_ = 0;
    uint64_t high_ = 0;
  };

 public:
  // X^3 = kNonResidue.
  static constexpr uint64_t kNonResidue = 2;

  constexpr Fp3() = default;
  constexpr Fp3(Fp c0, Fp c1, Fp c2) : c_{c0, c1, c2} {}
  // The embedding of the base field.
  constexpr explicit Fp3(Fp c0) : c_{c0, Fp::zero(), Fp::zero()} {}

  static constexpr Fp3 zero() { return Fp3(); }
  static constexpr Fp3 one() { return Fp3(Fp::one()); }

  // Coefficient of X^i.
  constexpr Fp operator[](int i) const { return c_[static_cast<size_t>(i)]; }
  constexpr const std::array<Fp, 3>& coeffs() const { return c_; }
  constexpr bool is_zero() const { return c_[0].is_zero() && c_[1].is_zero() && c_[2].is_zero(); }
  constexpr bool is_base() const { return c_[1].is_zero() && c_[2].is_zero(); }

  friend constexpr bool operator==(const Fp3& a, const Fp3& b) = default;

  friend constexpr Fp3 operator+(const Fp3& a, const Fp3& b) {
    return {a.c_[0] + b.c_[0], a.c_[1] + b.c_[1], a.c_[2] + b.c_[2]};
  }
  friend constexpr Fp3 operator-(const Fp3& a, const Fp3& b) {
    return {a.c_[0] - b.c_[0], a.c_[1] - b.c_[1], a.c_[2] - b.c_[2]};
  }
  friend constexpr Fp3 operator-(const Fp3& a) { return {-a.c_[0], -a.c_[1], -a.c_[2]}; }

  // Forced inline: constraint and bus evaluation call these in large bodies.
  // Schoolbook with X^3 = 2 and X^4 = 2X folding the high terms back in
  // with doublings; each coefficient sums its 128-bit products first and is
  // reduced once (3 reductions instead of 9).
  [[gnu::always_inline]] friend constexpr Fp3 operator*(const Fp3& a, const Fp3& b) {
    const auto& [a0, a1, a2] = a.c_;
    const auto& [b0, b1, b2] = b.c_;
    WideSum d0, d1, d2;
    d0.add(a1, b2);
    d0.add(a2, b1);
    d0.double_it();
    d0.add(a0, b0);
    d1.add(a2, b2);
    d1.double_it();
    d1.add(a0, b1);
    d1.add(a1, b0);
    d2.add(a0, b2);
    d2.add(a1, b1);
    d2.add(a2, b0);
    return {d0.reduce(), d1.reduce(), d2.reduce()};
  }
  [[gnu::always_inline]] friend constexpr Fp3 operator*(const Fp3& a, Fp b) {
    return {a.c_[0] * b, a.c_[1] * b, a.c_[2] * b};
  }
  friend constexpr Fp3 operator*(Fp a, const Fp3& b) { return b * a; }
  friend constexpr Fp3 operator+(const Fp3& a, Fp b) { return {a.c_[0] + b, a.c_[1], a.c_[2]}; }
  friend constexpr Fp3 operator-(const Fp3& a, Fp b) { return {a.c_[0] - b, a.c_[1], a.c_[2]}; }

  constexpr Fp3& operator+=(const Fp3& o) { return *this = *this + o; }
  constexpr Fp3& operator-=(const Fp3& o) { return *this = *this - o; }
  constexpr Fp3& operator*=(const Fp3& o) { return *this = *this * o; }
  constexpr Fp3& operator*=(Fp o) { return *this = *this * o; }

  constexpr Fp3 square() const { return *this * *this; }

  constexpr Fp3 pow(uint64_t exponent) const {
    Fp3 result = one();
    Fp3 base = *this;
    while (exponent != 0) {
      if (exponent & 1) result *= base;
      base = base.square();
      exponent >>= 1;
    }
    return result;
  }

  // Inverse through the adjugate of multiplication-by-a: a · (c0 + c1 X + c2 X^2)
  // equals the norm N(a) in F_p, so one base-field inversion suffices.
  constexpr Fp3 inverse() const {
    BAOBAB_CHECK(!is_zero(), "Fp3::inverse of zero");
    const auto& [a0, a1, a2] = c_;
    const Fp w = Fp::from_canonical(kNonResidue);
    const Fp c0 = a0.square() - w * a1 * a2;
    const Fp c1 = w * a2.square() - a0 * a1;
    const Fp c2 = a1.square() - a0 * a2;
    const Fp norm = a0 * c0 + w * (a2 * c1 + a1 * c2);
    const Fp inv_norm = norm.inverse();
    return {c0 * inv_norm, c1 * inv_norm, c2 * inv_norm};
  }

 private:
  std::array<Fp, 3> c_{};
};

static_assert(sizeof(Fp3) == 24);

}  // namespace baobab::field
