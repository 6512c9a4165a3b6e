// BufferedBlockExchange over one process: the block for rank 0 comes back,
// and stays readable while the next exchange's buffer is filled.
#include "src/dist/block_exchange.h"

#include <gtest/gtest.h>

#include <vector>

#include "src/dist/communicator.h"

namespace baobab::dist {
namespace {

TEST(BufferedBlockExchange, ReturnsTheOwnBlockAndKeepsItUntilTheNextExchange) {
  SingleProcessCommunicator comm;
  BlockExchange& bx = comm.block_exchange();
  for (uint64_t size : {uint64_t{5}, uint64_t{1000}, uint64_t{3}}) {
    std::span<Fp> send = bx.send_buffer(size);
    ASSERT_EQ(send.size(), size);
    for (uint64_t e = 0; e < size; ++e) send[e] = Fp::from_u64(size * 10'000 + e);
    const std::vector<uint64_t> counts = {size};
    bx.exchange(counts, counts);
    // Overwrite the send buffer as the next exchange would.
    std::span<Fp> next = bx.send_buffer(size);
    for (Fp& x : next) x = Fp::zero();
    for (uint64_t e = 0; e < size; ++e) {
      ASSERT_EQ(bx.received(0)[e], Fp::from_u64(size * 10'000 + e));
    }
  }
}

}  // namespace
}  // namespace baobab::dist
