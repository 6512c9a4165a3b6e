// The Hasher interface (STYLE §3): the two batch operations a Merkle tree
// needs, so that the tree code is the same for every hash function and
// backend (SHA-256 on CPU now; a CUDA kernel or Poseidon2 later).
//
// Domain separation (DESIGN §2, docs/merkle.md):
//   leaf digest = H(0x00 || row bytes)
//   node digest = H(0x01 || left child || right child)
// Without the tag an inner node's 64-byte preimage (left || right) would also
// be a valid "row" of 64 bytes, so a prover could open an inner node as if it
// were a leaf (a second preimage across levels). The tag byte is free for
// nodes under SHA-256: 64 and 65 bytes both pad to two 64-byte blocks.
//
// Callers: merkle/ (tree build, openings, verification). Implementations are
// thread-safe: OpenMP threads call them concurrently on disjoint outputs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "src/hash/digest.h"

namespace baobab::hash {

inline constexpr uint8_t kLeafTag = 0x00;
inline constexpr uint8_t kNodeTag = 0x01;

class Hasher {
 public:
  virtual ~Hasher() = default;

  // A short stable name ("sha256"), for logs and proof parameters.
  virtual std::string_view name() const = 0;

  // Leaf digests of out.size() rows of `row_bytes` bytes each, stored back to
  // back in `rows` (row-major): out[i] = H(kLeafTag || rows[i*row_bytes ..]).
  // Requires rows.size() == out.size() * row_bytes.
  virtual void hash_rows(std::span<const uint8_t> rows, size_t row_bytes,
                         std::span<Digest> out) const = 0;

  // Parent digests of consecutive sibling pairs:
  // parents[i] = H(kNodeTag || children[2i] || children[2i+1]).
  // Requires children.size() == 2 * parents.size().
  virtual void compress_pairs(std::span<const Digest> children,
                              std::span<Digest> parents) const = 0;

  // Convenience forms of the batch calls for one leaf / one node.
  Digest hash_row(std::span<const uint8_t> row) const {
    Digest out;
    hash_rows(row, row.size(), std::span<Digest>(&out, 1));
    return out;
  }
  Digest compress(const Digest& left, const Digest& right) const {
    const Digest pair[2] = {left, right};
    Digest out;
    compress_pairs(pair, std::span<Digest>(&out, 1));
    return out;
  }
};

}  // namespace baobab::hash
