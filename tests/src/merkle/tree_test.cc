#include "src/merkle/tree.h"

#include <gtest/gtest.h>
#include <omp.h>

#include <vector>

#include "src/field/serialize.h"
#include "src/hash/sha256.h"
#include "src/hash/sha256_hasher.h"
#include "src/merkle/leaves.h"
#include "src/merkle/opening.h"
#include "tests/src/merkle/test_matrix.h"

namespace baobab::merkle {
namespace {

using hash::Sha256Hasher;
using hash::Sha256Impl;
using testing::random_matrix;
using testing::row_block;

// The specification, written directly: SHA-256 (OpenSSL) of tagged bytes,
// recursion over halves.
Digest naive_leaf(const ConstMatrixView& m, size_t r) {
  std::vector<uint8_t> bytes = {0x00};
  for (size_t c = 0; c < m.cols; ++c) {
    uint8_t le[8];
    field::write_le(m.at(r, c), le);
    bytes.insert(bytes.end(), le, le + 8);
  }
  return hash::sha256(bytes, Sha256Impl::kOpenSsl);
}

Digest naive_root(const ConstMatrixView& m, size_t first, size_t count) {
  if (count == 1) return naive_leaf(m, first);
  const Digest l = naive_root(m, first, count / 2);
  const Digest r = naive_root(m, first + count / 2, count / 2);
  std::vector<uint8_t> bytes = {0x01};
  bytes.insert(bytes.end(), l.bytes.begin(), l.bytes.end());
  bytes.insert(bytes.end(), r.bytes.begin(), r.bytes.end());
  return hash::sha256(bytes, Sha256Impl::kOpenSsl);
}

TEST(MerkleTree, RootMatchesNaiveRecursion) {
  const Sha256Hasher hasher;
  for (size_t rows : {1u, 2u, 4u, 64u, 128u, 512u}) {
    for (size_t cols : {1u, 3u, 8u, 64u}) {
      const auto m = random_matrix(rows, cols, 100 * rows + cols);
      const auto tree = MerkleTree::build(hasher, m.view());
      EXPECT_EQ(tree.root(), naive_root(m.view(), 0, rows)) << rows << "x" << cols;
      EXPECT_EQ(tree.num_leaves(), rows);
      EXPECT_EQ(uint64_t{1} << tree.height(), rows);
    }
  }
}

TEST(MerkleTree, OpenSslAndShaNiHashersBuildTheSameTree) {
  if (!hash::sha_ni_supported()) GTEST_SKIP() << "CPU has no SHA extensions";
  const auto m = random_matrix(256, 13, 5);
  const auto a = MerkleTree::build(Sha256Hasher(Sha256Impl::kOpenSsl), m.view());
  const auto b = MerkleTree::build(Sha256Hasher(Sha256Impl::kShaNi), m.view());
  for (unsigned level = 0; level <= a.height(); ++level) {
    EXPECT_TRUE(std::ranges::equal(a.layer(level), b.layer(level))) << "level " << level;
  }
}

TEST(MerkleTree, IdenticalForEveryThreadCount) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(1 << 12, 7, 6);
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const auto one = MerkleTree::build(hasher, m.view());
  std::vector<MerkleTree> others;
  for (int threads : {2, 3}) {
    omp_set_num_threads(threads);
    others.push_back(MerkleTree::build(hasher, m.view()));
  }
  omp_set_num_threads(saved);
  for (const auto& other : others) {
    for (unsigned level = 0; level <= one.height(); ++level) {
      EXPECT_TRUE(std::ranges::equal(one.layer(level), other.layer(level))) << "level " << level;
    }
  }
}

TEST(MerkleTree, RankBlocksCombineToTheSameRoot) {
  const Sha256Hasher hasher;
  const size_t rows = 1 << 10;
  const auto m = random_matrix(rows, 5, 7);
  const auto full = MerkleTree::build(hasher, m.view());
  for (size_t ranks : {1u, 2u, 4u, 8u}) {
    std::vector<Digest> block_roots;
    for (size_t r = 0; r < ranks; ++r) {
      const auto block = row_block(m, r * rows / ranks, rows / ranks);
      block_roots.push_back(subtree_root(hasher, block.view()));
    }
    EXPECT_EQ(root_from_digests(hasher, block_roots), full.root()) << ranks << " ranks";
    // The block roots are exactly one level of the full tree.
    const unsigned level = full.height() - static_cast<unsigned>(std::countr_zero(ranks));
    EXPECT_TRUE(std::ranges::equal(block_roots, full.layer(level))) << ranks << " ranks";
    EXPECT_EQ(MerkleTree::from_leaf_digests(hasher, block_roots).root(), full.root());
    // Strided views of the same rows (no copy) give the same block roots.
    for (size_t r = 0; r < ranks; ++r) {
      const auto view = m.view().row_block(r * rows / ranks, rows / ranks);
      EXPECT_EQ(subtree_root(hasher, view), block_roots[r]) << ranks << " ranks, block " << r;
    }
  }
}

TEST(MerkleTree, FromLeafDigestsRebuildsTheSameTree) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(64, 4, 8);
  const auto built = MerkleTree::build(hasher, m.view());
  const auto leaves = built.layer(0);
  const auto rebuilt =
      MerkleTree::from_leaf_digests(hasher, std::vector<Digest>(leaves.begin(), leaves.end()));
  for (unsigned level = 0; level <= built.height(); ++level) {
    EXPECT_TRUE(std::ranges::equal(built.layer(level), rebuilt.layer(level)));
  }
}

