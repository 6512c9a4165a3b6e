#include "src/dist/communicator.h"

#include <algorithm>

#include "src/common/check.h"

namespace baobab::dist {

std::vector<uint64_t> all_gather_u64(Communicator& comm, uint64_t mine) {
  std::vector<uint64_t> all(static_cast<uint64_t>(comm.size()));
  comm.all_gather_bytes(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&mine), sizeof mine),
      std::span<uint8_t>(reinterpret_cast<uint8_t*>(all.data()), all.size() * sizeof mine));
  return all;
}

std::vector<std::vector<uint8_t>> all_gather_strings(Communicator& comm,
                                                     std::span<const uint8_t> mine) {
  const auto ranks = static_cast<uint64_t>(comm.size());
  const std::vector<uint64_t> sizes = all_gather_u64(comm, mine.size());
  const uint64_t longest = *std::max_element(sizes.begin(), sizes.end());
  std::vector<uint8_t> padded(longest, 0);
  std::copy(mine.begin(), mine.end(), padded.begin());
  std::vector<uint8_t> all(longest * ranks);
  comm.all_gather_bytes(padded, all);
  std::vector<std::vector<uint8_t>> out(ranks);
  for (uint64_t r = 0; r < ranks; ++r) {
    out[r].assign(all.begin() + static_cast<std::ptrdiff_t>(r * longest),
                  all.begin() + static_cast<std::ptrdiff_t>(r * longest + sizes[r]));
  }
  return out;
}

Status first_error(Communicator& comm, const Status& mine) {
  // One string per rank: empty for Ok, else the code's byte, the context,
  // a NUL and the message.
  std::string encoded;
  if (!mine.ok()) {
    const Error& e = mine.error();
    encoded.push_back(static_cast<char>(e.code));
    encoded.append(e.context).push_back('\0');
    encoded.append(e.message);
  }
  for (const auto& theirs : all_gather_strings(
           comm, std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(encoded.data()),
                                          encoded.size()))) {
    if (theirs.empty()) continue;
    const std::string text(theirs.begin() + 1, theirs.end());
    const size_t nul = text.find('\0');
    return Error{static_cast<ErrorCode>(theirs.front()), text.substr(nul + 1), text.substr(0, nul)};
  }
  return Ok{};
}

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
