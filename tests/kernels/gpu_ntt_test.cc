// GpuNtt must equal src/ntt bit for bit: every transform, both orders, every
// blowup, sizes from 1 row to 2^20 (all pass schedules: tail only, strided
// groups of 1 to 4 layers), one and several columns.
#include "kernels/gpu_ntt.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <span>
#include <utility>
#include <vector>

#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "tests/kernels/gpu_test_support.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::kernels {
namespace {

using field::Fp;
using ntt::Order;
using ntt::testing::random_column;

class GpuNttTest : public testing::GpuTest {
 protected:
  static constexpr int kLogMax = 21;
  static const ntt::NttPlan& plan() {
    static const ntt::NttPlan instance(kLogMax);
    return instance;
  }
  GpuNtt gpu() {
    auto created = GpuNtt::create(plan());
    EXPECT_TRUE(created.ok()) << created.error().to_string();
    return std::move(created.value());
  }
};

enum class Transform { kForward, kInverse, kCosetForward, kCosetInverse };

std::vector<Fp> on_gpu(const GpuNtt& ntt, const std::vector<Fp>& input, uint64_t n, uint64_t cols,
                       Transform transform, Order order, Fp shift) {
  auto m = GpuMatrix::allocate(n, cols);
  EXPECT_TRUE(m.ok());
  EXPECT_TRUE(m.value().upload(field::ConstMatrixView(input.data(), n, cols)).ok());
  Status status = Ok{};
  switch (transform) {
    case Transform::kForward:
      status = ntt.forward(m.value(), order);
      break;
    case Transform::kInverse:
      status = ntt.inverse(m.value(), order);
      break;
    case Transform::kCosetForward:
      status = ntt.coset_forward(m.value(), shift, order);
      break;
    case Transform::kCosetInverse:
      status = ntt.coset_inverse(m.value(), shift, order);
      break;
  }
  EXPECT_TRUE(status.ok()) << status.error().to_string();
  EXPECT_TRUE(synchronize().ok());
  std::vector<Fp> out(n * cols);
  EXPECT_TRUE(m.value().download(field::MatrixView(out.data(), n, cols)).ok());
  return out;
}

std::vector<Fp> on_cpu(const ntt::NttPlan& plan, std::vector<Fp> data, uint64_t n, uint64_t cols,
                       Transform transform, Order order, Fp shift) {
  const ntt::MatrixView view(data.data(), n, cols);
  switch (transform) {
    case Transform::kForward:
      ntt::forward(plan, view, order);
      break;
    case Transform::kInverse:
      ntt::inverse(plan, view, order);
      break;
    case Transform::kCosetForward:
      ntt::coset_forward(plan, view, shift, order);
      break;
    case Transform::kCosetInverse:
      ntt::coset_inverse(plan, view, shift, order);
      break;
  }
  return data;
}

TEST_F(GpuNttTest, EveryTransformMatchesTheCpu) {
  const GpuNtt ntt = gpu();
  for (int log_n : {0, 1, 2, 4, 5, 9, 10, 11, 12, 13, 14, 15, 16, 19, 20}) {
    const uint64_t n = uint64_t{1} << log_n;
    for (uint64_t cols : {uint64_t{1}, uint64_t{5}}) {
      if (log_n >= 19 && cols > 1) continue;
      const auto input = random_column(n * cols, 1000 + log_n);
      for (auto transform : {Transform::kForward, Transform::kInverse, Transform::kCosetForward,
                             Transform::kCosetInverse}) {
        for (Order order : {Order::kNatural, Order::kBitReversed}) {
          const Fp shift = field::kCosetShift.pow(3);
          ASSERT_EQ(on_gpu(ntt, input, n, cols, transform, order, shift),
                    on_cpu(plan(), input, n, cols, transform, order, shift))
              << "log_n " << log_n << " cols " << cols << " transform "
              << static_cast<int>(transform) << " order " << static_cast<int>(order);
        }
      }
    }
  }
}

TEST_F(GpuNttTest, LowDegreeExtensionMatchesTheCpu) {
  const GpuNtt ntt = gpu();
  for (int log_n : {0, 1, 3, 4, 10, 11, 12, 15, 17}) {
    const uint64_t n = uint64_t{1} << log_n;
    for (uint64_t blowup : {2, 4, 8, 16}) {
      constexpr uint64_t kCols = 3;
      const uint64_t big_n = n * blowup;
      const auto input = random_column(n * kCols, 2000 + log_n);
      auto in = GpuMatrix::allocate(n, kCols);
      auto out = GpuMatrix::allocate(big_n, kCols);
      ASSERT_TRUE(in.ok() && out.ok());
      ASSERT_TRUE(in.value().upload(field::ConstMatrixView(input.data(), n, kCols)).ok());
      for (bool from_evals : {true, false}) {
        for (Order order : {Order::kNatural, Order::kBitReversed}) {
          const Fp shift = blowup == 4 ? field::kCosetShift.pow(2) : field::kCosetShift;
          std::vector<Fp> expected(big_n * kCols);
          const ntt::MatrixView expected_view(expected.data(), big_n, kCols);
          const ntt::ConstMatrixView input_view(input.data(), n, kCols);
          Status status = Ok{};
          if (from_evals) {
            ntt::lde(plan(), input_view, blowup, expected_view, order, shift);
            status = ntt.lde(in.value(), blowup, out.value(), order, shift);
          } else {
            ntt::lde_from_coefficients(plan(), input_view, blowup, expected_view, order, shift);
            status = ntt.lde_from_coefficients(in.value(), blowup, out.value(), order, shift);
          }
          ASSERT_TRUE(status.ok()) << status.error().to_string();
          std::vector<Fp> got(big_n * kCols);
          ASSERT_TRUE(out.value().download(field::MatrixView(got.data(), big_n, kCols)).ok());
          ASSERT_EQ(got, expected) << "log_n " << log_n << " blowup " << blowup << " evals "
                                   << from_evals << " order " << static_cast<int>(order);
        }
      }
    }
  }
}

TEST_F(GpuNttTest, BadShapesAreErrors) {
  const GpuNtt ntt = gpu();
  auto odd = GpuMatrix::allocate(12, 1);
  ASSERT_TRUE(odd.ok());
  auto status = ntt.forward(odd.value(), Order::kNatural);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("power of two"), std::string::npos);

