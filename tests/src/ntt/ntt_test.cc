#include "src/ntt/ntt.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "src/field/roots.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::ntt {
namespace {

using testing::bit_reversed;
using testing::naive_evaluate;
using testing::random_column;

constexpr Order kOrders[] = {Order::kNatural, Order::kBitReversed};

const char* name(Order o) {
  return o == Order::kNatural ? "natural" : "bit-reversed";
}

TEST(NttForward, MatchesNaiveDftAtEverySmallSizeOrderAndSimdLevel) {
  constexpr int kMaxLog = 12;
  for (int log_n = 0; log_n <= kMaxLog; ++log_n) {
    const uint64_t n = uint64_t{1} << log_n;
    const auto coeffs = random_column(n, 100 + log_n);
    const auto evals = naive_evaluate(coeffs);
    for (SimdLevel level : supported_simd_levels()) {
      const NttPlan plan(log_n, level);
      for (Order order : kOrders) {
        auto x = coeffs;
        forward(plan, as_matrix(std::span<Fp>(x)), order);
        const auto expected = order == Order::kNatural ? evals : bit_reversed(evals);
        ASSERT_EQ(x, expected) << "log_n " << log_n << " " << to_string(level) << " "
                               << name(order);
      }
    }
  }
}

TEST(NttInverse, MatchesNaiveDftAtEverySmallSizeOrderAndSimdLevel) {
  constexpr int kMaxLog = 12;
  for (int log_n = 0; log_n <= kMaxLog; ++log_n) {
    const uint64_t n = uint64_t{1} << log_n;
    const auto coeffs = random_column(n, 200 + log_n);
    const auto evals = naive_evaluate(coeffs);
    for (SimdLevel level : supported_simd_levels()) {
      const NttPlan plan(log_n, level);
      for (Order order : kOrders) {
        auto x = order == Order::kNatural ? evals : bit_reversed(evals);
        inverse(plan, as_matrix(std::span<Fp>(x)), order);
        ASSERT_EQ(x, coeffs) << "log_n " << log_n << " " << to_string(level) << " " << name(order);
      }
    }
  }
}

TEST(NttCoset, ForwardMatchesNaiveEvaluationOnShiftedPoints) {
  const Fp shift = field::kCosetShift;
  for (int log_n = 0; log_n <= 10; ++log_n) {
    const uint64_t n = uint64_t{1} << log_n;
    const auto coeffs = random_column(n, 300 + log_n);
    const auto evals = naive_evaluate(coeffs, shift);
    for (SimdLevel level : supported_simd_levels()) {
      const NttPlan plan(log_n, level);
      for (Order order : kOrders) {
        auto x = coeffs;
        coset_forward(plan, as_matrix(std::span<Fp>(x)), shift, order);
        ASSERT_EQ(x, order == Order::kNatural ? evals : bit_reversed(evals))
            << "log_n " << log_n << " " << to_string(level) << " " << name(order);
        coset_inverse(plan, as_matrix(std::span<Fp>(x)), shift, order);
        ASSERT_EQ(x, coeffs) << "log_n " << log_n << " " << to_string(level);
      }
    }
  }
}

// Sizes that exercise the out-of-cache strided passes (groups of 1..4 layers).
TEST(NttRoundTrip, InverseOfForwardIsIdentityAtLargeSizes) {
  const NttPlan plan(20);
  for (int log_n : {16, 17, 19, 20}) {
    const auto coeffs = random_column(uint64_t{1} << log_n, 400 + log_n);
    for (Order order : kOrders) {
      auto x = coeffs;
      forward(plan, as_matrix(std::span<Fp>(x)), order);
      inverse(plan, as_matrix(std::span<Fp>(x)), order);
      ASSERT_EQ(x, coeffs) << "log_n " << log_n << " " << name(order);
    }
  }
}

// A single evaluation checked directly catches a round trip that is the
// identity for the wrong reason (e.g. both directions wrong the same way).
TEST(NttForward, LargeTransformMatchesDirectEvaluationAtSampledPoints) {
  constexpr int kLog = 18;
  const uint64_t n = uint64_t{1} << kLog;
  const NttPlan plan(kLog);
  const auto coeffs = random_column(n, 500);
  auto x = coeffs;
  forward(plan, as_matrix(std::span<Fp>(x)), Order::kNatural);
  const Fp w = field::two_adic_root(kLog);
  for (uint64_t i : {uint64_t{0}, uint64_t{1}, uint64_t{12345}, n / 2 + 7, n - 1}) {
    const Fp point = w.pow(i);
    Fp acc = Fp::zero();
    for (uint64_t j = n; j-- > 0;) acc = acc * point + coeffs[j];  // Horner
    ASSERT_EQ(x[i], acc) << "index " << i;
  }
}

TEST(NttSimd, EveryLevelIsBitIdenticalToScalarAtLargeSizes) {
  std::vector<NttPlan> plans;
  for (SimdLevel level : supported_simd_levels()) plans.emplace_back(19, level);
  const NttPlan& scalar = plans.front();
  for (int log_n : {17, 19}) {
    const auto data = random_column(uint64_t{1} << log_n, 600 + log_n);
    for (Order order : kOrders) {
      auto fwd_ref = data;
      forward(scalar, as_matrix(std::span<Fp>(fwd_ref)), order);
      auto inv_ref = data;
      inverse(scalar, as_matrix(std::span<Fp>(inv_ref)), order);
      for (const NttPlan& plan : plans) {
        const SimdLevel level = plan.level();
        auto x = data;
        forward(plan, as_matrix(std::span<Fp>(x)), order);
        ASSERT_EQ(x, fwd_ref) << to_string(level) << " forward " << log_n;
        x = data;
        inverse(plan, as_matrix(std::span<Fp>(x)), order);
        ASSERT_EQ(x, inv_ref) << to_string(level) << " inverse " << log_n;
      }
    }
  }
}

TEST(NttBatch, BatchedColumnsEqualSingleColumnTransforms) {
  constexpr int kLog = 10;
  constexpr uint64_t kRows = uint64_t{1} << kLog;
  constexpr uint64_t kCols = 7;
  const NttPlan plan(kLog);
  std::vector<Fp> batch;
  for (uint64_t c = 0; c < kCols; ++c) {
    const auto col = random_column(kRows, 700 + c);
    batch.insert(batch.end(), col.begin(), col.end());
  }
  for (Order order : kOrders) {
    auto b = batch;
    forward(plan, MatrixView{b.data(), kRows, kCols}, order);
    for (uint64_t c = 0; c < kCols; ++c) {
      std::vector<Fp> single(batch.begin() + c * kRows, batch.begin() + (c + 1) * kRows);
      forward(plan, as_matrix(std::span<Fp>(single)), order);
      ASSERT_TRUE(std::equal(single.begin(), single.end(), b.begin() + c * kRows)) << c;
    }
    inverse(plan, MatrixView{b.data(), kRows, kCols}, order);
    ASSERT_EQ(b, batch);
  }
}

// A view whose column stride exceeds its rows (a block of rows of a taller
// matrix) transforms each column in place and leaves the gaps untouched.
TEST(NttBatch, StridedViewEqualsContiguousBatch) {
  constexpr int kLog = 9;
  constexpr uint64_t kRows = uint64_t{1} << kLog, kCols = 3, kStride = kRows + 24;
  const NttPlan plan(kLog);
  const auto storage = random_column(kStride * kCols, 750);
  auto strided = storage;
  std::vector<Fp> contiguous;
  for (uint64_t c = 0; c < kCols; ++c) {
    contiguous.insert(contiguous.end(), storage.begin() + c * kStride,
                      storage.begin() + c * kStride + kRows);
  }
  forward(plan, MatrixView(strided.data(), kRows, kCols, kStride), Order::kBitReversed);
  forward(plan, MatrixView(contiguous.data(), kRows, kCols), Order::kBitReversed);
  for (uint64_t c = 0; c < kCols; ++c) {
    for (uint64_t r = 0; r < kStride; ++r) {
      const Fp expected = r < kRows ? contiguous[c * kRows + r] : storage[c * kStride + r];
      ASSERT_EQ(strided[c * kStride + r], expected) << "col " << c << " row " << r;
    }
  }
}

TEST(NttThreads, ResultDoesNotDependOnThreadCount) {
  const int saved = omp_get_max_threads();
  const NttPlan plan(18);
  // One large column (threads inside it) and a batch (threads across columns).
  const auto single = random_column(uint64_t{1} << 18, 800);
  const auto batch = random_column((uint64_t{1} << 12) * 6, 801);
  std::vector<std::vector<Fp>> results;
  for (int threads : {1, 2, 3}) {
    omp_set_num_threads(threads);
    auto x = single;
    forward(plan, as_matrix(std::span<Fp>(x)), Order::kNatural);
    auto y = batch;
    coset_forward(plan, MatrixView{y.data(), uint64_t{1} << 12, 6}, field::kCosetShift,
                  Order::kBitReversed);
    x.insert(x.end(), y.begin(), y.end());
    results.push_back(std::move(x));
  }
  omp_set_num_threads(saved);
  ASSERT_EQ(results[0], results[1]);
  ASSERT_EQ(results[0], results[2]);
}

TEST(NttPlanDeathTest, RejectsColumnLongerThanPlanOrNotPowerOfTwo) {
  const NttPlan plan(4);
  std::vector<Fp> x(32);
  EXPECT_DEATH(forward(plan, as_matrix(std::span<Fp>(x)), Order::kNatural), "maximum size");
  std::vector<Fp> y(12);
  EXPECT_DEATH(forward(plan, as_matrix(std::span<Fp>(y)), Order::kNatural), "power of two");
  EXPECT_DEATH(NttPlan(33), "2-adicity");
}

}  // namespace
}  // namespace baobab::ntt
