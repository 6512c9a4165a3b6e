// TableTrace: one table's main columns as the witness builder fills them
// (column-major, 2^log_rows rows, zero-initialised), and the table order of
// the zkVM statement (docs/rv32im-air.md §4).
#pragma once

#include <cstdint>
#include <vector>

#include "src/field/goldilocks.h"
#include "src/field/matrix_view.h"

namespace baobab::zkvm::rv {

// Tables in statement (and proof) order.
enum TableId : uint64_t {
  kTableCpu,
  kTableStatic,
  kTableBytes,
  kTableFixedMem,
  kTableZeroMem,
  kTableEcall,
  kTableIo,
  kNumTables
};

struct TableTrace {
  int log_rows = 0;
  uint64_t cols = 0;
  std::vector<field::Fp> data;

  TableTrace() = default;
  TableTrace(int log_rows_in, uint64_t cols_in)
      : log_rows(log_rows_in), cols(cols_in), data(rows() * cols_in, field::Fp::zero()) {}

  uint64_t rows() const { return uint64_t{1} << log_rows; }
  field::Fp& at(uint64_t row, uint64_t col) { return data[col * rows() + row]; }
  field::Fp at(uint64_t row, uint64_t col) const { return data[col * rows() + row]; }
  void set(uint64_t row, uint64_t col, uint64_t value) {
    at(row, col) = field::Fp::from_u64(value);
  }
  field::MatrixView view() { return {data.data(), rows(), cols}; }
  field::ConstMatrixView view() const { return {data.data(), rows(), cols}; }
};

// Smallest log2 with 2^log >= n (and >= min_log).
inline int log2_ceil(uint64_t n, int min_log = 0) {
  int log = min_log;
  while ((uint64_t{1} << log) < n) ++log;
  return log;
}

}  // namespace baobab::zkvm::rv
