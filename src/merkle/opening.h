// Batched Merkle openings: the rows at a set of leaf indices plus the minimal
// set of sibling digests that lets a verifier recompute the root (no digest
// that can be computed from other opened leaves is included).
//
// Sibling order is left to right: each proof digest is the root of a subtree
// without opened leaves (whose sibling subtree has some), and the digests
// are sorted by the leaf range they cover — the order in which a depth-first,
// left-first walk from the root meets them. Unlike a level-by-level order,
// this composes across ranks: the proof for a global index set is the ranks'
// local proofs in rank order, with the digests of the top tree (over rank
// roots) inserted where the walk meets them (DESIGN §4 item 7).
//
// The single-leaf form (MerkleTree::path, verify_path) uses the conventional
// bottom-up order instead; it holds the same digests as prove_batch({i}).
//
// The verifier never trusts the proof's shape: it checks the tree height,
// index order and range, row and digest counts before hashing anything and
// returns an error Status (STYLE §7) instead of aborting.
// Callers: the prover's query phase (open), the verifier (verify_*).
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/common/result.h"
#include "src/field/matrix_view.h"
#include "src/hash/hasher.h"
#include "src/merkle/tree.h"

namespace baobab::merkle {

// Largest tree height the verifier accepts (2^63 leaves; indices are u64).
inline constexpr unsigned kMaxHeight = 63;

// A batch opening as it travels in a proof (serialisation comes later).
struct BatchOpening {
  std::vector<uint64_t> indices;  // strictly increasing leaf indices
  std::vector<Fp> rows;           // indices.size() * width elements, row-major
  std::vector<Digest> siblings;   // the minimal sibling set, depth-first order
};

// Sibling digests proving the leaves at `indices` (strictly increasing, in
// range: a broken invariant otherwise, since the prover chose them).
std::vector<Digest> prove_batch(const MerkleTree& tree, std::span<const uint64_t> indices);

// Rows of `matrix` (the matrix `tree` commits to) plus prove_batch().
BatchOpening open_rows(const MerkleTree& tree, const ConstMatrixView& matrix,
                       std::span<const uint64_t> indices);

// Accepts iff `siblings` authenticates `leaf_digests` (one per index) at
// `indices` under `root` in a tree of 2^height leaves.
Status verify_batch_digests(const hash::Hasher& hasher, const Digest& root, unsigned height,
                            std::span<const uint64_t> indices, std::span<const Digest> leaf_digests,
                            std::span<const Digest> siblings);

// Hashes the opened rows (row-major, `width` elements each) into leaves and
// calls verify_batch_digests.
Status verify_batch(const hash::Hasher& hasher, const Digest& root, unsigned height, size_t width,
                    std::span<const uint64_t> indices, std::span<const Fp> rows,
                    std::span<const Digest> siblings);

inline Status verify_batch(const hash::Hasher& hasher, const Digest& root, unsigned height,
                           size_t width, const BatchOpening& opening) {
  return verify_batch(hasher, root, height, width, opening.indices, opening.rows, opening.siblings);
}

// One leaf digest and its bottom-up path (MerkleTree::path).
Status verify_path(const hash::Hasher& hasher, const Digest& root, unsigned height, uint64_t index,
                   const Digest& leaf, std::span<const Digest> path);

}  // namespace baobab::merkle
