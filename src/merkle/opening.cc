#include "src/merkle/opening.h"

#include <algorithm>
#include <string>

#include "src/common/check.h"
#include "src/merkle/leaves.h"

namespace baobab::merkle {

namespace {

using IndexIter = std::span<const uint64_t>::iterator;

// The opened indices under node (level, pos) are [first, last); splits them
// at the first index in the right child.
IndexIter split_point(unsigned level, uint64_t pos, IndexIter first, IndexIter last) {
  const uint64_t mid = (2 * pos + 1) << (level - 1);
  return std::lower_bound(first, last, mid);
}

// Depth-first proof of node (level, pos), which has at least one opened leaf.
void prove_node(const MerkleTree& tree, unsigned level, uint64_t pos, IndexIter first,
                IndexIter last, std::vector<Digest>& out) {
  if (level == 0) return;
  const IndexIter mid = split_point(level, pos, first, last);
  if (mid == first) {
    out.push_back(tree.node(level - 1, 2 * pos));
  } else {
    prove_node(tree, level - 1, 2 * pos, first, mid, out);
  }
  if (mid == last) {
    out.push_back(tree.node(level - 1, 2 * pos + 1));
  } else {
    prove_node(tree, level - 1, 2 * pos + 1, mid, last, out);
  }
}

// The verifier's mirror of prove_node: recomputes the digest of node
// (level, pos) from the opened leaves below it and the next proof digests.
struct Replay {
  const hash::Hasher& hasher;
  std::span<const uint64_t> indices;
  std::span<const Digest> leaves;
  std::span<const Digest> siblings;
  size_t next = 0;  // first unread sibling

  bool node(unsigned level, uint64_t pos, IndexIter first, IndexIter last, Digest& out) {
    if (level == 0) {
      out = leaves[static_cast<size_t>(first - indices.begin())];
      return true;
    }
    const IndexIter mid = split_point(level, pos, first, last);
    Digest pair[2];
    if (!child(level, 2 * pos, first, mid, pair[0])) return false;
    if (!child(level, 2 * pos + 1, mid, last, pair[1])) return false;
    hasher.compress_pairs(pair, std::span<Digest>(&out, 1));
    return true;
  }

  bool child(unsigned level, uint64_t pos, IndexIter first, IndexIter last, Digest& out) {
    if (first != last) return node(level - 1, pos, first, last, out);
    if (next >= siblings.size()) return false;  // proof too short
    out = siblings[next++];
    return true;
  }
};

Error reject(std::string message) {
  return Error{ErrorCode::kMalformedInput, std::move(message), "merkle opening"};
}

}  // namespace

std::vector<Digest> prove_batch(const MerkleTree& tree, std::span<const uint64_t> indices) {
  BAOBAB_CHECK(!indices.empty(), "prove_batch: no indices");
  for (size_t i = 0; i < indices.size(); ++i) {
    BAOBAB_CHECK(indices[i] < tree.num_leaves(), "prove_batch: index out of range");
    BAOBAB_CHECK(i == 0 || indices[i - 1] < indices[i], "prove_batch: indices not increasing");
  }
  std::vector<Digest> out;
  prove_node(tree, tree.height(), 0, indices.begin(), indices.end(), out);
  return out;
}

BatchOpening open_rows(const MerkleTree& tree, const ConstMatrixView& matrix,
                       std::span<const uint64_t> indices) {
  BAOBAB_CHECK(matrix.rows == tree.num_leaves(), "open_rows: matrix does not match tree");
  BatchOpening opening;
  opening.siblings = prove_batch(tree, indices);
  opening.indices.assign(indices.begin(), indices.end());
  opening.rows.reserve(indices.size() * matrix.cols);
  for (uint64_t index : indices) {
    for (size_t c = 0; c < matrix.cols; ++c) opening.rows.push_back(matrix.at(index, c));
  }
  return opening;
}

Status verify_batch_digests(const hash::Hasher& hasher, const Digest& root, unsigned height,
                            std::span<const uint64_t> indices, std::span<const Digest> leaf_digests,
                            std::span<const Digest> siblings) {
  // Shape first (STYLE §7), then values.
  if (height > kMaxHeight) return reject("tree height " + std::to_string(height) + " too large");
  if (indices.empty()) return reject("no indices");
  if (leaf_digests.size() != indices.size()) {
    return reject("leaf count " + std::to_string(leaf_digests.size()) + " != index count " +
                  std::to_string(indices.size()));
  }
  const uint64_t num_leaves = uint64_t{1} << height;
  for (size_t i = 0; i < indices.size(); ++i) {
    if (indices[i] >= num_leaves) {
      return reject("index " + std::to_string(indices[i]) + " out of range");
    }
    if (i > 0 && indices[i - 1] >= indices[i]) {
      return reject("indices not strictly increasing at position " + std::to_string(i));
    }
  }
  // A valid proof has at most height digests per index; refuse to walk more.
  if (siblings.size() > indices.size() * height) return reject("too many sibling digests");

  Replay replay{hasher, indices, leaf_digests, siblings};
  Digest computed;
  if (!replay.node(height, 0, indices.begin(), indices.end(), computed)) {
    return reject("too few sibling digests");
  }
  if (replay.next != siblings.size()) return reject("unused sibling digests");
  if (computed != root) return reject("root mismatch");
  return Ok{};
}

Status verify_batch(const hash::Hasher& hasher, const Digest& root, unsigned height, size_t width,
                    std::span<const uint64_t> indices, std::span<const Fp> rows,
                    std::span<const Digest> siblings) {
  if (width == 0) return reject("zero row width");
  if (rows.size() / width != indices.size() || rows.size() % width != 0) {
    return reject("row values " + std::to_string(rows.size()) +
                  " != " + std::to_string(indices.size()) + " rows x " + std::to_string(width));
  }
  if (indices.empty()) return reject("no indices");
  const std::vector<Digest> leaves = hash_row_major(hasher, rows, width);
  return verify_batch_digests(hasher, root, height, indices, leaves, siblings);
}

Status verify_path(const hash::Hasher& hasher, const Digest& root, unsigned height, uint64_t index,
                   const Digest& leaf, std::span<const Digest> path) {
  if (height > kMaxHeight) return reject("tree height " + std::to_string(height) + " too large");
  if (index >= (uint64_t{1} << height)) {
    return reject("index " + std::to_string(index) + " out of range");
  }
  if (path.size() != height) {
    return reject("path length " + std::to_string(path.size()) + " != height " +
                  std::to_string(height));
  }
  Digest current = leaf;
  for (unsigned level = 0; level < height; ++level) {
    const bool is_right = ((index >> level) & 1) != 0;
    current =
        is_right ? hasher.compress(path[level], current) : hasher.compress(current, path[level]);
  }
  if (current != root) return reject("root mismatch");
  return Ok{};
}

}  // namespace baobab::merkle
