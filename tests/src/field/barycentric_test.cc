// The out-of-domain evaluation (src/field/barycentric.h): evaluate_columns_at
// sums 128-bit products lazily, so it is checked here against the Fp3
// operators on values that make every partial sum wrap, and the barycentric
// weights against a polynomial evaluated directly.
#include "src/field/barycentric.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

#include "src/field/roots.h"

namespace baobab::field {
namespace {

std::vector<Fp3> naive(ConstMatrixView columns, std::span<const Fp3> weights) {
  std::vector<Fp3> out(columns.cols);
  for (uint64_t c = 0; c < columns.cols; ++c) {
    for (uint64_t i = 0; i < columns.rows; ++i) out[c] += weights[i] * columns.at(i, c);
  }
  return out;
}

TEST(EvaluateColumnsAt, LargestValuesWrapTheWideSumAndStillMatch) {
  constexpr uint64_t kRows = 3000;
  constexpr uint64_t kCols = 7;  // not a multiple of the column group
  const Fp top = Fp::from_u64(Fp::kModulus - 1);
  std::vector<Fp> data(kRows * kCols, top);
  const std::vector<Fp3> weights(kRows, Fp3(top, top, top));
  const ConstMatrixView columns(data.data(), kRows, kCols);
  EXPECT_EQ(evaluate_columns_at(columns, weights), naive(columns, weights));
}

TEST(EvaluateColumnsAt, RandomValuesMatch) {
  std::mt19937_64 rng(7);
  constexpr uint64_t kRows = 1024;
  constexpr uint64_t kCols = 9;
  std::vector<Fp> data(kRows * kCols);
  for (Fp& v : data) v = Fp::from_u64(rng());
  std::vector<Fp3> weights(kRows);
  for (Fp3& w : weights) w = {Fp::from_u64(rng()), Fp::from_u64(rng()), Fp::from_u64(rng())};
  const ConstMatrixView columns(data.data(), kRows, kCols);
  EXPECT_EQ(evaluate_columns_at(columns, weights), naive(columns, weights));
}

TEST(EvaluateColumnsAt, BarycentricWeightsEvaluateThePolynomial) {
  // f(x) = 3 + 5x + 7x^2 on <ω_16>, evaluated at z outside it.
  constexpr uint64_t kN = 16;
  const Fp omega = two_adic_root(4);
  std::vector<Fp> column(kN);
  Fp x = Fp::one();
  for (uint64_t i = 0; i < kN; ++i, x *= omega) {
    column[i] = Fp::from_u64(3) + Fp::from_u64(5) * x + Fp::from_u64(7) * x * x;
  }
  const Fp3 z(Fp::from_u64(11), Fp::from_u64(13), Fp::from_u64(17));
  const std::vector<Fp3> weights = barycentric_weights(kN, z, 0, kN);
  const std::vector<Fp3> value =
      evaluate_columns_at(ConstMatrixView(column.data(), kN, 1), weights);
  const Fp3 expected = Fp3(Fp::from_u64(3)) + z * Fp::from_u64(5) + z * z * Fp::from_u64(7);
  EXPECT_EQ(value[0], expected);
}

}  // namespace
}  // namespace baobab::field
