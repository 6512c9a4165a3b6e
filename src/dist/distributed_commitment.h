// A Merkle commitment to a matrix whose rows are split over ranks (DESIGN §4
// items 4 and 7). Each rank owns whole aligned subtrees (a BlockSplit whose
// units are the subtrees: dist::DistributedNttPlan::rows, mpi::SubtreePlan),
// keeps their trees, and every rank knows all subtree roots (32 bytes each)
// and hence the top of the tree and the root — the root of one process
// hashing every row.
//
// Openings are served by the owning ranks: each proves its queried rows
// inside its subtrees (merkle::prove_batch); rank 0 gathers those proofs and
// inserts the top tree's digests where the depth-first walk of
// merkle/opening.h meets them, which yields exactly merkle::open_rows of the
// whole matrix.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include "src/dist/block_split.h"
#include "src/dist/communicator.h"
#include "src/hash/hasher.h"
#include "src/merkle/opening.h"
#include "src/merkle/tree.h"

namespace baobab::dist {

class DistributedCommitment {
 public:
  // `local`: this rank's plan.row_count(rank) rows (plan.unit_rows a power of
  // two, plan.units a power of two). Subtrees are pruned like
  // MerkleTree::build_pruned (openings rehash the bottom levels from `local`). Keeps a view of
  // `local` and a pointer to `hasher`: both must outlive the commitment. Collective.
  static DistributedCommitment build(Communicator& comm, const hash::Hasher& hasher,
                                     const BlockSplit& plan, const field::ConstMatrixView& local);

  // The same over leaf digests (this rank's plan.row_count(rank) leaves):
  // e.g. the cosets of a FRI layer. Such a commitment serves prove(), not
  // open(). Collective.
  static DistributedCommitment from_leaf_digests(Communicator& comm, const hash::Hasher& hasher,
                                                 const BlockSplit& plan,
                                                 std::span<const hash::Digest> leaves);

  const hash::Digest& root() const { return top_.root(); }
  uint64_t rows() const { return plan_.units * plan_.unit_rows; }
  // log2(rows): the height a verifier checks openings against.
  unsigned height() const;

  // The batch opening of `indices` (strictly increasing, below rows(), the
  // same on every rank), complete on rank 0; other ranks get an empty one.
  // Collective.
  merkle::BatchOpening open(Communicator& comm, std::span<const uint64_t> indices) const;

  // Only the siblings of that opening: merkle::prove_batch of the whole
  // tree, on rank 0 (empty elsewhere). Collective.
  std::vector<hash::Digest> prove(Communicator& comm, std::span<const uint64_t> indices) const;

 private:
  static DistributedCommitment from_subtrees(Communicator& comm, const hash::Hasher& hasher,
                                             const BlockSplit& plan,
                                             const field::ConstMatrixView& local,
                                             std::vector<merkle::MerkleTree> subtrees);
  void check_indices(std::span<const uint64_t> indices) const;

  DistributedCommitment(const BlockSplit& plan, const field::ConstMatrixView& local,
                        std::vector<merkle::MerkleTree> subtrees, merkle::MerkleTree top)
      : plan_(plan), local_(local), subtrees_(std::move(subtrees)), top_(std::move(top)) {}

  BlockSplit plan_;
  field::ConstMatrixView local_;
  std::vector<merkle::MerkleTree> subtrees_;  // this rank's, in order
  merkle::MerkleTree top_;                    // over every subtree root
};

}  // namespace baobab::dist
