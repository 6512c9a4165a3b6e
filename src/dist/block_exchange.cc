#include "src/dist/block_exchange.h"

#include "src/common/check.h"
#include "src/dist/communicator.h"

namespace baobab::dist {

std::span<field::Fp> BufferedBlockExchange::send_buffer(uint64_t size) {
  if (send_.size() < size) {
    send_.clear();  // a grown buffer is refilled: nothing to copy over
    send_.resize(size);
  }
  return {send_.data(), size};
}

void BufferedBlockExchange::exchange(std::span<const uint64_t> send_counts,
                                     std::span<const uint64_t> receive_counts) {
  const auto ranks = static_cast<uint64_t>(comm_.size());
  BAOBAB_CHECK(send_counts.size() == ranks && receive_counts.size() == ranks,
               "BlockExchange: one count per rank");
  uint64_t sent = 0;
  for (const uint64_t count : send_counts) sent += count;
  receive_offsets_.assign(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    receive_offsets_[r + 1] = receive_offsets_[r] + receive_counts[r];
  }
  BAOBAB_CHECK(sent <= send_.size(), "BlockExchange: counts exceed the send buffer");
  if (receive_.size() < receive_offsets_[ranks]) {
    receive_.clear();
    receive_.resize(receive_offsets_[ranks]);
  }
  comm_.all_to_all(std::span<const field::Fp>(send_.data(), sent), send_counts,
                   std::span<field::Fp>(receive_.data(), receive_offsets_[ranks]), receive_counts);
}

const field::Fp* BufferedBlockExchange::received(uint64_t from) const {
  BAOBAB_CHECK(from + 1 < receive_offsets_.size(), "BlockExchange: no such rank");
  return receive_.data() + receive_offsets_[from];
}

}  // namespace baobab::dist
