// Column-major views of a batch of columns, and the two element orders the
// NTT reads and writes. Every transform in baobab::ntt takes a batch: column c
// of a view is the contiguous run data[c·rows, (c+1)·rows). A single column is
// a view with cols == 1. Views borrow; the caller owns (and reuses) the memory.
#pragma once

#include <cstdint>
#include <span>

#include "src/field/goldilocks.h"

namespace baobab::ntt {

using field::Fp;

// Order of the values in a column of 2^k entries: kNatural puts the value for
// index i at position i; kBitReversed puts it at position reverse_bits_k(i).
enum class Order { kNatural, kBitReversed };

// A mutable column-major matrix: `cols` columns of `rows` elements each,
// stored one after another (column stride == rows).
struct MatrixView {
  Fp* data = nullptr;
  uint64_t rows = 0;
  uint64_t cols = 0;

  Fp* column(uint64_t c) const { return data + c * rows; }
  std::span<Fp> column_span(uint64_t c) const { return {column(c), rows}; }
};

// A read-only column-major matrix, same layout as MatrixView.
struct ConstMatrixView {
  const Fp* data = nullptr;
  uint64_t rows = 0;
  uint64_t cols = 0;

  ConstMatrixView() = default;
  ConstMatrixView(const Fp* d, uint64_t r, uint64_t c) : data(d), rows(r), cols(c) {}
  ConstMatrixView(MatrixView m) : data(m.data), rows(m.rows), cols(m.cols) {}  // NOLINT: implicit

  const Fp* column(uint64_t c) const { return data + c * rows; }
  std::span<const Fp> column_span(uint64_t c) const { return {column(c), rows}; }
};

// One column as a batch of one.
inline MatrixView as_matrix(std::span<Fp> column) {
  return {column.data(), column.size(), 1};
}
inline ConstMatrixView as_matrix(std::span<const Fp> column) {
  return {column.data(), column.size(), 1};
}

}  // namespace baobab::ntt
