#include "mpi/subtree_plan.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace baobab::mpi
