// MpiCommunicator::communication_seconds under mpirun (R = 1..4): a rank
// that waits in a collective for a late peer is charged the wait, through
// every kind of collective (barrier, all-gather, all-reduce, all-to-all and the block
// exchange, shared or copied).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>
#include <vector>

#include "mpi/mpi_communicator.h"

namespace baobab::mpi {
namespace {

using field::Fp;

constexpr auto kLate = std::chrono::milliseconds(300);
constexpr double kLateSeconds = 0.15;  // what the waiting ranks must be charged, at least

// Runs `collective` with rank 0 arriving late; returns the seconds it added
// to this rank's communication_seconds().
template <class Collective>
double charged(MpiCommunicator& comm, const Collective& collective) {
  comm.barrier();
  const double before = comm.communication_seconds();
  if (comm.rank() == 0) std::this_thread::sleep_for(kLate);
  collective();
  return comm.communication_seconds() - before;
}

void expect_wait_charged(const MpiCommunicator& comm, double seconds, const char* what) {
  EXPECT_GE(seconds, 0.0) << what;
  if (comm.rank() != 0) {
    EXPECT_GE(seconds, kLateSeconds) << what << " on rank " << comm.rank();
  }
}

TEST(CommunicationSeconds, WaitsForALatePeerAreCharged) {
  MpiCommunicator comm;
  EXPECT_GE(comm.communication_seconds(), 0.0);
  const auto ranks = static_cast<uint64_t>(comm.size());

  expect_wait_charged(comm, charged(comm, [&] { comm.barrier(); }), "barrier");

  expect_wait_charged(comm, charged(comm, [&] { (void)dist::all_gather_u64(comm, 7); }),
                      "all_gather_bytes");

  std::vector<uint64_t> sums(5 * ranks, 1);
  expect_wait_charged(comm, charged(comm, [&] { comm.all_reduce_sum(sums); }), "all_reduce_sum");
  EXPECT_EQ(sums[0], ranks);

  const std::vector<uint64_t> counts(ranks, 3);
  std::vector<Fp> send(3 * ranks, Fp::one()), receive(3 * ranks);
  expect_wait_charged(comm, charged(comm, [&] { comm.all_to_all(send, counts, receive, counts); }),
                      "all_to_all");

  dist::BlockExchange& exchange = comm.block_exchange();
  expect_wait_charged(comm,
                      charged(comm,
                              [&] {
                                std::span<Fp> buffer = exchange.send_buffer(3 * ranks);
                                std::fill(buffer.begin(), buffer.end(), Fp::one());
                                exchange.exchange(counts, counts);
                              }),
                      "block exchange");
  for (uint64_t from = 0; from < ranks; ++from) EXPECT_EQ(exchange.received(from)[2], Fp::one());
}

}  // namespace
}  // namespace baobab::mpi
