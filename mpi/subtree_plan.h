// Which aligned Merkle subtrees each rank hashes (DESIGN §4 item 4), as plain
// arithmetic tested without MPI. The leaves are cut into S = the smallest
// power of two >= R aligned subtrees of leaves/S leaves each, and rank r owns
// the contiguous subtrees [r·S/R, (r+1)·S/R). Any R >= 1 works, powers of two
// or not; the S subtree roots are the bottom of a top tree whose root equals
// that of one process hashing every leaf.
#pragma once

#include <cstdint>

#include "src/common/result.h"

namespace baobab::mpi {

struct SubtreePlan {
  uint64_t leaves = 0;  // power of two
  uint64_t ranks = 0;
  uint64_t subtrees = 0;  // power of two, >= ranks
  uint64_t leaves_per_subtree = 0;

  uint64_t first_subtree(uint64_t rank) const { return rank * subtrees / ranks; }
  uint64_t subtree_count(uint64_t rank) const {
    return first_subtree(rank + 1) - first_subtree(rank);
  }
  uint64_t first_leaf(uint64_t rank) const { return first_subtree(rank) * leaves_per_subtree; }
  uint64_t leaf_count(uint64_t rank) const { return subtree_count(rank) * leaves_per_subtree; }
};

// Errors when leaves is not a power of two or there are more ranks than leaves.
Result<SubtreePlan> plan_subtrees(uint64_t leaves, uint64_t ranks);

}  // namespace baobab::mpi
