#include "src/merkle/opening.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <vector>

#include "src/hash/sha256_hasher.h"
#include "tests/src/merkle/test_matrix.h"

namespace baobab::merkle {
namespace {

using hash::Sha256Hasher;
using testing::random_matrix;

std::vector<uint64_t> random_indices(uint64_t n, size_t k, std::mt19937_64& rng) {
  std::set<uint64_t> s;
  while (s.size() < std::min<uint64_t>(k, n)) s.insert(rng() % n);
  return {s.begin(), s.end()};
}

// Minimal proof size by definition: siblings of nodes on the opened paths
// that are not themselves on an opened path.
size_t naive_proof_size(unsigned height, const std::vector<uint64_t>& indices) {
  std::set<std::pair<unsigned, uint64_t>> on_path;
  for (uint64_t i : indices) {
    for (unsigned level = 0; level <= height; ++level) on_path.insert({level, i >> level});
  }
  size_t count = 0;
  for (const auto& [level, pos] : on_path) {
    if (level < height && !on_path.contains({level, pos ^ 1})) ++count;
  }
  return count;
}

TEST(MerkleOpening, RandomIndexSetsVerify) {
  const Sha256Hasher hasher;
  std::mt19937_64 rng(11);
  for (unsigned height = 0; height <= 9; ++height) {
    const size_t rows = size_t{1} << height;
    const auto m = random_matrix(rows, 3, height);
    const auto tree = MerkleTree::build(hasher, m.view());
    for (size_t k : {1u, 2u, 5u, 17u, 600u}) {
      const auto indices = random_indices(rows, k, rng);
      const auto opening = open_rows(tree, m.view(), indices);
      EXPECT_EQ(opening.siblings.size(), naive_proof_size(height, indices));
      const auto status = verify_batch(hasher, tree.root(), height, 3, opening);
      EXPECT_TRUE(status.ok()) << "height " << height << " k " << k << ": "
                               << status.error().to_string();
    }
  }
}

TEST(MerkleOpening, SingleIndexProofHoldsThePathDigestsLeftToRight) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(64, 2, 12);
  const auto tree = MerkleTree::build(hasher, m.view());
  for (uint64_t i : {0u, 1u, 37u, 63u}) {
    const uint64_t idx[1] = {i};
    const auto batch = prove_batch(tree, idx);
    auto path = tree.path(i);
    ASSERT_EQ(batch.size(), path.size());
    // Left-to-right = siblings left of the leaf top-down, then right of it bottom-up.
    std::vector<Digest> expected;
    for (unsigned level = 6; level-- > 0;) {
      if ((i >> level) & 1) expected.push_back(path[level]);
    }
    for (unsigned level = 0; level < 6; ++level) {
      if (!((i >> level) & 1)) expected.push_back(path[level]);
    }
    EXPECT_EQ(batch, expected) << "leaf " << i;
    const Digest leaf = tree.node(0, i);
    EXPECT_TRUE(
        verify_batch_digests(hasher, tree.root(), 6, idx, std::span<const Digest>(&leaf, 1), batch)
            .ok());
  }
}

TEST(MerkleOpening, VerifyPathAcceptsTheTruePathOnly) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(64, 2, 12);
  const auto tree = MerkleTree::build(hasher, m.view());
  for (uint64_t i : {0u, 1u, 37u, 63u}) {
    const Digest leaf = tree.node(0, i);
    const auto path = tree.path(i);
    EXPECT_TRUE(verify_path(hasher, tree.root(), 6, i, leaf, path).ok());
    EXPECT_FALSE(verify_path(hasher, tree.root(), 6, i ^ 1, leaf, path).ok());
    EXPECT_FALSE(verify_path(hasher, tree.root(), 6, i + 64, leaf, path).ok());
    EXPECT_FALSE(verify_path(hasher, tree.root(), 6, i, leaf, std::span(path).first(5)).ok());
    EXPECT_FALSE(verify_path(hasher, tree.root(), 5, i % 32, leaf, std::span(path).first(5)).ok());
    EXPECT_FALSE(verify_path(hasher, tree.root(), 200, i, leaf, path).ok());
    for (size_t level = 0; level < path.size(); ++level) {
      auto bad = path;
      bad[level].bytes[level] ^= 0x80;
      EXPECT_FALSE(verify_path(hasher, tree.root(), 6, i, leaf, bad).ok()) << level;
    }
  }
}

