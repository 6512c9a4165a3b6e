// BlockExchange: a personalised all-to-all whose send buffer the
// communicator lends, so that an implementation whose ranks share memory
// (mpi::SharedBlockExchange, all ranks on one node) lets each rank read the
// blocks meant for it where their sender wrote them: no transport copy and
// no receive buffer. BufferedBlockExchange (below) is the portable version
// over Communicator::all_to_all.
//
// Protocol (every rank, the same sequence: collective):
//   auto send = bx.send_buffer(total);      // fill block r for rank r
//   bx.exchange(send_counts, receive_counts);
//   read bx.received(r) ... until this rank's next exchange()
// A rank may fill the next exchange's blocks while it still reads the
// previous exchange's (the shared implementation alternates two buffers).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/common/uninitialized.h"
#include "src/field/goldilocks.h"

namespace baobab::dist {

class Communicator;

class BlockExchange {
 public:
  virtual ~BlockExchange() = default;

  // This rank's send buffer for the next exchange: `size` elements, the
  // block for rank r at the prefix sum of the send counts before r.
  // Collective (an implementation may grow memory shared by all ranks).
  // Blocks received by the previous exchange stay readable.
  virtual std::span<field::Fp> send_buffer(uint64_t size) = 0;

  // Delivers the blocks: rank r gets send_counts[r] elements; what rank r
  // sends here is receive_counts[r] elements (checked where the
  // implementation can). Collective.
  virtual void exchange(std::span<const uint64_t> send_counts,
                        std::span<const uint64_t> receive_counts) = 0;

  // The block rank `from` sent here in the last exchange; valid until this
  // rank's next exchange().
  virtual const field::Fp* received(uint64_t from) const = 0;
};

// BlockExchange over Communicator::all_to_all: a send and a receive buffer
// (the received blocks are copies, so one send buffer serves every exchange).
class BufferedBlockExchange final : public BlockExchange {
 public:
  explicit BufferedBlockExchange(Communicator& comm) : comm_(comm) {}

  std::span<field::Fp> send_buffer(uint64_t size) override;
  void exchange(std::span<const uint64_t> send_counts,
                std::span<const uint64_t> receive_counts) override;
  const field::Fp* received(uint64_t from) const override;

 private:
  Communicator& comm_;
  UninitializedVector<field::Fp> send_;
  UninitializedVector<field::Fp> receive_;
  std::vector<uint64_t> receive_offsets_;
};

}  // namespace baobab::dist