TEST(MerkleTree, SingleLeafTreeRootIsTheLeafDigest) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(1, 3, 9);
  const auto tree = MerkleTree::build(hasher, m.view());
  EXPECT_EQ(tree.height(), 0u);
  EXPECT_EQ(tree.root(), naive_leaf(m.view(), 0));
  EXPECT_TRUE(tree.path(0).empty());
}

TEST(MerkleLeaves, ColumnMajorGatherEqualsRowMajorHashing) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(200, 9, 10);  // not a multiple of the block size
  std::vector<Digest> leaves(m.rows);
  hash_leaves(hasher, m.view(), leaves);
  std::vector<Fp> row_major;
  for (size_t r = 0; r < m.rows; ++r) {
    for (size_t c = 0; c < m.cols; ++c) row_major.push_back(m.view().at(r, c));
  }
  EXPECT_EQ(hash_row_major(hasher, row_major, m.cols), leaves);
  for (size_t r : {0u, 63u, 64u, 199u}) EXPECT_EQ(leaves[r], naive_leaf(m.view(), r));
}

}  // namespace
}  // namespace baobab::merkle

namespace baobab::merkle {
namespace {

TEST(MerkleTreePruned, SameRootNodesAndOpeningsAsTheFullTree) {
  const hash::Sha256Hasher hasher;
  for (size_t rows : {size_t{1}, size_t{2}, size_t{16}, size_t{1} << 15}) {
    const auto m = testing::random_matrix(rows, 3, 40 + rows);
    const auto full = MerkleTree::build(hasher, m.view());
    const auto pruned = MerkleTree::build_pruned(hasher, m.view());
    ASSERT_EQ(pruned.root(), full.root()) << rows << " rows";
    EXPECT_EQ(pruned.pruned_levels(), std::min<unsigned>(MerkleTree::kPrunedLevels, full.height()));
    for (unsigned level = 0; level <= full.height(); ++level) {
      const uint64_t width = rows >> level;
      for (uint64_t i : {uint64_t{0}, width / 2, width - 1}) {
        EXPECT_EQ(pruned.node(level, i), full.node(level, i)) << "level " << level << " node " << i;
      }
    }
    std::vector<uint64_t> indices = {0, rows / 3, rows - 1};
    std::sort(indices.begin(), indices.end());
    indices.erase(std::unique(indices.begin(), indices.end()), indices.end());
    EXPECT_EQ(prove_batch(pruned, indices), prove_batch(full, indices)) << rows << " rows";
  }
}

TEST(MerkleTreePrunedDeathTest, PrunedLayersAreNotStored) {
  const hash::Sha256Hasher hasher;
  const auto m = testing::random_matrix(64, 2, 3);
  const auto pruned = MerkleTree::build_pruned(hasher, m.view());
  EXPECT_DEATH((void)pruned.layer(0), "level not stored");
  EXPECT_EQ(pruned.layer(MerkleTree::kPrunedLevels).size(), 64u >> MerkleTree::kPrunedLevels);
}

}  // namespace
}  // namespace baobab::merkle
