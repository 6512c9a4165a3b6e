// GpuMerkleTree must build exactly merkle::MerkleTree::build's tree: every
// node of every level, for heights from 1 leaf up and widths that leave every
// remainder in the last SHA-256 block; openings from the downloaded tree.
#include "kernels/gpu_merkle.h"

#include <gtest/gtest.h>

#include "src/hash/sha256_hasher.h"
#include "tests/kernels/gpu_test_support.h"
#include "tests/src/merkle/test_matrix.h"

namespace baobab::kernels {
namespace {

using merkle::testing::random_matrix;

class GpuMerkleTest : public testing::GpuTest {};

TEST_F(GpuMerkleTest, TreeEqualsTheCpuTree) {
  const hash::Sha256Hasher hasher;
  for (uint64_t rows : {uint64_t{1}, uint64_t{2}, uint64_t{4}, uint64_t{64}, uint64_t{1} << 12,
                        uint64_t{1} << 16}) {
    for (uint64_t cols : {1, 2, 7, 8, 9, 15, 64, 100}) {
      if (rows == (uint64_t{1} << 16) && cols > 9) continue;
      const auto m = random_matrix(rows, cols, rows * 131 + cols);
      const auto cpu = merkle::MerkleTree::build(hasher, m.view());
      auto device = GpuMatrix::allocate(rows, cols);
      ASSERT_TRUE(device.ok());
      ASSERT_TRUE(device.value().upload(m.view()).ok());
      auto tree = GpuMerkleTree::allocate(rows);
      ASSERT_TRUE(tree.ok());
      ASSERT_TRUE(tree.value().build(device.value()).ok());
      auto root = tree.value().root();
      ASSERT_TRUE(root.ok());
      ASSERT_EQ(root.value(), cpu.root()) << rows << " x " << cols;
      auto downloaded = tree.value().download();
      ASSERT_TRUE(downloaded.ok());
      for (unsigned level = 0; level <= cpu.height(); ++level) {
        const auto expected = cpu.layer(level);
        const auto got = downloaded.value().layer(level);
        ASSERT_TRUE(std::equal(expected.begin(), expected.end(), got.begin(), got.end()))
            << rows << " x " << cols << " level " << level;
      }
      EXPECT_EQ(downloaded.value().path(rows - 1), cpu.path(rows - 1));
    }
  }
}

TEST_F(GpuMerkleTest, MismatchedShapesAreErrors) {
  EXPECT_FALSE(GpuMerkleTree::allocate(0).ok());
  EXPECT_FALSE(GpuMerkleTree::allocate(12).ok());
  auto tree = GpuMerkleTree::allocate(8);
  auto matrix = GpuMatrix::allocate(16, 2);
  ASSERT_TRUE(tree.ok() && matrix.ok());
  EXPECT_FALSE(tree.value().build(matrix.value()).ok());
}

TEST_F(GpuMerkleTest, Sha256ThroughputIsMeasurable) {
  auto rate = sha256_compressions_per_second(1 << 16, 4);
  ASSERT_TRUE(rate.ok()) << rate.error().to_string();
  EXPECT_GT(rate.value(), 0.0);
}

}  // namespace
}  // namespace baobab::kernels
