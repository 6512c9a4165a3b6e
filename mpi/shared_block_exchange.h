// SharedBlockExchange: the MpiCommunicator's BlockExchange. When every
// rank of the job runs on one node, each rank's send buffer lives in an
// MPI-3 shared-memory window and a rank reads the blocks meant for it in
// its peers' windows: one synchronising MPI_Alltoall of (offset, count)
// pairs replaces the transport's copies (two through vader's FIFOs without
// single copy, one with it) and the receive buffer. Two windows are used in
// turn, so a rank fills the next exchange while its peers may still read
// the last one; a window is only rewritten after the exchange that follows
// its own, which every rank enters only once it has read it.
//
// Otherwise (ranks on several nodes, BAOBAB_SHARED_EXCHANGE=0 on any rank,
// or too little room in /dev/shm, where Open MPI backs the windows) it
// exchanges through Communicator::all_to_all (dist::BufferedBlockExchange).
// The choice is made by all ranks together and changes no byte of output.
#pragma once

#include <mpi.h>

#include <cstdint>
#include <vector>

#include "src/dist/block_exchange.h"
#include "src/dist/communicator.h"

namespace baobab::mpi {

class SharedBlockExchange final : public dist::BlockExchange {
 public:
  // Collective over MPI_COMM_WORLD; `comm` (over MPI_COMM_WORLD too) carries
  // the fallback's exchanges.
  explicit SharedBlockExchange(dist::Communicator& comm);
  ~SharedBlockExchange() override;  // collective: frees the windows
  SharedBlockExchange(const SharedBlockExchange&) = delete;
  SharedBlockExchange& operator=(const SharedBlockExchange&) = delete;

  std::span<field::Fp> send_buffer(uint64_t size) override;
  void exchange(std::span<const uint64_t> send_counts,
                std::span<const uint64_t> receive_counts) override;
  const field::Fp* received(uint64_t from) const override;

  // Whether exchanges go through the shared windows (the same on every rank).
  bool shared() const { return shared_; }
  // Bytes of this rank's blocks that other ranks read from its windows.
  uint64_t bytes_shared() const { return bytes_shared_; }
  // Seconds inside its own MPI calls (the fallback's are the communicator's).
  double seconds() const { return seconds_; }

 private:
  struct Window {
    MPI_Win win = MPI_WIN_NULL;
    uint64_t capacity = 0;                // elements in each rank's part
    field::Fp* own = nullptr;             // this rank's part, written by it alone
    std::vector<const field::Fp*> bases;  // every rank's part, read
  };
  void grow(Window& window, uint64_t capacity);
  static void release(Window& window);

  dist::BufferedBlockExchange fallback_;
  bool shared_ = false;
  bool used_fallback_ = false;  // the last exchange went through the fallback
  int rank_ = 0;
  int size_ = 1;
  Window windows_[2];
  uint64_t next_ = 0;  // the window the next exchange fills
  std::vector<const field::Fp*> received_;
  uint64_t bytes_shared_ = 0;
  double seconds_ = 0;
};

}  // namespace baobab::mpi
