#include "src/merkle/tree.h"

#include <algorithm>
#include <bit>

#include "src/common/check.h"
#include "src/merkle/leaves.h"

namespace baobab::merkle {

namespace {

// Parents per OpenMP work item: large enough to amortise the virtual call
// and scheduling, small enough to split the upper layers among threads.
constexpr size_t kPairChunk = 512;

}  // namespace

void compress_layer(const hash::Hasher& hasher, std::span<const Digest> children,
                    std::span<Digest> parents) {
  BAOBAB_CHECK(children.size() == 2 * parents.size(), "compress_layer: size mismatch");
  const int64_t chunks = static_cast<int64_t>((parents.size() + kPairChunk - 1) / kPairChunk);
#pragma omp parallel for schedule(static) if (chunks > 1)
  for (int64_t c = 0; c < chunks; ++c) {
    const size_t p0 = static_cast<size_t>(c) * kPairChunk;
    const size_t count = std::min(kPairChunk, parents.size() - p0);
    hasher.compress_pairs(children.subspan(2 * p0, 2 * count), parents.subspan(p0, count));
  }
}

MerkleTree::MerkleTree(std::vector<Digest> nodes, uint64_t num_leaves, unsigned pruned)
    : nodes_(std::move(nodes)),
      num_leaves_(num_leaves),
      height_(static_cast<unsigned>(std::countr_zero(num_leaves))),
      pruned_(pruned) {}

void MerkleTree::build_inner_layers(const hash::Hasher& hasher) {
  std::span<Digest> all(nodes_);
  for (uint64_t n = (num_leaves_ >> pruned_) / 2; n >= 1; n /= 2) {
    compress_layer(hasher, all.subspan(2 * n, 2 * n), all.subspan(n, n));
  }
}

namespace {

// The roots of the aligned subtrees of 2^levels rows of `rows`, into `out`
// (rows.rows >> levels digests); `scratch` holds the leaf digests.
void subtree_roots(const hash::Hasher& hasher, const ConstMatrixView& rows, unsigned levels,
                   std::vector<Digest>& scratch, std::span<Digest> out) {
  scratch.resize(rows.rows);
  hash_leaves(hasher, rows, scratch);
  std::span<Digest> layer(scratch);
  for (unsigned l = 0; l < levels; ++l) {
    const uint64_t parents = layer.size() / 2;
    std::vector<Digest> next(parents);
    compress_layer(hasher, layer, next);
    std::copy(next.begin(), next.end(), layer.begin());
    layer = layer.first(parents);
  }
  std::copy(layer.begin(), layer.end(), out.begin());
}

}  // namespace

MerkleTree MerkleTree::build_pruned(const hash::Hasher& hasher, const ConstMatrixView& matrix) {
  BAOBAB_CHECK(matrix.rows >= 1 && std::has_single_bit(matrix.rows),
               "MerkleTree::build_pruned: rows must be a power of two");
  BAOBAB_CHECK(matrix.cols >= 1, "MerkleTree::build_pruned: no columns");
  const uint64_t n = matrix.rows;
  const unsigned pruned =
      std::min<unsigned>(kPrunedLevels, static_cast<unsigned>(std::countr_zero(n)));
  const uint64_t top_leaves = n >> pruned;
  MerkleTree tree(std::vector<Digest>(2 * top_leaves), n, pruned);
  tree.rows_ = matrix;
  tree.hasher_ = &hasher;
  // Leaves in blocks that stay in cache; each block yields its level-`pruned` nodes.
  constexpr uint64_t kBlockRows = uint64_t{1} << 14;
  const uint64_t block = std::min(kBlockRows, n);
  std::vector<Digest> scratch;
  for (uint64_t first = 0; first < n; first += block) {
    subtree_roots(
        hasher, matrix.row_block(first, block), pruned, scratch,
        std::span<Digest>(tree.nodes_).subspan(top_leaves + (first >> pruned), block >> pruned));
  }
  tree.build_inner_layers(hasher);
  return tree;
}

MerkleTree MerkleTree::build(const hash::Hasher& hasher, const ConstMatrixView& matrix) {
  BAOBAB_CHECK(matrix.rows >= 1 && std::has_single_bit(matrix.rows),
               "MerkleTree::build: rows must be a power of two");
  BAOBAB_CHECK(matrix.cols >= 1, "MerkleTree::build: no columns");
  const uint64_t n = matrix.rows;
  MerkleTree tree(std::vector<Digest>(2 * n), n);
  hash_leaves(hasher, matrix, std::span<Digest>(tree.nodes_).subspan(n, n));
  tree.build_inner_layers(hasher);
  return tree;
}

MerkleTree MerkleTree::from_leaf_digests(const hash::Hasher& hasher, std::vector<Digest> leaves) {
  const uint64_t n = leaves.size();
  BAOBAB_CHECK(n >= 1 && std::has_single_bit(n),
               "MerkleTree::from_leaf_digests: count must be a power of two");
  // Reuse the caller's buffer: shift the leaves into the upper half.
  leaves.resize(2 * n);
  std::copy(leaves.begin(), leaves.begin() + static_cast<std::ptrdiff_t>(n),
            leaves.begin() + static_cast<std::ptrdiff_t>(n));
  MerkleTree tree(std::move(leaves), n);
  tree.build_inner_layers(hasher);
  return tree;
}

MerkleTree MerkleTree::from_nodes(std::vector<Digest> nodes, uint64_t num_leaves) {
  BAOBAB_CHECK(num_leaves >= 1 && std::has_single_bit(num_leaves) && nodes.size() == 2 * num_leaves,
               "MerkleTree::from_nodes: need 2 * num_leaves nodes, num_leaves a power of two");
  return MerkleTree(std::move(nodes), num_leaves);
}

std::span<const Digest> MerkleTree::layer(unsigned level) const {
  BAOBAB_CHECK(level <= height_, "MerkleTree::layer: level above the root");
  BAOBAB_CHECK(level >= pruned_, "MerkleTree::layer: level not stored (pruned tree)");
  const uint64_t width = num_leaves_ >> level;
  return std::span<const Digest>(nodes_).subspan(width, width);
}

Digest MerkleTree::node(unsigned level, uint64_t index) const {
  BAOBAB_CHECK(level <= height_, "MerkleTree::node: level above the root");
  const uint64_t width = num_leaves_ >> level;
  BAOBAB_CHECK(index < width, "MerkleTree::node: index out of range");
  if (level >= pruned_) return nodes_[width + index];
  // Recompute a pruned node from its 2^level rows.
  std::vector<Digest> scratch;
  Digest out;
  subtree_roots(*hasher_, rows_.row_block(index << level, uint64_t{1} << level), level, scratch,
                std::span<Digest>(&out, 1));
  return out;
}

std::vector<Digest> MerkleTree::path(uint64_t index) const {
  BAOBAB_CHECK(index < num_leaves_, "MerkleTree::path: index out of range");
  std::vector<Digest> out;
  out.reserve(height_);
  for (unsigned level = 0; level < height_; ++level) {
    out.push_back(node(level, (index >> level) ^ 1));
  }
  return out;
}

Digest root_from_digests(const hash::Hasher& hasher, std::span<const Digest> bottom) {
  BAOBAB_CHECK(!bottom.empty() && std::has_single_bit(bottom.size()),
               "root_from_digests: count must be a power of two");
  std::vector<Digest> layer(bottom.begin(), bottom.end());
  for (size_t n = layer.size() / 2; n >= 1; n /= 2) {
    // A fresh buffer: compress_pairs never hashes in place.
    std::vector<Digest> parents(n);
    compress_layer(hasher, std::span<const Digest>(layer).first(2 * n), parents);
    layer = std::move(parents);
  }
  return layer[0];
}

Digest subtree_root(const hash::Hasher& hasher, const ConstMatrixView& block) {
  return MerkleTree::build(hasher, block).root();
}

}  // namespace baobab::merkle
