// Eight consecutive trace rows in AVX-512 lanes, for code written once over a
// sink (air.h): PackedTraceRows reads them (the LogUp aux builder of the
// zkVM uses it for interactions()), and first_failure_packed() runs the
// debug checker's question, "does any constraint fail on these rows?", eight
// rows at a time, leaving the report of the first failure to DebugRowSink.
//
// Include only from *_avx512.cc files (STYLE §9). An AIR opts in by
// declaring first_failure_avx512() (see CpuAir); the AirAdapter calls it on
// CPUs with AVX-512.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "src/air/air.h"
#include "src/air/constraint.h"
#include "src/air/debug_sink.h"
#include "src/air/packed_inputs_avx512.h"
#include "src/air/table.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

// Reads rows row .. row+7 of a TraceView (columns are contiguous, so a value
// is one unaligned load); next rows wrap from the last row to row 0 of a
// whole view, as RowReader does, and a block view reads its halo.
class PackedTraceRows {
 public:
  using Base = field::avx512::PackedFp;
  using Ext = field::avx512::PackedFp3;
  static constexpr uint64_t kLanes = field::avx512::kLanes;

  PackedTraceRows(const TraceView& trace, uint64_t table_rows)
      : trace_(trace), table_rows_(table_rows) {}

  void at(uint64_t row) {
    local_ = row - (trace_.block_rows != 0 ? trace_.first_row : 0);
    wraps_ = trace_.block_rows == 0 && row + kLanes == table_rows_;
    if (wraps_) {
      alignas(64) std::array<int64_t, kLanes> next{};
      for (uint64_t k = 0; k < kLanes; ++k) {
        next[k] = static_cast<int64_t>((row + k + 1) % table_rows_);
      }
      next_index_ = _mm512_load_si512(next.data());
    }
  }

  [[gnu::always_inline]] Base main(uint64_t c) const { return load(trace_.main, c); }
  [[gnu::always_inline]] Base main_next(uint64_t c) const { return load_next(trace_.main, c); }
  [[gnu::always_inline]] Base preprocessed(uint64_t c) const {
    return load(trace_.preprocessed, c);
  }
  [[gnu::always_inline]] Base preprocessed_next(uint64_t c) const {
    return load_next(trace_.preprocessed, c);
  }
  // An aux (Fp3) column is stored as three coordinate columns.
  [[gnu::always_inline]] Ext aux(uint64_t c) const {
    const uint64_t first = kAuxCoordinates * c;
    return {load(trace_.aux, first), load(trace_.aux, first + 1), load(trace_.aux, first + 2)};
  }
  [[gnu::always_inline]] Ext aux_next(uint64_t c) const {
    const uint64_t first = kAuxCoordinates * c;
    return {load_next(trace_.aux, first), load_next(trace_.aux, first + 1),
            load_next(trace_.aux, first + 2)};
  }
  [[gnu::always_inline]] Base constant(Fp v) const { return Base::splat(v); }

 private:
  [[gnu::always_inline]] Base load(const ConstMatrixView& m, uint64_t c) const {
    return {field::avx512::load(m.column(c) + local_)};
  }
  [[gnu::always_inline]] Base load_next(const ConstMatrixView& m, uint64_t c) const {
    if (wraps_) return {_mm512_i64gather_epi64(next_index_, m.column(c), 8)};
    return {field::avx512::load(m.column(c) + local_ + 1)};
  }

  const TraceView& trace_;
  uint64_t table_rows_;
  uint64_t local_ = 0;
  bool wraps_ = false;
  __m512i next_index_ = _mm512_setzero_si512();
};

// Rows [first, first + rows) of every column of a TraceView and the row
// after them, copied into one buffer and offered as a block view of those
// rows. Reading ~200 columns eight rows at a time in place touches as many
// memory streams as columns, more than the prefetcher follows; copying one
// column at a time streams (the same reason as PackedRowWindow for the LDE).
class PackedTraceWindow {
 public:
  static constexpr uint64_t kRows = 256;

  const TraceView& load(const TraceView& trace, uint64_t table_rows, uint64_t first,
                        uint64_t rows) {
    const uint64_t pitch = rows + 1;
    const uint64_t cols = trace.main.cols + trace.preprocessed.cols + trace.aux.cols;
    if (data_.size() < cols * pitch) data_.resize(cols * pitch);
    Fp* out = data_.data();
    window_ = TraceView{};
    window_.main = copy(trace, trace.main, table_rows, first, pitch, out);
    window_.preprocessed = copy(trace, trace.preprocessed, table_rows, first, pitch, out);
    window_.aux = copy(trace, trace.aux, table_rows, first, pitch, out);
    window_.first_row = first;
    window_.block_rows = rows;
    return window_;
  }

