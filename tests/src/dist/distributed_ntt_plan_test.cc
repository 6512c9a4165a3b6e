// The distributed NTT's plan (no MPI) and its single-rank run, which must
// equal ntt::forward / ntt::inverse exactly.
#include <gtest/gtest.h>

#include <vector>

#include "src/dist/distributed_ntt.h"
#include "src/ntt/ntt.h"
#include "tests/src/ntt/ntt_test_util.h"

namespace baobab::dist {
namespace {

using ntt::Order;
using ntt::testing::random_column;

TEST(DistributedNttPlan, ExchangesMoveEveryElementOnce) {
  for (uint64_t ranks : {1, 2, 3, 4, 5, 8}) {
    for (int log_n : {6, 7, 12, 15}) {
      auto plan = plan_distributed_ntt(log_n, ranks);
      ASSERT_TRUE(plan.ok()) << log_n << " " << ranks;
      uint64_t moved_first = 0;
      uint64_t moved_second = 0;
      for (uint64_t from = 0; from < ranks; ++from) {
        uint64_t sent = 0;
        uint64_t sent_second = 0;
        for (uint64_t to = 0; to < ranks; ++to) {
          sent += plan.value().first_exchange_count(from, to);
          sent_second += plan.value().second_exchange_count(from, to);
        }
        // Each rank sends its whole block, in either layout.
        EXPECT_EQ(sent, plan.value().rows.row_count(from));
        EXPECT_EQ(sent_second, plan.value().middle.unit_count(from) * plan.value().n1());
        moved_first += sent;
        moved_second += sent_second;
      }
      EXPECT_EQ(moved_first, uint64_t{1} << log_n);
      EXPECT_EQ(moved_second, uint64_t{1} << log_n);
    }
  }
}

TEST(DistributedNttPlan, TooShortColumnsAreErrors) {
  EXPECT_FALSE(plan_distributed_ntt(3, 4).ok());  // n1 = 2 < 4 ranks

  EXPECT_TRUE(plan_distributed_ntt(4, 4).ok());
  EXPECT_FALSE(plan_distributed_ntt(33, 1).ok());
}

TEST(DistributedNtt, OneRankEqualsTheLocalTransform) {
  const ntt::NttPlan ntt_plan(10);
  SingleProcessCommunicator comm;
  for (int log_n : {0, 1, 2, 7, 10}) {
    const uint64_t n = uint64_t{1} << log_n;
    auto plan = plan_distributed_ntt(log_n, 1);
    ASSERT_TRUE(plan.ok());
    constexpr uint64_t kCols = 3;
    const auto input = random_column(n * kCols, 50 + log_n);
    auto expected = input;
    ntt::forward(ntt_plan, field::MatrixView(expected.data(), n, kCols), Order::kBitReversed);
    auto got = input;
    distributed_forward(ntt_plan, comm, plan.value(), field::MatrixView(got.data(), n, kCols));
    ASSERT_EQ(got, expected) << log_n;
    distributed_inverse(ntt_plan, comm, plan.value(), field::MatrixView(got.data(), n, kCols));
    ASSERT_EQ(got, input) << log_n;
  }
}

}  // namespace
}  // namespace baobab::dist
