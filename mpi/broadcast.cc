#include "mpi/broadcast.h"

#include <mpi.h>

namespace baobab::mpi {

void broadcast_bytes(std::span<uint8_t> data, int root, uint64_t max_message) {
  const MessagePlan plan = plan_messages(data.size(), max_message);
  for (uint64_t i = 0; i < plan.chunks; ++i) {
    const auto count = narrow_count(plan.count(i));
    BAOBAB_CHECK(count.ok(), "broadcast_bytes: planned message exceeds int");
    MPI_Bcast(data.data() + plan.offset(i), count.value(), MPI_BYTE, root, MPI_COMM_WORLD);
  }
}

}  // namespace baobab::mpi
