// The MpiCommunicator's BlockExchange (mpi/shared_block_exchange.h): shared
// windows when all ranks share a node (always so under CI's mpirun), the
// all_to_all fallback otherwise; both must deliver every block, keep the
// last exchange's blocks readable while the next is filled, and agree on
// their mode across ranks.
#include <gtest/gtest.h>

#include <cstdlib>
#include <vector>

#include "mpi/mpi_communicator.h"
#include "mpi/shared_block_exchange.h"

namespace baobab::mpi {
namespace {

using field::Fp;

// What rank `from` sends rank `to` in exchange `round`: element e of the
// block is a value naming all four.
Fp element(uint64_t round, uint64_t from, uint64_t to, uint64_t e) {
  return Fp::from_u64(round * 1'000'000'000 + from * 1'000'000 + to * 1'000 + e);
}
// Sizes vary by pair and grow with the round, so the windows must grow.
uint64_t block_size(uint64_t round, uint64_t from, uint64_t to) {
  return (from * 7 + to * 3 + round) % 5 + round * round * 40;
}

// Fills round `round`'s send buffer and returns its counts.
std::vector<uint64_t> fill(dist::BlockExchange& bx, uint64_t round, uint64_t me, uint64_t ranks) {
  std::vector<uint64_t> counts(ranks);
  uint64_t total = 0;
  for (uint64_t to = 0; to < ranks; ++to) total += counts[to] = block_size(round, me, to);
  const std::span<Fp> send = bx.send_buffer(total);
  uint64_t at = 0;
  for (uint64_t to = 0; to < ranks; ++to) {
    for (uint64_t e = 0; e < counts[to]; ++e) send[at++] = element(round, me, to, e);
  }
  return counts;
}

std::vector<uint64_t> incoming(uint64_t round, uint64_t me, uint64_t ranks) {
  std::vector<uint64_t> counts(ranks);
  for (uint64_t from = 0; from < ranks; ++from) counts[from] = block_size(round, from, me);
  return counts;
}

void expect_received(const dist::BlockExchange& bx, uint64_t round, uint64_t me, uint64_t ranks) {
  for (uint64_t from = 0; from < ranks; ++from) {
    const Fp* block = bx.received(from);
    for (uint64_t e = 0; e < block_size(round, from, me); ++e) {
      ASSERT_EQ(block[e], element(round, from, me, e)) << "round " << round << " from " << from;
    }
  }
}

// Rounds of growing and shrinking exchanges; each round's send buffer is
// filled before the previous round's blocks are checked.
void run_rounds(MpiCommunicator& comm) {
  const auto me = static_cast<uint64_t>(comm.rank());
  const auto ranks = static_cast<uint64_t>(comm.size());
  dist::BlockExchange& bx = comm.block_exchange();
  const uint64_t before = comm.bytes_sent();
  uint64_t sent = 0;
  const std::vector<uint64_t> rounds = {0, 1, 3, 2, 4, 1, 0};
  for (size_t k = 0; k < rounds.size(); ++k) {
    const std::vector<uint64_t> counts = fill(bx, rounds[k], me, ranks);
    if (k > 0) expect_received(bx, rounds[k - 1], me, ranks);
    bx.exchange(counts, incoming(rounds[k], me, ranks));
    for (uint64_t to = 0; to < ranks; ++to) sent += to == me ? 0 : counts[to] * sizeof(Fp);
  }
  expect_received(bx, rounds.back(), me, ranks);
  EXPECT_EQ(comm.bytes_sent() - before, sent);
}

TEST(SharedBlockExchange, DeliversEveryBlockThroughSharedWindows) {
  MpiCommunicator comm;
  run_rounds(comm);
  auto* shared = dynamic_cast<SharedBlockExchange*>(&comm.block_exchange());
  ASSERT_NE(shared, nullptr);
  // Under mpirun on one node with room in /dev/shm: the shared windows.
  EXPECT_TRUE(shared->shared());
}

TEST(SharedBlockExchange, AllRanksFallBackWhenOneRefuses) {
  // Only the last rank asks for the copies; every rank must follow it.
  MpiCommunicator comm;
  if (comm.rank() == comm.size() - 1) setenv("BAOBAB_SHARED_EXCHANGE", "0", 1);
  auto& shared = dynamic_cast<SharedBlockExchange&>(comm.block_exchange());
  unsetenv("BAOBAB_SHARED_EXCHANGE");
  EXPECT_FALSE(shared.shared());
  run_rounds(comm);
}

TEST(SharedBlockExchange, EmptyExchangesNeedNoWindow) {
  MpiCommunicator comm;
  const auto ranks = static_cast<uint64_t>(comm.size());
  dist::BlockExchange& bx = comm.block_exchange();
  const std::vector<uint64_t> zeros(ranks, 0);
  EXPECT_TRUE(bx.send_buffer(0).empty());
  bx.exchange(zeros, zeros);
  run_rounds(comm);
}

}  // namespace
}  // namespace baobab::mpi
