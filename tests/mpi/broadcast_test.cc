#include "mpi/broadcast.h"

#include <gtest/gtest.h>
#include <mpi.h>

#include <vector>

namespace baobab::mpi {
namespace {

int world_rank() {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  return rank;
}
int world_size() {
  int size = 0;
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  return size;
}

// Data equal to its global index, so a misplaced chunk shows up as a wrong value.
uint8_t index_byte(uint64_t i) {
  return static_cast<uint8_t>(i * 131 + (i >> 8));
}

TEST(Broadcast, SplitMessagesArriveInPlaceFromEveryRoot) {
  for (int root = 0; root < world_size(); ++root) {
    for (uint64_t max_message : {uint64_t{1}, uint64_t{7}, uint64_t{4096}, kMaxMessageCount}) {
      std::vector<uint8_t> data(10007, 0);
      if (world_rank() == root) {
        for (uint64_t i = 0; i < data.size(); ++i) data[i] = index_byte(i);
      }
      broadcast_bytes(data, root, max_message);
      for (uint64_t i = 0; i < data.size(); ++i) {
        ASSERT_EQ(data[i], index_byte(i)) << "byte " << i << " root " << root;
      }
    }
  }
}

TEST(Broadcast, EmptyBufferIsANoOp) {
  std::vector<uint8_t> nothing;
  broadcast_bytes(nothing, 0);
  SUCCEED();
}

}  // namespace
}  // namespace baobab::mpi
