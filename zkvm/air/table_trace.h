// TableTrace: one table's main columns as the witness builder fills them
// (column-major, 2^log_rows rows, zero-initialised), and the table order of
// the zkVM statement (docs/rv32im-air.md §4).
#pragma once

#include <cstdint>
#include <vector>

#include "src/common/check.h"
#include "src/common/large_allocation.h"
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
  // Large (the cpu table's is most of the witness): huge pages.
  LargeVector<field::Fp> data;
  // The stored rows: all of them, or a window (a rank's rows of a table
  // split over MPI ranks, DESIGN §4): rows [first, first + count) and the row
  // after them ((first + count) mod rows(), stored last). Writes to other
  // rows land in `discard` and are lost, so a witness builder can run over
  // every row and keep only its own.
  uint64_t first = 0;
  uint64_t count = 0;
  bool windowed = false;
  std::vector<field::Fp> discard;

  TableTrace() = default;
  TableTrace(int log_rows_in, uint64_t cols_in)
      : log_rows(log_rows_in),
        cols(cols_in),
        data(rows() * cols_in, field::Fp::zero()),
        count(rows()) {}
  // Only rows [first_in, first_in + count_in) and the next one.
  static TableTrace window(int log_rows_in, uint64_t cols_in, uint64_t first_in,
                           uint64_t count_in) {
    TableTrace t;
    t.log_rows = log_rows_in;
    t.cols = cols_in;
    t.first = first_in;
    t.count = count_in;
    t.windowed = true;
    t.data.assign((count_in + 1) * cols_in, field::Fp::zero());
    t.discard.assign(cols_in, field::Fp::zero());
    return t;
  }

  uint64_t rows() const { return uint64_t{1} << log_rows; }
  uint64_t stored_rows() const { return windowed ? count + 1 : count; }
  field::Fp& at(uint64_t row, uint64_t col) {
    const uint64_t slot = slot_of(row);
    return slot == kNoSlot ? discard[col] : data[col * stored_rows() + slot];
  }
  field::Fp at(uint64_t row, uint64_t col) const {
    const uint64_t slot = slot_of(row);
    BAOBAB_CHECK(slot != kNoSlot, "TableTrace: row outside the window");
    return data[col * stored_rows() + slot];
  }
  void set(uint64_t row, uint64_t col, uint64_t value) {
    at(row, col) = field::Fp::from_u64(value);
  }
  // The stored rows [first, first + count) (without the window's next row).
  field::MatrixView view() { return {data.data(), count, cols, stored_rows()}; }
  field::ConstMatrixView view() const { return {data.data(), count, cols, stored_rows()}; }

 private:
  static constexpr uint64_t kNoSlot = ~uint64_t{0};
  uint64_t slot_of(uint64_t row) const {
    if (!windowed) return row;
    if (row - first < count) return row - first;
    return row == ((first + count) & (rows() - 1)) ? count : kNoSlot;
  }
};

// Smallest log2 with 2^log >= n (and >= min_log).
inline int log2_ceil(uint64_t n, int min_log = 0) {
  int log = min_log;
  while ((uint64_t{1} << log) < n) ++log;
  return log;
}

}  // namespace baobab::zkvm::rv
