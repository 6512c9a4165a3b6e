#include "src/dist/block_split.h"

#include <gtest/gtest.h>

namespace baobab::dist {
namespace {

TEST(BlockSplit, EveryUnitBelongsToExactlyOneRankInOrder) {
  for (uint64_t ranks : {1, 2, 3, 4, 5, 7, 8, 16}) {
    for (uint64_t units : {ranks, ranks + 1, uint64_t{64}, uint64_t{1000}}) {
      auto split = split_blocks(units, 8, ranks);
      ASSERT_TRUE(split.ok());
      uint64_t next = 0;
      for (uint64_t r = 0; r < ranks; ++r) {
        EXPECT_EQ(split.value().first_unit(r), next);
        EXPECT_GE(split.value().unit_count(r), units / ranks);
        EXPECT_LE(split.value().unit_count(r), units / ranks + 1);
        EXPECT_EQ(split.value().row_count(r), 8 * split.value().unit_count(r));
        next += split.value().unit_count(r);
      }
      EXPECT_EQ(next, units);
    }
  }
}

TEST(BlockSplit, ImpossibleSplitsAreErrors) {
  EXPECT_FALSE(split_blocks(3, 8, 4).ok());
  EXPECT_FALSE(split_blocks(8, 8, 0).ok());
  EXPECT_FALSE(split_blocks(uint64_t{1} << 62, uint64_t{1} << 4, 2).ok());
  // 64-bit sizes: 2^40 units of 2^20 rows over 3 ranks.
  auto big = split_blocks(uint64_t{1} << 40, uint64_t{1} << 20, 3);
  ASSERT_TRUE(big.ok());
  EXPECT_EQ(big.value().first_row(3), uint64_t{1} << 60);
}

}  // namespace
}  // namespace baobab::dist
