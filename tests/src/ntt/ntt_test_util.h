// Shared helpers for the NTT tests: seeded random columns and the O(n^2)
// oracle (direct evaluation of the polynomial at every point).
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "src/field/goldilocks.h"
#include "src/field/roots.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::ntt::testing {

using field::Fp;

inline std::vector<Fp> random_column(uint64_t n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<Fp> v(n);
  for (auto& x : v) x = Fp::from_u64(rng());
  return v;
}

// sum_j c_j (shift · w^i)^j for i < n, w = two_adic_root(log n): O(n^2).
inline std::vector<Fp> naive_evaluate(const std::vector<Fp>& coeffs, Fp shift = Fp::one()) {
  const uint64_t n = coeffs.size();
  const int log_n = __builtin_ctzll(n);
  const Fp w = field::two_adic_root(log_n);
  std::vector<Fp> pow_w(n);
  Fp p = Fp::one();
  for (uint64_t i = 0; i < n; ++i, p *= w) pow_w[i] = p;
  std::vector<Fp> shifted(coeffs);
  Fp s = Fp::one();
  for (uint64_t j = 0; j < n; ++j, s *= shift) shifted[j] *= s;
  std::vector<Fp> out(n);
  for (uint64_t i = 0; i < n; ++i) {
    Fp acc = Fp::zero();
    uint64_t e = 0;  // i·j mod n
    for (uint64_t j = 0; j < n; ++j) {
      acc += shifted[j] * pow_w[e];
      e = (e + i) & (n - 1);
    }
    out[i] = acc;
  }
  return out;
}

inline std::vector<Fp> bit_reversed(const std::vector<Fp>& v) {
  const int log_n = __builtin_ctzll(v.size());
  std::vector<Fp> out(v.size());
  for (uint64_t i = 0; i < v.size(); ++i) out[reverse_bits(i, log_n)] = v[i];
  return out;
}

}  // namespace baobab::ntt::testing
