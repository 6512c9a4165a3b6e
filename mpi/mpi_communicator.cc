#include "mpi/mpi_communicator.h"

#include <mpi.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "mpi/elapsed_into.h"
#include "mpi/shared_block_exchange.h"
#include "src/common/check.h"

namespace baobab::mpi {

namespace {

int checked_count(uint64_t count) {
  const auto narrowed = narrow_count(count);
  BAOBAB_CHECK(narrowed.ok(), "MpiCommunicator: planned message exceeds int");
  return narrowed.value();
}

// Sends `send_bytes` to `to` while receiving `receive_bytes` from `from`, each
// direction in chunks of at most max_message bytes. Both ends of a direction
// know its size (the receiver's count must equal the sender's), so they agree
// on the chunks; messages between two ranks with one tag arrive in order.
void sendrecv_bytes(const uint8_t* send, uint64_t send_bytes, int to, uint8_t* receive,
                    uint64_t receive_bytes, int from, uint64_t max_message) {
  const MessagePlan send_plan = plan_messages(send_bytes, max_message);
  const MessagePlan receive_plan = plan_messages(receive_bytes, max_message);
  std::vector<MPI_Request> requests;
  requests.reserve(send_plan.chunks + receive_plan.chunks);
  for (uint64_t i = 0; i < receive_plan.chunks; ++i) {
    requests.emplace_back();
    MPI_Irecv(receive + receive_plan.offset(i), checked_count(receive_plan.count(i)), MPI_BYTE,
              from, 1, MPI_COMM_WORLD, &requests.back());
  }
  for (uint64_t i = 0; i < send_plan.chunks; ++i) {
    requests.emplace_back();
    MPI_Isend(send + send_plan.offset(i), checked_count(send_plan.count(i)), MPI_BYTE, to, 1,
              MPI_COMM_WORLD, &requests.back());
  }
  MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
}

}  // namespace

MpiCommunicator::MpiCommunicator(uint64_t max_message) : max_message_(max_message) {
  BAOBAB_CHECK(max_message >= 1 && max_message <= kMaxMessageCount,
               "MpiCommunicator: bad message bound");
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
  MPI_Comm node = MPI_COMM_NULL;
  MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
  int node_size = 1;
  MPI_Comm_size(node, &node_size);
  MPI_Comm_free(&node);
  ranks_on_node_ = static_cast<uint64_t>(node_size);
}

MpiCommunicator::~MpiCommunicator() = default;

dist::BlockExchange& MpiCommunicator::block_exchange() {
  if (!block_exchange_) block_exchange_ = std::make_unique<SharedBlockExchange>(*this);
  return *block_exchange_;
}

uint64_t MpiCommunicator::bytes_sent() const {
  return bytes_sent_ + (block_exchange_ ? block_exchange_->bytes_shared() : 0);
}

double MpiCommunicator::communication_seconds() const {
  return communication_seconds_ + (block_exchange_ ? block_exchange_->seconds() : 0);
}

void MpiCommunicator::all_to_all(std::span<const dist::Fp> send,
                                 std::span<const uint64_t> send_counts, std::span<dist::Fp> receive,
                                 std::span<const uint64_t> receive_counts) {
  const ElapsedInto timed(communication_seconds_);
  const auto ranks = static_cast<uint64_t>(size_);
  BAOBAB_CHECK(send_counts.size() == ranks && receive_counts.size() == ranks,
               "all_to_all: one count per rank");
  std::vector<uint64_t> send_offset(ranks + 1, 0), receive_offset(ranks + 1, 0);
  for (uint64_t r = 0; r < ranks; ++r) {
    send_offset[r + 1] = send_offset[r] + send_counts[r];
    receive_offset[r + 1] = receive_offset[r] + receive_counts[r];
  }
  BAOBAB_CHECK(send.size() >= send_offset[ranks] && receive.size() >= receive_offset[ranks],
               "all_to_all: buffers shorter than their counts");
  const auto* send_bytes = reinterpret_cast<const uint8_t*>(send.data());
  auto* receive_bytes = reinterpret_cast<uint8_t*>(receive.data());
  constexpr uint64_t kElement = sizeof(dist::Fp);
  // Step k pairs this rank with rank + k (to) and rank - k (from): every
  // pair of ranks meets once, and a step never waits on a third rank.
  for (uint64_t k = 0; k < ranks; ++k) {
    const uint64_t to = (static_cast<uint64_t>(rank_) + k) % ranks;
    const uint64_t from = (static_cast<uint64_t>(rank_) + ranks - k) % ranks;
    if (k == 0) {
      BAOBAB_CHECK(send_counts[to] == receive_counts[from], "all_to_all: self counts differ");
      if (send_counts[to] != 0) {  // empty buffers may have null data
        std::memcpy(receive_bytes + receive_offset[from] * kElement,
                    send_bytes + send_offset[to] * kElement, send_counts[to] * kElement);
      }
      continue;
    }
    bytes_sent_ += send_counts[to] * kElement;
    sendrecv_bytes(
        send_bytes + send_offset[to] * kElement, send_counts[to] * kElement, static_cast<int>(to),
        receive_bytes + receive_offset[from] * kElement, receive_counts[from] * kElement,
        static_cast<int>(from),
        max_message_ * kElement < kMaxMessageCount ? max_message_ * kElement : kMaxMessageCount);
  }
}

void MpiCommunicator::all_gather_bytes(std::span<const uint8_t> mine, std::span<uint8_t> all) {
  const ElapsedInto timed(communication_seconds_);
  BAOBAB_CHECK(all.size() == mine.size() * static_cast<uint64_t>(size_),
               "all_gather_bytes: size mismatch");
  const MessagePlan plan = plan_messages(mine.size(), max_message_);
  bytes_sent_ += mine.size() * static_cast<uint64_t>(size_ - 1);
  std::vector<uint8_t> chunk_all;
  for (uint64_t i = 0; i < plan.chunks; ++i) {
    const int count = checked_count(plan.count(i));
    chunk_all.resize(plan.count(i) * static_cast<uint64_t>(size_));
    MPI_Allgather(mine.data() + plan.offset(i), count, MPI_BYTE, chunk_all.data(), count, MPI_BYTE,
                  MPI_COMM_WORLD);
    for (uint64_t r = 0; r < static_cast<uint64_t>(size_); ++r) {
      std::memcpy(all.data() + r * mine.size() + plan.offset(i),
                  chunk_all.data() + r * plan.count(i), plan.count(i));
    }
  }
}

void MpiCommunicator::all_reduce_sum(std::span<uint64_t> values) {
  const auto ranks = static_cast<uint64_t>(size_);
  const auto me = static_cast<uint64_t>(rank_);
  // Rank r sums part r: elements [r · part, (r + 1) · part) clipped to the
  // array (the last parts may be short or empty).
  const uint64_t part = (values.size() + ranks - 1) / ranks;
  const auto part_first = [&](uint64_t r) { return std::min<uint64_t>(r * part, values.size()); };
  const auto part_size = [&](uint64_t r) {
    return std::min<uint64_t>(part_first(r) + part, values.size()) - part_first(r);
  };
  std::vector<uint64_t> mine(part, 0);
  std::copy_n(values.begin() + static_cast<std::ptrdiff_t>(part_first(me)), part_size(me),
              mine.begin());
  {
    const ElapsedInto timed(communication_seconds_);
    std::vector<uint64_t> theirs(part_size(me));
    for (uint64_t k = 1; k < ranks; ++k) {
      const uint64_t to = (me + k) % ranks;
      const uint64_t from = (me + ranks - k) % ranks;
      const uint64_t send_bytes = part_size(to) * sizeof(uint64_t);
      bytes_sent_ += send_bytes;
      sendrecv_bytes(reinterpret_cast<const uint8_t*>(values.data() + part_first(to)), send_bytes,
                     static_cast<int>(to), reinterpret_cast<uint8_t*>(theirs.data()),
                     theirs.size() * sizeof(uint64_t), static_cast<int>(from), max_message_);
      for (uint64_t i = 0; i < theirs.size(); ++i) {
        BAOBAB_CHECK(!__builtin_add_overflow(mine[i], theirs[i], &mine[i]),
                     "all_reduce_sum: a sum exceeds 2^64 - 1");
      }
    }
  }
  std::vector<uint64_t> all(part * ranks);
  all_gather_bytes(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(mine.data()),
                               mine.size() * sizeof(uint64_t)),
      std::span<uint8_t>(reinterpret_cast<uint8_t*>(all.data()), all.size() * sizeof(uint64_t)));
  std::copy_n(all.begin(), values.size(), values.begin());
}

dist::Fp3 MpiCommunicator::exclusive_prefix_sum(dist::Fp3 mine) {
  static_assert(sizeof(dist::Fp3) == 24);
  std::vector<dist::Fp3> all(static_cast<size_t>(size_));
  all_gather_bytes(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&mine), 24),
                   std::span<uint8_t>(reinterpret_cast<uint8_t*>(all.data()), all.size() * 24));
  dist::Fp3 sum = dist::Fp3::zero();
  for (int r = 0; r < rank_; ++r) sum += all[static_cast<size_t>(r)];
  return sum;
}

void MpiCommunicator::barrier() {
  const ElapsedInto timed(communication_seconds_);
  MPI_Barrier(MPI_COMM_WORLD);
}

}  // namespace baobab::mpi
