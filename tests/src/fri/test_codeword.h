// Seeded test data for the FRI tests: random Fp3 polynomials and their
// codewords over kCosetShift · <w_N> in bit-reversed order (the layout
// ntt::lde produces), evaluated with the NTT of each base coordinate.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

#include "src/field/ext3.h"
#include "src/field/roots.h"
#include "src/ntt/ntt.h"

namespace baobab::fri::testing {

using field::Fp;
using field::Fp3;

inline Fp random_fp(std::mt19937_64& rng) {
  return Fp::from_u64(rng());
}
inline Fp3 random_fp3(std::mt19937_64& rng) {
  const Fp a = random_fp(rng);
  const Fp b = random_fp(rng);
  return Fp3(a, b, random_fp(rng));
}

// `size` coefficients, the first `degree_bound` random, the rest zero.
inline std::vector<Fp3> random_coefficients(uint64_t size, uint64_t degree_bound,
                                            std::mt19937_64& rng) {
  std::vector<Fp3> c(size);
  for (uint64_t i = 0; i < degree_bound && i < size; ++i) c[i] = random_fp3(rng);
  return c;
}

// Evaluations of the polynomial with these coefficients (power-of-two
// count N) over shift · <w_N>, bit-reversed.
inline std::vector<Fp3> evaluate_bit_reversed(const std::vector<Fp3>& coefficients,
                                              Fp shift = field::kCosetShift) {
  const uint64_t n = coefficients.size();
  int log_n = 0;
  while ((uint64_t{1} << log_n) < n) ++log_n;
  std::vector<Fp> columns(3 * n);
  for (uint64_t i = 0; i < n; ++i) {
    for (int c = 0; c < 3; ++c) columns[static_cast<uint64_t>(c) * n + i] = coefficients[i][c];
  }
  const ntt::NttPlan plan(log_n);
  ntt::coset_forward(plan, field::MatrixView(columns.data(), n, 3), shift,
                     ntt::Order::kBitReversed);
  std::vector<Fp3> out(n);
  for (uint64_t i = 0; i < n; ++i) out[i] = Fp3(columns[i], columns[n + i], columns[2 * n + i]);
  return out;
}

// A codeword of 2^log_n values of degree < 2^log_n / 2^log_blowup.
inline std::vector<Fp3> honest_codeword(unsigned log_n, unsigned log_blowup, uint64_t seed) {
  std::mt19937_64 rng(seed);
  const uint64_t n = uint64_t{1} << log_n;
  return evaluate_bit_reversed(random_coefficients(n, n >> log_blowup, rng));
}

}  // namespace baobab::fri::testing
