// LdeRowSink: the sink the prover's composition evaluator
// (prover_evaluator.h) runs an AIR's eval() with, one LDE row at a time, over
// a block of rows. Main and preprocessed values stay in Fp, so constraints
// over base columns are evaluated in the base field and only the final
// α^i · C_i lifts to Fp3 (a later vectorised version keeps that split and
// packs rows into SIMD lanes). Row j's next row is (j + blowup) mod N
// (LdeView is in natural order). No virtual call and no bounds check per
// element: the AirAdapter instantiates eval() for this sink.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/table.h"

namespace baobab::air {

class LdeRowSink {
 public:
  using Base = Fp;
  using Ext = Fp3;

  // lde_rows = N = n·blowup, a power of two.
  LdeRowSink(const LdeView& lde, uint64_t lde_rows, const ConstraintInputs& inputs,
             std::span<const Fp3> alpha_powers)
      : lde_(lde),
        inputs_(inputs),
        alpha_powers_(alpha_powers),
        mask_(lde_rows - 1),
        shift_(lde.blowup) {}

  // Moves to LDE row j and clears the sums.
  void start_row(uint64_t j) {
    row_ = j;
    next_ = (j + shift_) & mask_;
    index_ = 0;
    sums_ = KindSums{};
  }
  const KindSums& sums() const { return sums_; }

  Base main(uint64_t c) const { return lde_.main.at(row_, c); }
  Base main_next(uint64_t c) const { return lde_.main.at(next_, c); }
  Base preprocessed(uint64_t c) const { return lde_.preprocessed.at(row_, c); }
  Base preprocessed_next(uint64_t c) const { return lde_.preprocessed.at(next_, c); }
  Ext aux(uint64_t c) const { return aux_at(row_, c); }
  Ext aux_next(uint64_t c) const { return aux_at(next_, c); }
  Ext challenge(uint64_t i) const { return inputs_.challenges[i]; }
  Base public_input(uint64_t i) const { return inputs_.public_inputs[i]; }
  Ext aux_value(uint64_t i) const { return inputs_.aux_values[i]; }
  Base constant(Fp v) const { return v; }

  template <class V>
  void assert_zero(std::string_view, ConstraintKind kind, const V& value) {
    sums_[kind_index(kind)] += alpha_powers_[index_++] * value;
  }

 private:
  Ext aux_at(uint64_t row, uint64_t c) const {
    const uint64_t first = kAuxCoordinates * c;
    return {lde_.aux.at(row, first), lde_.aux.at(row, first + 1), lde_.aux.at(row, first + 2)};
  }

  const LdeView& lde_;
  const ConstraintInputs& inputs_;
  std::span<const Fp3> alpha_powers_;
  uint64_t mask_;
  uint64_t shift_;
  uint64_t row_ = 0;
  uint64_t next_ = 0;
  uint64_t index_ = 0;
  KindSums sums_{};
};

}  // namespace baobab::air
