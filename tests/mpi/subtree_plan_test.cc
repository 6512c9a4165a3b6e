#include "mpi/subtree_plan.h"

#include <gtest/gtest.h>

#include "src/dist/distributed_ntt.h"

namespace baobab::mpi {
namespace {

TEST(SubtreePlan, RanksCoverAlignedSubtreesContiguouslyForAnyRankCount) {
  for (uint64_t leaves : {uint64_t{1}, uint64_t{8}, uint64_t{1} << 20}) {
    for (uint64_t ranks = 1; ranks <= 9 && ranks <= leaves; ++ranks) {
      const auto plan = plan_subtrees(leaves, ranks);
      ASSERT_TRUE(plan.ok());
      const SubtreePlan& p = plan.value();
      EXPECT_GE(p.subtrees, ranks);
      EXPECT_LT(p.subtrees, 2 * ranks);
      EXPECT_EQ(p.subtrees * p.leaves_per_subtree, leaves);
      uint64_t next_leaf = 0;
      for (uint64_t r = 0; r < ranks; ++r) {
        EXPECT_GE(p.subtree_count(r), 1u) << "rank " << r << " of " << ranks << " idles";
        EXPECT_EQ(p.first_leaf(r), next_leaf);
        next_leaf += p.leaf_count(r);
      }
      EXPECT_EQ(next_leaf, leaves);
    }
  }
}

TEST(SubtreePlan, RejectsImpossibleShapes) {
  EXPECT_FALSE(plan_subtrees(12, 2).ok());  // not a power of two
  EXPECT_FALSE(plan_subtrees(0, 1).ok());
  EXPECT_FALSE(plan_subtrees(4, 5).ok());  // more ranks than leaves
  EXPECT_FALSE(plan_subtrees(4, 0).ok());
}

// The distributed NTT leaves each rank exactly the leaves its Merkle
// subtrees cover, so a rank commits its block of an LDE on its own.
TEST(SubtreePlan, MatchesTheDistributedNttRowBlocks) {
  for (uint64_t ranks : {1, 2, 3, 4, 5, 7, 8}) {
    for (int log_n : {6, 9, 12}) {
      auto subtrees = plan_subtrees(uint64_t{1} << log_n, ranks);
      auto ntt = dist::plan_distributed_ntt(log_n, ranks);
      ASSERT_TRUE(subtrees.ok() && ntt.ok()) << ranks << " " << log_n;
      for (uint64_t r = 0; r < ranks; ++r) {
        EXPECT_EQ(ntt.value().rows.first_row(r), subtrees.value().first_leaf(r));
        EXPECT_EQ(ntt.value().rows.row_count(r), subtrees.value().leaf_count(r));
      }
    }
  }
}

}  // namespace
}  // namespace baobab::mpi
