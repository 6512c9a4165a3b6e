#include "src/hash/sha256_hasher.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace baobab::hash {
namespace {

std::vector<Sha256Impl> available_impls() {
  std::vector<Sha256Impl> impls = {Sha256Impl::kOpenSsl};
  if (sha_ni_supported()) impls.push_back(Sha256Impl::kShaNi);
  return impls;
}

class Sha256HasherTest : public ::testing::TestWithParam<Sha256Impl> {};

TEST_P(Sha256HasherTest, RowsBatchEqualsOneAtATimeAndTagsWithZero) {
  const Sha256Hasher hasher(GetParam());
  std::mt19937_64 rng(42);
  for (size_t row_bytes : {0u, 8u, 56u, 63u, 64u, 512u}) {
    const size_t count = 13;
    std::vector<uint8_t> rows(count * row_bytes);
    for (auto& b : rows) b = static_cast<uint8_t>(rng());
    std::vector<Digest> batch(count);
    hasher.hash_rows(rows, row_bytes, batch);
    for (size_t i = 0; i < count; ++i) {
      const auto row = std::span<const uint8_t>(rows).subspan(i * row_bytes, row_bytes);
      EXPECT_EQ(batch[i], hasher.hash_row(row));
      std::vector<uint8_t> tagged = {kLeafTag};
      tagged.insert(tagged.end(), row.begin(), row.end());
      EXPECT_EQ(batch[i], sha256(tagged, Sha256Impl::kOpenSsl));
    }
  }
}

TEST_P(Sha256HasherTest, PairsBatchEqualsOneAtATimeAndTagsWithOne) {
  const Sha256Hasher hasher(GetParam());
  std::mt19937_64 rng(43);
  std::vector<Digest> children(2 * 9);
  for (auto& d : children) {
    for (auto& b : d.bytes) b = static_cast<uint8_t>(rng());
  }
  std::vector<Digest> parents(9);
  hasher.compress_pairs(children, parents);
  for (size_t i = 0; i < parents.size(); ++i) {
    EXPECT_EQ(parents[i], hasher.compress(children[2 * i], children[2 * i + 1]));
    std::vector<uint8_t> tagged = {kNodeTag};
    tagged.insert(tagged.end(), children[2 * i].bytes.begin(), children[2 * i].bytes.end());
    tagged.insert(tagged.end(), children[2 * i + 1].bytes.begin(), children[2 * i + 1].bytes.end());
    EXPECT_EQ(parents[i], sha256(tagged, Sha256Impl::kOpenSsl));
  }
}

TEST_P(Sha256HasherTest, LeafAndNodeOfTheSameBytesDiffer) {
  const Sha256Hasher hasher(GetParam());
  Digest left, right;
  left.bytes[0] = 1;
  right.bytes[0] = 2;
  const Digest pair[2] = {left, right};
  EXPECT_NE(hasher.compress(left, right), hasher.hash_row(as_bytes(pair)));
}

INSTANTIATE_TEST_SUITE_P(AllImpls, Sha256HasherTest, ::testing::ValuesIn(available_impls()),
                         [](const auto& param_info) {
                           return std::string(param_info.param == Sha256Impl::kShaNi ? "ShaNi"
                                                                                     : "OpenSsl");
                         });

TEST(Sha256Hasher, NameIsStable) {
  EXPECT_EQ(Sha256Hasher().name(), "sha256");
}

}  // namespace
}  // namespace baobab::hash
