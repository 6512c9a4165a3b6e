// Borrowed views of column-major matrices of field elements: the layout of
// traces, LDEs and every batch the NTT and Merkle code work on. Column c
// starts at data + c·stride and holds `rows` contiguous elements; stride >=
// rows lets a view select a block of rows (a rank's share, DESIGN §4) without
// copying. Views never own memory: callers allocate once and reuse.
#pragma once

#include <cstdint>
#include <span>

#include "src/common/check.h"
#include "src/field/goldilocks.h"

namespace baobab::field {

struct MatrixView {
  Fp* data = nullptr;
  uint64_t rows = 0;
  uint64_t cols = 0;
  uint64_t stride = 0;  // elements between the starts of consecutive columns

  MatrixView() = default;
  MatrixView(Fp* data_in, uint64_t rows_in, uint64_t cols_in)
      : MatrixView(data_in, rows_in, cols_in, rows_in) {}
  MatrixView(Fp* data_in, uint64_t rows_in, uint64_t cols_in, uint64_t stride_in)
      : data(data_in), rows(rows_in), cols(cols_in), stride(stride_in) {
    BAOBAB_CHECK(stride >= rows || cols <= 1, "MatrixView: column stride shorter than a column");
  }

  Fp* column(uint64_t c) const { return data + c * stride; }
  std::span<Fp> column_span(uint64_t c) const { return {column(c), rows}; }
  Fp& at(uint64_t r, uint64_t c) const { return data[c * stride + r]; }
  bool contiguous() const { return stride == rows || cols <= 1; }

  // Rows [first, first + count) of every column.
  MatrixView row_block(uint64_t first, uint64_t count) const {
    BAOBAB_CHECK(first <= rows && count <= rows - first, "MatrixView::row_block out of range");
    return {data + first, count, cols, stride};
  }
};

struct ConstMatrixView {
  const Fp* data = nullptr;
  uint64_t rows = 0;
  uint64_t cols = 0;
  uint64_t stride = 0;

  ConstMatrixView() = default;
  ConstMatrixView(const Fp* data_in, uint64_t rows_in, uint64_t cols_in)
      : ConstMatrixView(data_in, rows_in, cols_in, rows_in) {}
  ConstMatrixView(const Fp* data_in, uint64_t rows_in, uint64_t cols_in, uint64_t stride_in)
      : data(data_in), rows(rows_in), cols(cols_in), stride(stride_in) {
    BAOBAB_CHECK(stride >= rows || cols <= 1,
                 "ConstMatrixView: column stride shorter than a column");
  }
  ConstMatrixView(const MatrixView& m)  // NOLINT: implicit, mutable to read-only
      : data(m.data), rows(m.rows), cols(m.cols), stride(m.stride) {}

  const Fp* column(uint64_t c) const { return data + c * stride; }
  std::span<const Fp> column_span(uint64_t c) const { return {column(c), rows}; }
  Fp at(uint64_t r, uint64_t c) const { return data[c * stride + r]; }
  bool contiguous() const { return stride == rows || cols <= 1; }

  ConstMatrixView row_block(uint64_t first, uint64_t count) const {
    BAOBAB_CHECK(first <= rows && count <= rows - first, "ConstMatrixView::row_block out of range");
    return {data + first, count, cols, stride};
  }
};

// One column as a batch of one.
inline MatrixView as_matrix(std::span<Fp> column) {
  return {column.data(), column.size(), 1};
}
inline ConstMatrixView as_matrix(std::span<const Fp> column) {
  return {column.data(), column.size(), 1};
}

}  // namespace baobab::field
