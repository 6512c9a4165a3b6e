#include "src/dist/communicator.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::dist {

void SingleProcessCommunicator::all_to_all(std::span<const Fp> send,
                                           std::span<const uint64_t> send_counts,
                                           std::span<Fp> receive,
                                           std::span<const uint64_t> receive_counts) {
  BAOBAB_CHECK(send_counts.size() == 1 && receive_counts.size() == 1 &&
                   send_counts[0] == receive_counts[0] && send.size() >= send_counts[0] &&
                   receive.size() >= receive_counts[0],
               "all_to_all: counts do not match one rank");
  std::copy_n(send.begin(), send_counts[0], receive.begin());
}

void SingleProcessCommunicator::all_gather_bytes(std::span<const uint8_t> mine,
                                                 std::span<uint8_t> all) {
  BAOBAB_CHECK(all.size() == mine.size(), "all_gather_bytes: size mismatch");
  std::copy(mine.begin(), mine.end(), all.begin());
}

}  // namespace baobab::dist
