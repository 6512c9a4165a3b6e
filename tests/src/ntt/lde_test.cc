#include "src/ntt/lde.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "src/field/roots.h"
#include "src/ntt/ntt.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::ntt {
namespace {

using testing::bit_reversed;
using testing::naive_evaluate;
using testing::random_column;

constexpr Order kOrders[] = {Order::kNatural, Order::kBitReversed};
constexpr uint64_t kBlowups[] = {2, 4, 8, 16};

std::vector<Fp> make_batch(uint64_t rows, uint64_t cols, uint64_t seed) {
  return random_column(rows * cols, seed);
}

// Interpolating the LDE over kCosetShift·<w_N> must give back a polynomial of
// degree < n equal to the one the input evaluations interpolate.
TEST(Lde, InterpolatesBackToTheOriginalPolynomial) {
  constexpr uint64_t kCols = 3;
  for (int log_n : {0, 1, 3, 6, 9, 12}) {
    const uint64_t n = uint64_t{1} << log_n;
    const auto evals = make_batch(n, kCols, 1000 + log_n);
    for (uint64_t blowup : kBlowups) {
      const uint64_t big = n * blowup;
      const NttPlan plan(__builtin_ctzll(big));
      auto coeffs = evals;
      inverse(plan, MatrixView{coeffs.data(), n, kCols}, Order::kNatural);
      for (Order order : kOrders) {
        std::vector<Fp> out(big * kCols);
        lde(plan, ConstMatrixView{evals.data(), n, kCols}, blowup,
            MatrixView{out.data(), big, kCols}, order);
        coset_inverse(plan, MatrixView{out.data(), big, kCols}, field::kCosetShift, order);
        for (uint64_t c = 0; c < kCols; ++c) {
          for (uint64_t i = 0; i < big; ++i) {
            const Fp expected = i < n ? coeffs[c * n + i] : Fp::zero();
            ASSERT_EQ(out[c * big + i], expected)
                << "log_n " << log_n << " blowup " << blowup << " col " << c << " i " << i;
          }
        }
      }
    }
  }
}

TEST(Lde, MatchesNaiveEvaluationOnTheCoset) {
  constexpr int kLogN = 6;
  constexpr uint64_t kN = uint64_t{1} << kLogN;
  const auto coeffs = random_column(kN, 1100);
  for (uint64_t blowup : kBlowups) {
    const uint64_t big = kN * blowup;
    auto padded = coeffs;
    padded.resize(big, Fp::zero());
    const auto expected = naive_evaluate(padded, field::kCosetShift);
    for (SimdLevel level : supported_simd_levels()) {
      const NttPlan plan(__builtin_ctzll(big), level);
      for (Order order : kOrders) {
        std::vector<Fp> out(big);
        lde_from_coefficients(plan, as_matrix(std::span<const Fp>(coeffs)), blowup,
                              as_matrix(std::span<Fp>(out)), order);
        ASSERT_EQ(out, order == Order::kNatural ? expected : bit_reversed(expected))
            << "blowup " << blowup << " " << to_string(level);
      }
    }
  }
}

TEST(Lde, FromEvaluationsEqualsFromCoefficients) {
  constexpr int kLogN = 11;
  constexpr uint64_t kN = uint64_t{1} << kLogN;
  const NttPlan plan(kLogN + 4);
  const auto evals = make_batch(kN, 2, 1200);
  auto coeffs = evals;
  inverse(plan, MatrixView{coeffs.data(), kN, 2}, Order::kNatural);
  for (uint64_t blowup : kBlowups) {
    std::vector<Fp> a(kN * blowup * 2), b(kN * blowup * 2);
    lde(plan, ConstMatrixView{evals.data(), kN, 2}, blowup, MatrixView{a.data(), kN * blowup, 2},
        Order::kBitReversed);
    lde_from_coefficients(plan, ConstMatrixView{coeffs.data(), kN, 2}, blowup,
                          MatrixView{b.data(), kN * blowup, 2}, Order::kBitReversed);
    ASSERT_EQ(a, b) << blowup;
  }
}

// Large enough for out-of-cache passes; every SIMD level and thread count.
TEST(Lde, BitIdenticalAcrossSimdLevelsThreadCountsAndBatching) {
  constexpr int kLogN = 15;
  constexpr uint64_t kN = uint64_t{1} << kLogN;
  constexpr uint64_t kCols = 2;
  constexpr uint64_t kBlowup = 4;
  const auto evals = make_batch(kN, kCols, 1300);
  const int saved = omp_get_max_threads();
  std::vector<Fp> reference;
  for (SimdLevel level : supported_simd_levels()) {
    const NttPlan plan(kLogN + 2, level);
    for (int threads : {1, 2}) {
      omp_set_num_threads(threads);
      for (Order order : kOrders) {
        std::vector<Fp> out(kN * kBlowup * kCols);
        lde(plan, ConstMatrixView{evals.data(), kN, kCols}, kBlowup,
            MatrixView{out.data(), kN * kBlowup, kCols}, order);
        if (order == Order::kNatural) {  // compare in one order
          for (uint64_t c = 0; c < kCols; ++c) {
            bit_reverse_permute(out.data() + c * kN * kBlowup, kLogN + 2, false);
          }
        }
        if (reference.empty()) reference = out;
        ASSERT_EQ(out, reference) << to_string(level) << " threads " << threads;
        // Column 1 alone gives the same as column 1 of the batch.
        std::vector<Fp> single(kN * kBlowup);
        lde(plan, ConstMatrixView{evals.data() + kN, kN, 1}, kBlowup,
            MatrixView{single.data(), kN * kBlowup, 1}, Order::kBitReversed);
        ASSERT_TRUE(std::equal(single.begin(), single.end(), reference.begin() + kN * kBlowup));
      }
    }
  }
  omp_set_num_threads(saved);
}

TEST(LdeDeathTest, RejectsBadBlowupAndShapes) {
  const NttPlan plan(8);
  std::vector<Fp> in(16), out(16 * 32);
  EXPECT_DEATH(lde(plan, as_matrix(std::span<const Fp>(in)), 3, MatrixView{out.data(), 48, 1},
                   Order::kNatural),
               "blowup");
  EXPECT_DEATH(lde(plan, as_matrix(std::span<const Fp>(in)), 4, MatrixView{out.data(), 32, 1},
                   Order::kNatural),
               "rows");
  EXPECT_DEATH(lde(plan, as_matrix(std::span<const Fp>(in)), 32, MatrixView{out.data(), 512, 1},
                   Order::kNatural),
               "blowup");
}

}  // namespace
}  // namespace baobab::ntt
