// DebugRowSink: the sink the debug checker (debug_checker.h) runs an AIR's
// eval() with, one trace row at a time, on a concrete witness. Main and
// preprocessed values are Fp, aux values Fp3; it remembers the index of the
// first constraint (in declaration order) that is non-zero on a row where
// its kind applies. Indices were bounds-checked by the DegreeCounter.
#pragma once

#include <cstdint>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/table.h"

namespace baobab::air {

class DebugRowSink {
 public:
  using Base = Fp;
  using Ext = Fp3;

  static constexpr uint64_t kNoFailure = ~uint64_t{0};

  DebugRowSink(const TraceView& trace, uint64_t rows, const ConstraintInputs& inputs)
      : trace_(trace), inputs_(inputs), rows_(rows) {}

  // Moves to row `row` and forgets the previous row's result.
  void start_row(uint64_t row) {
    row_ = row;
    next_ = row + 1 == rows_ ? 0 : row + 1;
    applies_[kind_index(ConstraintKind::kEveryRow)] = true;
    applies_[kind_index(ConstraintKind::kTransition)] = row + 1 != rows_;
    applies_[kind_index(ConstraintKind::kFirstRow)] = row == 0;
    applies_[kind_index(ConstraintKind::kLastRow)] = row + 1 == rows_;
    index_ = 0;
    failed_ = kNoFailure;
  }
  // Index of the first failing constraint on the current row, or kNoFailure.
  uint64_t failed_constraint() const { return failed_; }

  Base main(uint64_t c) const { return trace_.main.at(row_, c); }
  Base main_next(uint64_t c) const { return trace_.main.at(next_, c); }
  Base preprocessed(uint64_t c) const { return trace_.preprocessed.at(row_, c); }
  Base preprocessed_next(uint64_t c) const { return trace_.preprocessed.at(next_, c); }
  Ext aux(uint64_t c) const { return aux_at(row_, c); }
  Ext aux_next(uint64_t c) const { return aux_at(next_, c); }
  Ext challenge(uint64_t i) const { return inputs_.challenges[i]; }
  Base public_input(uint64_t i) const { return inputs_.public_inputs[i]; }
  Ext aux_value(uint64_t i) const { return inputs_.aux_values[i]; }
  Base constant(Fp v) const { return v; }

  template <class V>
  void assert_zero(std::string_view, ConstraintKind kind, const V& value) {
    if (failed_ == kNoFailure && applies_[kind_index(kind)] && !value.is_zero()) failed_ = index_;
    ++index_;
  }

 private:
  Ext aux_at(uint64_t row, uint64_t c) const {
    const uint64_t first = kAuxCoordinates * c;
    return {trace_.aux.at(row, first), trace_.aux.at(row, first + 1),
            trace_.aux.at(row, first + 2)};
  }

  const TraceView& trace_;
  const ConstraintInputs& inputs_;
  uint64_t rows_;
  uint64_t row_ = 0;
  uint64_t next_ = 0;
  bool applies_[kConstraintKindCount] = {};
  uint64_t index_ = 0;
  uint64_t failed_ = kNoFailure;
};

}  // namespace baobab::air