TEST(MerkleOpening, OpeningEveryLeafNeedsNoSiblings) {
  const Sha256Hasher hasher;
  const auto m = random_matrix(16, 2, 13);
  const auto tree = MerkleTree::build(hasher, m.view());
  std::vector<uint64_t> all(16);
  for (uint64_t i = 0; i < 16; ++i) all[i] = i;
  const auto opening = open_rows(tree, m.view(), all);
  EXPECT_TRUE(opening.siblings.empty());
  EXPECT_TRUE(verify_batch(hasher, tree.root(), 4, 2, opening).ok());
}

// ---------------------------------------------------------------------------
// Rejections. Each case is built so that it would be accepted (or would read
// out of bounds) if the corresponding check were missing.
// ---------------------------------------------------------------------------

class MerkleOpeningTamper : public ::testing::Test {
 protected:
  static constexpr unsigned kHeight = 6;
  static constexpr size_t kWidth = 4;

  void SetUp() override {
    matrix_ = random_matrix(size_t{1} << kHeight, kWidth, 14);
    tree_ = std::make_unique<MerkleTree>(MerkleTree::build(hasher_, matrix_.view()));
    const uint64_t idx[] = {3, 4, 20, 41, 63};
    good_ = open_rows(*tree_, matrix_.view(), idx);
    ASSERT_TRUE(verify(good_).ok());
  }

  Status verify(const BatchOpening& o, unsigned height = kHeight, size_t width = kWidth) const {
    return verify_batch(hasher_, tree_->root(), height, width, o);
  }

  Sha256Hasher hasher_;
  testing::OwnedMatrix matrix_;
  std::unique_ptr<MerkleTree> tree_;
  BatchOpening good_;
};

TEST_F(MerkleOpeningTamper, RejectsAnyChangedRowValue) {
  for (size_t i = 0; i < good_.rows.size(); ++i) {
    BatchOpening bad = good_;
    bad.rows[i] = bad.rows[i] + Fp::one();
    EXPECT_FALSE(verify(bad).ok()) << "value " << i;
    bad = good_;
    bad.rows[i] = Fp::from_u64(bad.rows[i].value() ^ 1);  // a single flipped bit
    EXPECT_FALSE(verify(bad).ok()) << "value " << i;
  }
}

TEST_F(MerkleOpeningTamper, RejectsAFlippedBitInEachSiblingDigest) {
  ASSERT_FALSE(good_.siblings.empty());
  for (size_t s = 0; s < good_.siblings.size(); ++s) {
    for (size_t byte : {0u, 17u, 31u}) {
      BatchOpening bad = good_;
      bad.siblings[s].bytes[byte] ^= 0x40;
      EXPECT_FALSE(verify(bad).ok()) << "sibling " << s << " byte " << byte;
    }
  }
}

TEST_F(MerkleOpeningTamper, RejectsSwappedSiblingDigests) {
  BatchOpening bad = good_;
  std::swap(bad.siblings.front(), bad.siblings.back());
  EXPECT_FALSE(verify(bad).ok());
}

TEST_F(MerkleOpeningTamper, RejectsRowsAttachedToTheWrongIndices) {
  // Indices still sorted, but the first two rows trade places.
  BatchOpening bad = good_;
  std::swap_ranges(bad.rows.begin(), bad.rows.begin() + kWidth, bad.rows.begin() + kWidth);
  EXPECT_FALSE(verify(bad).ok());
  // An index moved to another (unopened) leaf, order kept.
  bad = good_;
  bad.indices[2] = 21;
  EXPECT_FALSE(verify(bad).ok());
}

