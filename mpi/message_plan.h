// Splitting large transfers into MPI-sized messages (STYLE §4). MPI counts
// are `int` (Open MPI 4.1 has no large-count calls), while Baobab's sizes are
// 64-bit: every exchange is planned here, as plain arithmetic that is tested
// without MPI, and narrowed to int in exactly one checked place.
#pragma once

#include <climits>
#include <cstdint>

#include "src/common/result.h"

namespace baobab::mpi {

// The largest element count one message may carry.
inline constexpr uint64_t kMaxMessageCount = static_cast<uint64_t>(INT_MAX);

// A transfer of `total` elements as `chunks` messages of at most `chunk`
// elements; the last message carries the remainder.
struct MessagePlan {
  uint64_t total = 0;
  uint64_t chunk = 0;
  uint64_t chunks = 0;

  uint64_t offset(uint64_t i) const { return i * chunk; }
  uint64_t count(uint64_t i) const { return i + 1 < chunks ? chunk : total - i * chunk; }
};

// max_count >= 1; a zero-length transfer has zero chunks.
MessagePlan plan_messages(uint64_t total, uint64_t max_count = kMaxMessageCount);

// The one place a 64-bit count becomes an MPI int.
Result<int> narrow_count(uint64_t count);

}  // namespace baobab::mpi
