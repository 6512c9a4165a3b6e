// DebugRowSink: the sink the debug checker (debug_checker.h) runs an AIR's
// eval() with, one trace row at a time, on a concrete witness. Main and
// preprocessed values are Fp, aux values Fp3; it remembers the index of the
// first constraint (in declaration order) that is non-zero on a row where
// its kind applies. Indices were bounds-checked by the DegreeCounter.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/row_reader.h"
#include "src/air/table.h"

namespace baobab::air {

class DebugRowSink : public RowReader<TraceView> {
 public:
  static constexpr uint64_t kNoFailure = ~uint64_t{0};

  DebugRowSink(const TraceView& trace, uint64_t rows, const ConstraintInputs& inputs)
      : RowReader(trace, inputs), rows_(rows) {}

  // Moves to row `row` (of the whole table) and forgets the previous row's
  // result. A block view reads row - first_row and the halo after it.
  void start_row(uint64_t row) {
    move_to_row(row, rows_);
    applies_[kind_index(ConstraintKind::kEveryRow)] = true;
    applies_[kind_index(ConstraintKind::kTransition)] = row + 1 != rows_;
    applies_[kind_index(ConstraintKind::kFirstRow)] = row == 0;
    applies_[kind_index(ConstraintKind::kLastRow)] = row + 1 == rows_;
    index_ = 0;
    failed_ = kNoFailure;
  }
  // Index of the first failing constraint on the current row, or kNoFailure.
  uint64_t failed_constraint() const { return failed_; }

  template <class V>
  void assert_zero(std::string_view, ConstraintKind kind, const V& value) {
    if (failed_ == kNoFailure && applies_[kind_index(kind)] && !value.is_zero()) failed_ = index_;
    ++index_;
  }

 private:
  uint64_t rows_;
  bool applies_[kConstraintKindCount] = {};
  uint64_t index_ = 0;
  uint64_t failed_ = kNoFailure;
};

}  // namespace baobab::air
