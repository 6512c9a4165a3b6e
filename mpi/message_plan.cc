#include "mpi/message_plan.h"

#include <string>

namespace baobab::mpi {

MessagePlan plan_messages(uint64_t total, uint64_t max_count) {
  BAOBAB_CHECK(max_count >= 1 && max_count <= kMaxMessageCount, "plan_messages: bad max_count");
  MessagePlan plan;
  plan.total = total;
  if (total == 0) return plan;
  plan.chunks = (total + max_count - 1) / max_count;
  // Equal-sized chunks (up to one element) rather than full ones plus a runt.
  plan.chunk = (total + plan.chunks - 1) / plan.chunks;
  plan.chunks = (total + plan.chunk - 1) / plan.chunk;
  return plan;
}

Result<int> narrow_count(uint64_t count) {
  if (count > kMaxMessageCount) {
    return Error{ErrorCode::kResourceLimit,
                 "message of " + std::to_string(count) + " elements exceeds MPI's int count",
                 "MPI"};
  }
  return static_cast<int>(count);
}

}  // namespace baobab::mpi
