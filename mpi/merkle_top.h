// The top of a distributed Merkle tree (DESIGN §4 item 4): every rank hashed
// the aligned subtrees that SubtreePlan gives it; their roots are gathered on
// every rank (32 bytes per subtree: O(R) data) and combined into the global
// root, identical to one process hashing all leaves. Collective over
// MPI_COMM_WORLD.
#pragma once

#include <span>

#include "mpi/subtree_plan.h"
#include "src/hash/digest.h"
#include "src/hash/hasher.h"

namespace baobab::mpi {

// `local_roots` holds this rank's plan.subtree_count(rank) subtree roots in
// order. Returns the root of the whole tree on every rank.
hash::Digest combine_subtree_roots(const hash::Hasher& hasher, const SubtreePlan& plan,
                                   std::span<const hash::Digest> local_roots);

}  // namespace baobab::mpi