  auto too_tall = GpuMatrix::allocate(uint64_t{1} << (kLogMax + 1), 1);
  ASSERT_TRUE(too_tall.ok());
  status = ntt.inverse(too_tall.value(), Order::kNatural);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kResourceLimit);

  auto in = GpuMatrix::allocate(8, 2);
  auto out = GpuMatrix::allocate(8 * 3, 2);
  ASSERT_TRUE(in.ok() && out.ok());
  EXPECT_FALSE(ntt.lde(in.value(), 3, out.value(), Order::kNatural).ok());
}

TEST_F(GpuNttTest, OversizedAllocationIsAClearError) {
  auto huge = GpuMatrix::allocate(uint64_t{1} << 40, 64);  // 8 PiB
  ASSERT_FALSE(huge.ok());
  EXPECT_NE(huge.error().message.find("cudaMalloc"), std::string::npos) << huge.error().message;
  auto overflow = GpuMatrix::allocate(uint64_t{1} << 62, 64);
  ASSERT_FALSE(overflow.ok());
  // The device is still usable afterwards.
  auto small = GpuMatrix::allocate(16, 1);
  EXPECT_TRUE(small.ok());
  EXPECT_TRUE(synchronize().ok());
}

// 64-bit indexing: a 2^26 × 65 matrix has more than 2^32 elements (35 GB of
// device memory). Only the first and last columns are compared (the others
// hold whatever the allocation held). Opt-in: BAOBAB_GPU_LARGE=1.
TEST_F(GpuNttTest, MoreThanTwoToThe32ElementsIndexCorrectly) {
  if (std::getenv("BAOBAB_GPU_LARGE") == nullptr) GTEST_SKIP() << "set BAOBAB_GPU_LARGE=1";
  constexpr int kLogRows = 26;
  constexpr uint64_t kRows = uint64_t{1} << kLogRows;
  constexpr uint64_t kCols = 65;
  auto matrix = GpuMatrix::allocate(kRows, kCols);
  if (!matrix.ok()) GTEST_SKIP() << "device too small: " << matrix.error().to_string();
  const ntt::NttPlan large_plan(kLogRows);
  auto ntt = GpuNtt::create(large_plan);
  ASSERT_TRUE(ntt.ok());
  auto first = random_column(kRows, 1);
  auto last = random_column(kRows, 2);
  ASSERT_TRUE(
      matrix.value().upload_columns(0, field::ConstMatrixView(first.data(), kRows, 1)).ok());
  ASSERT_TRUE(
      matrix.value().upload_columns(kCols - 1, field::ConstMatrixView(last.data(), kRows, 1)).ok());
  ASSERT_TRUE(ntt.value().forward(matrix.value(), Order::kBitReversed).ok());
  std::vector<Fp> got(kRows);
  for (auto [column, input] : {std::pair{uint64_t{0}, &first}, std::pair{kCols - 1, &last}}) {
    ASSERT_TRUE(
        matrix.value().download_columns(column, field::MatrixView(got.data(), kRows, 1)).ok());
    ntt::forward(large_plan, field::as_matrix(std::span<Fp>(*input)), Order::kBitReversed);
    ASSERT_EQ(got, *input) << "column " << column;
  }
}

}  // namespace
}  // namespace baobab::kernels