TEST_F(MerkleOpeningTamper, RejectsUnsortedIndicesEvenWithConsistentRows) {
  // Swap two indices together with their rows: the same leaf set, relabelled.
  BatchOpening bad = good_;
  std::swap(bad.indices[0], bad.indices[1]);
  std::swap_ranges(bad.rows.begin(), bad.rows.begin() + kWidth, bad.rows.begin() + kWidth);
  const auto status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("increasing"), std::string::npos);
}

TEST_F(MerkleOpeningTamper, RejectsDuplicateIndices) {
  // Opening {41} honestly, then claiming {41, 41} with the row twice: without
  // the duplicate check the walk would hash the first copy and accept.
  const uint64_t one[] = {41};
  const BatchOpening single = open_rows(*tree_, matrix_.view(), one);
  BatchOpening bad = single;
  bad.indices = {41, 41};
  bad.rows.insert(bad.rows.end(), single.rows.begin(), single.rows.end());
  const auto status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("increasing"), std::string::npos);
}

TEST_F(MerkleOpeningTamper, RejectsIndexOutOfRange) {
  // Leaf 63 is the rightmost; 63 + 64 would walk the same right-most path.
  const uint64_t last[] = {63};
  BatchOpening bad = open_rows(*tree_, matrix_.view(), last);
  ASSERT_TRUE(verify(bad).ok());
  bad.indices = {63 + 64};
  const auto status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("out of range"), std::string::npos);
}

TEST_F(MerkleOpeningTamper, RejectsWrongRoot) {
  Digest wrong = tree_->root();
  wrong.bytes[5] ^= 1;
  EXPECT_FALSE(verify_batch(hasher_, wrong, kHeight, kWidth, good_).ok());
}

TEST_F(MerkleOpeningTamper, RejectsTruncatedAndExtraDigests) {
  BatchOpening bad = good_;
  bad.siblings.pop_back();
  auto status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("too few"), std::string::npos);

  bad = good_;
  bad.siblings.push_back(bad.siblings.front());
  status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("unused"), std::string::npos);

  bad = good_;
  bad.siblings.clear();
  EXPECT_FALSE(verify(bad).ok());
}

TEST_F(MerkleOpeningTamper, RejectsAnAbsurdNumberOfDigestsBeforeHashing) {
  BatchOpening bad = good_;
  bad.siblings.resize(good_.indices.size() * kHeight + 1);
  const auto status = verify(bad);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message.find("too many"), std::string::npos);
}

TEST_F(MerkleOpeningTamper, RejectsWrongHeight) {
  EXPECT_FALSE(verify(good_, kHeight - 1).ok());
  EXPECT_FALSE(verify(good_, kHeight + 1).ok());
  EXPECT_FALSE(verify(good_, kMaxHeight + 1).ok());
  EXPECT_FALSE(verify(good_, 200).ok());
}

TEST_F(MerkleOpeningTamper, RejectsWrongRowCountsAndWidths) {
  BatchOpening bad = good_;
  bad.rows.pop_back();
  EXPECT_FALSE(verify(bad).ok());
  bad = good_;
  bad.rows.push_back(Fp::one());
  EXPECT_FALSE(verify(bad).ok());
  EXPECT_FALSE(verify(good_, kHeight, kWidth - 1).ok());
  EXPECT_FALSE(verify(good_, kHeight, 0).ok());
  // Fewer indices than rows.
  bad = good_;
  bad.indices.pop_back();
  EXPECT_FALSE(verify(bad).ok());
}

TEST_F(MerkleOpeningTamper, RejectsEmptyOpening) {
  BatchOpening empty;
  EXPECT_FALSE(verify(empty).ok());
  // Digest-level entry point too.
  EXPECT_FALSE(verify_batch_digests(hasher_, tree_->root(), kHeight, {}, {}, {}).ok());
}

TEST_F(MerkleOpeningTamper, RejectsLeafDigestCountMismatch) {
  const uint64_t idx[] = {3, 4};
  const Digest leaves[] = {tree_->node(0, 3)};
  EXPECT_FALSE(
      verify_batch_digests(hasher_, tree_->root(), kHeight, idx, leaves, good_.siblings).ok());
}

}  // namespace
}  // namespace baobab::merkle
