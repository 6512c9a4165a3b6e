// Broadcast of a byte buffer of any 64-bit size from `root` to every rank of
// MPI_COMM_WORLD, split into int-sized messages by plan_messages(). Every rank
// passes a buffer of the same size. Collective.
#pragma once

#include <cstdint>
#include <span>

#include "mpi/message_plan.h"

namespace baobab::mpi {

void broadcast_bytes(std::span<uint8_t> data, int root, uint64_t max_message = kMaxMessageCount);

}  // namespace baobab::mpi
