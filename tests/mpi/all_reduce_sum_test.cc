// Communicator::all_reduce_sum under mpirun (R = 1..4): every rank ends with
// the element-wise sums of every rank's array, for arrays shorter than, equal
// to and longer than the rank count, split into tiny messages or not; and a
// rank sends about twice its array, not R times.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <vector>

#include "mpi/mpi_communicator.h"

namespace baobab::mpi {
namespace {

// Rank r contributes (r + 1) · (i + 1) at index i, so the sum is
// R (R + 1) / 2 · (i + 1): every element's sum depends on its index and on
// every rank's contribution.
void expect_sums(MpiCommunicator& comm, uint64_t size) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const auto me = static_cast<uint64_t>(comm.rank());
  std::vector<uint64_t> values(size);
  for (uint64_t i = 0; i < size; ++i) values[i] = (me + 1) * (i + 1);
  comm.all_reduce_sum(values);
  for (uint64_t i = 0; i < size; ++i) {
    ASSERT_EQ(values[i], ranks * (ranks + 1) / 2 * (i + 1)) << "index " << i << " of " << size;
  }
}

TEST(AllReduceSum, EveryRankGetsEverySum) {
  MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  for (uint64_t size :
       {uint64_t{0}, uint64_t{1}, ranks - 1, ranks, ranks + 1, uint64_t{1000}, uint64_t{4097}}) {
    expect_sums(comm, size);
  }
}

TEST(AllReduceSum, MessagesSplitIntoTinyChunks) {
  MpiCommunicator comm(/*max_message=*/3);  // bytes: every part is many messages
  expect_sums(comm, 1001);
}

TEST(AllReduceSum, SendsAboutTwiceTheArray) {
  MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  constexpr uint64_t kSize = 1 << 16;
  std::vector<uint64_t> values(kSize, 1);
  const uint64_t before = comm.bytes_sent();
  comm.all_reduce_sum(values);
  const uint64_t sent = comm.bytes_sent() - before;
  // Rank r sums elements [r · part, (r + 1) · part), clipped to the array.
  const uint64_t part = (kSize + ranks - 1) / ranks;
  uint64_t expected = 0;
  for (uint64_t r = 0; r < ranks; ++r) {
    if (r == static_cast<uint64_t>(comm.rank())) continue;
    // This rank's share of r's part, then this rank's (padded) sums to r.
    expected += (std::min(kSize, (r + 1) * part) - std::min(kSize, r * part)) * sizeof(uint64_t);
    expected += part * sizeof(uint64_t);
  }
  EXPECT_EQ(sent, expected);
  EXPECT_LE(sent, 2 * kSize * sizeof(uint64_t));
  EXPECT_EQ(values.front(), ranks);
}

}  // namespace
}  // namespace baobab::mpi
