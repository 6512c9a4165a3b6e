// The reverse exchange's plan without MPI: what each rank sends to another is
// what that rank expects from it, and every reachable target row receives
// exactly one value, for rank counts 1..8 and equal or taller targets.
#include <gtest/gtest.h>

#include <vector>

#include "src/dist/reverse_exchange.h"
#include "src/ntt/bit_reverse.h"

namespace baobab::dist {
namespace {

TEST(ReverseExchangePlan, SendsMatchReceivesAndEveryRowArrivesOnce) {
  for (uint64_t ranks = 1; ranks <= 8; ++ranks) {
    for (int log_n : {4, 6, 9}) {
      for (int log_blowup : {0, 1, 3}) {
        auto source = plan_distributed_ntt(log_n, ranks);
        auto target = plan_distributed_ntt(log_n + log_blowup, ranks);
        if (!source.ok() || !target.ok()) continue;
        std::vector<ReverseExchangePlan> plans;
        for (uint64_t r = 0; r < ranks; ++r) {
          auto plan = plan_reverse_exchange(log_n, source.value().rows, target.value().rows, r);
          ASSERT_TRUE(plan.ok());
          plans.push_back(plan.value());
        }
        const uint64_t n = uint64_t{1} << log_n;
        std::vector<int> arrivals(n << log_blowup, 0);
        for (uint64_t to = 0; to < ranks; ++to) {
          for (uint64_t from = 0; from < ranks; ++from) {
            ASSERT_EQ(plans[from].send_counts[to], plans[to].incoming[from].size())
                << ranks << " ranks, " << from << " -> " << to;
            for (uint64_t row : plans[to].incoming[from]) {
              ++arrivals[target.value().rows.first_row(to) + row];
            }
          }
        }
        for (uint64_t i = 0; i < arrivals.size(); ++i) {
          ASSERT_EQ(arrivals[i], i < n ? 1 : 0) << "row " << i;
        }
      }
    }
  }
}

TEST(ReverseExchangePlan, LayoutsThatDoNotFitAreErrors) {
  const auto split = split_blocks(4, 4, 2).value();              // 16 rows
  EXPECT_FALSE(plan_reverse_exchange(5, split, split, 0).ok());  // 32 positions
  EXPECT_FALSE(plan_reverse_exchange(4, split, split, 2).ok());  // no rank 2
  EXPECT_TRUE(plan_reverse_exchange(4, split, split, 1).ok());
}

}  // namespace
}  // namespace baobab::dist
