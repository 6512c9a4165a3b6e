// The Communicator interface (DESIGN §4, STYLE §3 and §4): the collective
// exchanges the distributed prover needs, on whole batches, with 64-bit
// counts. Implementations: SingleProcessCommunicator (below; one rank, no
// MPI) and mpi::MpiCommunicator (mpi/, the only code that calls MPI; counts
// are split into int-sized messages there). Every rank calls every method in
// the same order (collective); results never depend on timing.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/common/result.h"
#include "src/dist/block_exchange.h"
#include "src/field/ext3.h"
#include "src/field/goldilocks.h"

namespace baobab::dist {

using field::Fp;
using field::Fp3;

class Communicator {
 public:
  virtual ~Communicator() = default;

  virtual int rank() const = 0;
  virtual int size() const = 0;

  // How many of this communicator's ranks share this rank's node (its
  // memory and last-level cache): for sizing cache-blocked work.
  virtual uint64_t ranks_on_node() const = 0;

  // Personalised all-to-all: this rank's send[send_offset(r) .. + send_counts[r])
  // goes to rank r, and what rank r sends here lands at
  // receive[receive_offset(r) .. + receive_counts[r]), offsets being the
  // prefix sums of the counts. Both count spans have size() entries and
  // receive_counts[r] must equal what rank r sends here.
  virtual void all_to_all(std::span<const Fp> send, std::span<const uint64_t> send_counts,
                          std::span<Fp> receive, std::span<const uint64_t> receive_counts) = 0;

  // The exchange the distributed NTT uses (block_exchange.h): an all-to-all
  // whose send buffer the communicator lends, so that ranks sharing memory
  // read their blocks in place. Owned by the communicator.
  virtual BlockExchange& block_exchange() = 0;

  // Every rank contributes mine (the same size on every rank); all holds the
  // contributions in rank order (size() · mine.size() bytes).
  virtual void all_gather_bytes(std::span<const uint8_t> mine, std::span<uint8_t> all) = 0;

  // Element-wise sums over all ranks of `values` (the same size on every
  // rank), in place on every rank: an all-reduce, for counts. Each rank sends
  // about 2 · values.size() · 8 bytes whatever the rank count (a
  // reduce-scatter, then an all-gather of the sums), where gathering every
  // rank's array would send and hold R times that. Integer sums cannot
  // depend on the order of additions; a sum past 2^64 - 1 is a checked
  // failure.
  virtual void all_reduce_sum(std::span<uint64_t> values) = 0;

  // Sum over ranks < rank() (zero on rank 0). Extension-field sums are
  // exact, so the order of additions cannot matter. (Sums over all ranks:
  // dist::sum_over_ranks, distributed_sums.h.)
  virtual Fp3 exclusive_prefix_sum(Fp3 mine) = 0;

  virtual void barrier() = 0;

  // Bytes this rank has sent to other ranks so far (for benchmarks).
  virtual uint64_t bytes_sent() const = 0;

  // Wall-clock seconds this rank has spent inside the collectives so far:
  // moving data and waiting for its peers (the per-rank phase accounting of
  // `baobab prove --json`, docs/distributed.md).
  virtual double communication_seconds() const = 0;
};

// Every rank's value, in rank order. Collective.
std::vector<uint64_t> all_gather_u64(Communicator& comm, uint64_t mine);

// Every rank's byte string, in rank order (lengths may differ): two
// all_gather_bytes, the lengths first. Collective.
std::vector<std::vector<uint8_t>> all_gather_strings(Communicator& comm,
                                                     std::span<const uint8_t> mine);

// The error of the lowest rank whose `mine` is one (its code, message and
// context), the same on every rank, or Ok when no rank failed: how a
// collective step agrees on its outcome. Collective.
Status first_error(Communicator& comm, const Status& mine);

// One rank: every exchange is a local copy.
class SingleProcessCommunicator final : public Communicator {
 public:
  SingleProcessCommunicator() = default;
  // Its exchange refers to it.
  SingleProcessCommunicator(const SingleProcessCommunicator&) = delete;
  SingleProcessCommunicator& operator=(const SingleProcessCommunicator&) = delete;

  int rank() const override { return 0; }
  int size() const override { return 1; }
  uint64_t ranks_on_node() const override { return 1; }
  void all_to_all(std::span<const Fp> send, std::span<const uint64_t> send_counts,
                  std::span<Fp> receive, std::span<const uint64_t> receive_counts) override;
  void all_gather_bytes(std::span<const uint8_t> mine, std::span<uint8_t> all) override;
  void all_reduce_sum(std::span<uint64_t>) override {}
  Fp3 exclusive_prefix_sum(Fp3) override { return Fp3::zero(); }
  void barrier() override {}
  uint64_t bytes_sent() const override { return 0; }
  double communication_seconds() const override { return 0; }
  BlockExchange& block_exchange() override { return block_exchange_; }

 private:
  BufferedBlockExchange block_exchange_{*this};
};

}  // namespace baobab::dist
