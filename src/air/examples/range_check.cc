#include "src/air/examples/range_check.h"

#include "src/air/logup.h"
#include "src/common/check.h"

namespace baobab::air::examples {

void RangeValuesAir::build_aux(const TraceView& trace, const ConstraintInputs& inputs,
                               MatrixView aux_out, std::span<Fp3> aux_values_out) const {
  build_aux_rows(trace, inputs, 0, aux_out, aux_values_out.subspan(kAuxValueFinal, 1));
}

void RangeValuesAir::build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs,
                                    uint64_t first, MatrixView aux_out,
                                    std::span<Fp3> block_sums_out) const {
  const uint64_t at = trace.block_rows != 0 ? 0 : first;  // a block view starts at `first`
  block_sums_out[0] =
      logup_running_sum(trace.main.column_span(kColValue).subspan(at, aux_out.rows), {},
                        inputs.challenges[kChallengeGamma], LogupSide::kLookup, aux_out, kAuxSum);
}

void RangeTableAir::build_preprocessed(MatrixView out) const {
  for (uint64_t t = 0; t < out.rows; ++t) out.at(t, kPreValue) = Fp::from_u64(t);
}

void RangeTableAir::build_aux(const TraceView& trace, const ConstraintInputs& inputs,
                              MatrixView aux_out, std::span<Fp3> aux_values_out) const {
  build_aux_rows(trace, inputs, 0, aux_out, aux_values_out.subspan(kAuxValueFinal, 1));
}

void RangeTableAir::build_aux_rows(const TraceView& trace, const ConstraintInputs& inputs,
                                   uint64_t first, MatrixView aux_out,
                                   std::span<Fp3> block_sums_out) const {
  const uint64_t at = trace.block_rows != 0 ? 0 : first;  // a block view starts at `first`
  block_sums_out[0] =
      logup_running_sum(trace.preprocessed.column_span(kPreValue).subspan(at, aux_out.rows),
                        trace.main.column_span(kColMultiplicity).subspan(at, aux_out.rows),
                        inputs.challenges[kChallengeGamma], LogupSide::kTable, aux_out, kAuxSum);
}

RangeCheckTrace generate_range_check_trace(std::span<const uint64_t> values, int log_rows) {
  RangeCheckTrace t;
  t.value_rows = uint64_t{1} << log_rows;
  BAOBAB_CHECK(values.size() <= t.value_rows, "generate_range_check_trace: too many values");
  t.values.assign(t.value_rows, Fp::zero());
  std::vector<uint64_t> counts(kRangeSize, 0);
  for (uint64_t i = 0; i < t.value_rows; ++i) {
    const uint64_t v = i < values.size() ? values[i] : 0;
    t.values[i] = Fp::from_u64(v);
    if (v < kRangeSize) ++counts[v];
  }
  t.multiplicities.resize(kRangeSize);
  t.table.resize(kRangeSize);
  for (uint64_t v = 0; v < kRangeSize; ++v) {
    t.multiplicities[v] = Fp::from_u64(counts[v]);
    t.table[v] = Fp::from_u64(v);
  }
  return t;
}

}  // namespace baobab::air::examples
