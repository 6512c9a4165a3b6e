// Leaf hashing for Merkle commitments: leaf i is the hash of row i of a
// column-major matrix, encoded as the canonical little-endian bytes of its
// elements in column order (8 bytes each, DESIGN §2 / field/serialize.h).
//
// Rows are gathered kLeafBlockRows at a time into a small row-major scratch
// buffer and hashed with one Hasher::hash_rows call. Eight rows make one
// 64-byte cache line per column: measured on 2^20 x 64 matrices, this lets
// the hardware prefetchers follow every column and hides most of the memory
// traffic behind hashing (32- or 64-row blocks were 15-20% slower overall,
// and software prefetching did not help). Blocks are shared among OpenMP threads with
// a static schedule; every digest is a pure function of its row, so the result
// is identical for every thread count. Callers: MerkleTree, openings, tests.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "src/field/matrix_view.h"
#include "src/hash/hasher.h"

namespace baobab::merkle {

using field::ConstMatrixView;
using field::Fp;

inline constexpr size_t kLeafBlockRows = 8;  // one cache line per column

// out[r] = leaf digest of row r; out.size() must equal matrix.rows.
void hash_leaves(const hash::Hasher& hasher, const ConstMatrixView& matrix,
                 std::span<hash::Digest> out);

// The leaf bytes of `row` (matrix.cols * 8 bytes) written to `out`.
void row_bytes(const ConstMatrixView& matrix, size_t row, std::span<uint8_t> out);

// Leaf digests of rows given row-major (count rows of `width` elements).
std::vector<hash::Digest> hash_row_major(const hash::Hasher& hasher, std::span<const Fp> rows,
                                         size_t width);

}  // namespace baobab::merkle
