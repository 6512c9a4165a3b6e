// Rows for the packed (AVX-512) sinks: PackedWindow copies a few hundred
// rows of every column out of a trace or an LDE, and PackedRows reads eight
// consecutive rows of such a window, one per lane, with the accessors every
// sink shares (air.h). Include only from *_avx512.cc files (STYLE §9).
//
// Why a copy: traces and LDEs are column-major, and eval() reads ~200
// columns per row; reading eight rows of every column in place touches as
// many memory streams as columns, more than the prefetcher follows, so
// nearly every access missed the cache. Copying one column at a time
// streams, and the window then stays in L2.
#pragma once

#include <cstdint>
#include <vector>

#include "src/air/table.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

class PackedWindow {
 public:
  // Rows per window: ~200 columns of 256 rows stay within a 1 MiB L2.
  static constexpr uint64_t kRows = 256;

  // Trace rows [first, first + rows) of a table of table_rows rows and the
  // row after them, wrapping to row 0 at the end of a whole view (a block
  // view reads its halo).
  const TraceView& load(const TraceView& trace, uint64_t table_rows, uint64_t first,
                        uint64_t rows) {
    const auto stored = [&](uint64_t row) {
      return trace.block_rows != 0 ? row - trace.first_row : row & (table_rows - 1);
    };
    return fill(trace.main, trace.preprocessed, trace.aux, first, rows, 1, stored);
  }

  // Logical LDE rows [first, first + rows) (logical row j is stored row
  // j·row_step, LdeView) and the blowup/row_step rows after them, the "next
  // rows" of the composition; a whole view wraps, a block view reads its halo.
  const TraceView& load(const LdeView& lde, uint64_t lde_rows, uint64_t first, uint64_t rows) {
    const uint64_t step = lde.row_step;
    const uint64_t mask = lde_rows / step - 1;
    const auto stored = [&](uint64_t row) {
      return (lde.block_rows != 0 ? row - lde.first_row : row & mask) * step;
    };
    return fill(lde.main, lde.preprocessed, lde.aux, first, rows, lde.blowup / step, stored);
  }

 private:
  // The window as a block view of rows [first, first + rows) with `halo`
  // rows after them; column c of each part is contiguous.
  template <class StoredRow>
  const TraceView& fill(const ConstMatrixView& main, const ConstMatrixView& preprocessed,
                        const ConstMatrixView& aux, uint64_t first, uint64_t rows, uint64_t halo,
                        const StoredRow& stored) {
    const uint64_t pitch = rows + halo;
    const uint64_t cols = main.cols + preprocessed.cols + aux.cols;
    if (data_.size() < cols * pitch) data_.resize(cols * pitch);
    Fp* out = data_.data();
    const auto copy = [&](const ConstMatrixView& m) -> ConstMatrixView {
      if (m.cols == 0) return {};
      Fp* const start = out;
      for (uint64_t c = 0; c < m.cols; ++c) {
        const Fp* column = m.column(c);
        for (uint64_t i = 0; i < pitch; ++i) out[i] = column[stored(first + i)];
        out += pitch;
      }
      return {start, pitch, m.cols};
    };
    view_ = TraceView{};
    view_.main = copy(main);
    view_.preprocessed = copy(preprocessed);
    view_.aux = copy(aux);
    view_.first_row = first;
    view_.block_rows = rows;
    return view_;
  }

  std::vector<Fp> data_;
  TraceView view_;
};

// Rows row .. row+7 of a window (PackedWindow::load), each value one
// unaligned load; the next row of row r is r + next (1 for a trace, the
// blowup / row_step for an LDE), which the window's halo holds.
class PackedRows {
 public:
  using Base = field::avx512::PackedFp;
  using Ext = field::avx512::PackedFp3;
  static constexpr uint64_t kLanes = field::avx512::kLanes;

  PackedRows(const TraceView& window, uint64_t next) : window_(window), next_(next) {}

  void at(uint64_t row) { local_ = row - window_.first_row; }

  [[gnu::always_inline]] Base main(uint64_t c) const { return load(window_.main, c, 0); }
  [[gnu::always_inline]] Base main_next(uint64_t c) const { return load(window_.main, c, next_); }
  [[gnu::always_inline]] Base preprocessed(uint64_t c) const {
    return load(window_.preprocessed, c, 0);
  }
  [[gnu::always_inline]] Base preprocessed_next(uint64_t c) const {
    return load(window_.preprocessed, c, next_);
  }
  [[gnu::always_inline]] Ext aux(uint64_t c) const { return aux_at(c, 0); }
  [[gnu::always_inline]] Ext aux_next(uint64_t c) const { return aux_at(c, next_); }
  [[gnu::always_inline]] Base constant(Fp v) const { return Base::splat(v); }

 private:
  [[gnu::always_inline]] Base load(const ConstMatrixView& m, uint64_t c, uint64_t offset) const {
    return {field::avx512::load(m.column(c) + local_ + offset)};
  }
  // An aux (Fp3) column is stored as three coordinate columns.
  [[gnu::always_inline]] Ext aux_at(uint64_t c, uint64_t offset) const {
    const uint64_t first = kAuxCoordinates * c;
    return {load(window_.aux, first, offset), load(window_.aux, first + 1, offset),
            load(window_.aux, first + 2, offset)};
  }

  const TraceView& window_;
  uint64_t next_;
  uint64_t local_ = 0;
};

}  // namespace baobab::air
