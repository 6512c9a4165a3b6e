// The per-rank phase accounting of `baobab prove --json` (src/cli/phase_usage.h):
// a phase is charged the CPU time and page faults spent in it, never
// another phase's; one process has no communication; the records survive
// the gather unchanged; the JSON lists one array per rank.
#include "src/cli/phase_usage.h"

#include <gtest/gtest.h>
#include <time.h>

#include <chrono>
#include <cstring>
#include <memory>
#include <thread>

namespace baobab::cli {
namespace {

double process_cpu_seconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Busy for `seconds` of this process's CPU time (not wall time: a loaded
// machine may deschedule it); returns a value the compiler cannot drop.
uint64_t spin(double seconds) {
  const double end = process_cpu_seconds() + seconds;
  uint64_t x = 1;
  while (process_cpu_seconds() < end) {
    for (int i = 0; i < 1000; ++i) x = x * 6364136223846793005ull + 1442695040888963407ull;
  }
  return x;
}

TEST(PhaseUsage, ChargesEachPhaseWhatItUsed) {
  PhaseUsageMeter meter(nullptr);
  volatile uint64_t sink = spin(0.06);
  meter.phase_done("busy", 0.06);

  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  meter.phase_done("idle", 0.06);

  constexpr size_t kBytes = 64 << 20;  // fresh pages: faulted in on first write
  const auto fresh = std::make_unique_for_overwrite<uint8_t[]>(kBytes);
  std::memset(fresh.get(), 1, kBytes);
  sink = sink + fresh[kBytes - 1];
  meter.phase_done("touch", 0.0);

  const std::vector<PhaseUsage>& phases = meter.phases();
  ASSERT_EQ(phases.size(), 3u);
  EXPECT_EQ(phases[0].name, "busy");
  EXPECT_DOUBLE_EQ(phases[0].seconds, 0.06);
  EXPECT_GE(phases[0].user_seconds + phases[0].system_seconds, 0.04);
  // Sleeping costs no CPU time: what the busy phase used is not charged again.
  EXPECT_LT(phases[1].user_seconds + phases[1].system_seconds, 0.03);
  EXPECT_GT(phases[2].minor_faults, phases[1].minor_faults);
  EXPECT_GT(phases[2].minor_faults, 0u);
  for (const PhaseUsage& p : phases) EXPECT_EQ(p.communication_seconds, 0.0) << p.name;
}

TEST(PhaseUsage, OneCommunicatorRankGathersItsOwnRecords) {
  dist::SingleProcessCommunicator comm;
  PhaseUsageMeter meter(&comm);
  meter.phase_done("a", 1.5);
  meter.phase_done("b", 0.25);
  const std::vector<PhaseUsage>& mine = meter.phases();
  const auto all = gather_phase_usage(&comm, mine);
  ASSERT_EQ(all.size(), 1u);
  ASSERT_EQ(all[0].size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(all[0][i].name, mine[i].name);
    EXPECT_EQ(all[0][i].seconds, mine[i].seconds);
    EXPECT_EQ(all[0][i].user_seconds, mine[i].user_seconds);
    EXPECT_EQ(all[0][i].system_seconds, mine[i].system_seconds);
    EXPECT_EQ(all[0][i].minor_faults, mine[i].minor_faults);
    EXPECT_EQ(all[0][i].communication_seconds, 0.0);
  }
  EXPECT_EQ(gather_phase_usage(nullptr, mine).size(), 1u);
}

TEST(PhaseUsage, JsonHasOneArrayPerRank) {
  const PhaseUsage a{"commit.main", 2.5, 2.0, 0.25, 1024, 0.125};
  const PhaseUsage b{"fri", 0.5, 0.5, 0.0, 0, 0.0};
  EXPECT_EQ(phase_usage_json({}), "[]");
  EXPECT_EQ(phase_usage_json({{a}, {b}}),
            "[[{\"name\":\"commit.main\",\"seconds\":2.500000,\"user_seconds\":2.000000,"
            "\"system_seconds\":0.250000,\"minor_faults\":1024,"
            "\"communication_seconds\":0.125000}],"
            "[{\"name\":\"fri\",\"seconds\":0.500000,\"user_seconds\":0.500000,"
            "\"system_seconds\":0.000000,\"minor_faults\":0,\"communication_seconds\":0.000000}]]");
}

}  // namespace
}  // namespace baobab::cli
