// MerkleTree: the binary hash tree that commits to the rows of a matrix
// (trace, LDE, FRI layers). Leaves are row digests (leaves.h), inner nodes
// Hasher::compress_pairs of their two children; the number of leaves is a
// power of two.
//
// Distribution (DESIGN §4 item 4): rank r hashes its contiguous block of rows
// (its own matrix, or matrix.row_block(...) of a strided view) with
// subtree_root() (or keeps the MerkleTree of its block); the R block roots
// are combined with root_from_digests(), which yields exactly the root of one
// process hashing all rows, because the block roots ARE the nodes at level
// log2(rows / R) of the full tree.
//
// Threads: construction uses OpenMP (leaf blocks, then each layer's pairs,
// static schedules); output is bit-identical for every thread count.
// Callers: prover phases (commit), mpi/ Merkle top, openings (opening.h).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/field/matrix_view.h"
#include "src/hash/hasher.h"

namespace baobab::merkle {

using field::ConstMatrixView;
using field::Fp;
using hash::Digest;

class MerkleTree {
 public:
  // Commits to the rows of `matrix` (rows a power of two, cols >= 1).
  static MerkleTree build(const hash::Hasher& hasher, const ConstMatrixView& matrix);

  // The same root and openings, storing only the levels >= kPrunedLevels (a
  // sixteenth of the memory: 4 bytes per row instead of 64). Nodes below are
  // recomputed from the rows when an opening needs them (at most 2^4 rows
  // per opened node), so `matrix` and `hasher` must outlive the tree. For the
  // prover's large LDE commitments, where allocating (first-touching) the
  // full node array costs more than hashing.
  static constexpr unsigned kPrunedLevels = 4;
  static MerkleTree build_pruned(const hash::Hasher& hasher, const ConstMatrixView& matrix);

  // A tree whose bottom layer is `leaves` (a power-of-two count >= 1): leaf
  // digests, or subtree roots when combining ranks' blocks.
  static MerkleTree from_leaf_digests(const hash::Hasher& hasher, std::vector<Digest> leaves);

  // Adopts a whole tree computed elsewhere (the CUDA backend, kernels/), in
  // the heap order described below: nodes.size() == 2 · num_leaves, a power
  // of two >= 1. The nodes are taken as given; tests compare them with build().
  static MerkleTree from_nodes(std::vector<Digest> nodes, uint64_t num_leaves);

  const Digest& root() const { return nodes_[1]; }
  // Levels below this one are not stored (0 unless built with build_pruned).
  unsigned pruned_levels() const { return pruned_; }
  uint64_t num_leaves() const { return num_leaves_; }
  // log2(num_leaves): the number of sibling digests on one authentication path.
  unsigned height() const { return height_; }

  // Level 0 holds the leaves, level height() the root. layer() needs a
  // stored level (>= pruned_levels()); node() recomputes a pruned one.
  std::span<const Digest> layer(unsigned level) const;
  Digest node(unsigned level, uint64_t index) const;

  // The authentication path of one leaf: its sibling at each level, bottom up.
  // Equal to the batch proof (opening.h) of the single index.
  std::vector<Digest> path(uint64_t index) const;

 private:
  explicit MerkleTree(std::vector<Digest> nodes, uint64_t num_leaves, unsigned pruned = 0);
  void build_inner_layers(const hash::Hasher& hasher);

  // Heap order: nodes_[1] is the root, the children of k are 2k and 2k+1,
  // leaf i is nodes_[num_leaves + i]; nodes_[0] is unused. Each level is a
  // contiguous slice, so one compress_pairs call hashes a whole layer.
  // With pruned_ > 0 the array is the heap of the top tree whose leaves are
  // level pruned_: node (level, i) still sits at nodes_[(num_leaves >> level) + i].
  std::vector<Digest> nodes_;
  uint64_t num_leaves_ = 0;
  unsigned height_ = 0;
  unsigned pruned_ = 0;
  ConstMatrixView rows_;                  // pruned trees only
  const hash::Hasher* hasher_ = nullptr;  // pruned trees only
};

// The root of the tree over `bottom` (power-of-two count >= 1) without
// keeping the tree: combines R per-rank subtree roots into the global root.
Digest root_from_digests(const hash::Hasher& hasher, std::span<const Digest> bottom);

// The root over the rows of one contiguous block (a rank's rows, all columns).
Digest subtree_root(const hash::Hasher& hasher, const ConstMatrixView& block);

// Hashes one layer into the next: parents[i] = compress(children[2i], children[2i+1]),
// split among OpenMP threads in fixed-size chunks.
void compress_layer(const hash::Hasher& hasher, std::span<const Digest> children,
                    std::span<Digest> parents);

}  // namespace baobab::merkle
