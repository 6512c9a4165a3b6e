#include "mpi/message_plan.h"

#include <gtest/gtest.h>

namespace baobab::mpi {
namespace {

TEST(MessagePlan, CoversEveryElementExactlyOnceWithinTheLimit) {
  for (uint64_t total : {uint64_t{0}, uint64_t{1}, uint64_t{10}, uint64_t{1000003}}) {
    for (uint64_t max : {uint64_t{1}, uint64_t{3}, uint64_t{1000}, kMaxMessageCount}) {
      const MessagePlan plan = plan_messages(total, max);
      uint64_t covered = 0;
      for (uint64_t i = 0; i < plan.chunks; ++i) {
        EXPECT_EQ(plan.offset(i), covered);
        EXPECT_GE(plan.count(i), 1u);
        EXPECT_LE(plan.count(i), max);
        covered += plan.count(i);
      }
      EXPECT_EQ(covered, total) << total << " / " << max;
    }
  }
}

TEST(MessagePlan, SplitsTransfersBeyondIntCounts) {
  const uint64_t total = (uint64_t{1} << 33) + 5;  // 8 GiB + 5 elements
  const MessagePlan plan = plan_messages(total);
  EXPECT_EQ(plan.chunks, 5u);
  for (uint64_t i = 0; i < plan.chunks; ++i) EXPECT_TRUE(narrow_count(plan.count(i)).ok());
}

TEST(MessagePlan, NarrowingRefusesCountsAboveIntMax) {
  EXPECT_TRUE(narrow_count(kMaxMessageCount).ok());
  const auto too_big = narrow_count(kMaxMessageCount + 1);
  ASSERT_FALSE(too_big.ok());
  EXPECT_EQ(too_big.error().code, ErrorCode::kResourceLimit);
}

}  // namespace
}  // namespace baobab::mpi
