// The Communicator of src/dist over MPI_COMM_WORLD. Every transfer is split
// into int-sized messages by plan_messages() (message_plan.h). all_to_all is
// pairwise MPI_Sendrecv in a fixed schedule (step k: send to rank + k,
// receive from rank - k), so no count is ever summed into an int and no
// collective with int displacements is needed. Field sums are gathered and
// added in rank order on every rank. all_reduce_sum is the same pairwise
// schedule on parts of the array (a reduce-scatter), then an all-gather.
#pragma once

#include <memory>
#include <vector>

#include "mpi/message_plan.h"
#include "src/dist/communicator.h"

namespace baobab::mpi {

class SharedBlockExchange;

class MpiCommunicator final : public dist::Communicator {
 public:
  // MPI must be initialised (Environment); max_message bounds every message
  // (elements of 8 bytes for all_to_all, bytes otherwise; tests use tiny ones).
  // Collective (it asks which ranks share a node).
  explicit MpiCommunicator(uint64_t max_message = kMaxMessageCount);
  ~MpiCommunicator() override;  // collective when block_exchange() was used
  MpiCommunicator(const MpiCommunicator&) = delete;
  MpiCommunicator& operator=(const MpiCommunicator&) = delete;

  int rank() const override { return rank_; }
  int size() const override { return size_; }
  uint64_t ranks_on_node() const override { return ranks_on_node_; }
  void all_to_all(std::span<const dist::Fp> send, std::span<const uint64_t> send_counts,
                  std::span<dist::Fp> receive, std::span<const uint64_t> receive_counts) override;
  void all_gather_bytes(std::span<const uint8_t> mine, std::span<uint8_t> all) override;
  void all_reduce_sum(std::span<uint64_t> values) override;
  dist::Fp3 exclusive_prefix_sum(dist::Fp3 mine) override;
  void barrier() override;
  // A SharedBlockExchange (shared_block_exchange.h), made at the first call
  // (collective).
  dist::BlockExchange& block_exchange() override;

  // Bytes this rank has sent to other ranks so far (all methods), blocks
  // its peers read from shared memory included.
  uint64_t bytes_sent() const override;
  // Seconds inside MPI calls of all methods, the shared exchanges included.
  double communication_seconds() const override;

 private:
  int rank_ = 0;
  int size_ = 1;
  uint64_t ranks_on_node_ = 1;
  uint64_t max_message_;
  uint64_t bytes_sent_ = 0;
  double communication_seconds_ = 0;
  std::unique_ptr<SharedBlockExchange> block_exchange_;
};

}  // namespace baobab::mpi
