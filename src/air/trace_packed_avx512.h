// The debug checker eight trace rows at a time: first_failure_packed() asks
// "does any constraint fail on these rows?" with PackedCheckSink and leaves
// the report of the first failure to DebugRowSink.
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
#include "src/air/packed_rows_avx512.h"
#include "src/air/table.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

// Records which lanes have a non-zero constraint where its kind applies.
class PackedCheckSink : public PackedRows, public PackedInputs {
 public:
  using Base = PackedRows::Base;
  using Ext = PackedRows::Ext;

  // window: PackedWindow::load(trace, ...).
  PackedCheckSink(const TraceView& window, uint64_t table_rows, const ConstraintInputs& inputs)
      : PackedRows(window, 1), PackedInputs(inputs), table_rows_(table_rows) {}

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
  constexpr uint64_t kLanes = PackedRows::kLanes;
  BAOBAB_CHECK(count % kLanes == 0, "first_failure_packed: row count not a multiple of 8");
  const uint64_t rows = air.info().rows();
  thread_local PackedWindow window;
  for (uint64_t begin = first; begin < first + count; begin += PackedWindow::kRows) {
    const uint64_t size = std::min(PackedWindow::kRows, first + count - begin);
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
