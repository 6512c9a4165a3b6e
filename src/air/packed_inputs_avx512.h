// The per-proof values a packed sink offers besides the columns (challenges,
// public inputs, aux values), broadcast to all eight lanes. Shared by the
// packed sinks (lde_packed_sink_avx512.h, trace_packed_avx512.h); include
// only from *_avx512.cc files (STYLE §9).
#pragma once

#include <cstdint>

#include "src/air/table.h"
#include "src/field/simd/avx512_packed.h"

namespace baobab::air {

class PackedInputs {
 public:
  using Base = field::avx512::PackedFp;
  using Ext = field::avx512::PackedFp3;

  explicit PackedInputs(const ConstraintInputs& inputs) : inputs_(inputs) {}

  [[gnu::always_inline]] Ext challenge(uint64_t i) const {
    return Ext::splat(inputs_.challenges[i]);
  }
  [[gnu::always_inline]] Base public_input(uint64_t i) const {
    return Base::splat(inputs_.public_inputs[i]);
  }
  [[gnu::always_inline]] Ext aux_value(uint64_t i) const {
    return Ext::splat(inputs_.aux_values[i]);
  }

 private:
  const ConstraintInputs& inputs_;
};

}  // namespace baobab::air
