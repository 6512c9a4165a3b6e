// CpuBackend is src/ntt and src/merkle behind the Backend interface: the same
// results, and bad shapes come back as Errors instead of aborting.
#include "src/backend/cpu_backend.h"

#include <gtest/gtest.h>

#include <vector>

#include "src/ntt/lde.h"
#include "src/ntt/ntt.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::backend {
namespace {

using ntt::testing::random_column;

TEST(CpuBackend, MatchesTheLibraryItWraps) {
  const ntt::NttPlan plan(12);
  CpuBackend cpu(plan);
  EXPECT_EQ(cpu.name(), "cpu");
  EXPECT_EQ(cpu.log_max_size(), 12);
  constexpr uint64_t kRows = 256;
  constexpr uint64_t kCols = 3;
  const auto values = random_column(kRows * kCols, 9);
  auto a = values;
  auto b = values;
  ASSERT_TRUE(cpu.forward(MatrixView(a.data(), kRows, kCols), Order::kNatural).ok());
  ntt::forward(plan, MatrixView(b.data(), kRows, kCols), Order::kNatural);
  EXPECT_EQ(a, b);
  ASSERT_TRUE(cpu.inverse(MatrixView(a.data(), kRows, kCols), Order::kNatural).ok());
  EXPECT_EQ(a, values);

  std::vector<Fp> out(4 * kRows * kCols), expected(4 * kRows * kCols);
  const ConstMatrixView in(values.data(), kRows, kCols);
  auto tree = cpu.lde_and_commit(in, 4, MatrixView(out.data(), 4 * kRows, kCols),
                                 Order::kBitReversed, field::kCosetShift);
  ASSERT_TRUE(tree.ok());
  ntt::lde(plan, in, 4, MatrixView(expected.data(), 4 * kRows, kCols), Order::kBitReversed);
  EXPECT_EQ(out, expected);
  const hash::Sha256Hasher hasher;
  EXPECT_EQ(
      tree.value().root(),
      merkle::MerkleTree::build(hasher, ConstMatrixView(expected.data(), 4 * kRows, kCols)).root());
}

TEST(CpuBackend, BadShapesAreErrors) {
  const ntt::NttPlan plan(8);
  CpuBackend cpu(plan);
  std::vector<Fp> data(1024);
  EXPECT_FALSE(cpu.forward(MatrixView(data.data(), 12, 1), Order::kNatural).ok());
  const auto tall = cpu.inverse(MatrixView(data.data(), 512, 1), Order::kNatural);
  ASSERT_FALSE(tall.ok());
  EXPECT_EQ(tall.error().code, ErrorCode::kResourceLimit);
  EXPECT_FALSE(cpu.coset_inverse(MatrixView(data.data(), 16, 1), Fp::zero(), Order::kNatural).ok());
  const ConstMatrixView in(data.data(), 16, 1);
  EXPECT_FALSE(cpu.lde(in, 3, MatrixView(data.data() + 100, 48, 1), Order::kNatural,
                       field::kCosetShift)
                   .ok());  // blowup 3
  EXPECT_FALSE(cpu.lde(in, 2, MatrixView(data.data() + 100, 64, 1), Order::kNatural,
                       field::kCosetShift)
                   .ok());  // wrong output height
  EXPECT_FALSE(cpu.lde(in, 2, MatrixView(data.data() + 8, 32, 1), Order::kNatural,
                       field::kCosetShift)
                   .ok());  // overlap
  EXPECT_FALSE(cpu.commit_rows(ConstMatrixView(data.data(), 12, 2)).ok());
  EXPECT_FALSE(cpu.commit_rows(ConstMatrixView(data.data(), 16, 0)).ok());
}

}  // namespace
}  // namespace baobab::backend
