// ColumnMajorView: a borrowed, read-only matrix of field elements in the
// layout the NTT and LDE produce (column c is contiguous: data[c*rows + r]).
// A Merkle leaf is one row of such a matrix. Callers: merkle/ (tree build,
// openings) and the prover phases that commit to traces and LDEs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "src/common/check.h"
#include "src/field/goldilocks.h"

namespace baobab::merkle {

using field::Fp;

struct ColumnMajorView {
  std::span<const Fp> data;
  size_t rows = 0;
  size_t cols = 0;

  ColumnMajorView(std::span<const Fp> data_in, size_t rows_in, size_t cols_in)
      : data(data_in), rows(rows_in), cols(cols_in) {
    BAOBAB_CHECK(data.size() == rows * cols, "ColumnMajorView: data size != rows * cols");
  }

  Fp at(size_t row, size_t col) const { return data[col * rows + row]; }
  std::span<const Fp> column(size_t col) const { return data.subspan(col * rows, rows); }
};

}  // namespace baobab::merkle