 private:
  // Stored row of table row r: a block view holds its rows from 0 (and its
  // halo after them), a whole view wraps from the last row to row 0.
  static ConstMatrixView copy(const TraceView& trace, const ConstMatrixView& m, uint64_t table_rows,
                              uint64_t first, uint64_t pitch, Fp*& out) {
    if (m.cols == 0) return {};
    Fp* const start = out;
    for (uint64_t c = 0; c < m.cols; ++c) {
      const Fp* column = m.column(c);
      if (trace.block_rows != 0) {
        std::copy_n(column + (first - trace.first_row), pitch, out);
      } else {
        const uint64_t direct = std::min(pitch, table_rows - first);
        std::copy_n(column + first, direct, out);
        for (uint64_t i = direct; i < pitch; ++i) out[i] = column[(first + i) % table_rows];
      }
      out += pitch;
    }
    return {start, pitch, m.cols};
  }

  std::vector<Fp> data_;
  TraceView window_;
};

// Records which lanes have a non-zero constraint where its kind applies.
class PackedCheckSink : public PackedTraceRows, public PackedInputs {
 public:
  using Base = PackedTraceRows::Base;
  using Ext = PackedTraceRows::Ext;

  PackedCheckSink(const TraceView& trace, uint64_t table_rows, const ConstraintInputs& inputs)
      : PackedTraceRows(trace, table_rows), PackedInputs(inputs), table_rows_(table_rows) {}

  // Rows row .. row+7; forgets the previous rows' result.
  void start_rows(uint64_t row) {
    at(row);
    failed_ = 0;
    applies_[kind_index(ConstraintKind::kEveryRow)] = 0xff;
    applies_[kind_index(ConstraintKind::kTransition)] = 0;
    applies_[kind_index(ConstraintKind::kFirstRow)] = 0;
    applies_[kind_index(ConstraintKind::kLastRow)] = 0;
    for (uint64_t k = 0; k < kLanes; ++k) {
      const auto bit = static_cast<__mmask8>(1u << k);
      const auto add = [bit](__mmask8& lanes) { lanes = static_cast<__mmask8>(lanes | bit); };
      if (row + k + 1 != table_rows_) add(applies_[kind_index(ConstraintKind::kTransition)]);
      if (row + k == 0) add(applies_[kind_index(ConstraintKind::kFirstRow)]);
      if (row + k + 1 == table_rows_) add(applies_[kind_index(ConstraintKind::kLastRow)]);
    }
  }
  // Lanes (bit k: row + k) on which some constraint failed.
  __mmask8 failed_lanes() const { return failed_; }

  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Base& v) {
    fail(kind, _mm512_test_epi64_mask(v.v, v.v));
  }
  [[gnu::always_inline]] void assert_zero(std::string_view, ConstraintKind kind, const Ext& v) {
    const __m512i any = _mm512_or_si512(_mm512_or_si512(v.c0.v, v.c1.v), v.c2.v);
    fail(kind, _mm512_test_epi64_mask(any, any));
  }

 private:
  [[gnu::always_inline]] void fail(ConstraintKind kind, __mmask8 nonzero) {
    failed_ = static_cast<__mmask8>(failed_ | (applies_[kind_index(kind)] & nonzero));
  }

  uint64_t table_rows_;
  std::array<__mmask8, kConstraintKindCount> applies_{};
  __mmask8 failed_ = 0;
};

// AirAdapter::first_failure for an AIR that opts in: rows [first, first +
// count) eight at a time; a group with a failing lane is re-run row by row
// with DebugRowSink, which names the first failing constraint. count must
// be a multiple of 8.
template <class A>
std::optional<RowFailure> first_failure_packed(const A& air, const TraceView& trace,
                                               const ConstraintInputs& inputs, uint64_t first,
                                               uint64_t count) {
  constexpr uint64_t kLanes = PackedTraceRows::kLanes;
  BAOBAB_CHECK(count % kLanes == 0, "first_failure_packed: row count not a multiple of 8");
  const uint64_t rows = air.info().rows();
  thread_local PackedTraceWindow window;
  for (uint64_t begin = first; begin < first + count; begin += PackedTraceWindow::kRows) {
    const uint64_t size = std::min(PackedTraceWindow::kRows, first + count - begin);
    const TraceView& view = window.load(trace, rows, begin, size);
    PackedCheckSink packed(view, rows, inputs);
    DebugRowSink scalar(view, rows, inputs);
    for (uint64_t row = begin; row < begin + size; row += kLanes) {
      packed.start_rows(row);
      air.eval(packed);
      if (packed.failed_lanes() == 0) continue;
      for (uint64_t r = row; r < row + kLanes; ++r) {
        scalar.start_row(r);
        air.eval(scalar);
        if (scalar.failed_constraint() != DebugRowSink::kNoFailure) {
          return RowFailure{r, scalar.failed_constraint()};
        }
      }
      BAOBAB_CHECK(false, "first_failure_packed: a lane failed that the row-by-row check passes");
    }
  }
  return std::nullopt;
}

}  // namespace baobab::air
