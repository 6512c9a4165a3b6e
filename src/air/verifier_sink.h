// VerifierSink: the sink the verifier runs an AIR's eval() with at the
// out-of-domain point z. Every value is Fp3 (z is); column values come from
// an OodFrame (table.h). Constraint i (declaration order) is multiplied by
// α^i and added to the sum of its kind; ood_composition.h divides each kind
// by its vanishing polynomial at z. Indices were bounds-checked by the
// DegreeCounter; the frame's sizes by the caller (ood_composition.cc).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "src/air/constraint.h"
#include "src/air/table.h"

namespace baobab::air {

// X, the generator of Fp3 over Fp: aux coordinate j is multiplied by X^j.
inline constexpr Fp3 kExtX{Fp::zero(), Fp::one(), Fp::zero()};
inline constexpr Fp3 kExtX2{Fp::zero(), Fp::zero(), Fp::one()};

// c0 + c1·X + c2·X^2 for coordinate polynomials evaluated at an Fp3 point.
constexpr Fp3 combine_coordinates(const Fp3& c0, const Fp3& c1, const Fp3& c2) {
  return c0 + c1 * kExtX + c2 * kExtX2;
}

class VerifierSink {
 public:
  using Base = Fp3;
  using Ext = Fp3;

  VerifierSink(const OodFrame& frame, const ConstraintInputs& inputs,
               std::span<const Fp3> alpha_powers)
      : frame_(frame), inputs_(inputs), alpha_powers_(alpha_powers) {}

  Base main(uint64_t c) const { return frame_.main[c]; }
  Base main_next(uint64_t c) const { return frame_.main_next[c]; }
  Base preprocessed(uint64_t c) const { return frame_.preprocessed[c]; }
  Base preprocessed_next(uint64_t c) const { return frame_.preprocessed_next[c]; }
  Ext aux(uint64_t c) const { return aux_at(frame_.aux, c); }
  Ext aux_next(uint64_t c) const { return aux_at(frame_.aux_next, c); }
  Ext challenge(uint64_t i) const { return inputs_.challenges[i]; }
  Base public_input(uint64_t i) const { return Fp3(inputs_.public_inputs[i]); }
  Ext aux_value(uint64_t i) const { return inputs_.aux_values[i]; }
  Base constant(Fp v) const { return Fp3(v); }

  void assert_zero(std::string_view, ConstraintKind kind, const Fp3& value) {
    sums_[kind_index(kind)] += alpha_powers_[index_++] * value;
  }

  const KindSums& sums() const { return sums_; }

 private:
  static Fp3 aux_at(std::span<const Fp3> coords, uint64_t c) {
    const uint64_t first = kAuxCoordinates * c;
    return combine_coordinates(coords[first], coords[first + 1], coords[first + 2]);
  }

  const OodFrame& frame_;
  const ConstraintInputs& inputs_;
  std::span<const Fp3> alpha_powers_;
  uint64_t index_ = 0;
  KindSums sums_{};
};

}  // namespace baobab::air
