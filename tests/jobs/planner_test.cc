// The planner's memory model (jobs/planner.h) against measured peaks, and
// its refusals with advice.
#include "jobs/planner.h"

#include <gtest/gtest.h>

namespace baobab::jobs {
namespace {

constexpr uint64_t kGiB = uint64_t{1} << 30;

TEST(Planner, CoversTheMeasuredPeaksAt2To22Rows) {
  // cycle_loop, 4,191,012 cycles (BENCHMARKS.md, xeon-16): 64.1 GiB on one
  // rank, 4.75 GiB per rank on 16.
  const Plan one = plan_proof({4191012, 8, 1, 1, 0});
  EXPECT_EQ(one.log_rows, 22);
  EXPECT_GE(one.bytes_per_rank, static_cast<uint64_t>(64.1 * kGiB));
  EXPECT_LE(one.bytes_per_rank, static_cast<uint64_t>(1.3 * 64.1 * kGiB));
  const Plan sixteen = plan_proof({4191012, 8, 16, 16, 0});
  EXPECT_GE(sixteen.bytes_per_rank, static_cast<uint64_t>(4.75 * kGiB));
  EXPECT_LE(sixteen.bytes_per_rank, static_cast<uint64_t>(1.3 * 4.75 * kGiB));
  EXPECT_EQ(sixteen.bytes_per_node, 16 * sixteen.bytes_per_rank);
  EXPECT_TRUE(sixteen.fits);
  // Blowup 16 almost doubles the row-proportional part.
  EXPECT_GT(plan_proof({4191012, 16, 1, 1, 0}).bytes_per_rank, 115 * kGiB);
}

TEST(Planner, CoversTheMeasuredPeakAtBlowup2) {
  // cycle_loop, 254,105 cycles, proven-100 (blowup 2), one process: 1.28 GiB
  // peak (docs/security.md, "Profiles"; machine ci-2core).
  const Plan one = plan_proof({254105, 2, 1, 1, 0});
  EXPECT_EQ(one.log_rows, 18);
  EXPECT_GE(one.bytes_per_rank, static_cast<uint64_t>(1.28 * kGiB));
  EXPECT_LE(one.bytes_per_rank, static_cast<uint64_t>(2 * 1.28 * kGiB));
}

TEST(Planner, ANodeTooSmallIsRefusedWithRanksPerNodeThatFitAndDivide) {
  // 16 ranks of ~4.8 GiB on nodes of 40 GiB: 8 per node fit and divide 16.
  const Plan plan = plan_proof({4191012, 8, 16, 16, 40 * kGiB});
  EXPECT_FALSE(plan.fits);
  EXPECT_NE(plan.advice.find("use 2 nodes of 8 ranks"), std::string::npos) << plan.advice;
}

TEST(Planner, ARankThatFitsNowhereAsksForMoreRanks) {
  const Plan plan = plan_proof({4191012, 8, 1, 1, 32 * kGiB});
  EXPECT_FALSE(plan.fits);
  EXPECT_NE(plan.advice.find("use at least 4 ranks"), std::string::npos) << plan.advice;
}

TEST(Planner, TooManyRanksForTheTableOrTooManyCycles) {
  const Plan small = plan_proof({1000, 8, 64, 64, 0});  // 2^10 rows: at most 32 ranks
  EXPECT_FALSE(small.fits);
  EXPECT_NE(small.advice.find("use fewer ranks"), std::string::npos) << small.advice;
  const Plan huge = plan_proof({uint64_t{1} << 30, 8, 1024, 64, 0});
  EXPECT_FALSE(huge.fits);
  EXPECT_NE(huge.advice.find("split the computation"), std::string::npos) << huge.advice;
  EXPECT_TRUE(plan_proof({1000, 8, 32, 32, 0}).fits);
}

}  // namespace
}  // namespace baobab::jobs
