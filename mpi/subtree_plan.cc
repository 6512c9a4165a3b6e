#include "mpi/subtree_plan.h"

#include <bit>
#include <string>

namespace baobab::mpi {

Result<SubtreePlan> plan_subtrees(uint64_t leaves, uint64_t ranks) {
  if (leaves == 0 || !std::has_single_bit(leaves)) {
    return Error{ErrorCode::kInvalidArgument,
                 "Merkle leaf count " + std::to_string(leaves) + " is not a power of two",
                 "subtree plan"};
  }
  if (ranks == 0 || ranks > leaves) {
    return Error{ErrorCode::kInvalidArgument,
                 std::to_string(ranks) + " ranks cannot share " + std::to_string(leaves) +
                     " Merkle leaves (need 1 <= ranks <= leaves)",
                 "subtree plan"};
  }
  SubtreePlan plan;
  plan.leaves = leaves;
  plan.ranks = ranks;
  plan.subtrees = std::bit_ceil(ranks);
  plan.leaves_per_subtree = leaves / plan.subtrees;
  return plan;
}

}  // namespace baobab::mpi
