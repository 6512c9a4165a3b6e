// Eight field elements in one AVX-512 register, with the operators of Fp and
// Fp3, so that code written once over a value type (the AIRs' eval(), the bus)
// runs on eight rows at a time. Include only from files compiled with AVX-512
// enabled (the *_avx512.cc sources, STYLE §9), and call only after run-time
// detection chose SimdLevel::kAvx512.
//
// Lanes are canonical on input and output (avx512_goldilocks.h), so lane k of
// every result equals the scalar Fp/Fp3 operator on lane k's operands: the
// packed and the scalar evaluators give the same bytes.
#pragma once

#include <array>
#include <cstdint>

#include "src/field/ext3.h"
#include "src/field/goldilocks.h"
#include "src/field/simd/avx512_goldilocks.h"

namespace baobab::field::avx512 {

inline constexpr uint64_t kLanes = 8;

struct PackedFp {
  __m512i v;

  static PackedFp splat(Fp x) { return {broadcast(x)}; }
  static PackedFp zero() { return {_mm512_setzero_si512()}; }
  Fp lane(uint64_t k) const {
    alignas(64) std::array<uint64_t, kLanes> out;
    _mm512_store_si512(out.data(), v);
    return Fp::from_canonical(out[k]);
  }

  [[gnu::always_inline]] friend PackedFp operator+(PackedFp a, PackedFp b) {
    return {add(a.v, b.v)};
  }
  [[gnu::always_inline]] friend PackedFp operator-(PackedFp a, PackedFp b) {
    return {sub(a.v, b.v)};
  }
  [[gnu::always_inline]] friend PackedFp operator-(PackedFp a) {
    return {sub(_mm512_setzero_si512(), a.v)};
  }
  [[gnu::always_inline]] friend PackedFp operator*(PackedFp a, PackedFp b) {
    return {mul(a.v, b.v)};
  }
  // Fp constants on the right (air.h: "Base with Fp constants on the right").
  [[gnu::always_inline]] friend PackedFp operator+(PackedFp a, Fp b) { return a + splat(b); }
  [[gnu::always_inline]] friend PackedFp operator-(PackedFp a, Fp b) { return a - splat(b); }
  [[gnu::always_inline]] friend PackedFp operator*(PackedFp a, Fp b) { return a * splat(b); }
  PackedFp doubled() const { return *this + *this; }
};

// Fp3 = Fp[X]/(X^3 - 2) on eight lanes, coefficient by coefficient.
struct PackedFp3 {
  PackedFp c0, c1, c2;

  static PackedFp3 splat(const Fp3& x) {
    return {PackedFp::splat(x[0]), PackedFp::splat(x[1]), PackedFp::splat(x[2])};
  }
  static PackedFp3 zero() { return {PackedFp::zero(), PackedFp::zero(), PackedFp::zero()}; }
  Fp3 lane(uint64_t k) const { return {c0.lane(k), c1.lane(k), c2.lane(k)}; }

  [[gnu::always_inline]] friend PackedFp3 operator+(const PackedFp3& a, const PackedFp3& b) {
    return {a.c0 + b.c0, a.c1 + b.c1, a.c2 + b.c2};
  }
  [[gnu::always_inline]] friend PackedFp3 operator-(const PackedFp3& a, const PackedFp3& b) {
    return {a.c0 - b.c0, a.c1 - b.c1, a.c2 - b.c2};
  }
  [[gnu::always_inline]] friend PackedFp3 operator-(const PackedFp3& a) {
    return {-a.c0, -a.c1, -a.c2};
  }
  // Schoolbook, as Fp3: X^3 = 2 and X^4 = 2X fold the high terms back.
  [[gnu::always_inline]] friend PackedFp3 operator*(const PackedFp3& a, const PackedFp3& b) {
    const PackedFp d0 = a.c0 * b.c0;
    const PackedFp d1 = a.c0 * b.c1 + a.c1 * b.c0;
    const PackedFp d2 = a.c0 * b.c2 + a.c1 * b.c1 + a.c2 * b.c0;
    const PackedFp d3 = a.c1 * b.c2 + a.c2 * b.c1;
    const PackedFp d4 = a.c2 * b.c2;
    return {d0 + d3.doubled(), d1 + d4.doubled(), d2};
  }
  // Mixed with the base field: Ext ± Base, Ext · Base, Base · Ext, Base ± Ext.
  [[gnu::always_inline]] friend PackedFp3 operator*(const PackedFp3& a, PackedFp b) {
    return {a.c0 * b, a.c1 * b, a.c2 * b};
  }
  [[gnu::always_inline]] friend PackedFp3 operator*(PackedFp a, const PackedFp3& b) {
    return b * a;
  }
  [[gnu::always_inline]] friend PackedFp3 operator+(const PackedFp3& a, PackedFp b) {
    return {a.c0 + b, a.c1, a.c2};
  }
  [[gnu::always_inline]] friend PackedFp3 operator-(const PackedFp3& a, PackedFp b) {
    return {a.c0 - b, a.c1, a.c2};
  }
  [[gnu::always_inline]] friend PackedFp3 operator+(PackedFp a, const PackedFp3& b) {
    return b + a;
  }
  [[gnu::always_inline]] friend PackedFp3 operator-(PackedFp a, const PackedFp3& b) {
    return {a - b.c0, -b.c1, -b.c2};
  }
  // Fp constants on the right.
  [[gnu::always_inline]] friend PackedFp3 operator*(const PackedFp3& a, Fp b) {
    return a * PackedFp::splat(b);
  }
  [[gnu::always_inline]] friend PackedFp3 operator+(const PackedFp3& a, Fp b) {
    return a + PackedFp::splat(b);
  }
  [[gnu::always_inline]] friend PackedFp3 operator-(const PackedFp3& a, Fp b) {
    return a - PackedFp::splat(b);
  }
  PackedFp3& operator+=(const PackedFp3& o) { return *this = *this + o; }
};

}  // namespace baobab::field::avx512
