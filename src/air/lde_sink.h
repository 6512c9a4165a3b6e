// LdeRowSink: the sink the prover's composition evaluator
// (prover_evaluator.h) runs an AIR's eval() with, one LDE row at a time, over
// a block of rows. Main and preprocessed values stay in Fp, so constraints
// over base columns are evaluated in the base field and only the final
// α^i · C_i lifts to Fp3 (a later vectorised version keeps that split and
// packs rows into SIMD lanes). Row j's next row is (j + blowup) mod N
// (LdeView is in natural order; a block view carries the rows after its
// last one, so there it never wraps). No virtual call and no bounds check per
// element: the AirAdapter instantiates eval() for this sink.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/row_reader.h"
#include "src/air/table.h"

namespace baobab::air {

class LdeRowSink : public RowReader<LdeView> {
 public:
  // lde_rows = N = n·blowup, a power of two. Logical rows are every
  // lde.row_step-th stored row (LdeView).
  LdeRowSink(const LdeView& lde, uint64_t lde_rows, const ConstraintInputs& inputs,
             std::span<const Fp3> alpha_powers)
      : RowReader(lde, inputs),
        alpha_powers_(alpha_powers),
        mask_(lde_rows / lde.row_step - 1),
        shift_(lde.blowup / lde.row_step),
        step_(lde.row_step),
        first_(lde.first_row),
        block_(lde.block_rows != 0) {}

  // Moves to logical LDE row j and clears the sums.
  void start_row(uint64_t j) {
    if (block_) {
      const uint64_t local = j - first_;
      move_to(local * step_, (local + shift_) * step_);
    } else {
      move_to(j * step_, ((j + shift_) & mask_) * step_);
    }
    index_ = 0;
    sums_ = KindSums{};
  }
  const KindSums& sums() const { return sums_; }

  template <class V>
  void assert_zero(std::string_view, ConstraintKind kind, const V& value) {
    sums_[kind_index(kind)] += alpha_powers_[index_++] * value;
  }

 private:
  std::span<const Fp3> alpha_powers_;
  uint64_t mask_;
  uint64_t shift_;
  uint64_t step_;
  uint64_t first_;
  bool block_;
  uint64_t index_ = 0;
  KindSums sums_{};
};

}  // namespace baobab::air
